extension ModelBuilder {
  /// `item "text" QTY [UNIT] @ RATE [CUR] [tax ID...] [discount X]`, or
  /// `item "text" AMOUNT [CUR] [tax ID...] [discount X]`.
  func lineItem(_ field: FieldNode, _ reader: EntryReader, currency: Currency?) -> LineItem? {
    let tree = reader.tree
    let tokens = reader.values(field)
    guard let first = tokens.first, first.kind == .string else {
      report(
        .error(
          Self.valuesCode, "an item starts with its description in quotes",
          at: tokens.first.map { tree.range($0) } ?? reader.afterKey(field),
          fix: "item \"Design work\" 10h @ 95 EUR"))
      return nil
    }
    var item = LineItem(description: tree.text(first), range: reader.range(of: field))
    // Split off the options: everything from the first `tax` or `discount` word.
    let optionStart =
      tokens.indices.dropFirst().first {
        tokens[$0].kind == .word
          && (tree.isWord(tokens[$0], "tax") || tree.isWord(tokens[$0], "discount"))
      } ?? tokens.count
    let pricing = Array(tokens[1..<optionStart])
    if let at = pricing.firstIndex(where: { tree.isWord($0, "@") }) {
      let quantityTokens = pricing[..<at]
      guard let quantityToken = quantityTokens.first else {
        report(
          .error(
            Self.valuesCode, "the quantity goes before `@`", at: tree.range(pricing[at]),
            fix: "item \"\(item.description)\" 1 @ ..."))
        return nil
      }
      guard let quantity = quantity(quantityToken, reader) else { return nil }
      item.quantity = quantity
      if case .time = quantity { item.unit = "h" }
      if quantityTokens.count == 2, let unitToken = quantityTokens.last {
        item.unit = tree.text(unitToken)
      } else if quantityTokens.count > 2 {
        reader.extra(quantityTokens.dropFirst(2), self)
      }
      guard at + 1 < pricing.count else {
        report(
          .error(
            Self.valuesCode, "`@` needs the rate after it", at: tree.range(pricing[at]),
            fix: "@ 95 EUR"))
        return nil
      }
      guard let (rate, used) = reader.money(pricing, at: at + 1, currency: currency, self) else {
        return nil
      }
      item.rate = rate
      if at + 1 + used < pricing.count { reader.extra(pricing[(at + 1 + used)...], self) }
    } else if !pricing.isEmpty {
      guard let (amount, used) = reader.money(pricing, at: 0, currency: currency, self) else {
        return nil
      }
      item.amount = amount
      if used < pricing.count { reader.extra(pricing[used...], self) }
    } else {
      report(
        .error(
          Self.valuesCode, "this item has no price", at: reader.range(of: field),
          fix: "item \"\(item.description)\" 10h @ 95 EUR, or item \"\(item.description)\" 500 EUR")
      )
      return nil
    }
    var index = optionStart
    while index < tokens.count {
      let option = tokens[index]
      var end = index + 1
      while end < tokens.count, !tree.isWord(tokens[end], "tax"),
        !tree.isWord(tokens[end], "discount")
      {
        end += 1
      }
      let arguments = tokens[(index + 1)..<end]
      if tree.isWord(option, "tax") {
        if arguments.isEmpty {
          report(
            .error(
              Self.valuesCode, "`tax` needs a tax id, or `none`", at: tree.range(option),
              fix: "tax vat"))
        } else if arguments.count == 1, let only = arguments.first, tree.isWord(only, "none") {
          item.taxes = []
        } else {
          var taxes = item.taxes ?? []
          addTaxes(arguments.compactMap { reader.ref($0, self) }, to: &taxes)
          item.taxes = taxes
        }
      } else if let discount = discount(
        arguments, reader, currency: currency, at: tree.range(option))
      {
        item.discount = discount
      }
      index = end
    }
    return item
  }

  private func quantity(_ token: Token, _ reader: EntryReader) -> Quantity? {
    let bytes = reader.tree.bytes(token)
    if bytes.contains(where: { $0 == UInt8(ascii: "h") || $0 == UInt8(ascii: "m") }) {
      return reader.timeSpan(token, self).map { .time($0) }
    }
    return reader.decimal(token, self).map { .count($0) }
  }

  /// `10%` or an amount.
  func discount(
    _ tokens: some RandomAccessCollection<Token>, _ reader: EntryReader, currency: Currency?,
    at fallback: SourceRange
  ) -> Discount? {
    guard let first = tokens.first else {
      report(
        .error(
          Self.valuesCode, "`discount` needs a percentage or an amount", at: fallback,
          fix: "discount 10%"))
      return nil
    }
    let bytes = reader.tree.bytes(first)
    if bytes.count > 2, bytes.first == UInt8(ascii: "-"), bytes.last == UInt8(ascii: "%"),
      Percentage.parse(bytes.dropFirst()) != nil
    {
      minusDiscount(
        at: reader.tree.range(first), fix: String(decoding: bytes.dropFirst(), as: UTF8.self))
      return nil
    }
    if let percent = reader.percentage(first) {
      if tokens.count > 1 { reader.extra(tokens.dropFirst(), self) }
      return .percent(percent)
    }
    guard let (money, used) = reader.money(tokens, at: 0, currency: currency, self) else {
      return nil
    }
    if used < tokens.count { reader.extra(tokens.dropFirst(used), self) }
    guard !money.isNegative else {
      minusDiscount(
        at: reader.tree.range(first),
        fix: "\(money.negated.amount) \(money.currency); for a higher price, raise the rate")
      return nil
    }
    return .amount(money)
  }

  /// A discount percentage or amount written with a minus; `fix` follows `discount `.
  private func minusDiscount(at range: SourceRange, fix: String) {
    report(
      .error(
        Self.valuesCode, "a discount is taken off, so it is written without a minus", at: range,
        fix: "discount " + fix))
  }
}

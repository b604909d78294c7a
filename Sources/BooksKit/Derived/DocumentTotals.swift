/// The amounts of one line item, rounded to the currency's minor units.
public struct LineTotal: Sendable {
  /// Quantity × rate (or the flat amount), rounded.
  public var gross: Money
  public var discount: Money
  /// `gross - discount`.
  public var net: Money
  /// The taxes that apply to this line.
  public var taxIDs: [String]
}

/// One tax on a document: the base it applies to and the amount, rounded once.
public struct TaxLine: Sendable {
  public var id: String
  public var name: String
  public var rate: Percentage
  public var base: Money
  public var amount: Money
}

/// The computed totals of an invoice, estimate or credit note.
///
/// The rule (FORMAT.md, "Rounding"): each line is rounded to the currency's minor units,
/// the subtotal is the sum of rounded lines, document discounts are rounded each, and each
/// tax is computed on its exact (discounted) base and rounded once per document.
public struct DocumentTotals: Sendable {
  public var currency: Currency
  public var lines: [LineTotal]
  public var subtotal: Money
  public var discount: Money
  public var taxes: [TaxLine]
  public var taxInclusive: Bool
  /// The amount due: `subtotal - discount + taxes` (exclusive) or `subtotal - discount`
  /// (inclusive, where the taxes are part of the prices).
  public var total: Money

  public var taxTotal: Money {
    taxes.reduce(Money.zero(currency)) { (try? $0.adding($1.amount)) ?? $0 }
  }
}

/// Why totals could not be computed, pointing at what caused it.
public struct TotalsProblem: Error, Sendable {
  public var message: String
  public var range: SourceRange
  public var fix: String
}

/// Exact document arithmetic, the one place where invoice money is rounded.
public enum DocumentMath {
  /// Precision of intermediate tax computations before the single rounding per tax.
  static let workingScale = 10

  /// Computes the totals of a document's items.
  ///
  /// - Parameters:
  ///   - defaultTaxes: taxes of lines that name none (the document's `tax` fields).
  ///   - lookup: the tax an id names; it must only read, as each id is looked up once.
  public static func totals(
    items: [LineItem], discounts: [Located<Discount>], defaultTaxes: [Ref], inclusive: Bool,
    currency: Currency, taxes lookup: (String) -> Tax?
  ) -> Result<DocumentTotals, TotalsProblem> {
    do {
      return .success(
        try compute(
          items: items, discounts: discounts, defaultTaxes: defaultTaxes, inclusive: inclusive,
          currency: currency, lookup: lookup))
    } catch let problem as TotalsProblem {
      return .failure(problem)
    } catch {
      return .failure(
        TotalsProblem(
          message: "cannot compute totals",
          range: items.first?.range ?? SourceRange(file: 0, start: 0, end: 0), fix: ""))
    }
  }

  private static func compute(
    items: [LineItem], discounts: [Located<Discount>], defaultTaxes: [Ref], inclusive: Bool,
    currency: Currency, lookup: (String) -> Tax?
  ) throws -> DocumentTotals {
    let zero = Money.zero(currency)
    let minorUnits = currency.minorUnits
    var lines: [LineTotal] = []
    lines.reserveCapacity(items.count)
    var subtotal = zero
    // Items are read in place: a copy of one retains its description and its taxes.
    try items.forEachAddress { _, item in
      let range = item.pointee.range
      let gross = try lineGross(item, currency: currency, minorUnits: minorUnits)
      var discount = zero
      switch item.pointee.discount {
      case .percent(let percent):
        discount = try round(percent.of(gross.amount), currency, minorUnits, at: range)
      case .amount(let money):
        try sameCurrency(money.currency, currency, at: range)
        discount = try round(money.amount, currency, minorUnits, at: range)
        // A discount brings the line towards zero, as a percentage of it does.
        if gross.isNegative { discount = discount.negated }
      case nil: break
      }
      if discount.amount.magnitude > gross.amount.magnitude {
        throw TotalsProblem(
          message: "the discount is larger than the line's amount", range: range,
          fix: "check the discount")
      }
      let net = try checked(gross.subtracting(discount), at: range)
      let taxes = item.pointee.taxes ?? defaultTaxes
      var taxIDs: [String] = []
      taxIDs.reserveCapacity(taxes.count)
      for tax in taxes where !taxIDs.contains(tax.id) {
        taxIDs.append(tax.id)  // a tax named twice is reported by the builder and charged once
      }
      lines.append(LineTotal(gross: gross, discount: discount, net: net, taxIDs: taxIDs))
      subtotal = try checked(subtotal.adding(net), at: range)
    }

    var documentDiscount = zero
    for located in discounts {
      let amount: Money
      switch located.value {
      case .percent(let percent):
        amount = try round(percent.of(subtotal.amount), currency, at: located.range)
      case .amount(let money):
        try sameCurrency(money.currency, currency, at: located.range)
        let rounded = try round(money.amount, currency, at: located.range)
        amount = subtotal.isNegative ? rounded.negated : rounded
      }
      documentDiscount = try checked(documentDiscount.adding(amount), at: located.range)
    }
    if documentDiscount.amount.magnitude > subtotal.amount.magnitude, let first = discounts.first {
      throw TotalsProblem(
        message: "the discounts are larger than the subtotal \(subtotal)", range: first.range,
        fix: "check the discount")
    }
    let afterDiscount = try checked(
      subtotal.subtracting(documentDiscount),
      at: discounts.first?.range ?? items.first?.range ?? SourceRange(file: 0, start: 0, end: 0))

    // Taxes: group line nets by tax set, scale by the document discount, round per tax.
    // Per tax, in order of first use: a document has a handful, so arrays beat hashing.
    var taxOrder: [String] = []
    var bases: [DecimalNumber] = []
    var amounts: [DecimalNumber] = []
    // Each tax is looked up once per document, not once per line.
    var looked: [(id: String, tax: Tax?)] = []
    func tax(_ id: String) -> Tax? {
      if let found = looked.first(where: { $0.id == id }) { return found.tax }
      let tax = lookup(id)
      looked.append((id, tax))
      return tax
    }
    for (line, item) in zip(lines.indices, items.indices) {
      var rates: [(Tax, Percentage)] = []
      for id in lines[line].taxIDs {
        guard let tax = tax(id) else { continue }  // unknown ids are reported by `refs`
        rates.append((tax, tax.rate))
      }
      guard !rates.isEmpty else { continue }
      let range = items[item].range
      // The line's share of the document discount: net × afterDiscount / subtotal.
      var base = lines[line].net.amount
      if !documentDiscount.isZero, !subtotal.isZero {
        guard
          let scaled = lines[line].net.amount.multiplied(by: afterDiscount.amount)?
            .divided(by: subtotal.amount, scale: workingScale)
        else { throw overflow(range) }
        base = scaled
      }
      var rateSum = DecimalNumber.zero
      for (_, rate) in rates {
        guard let sum = rateSum.adding(rate.value) else { throw overflow(range) }
        rateSum = sum
      }
      for (tax, rate) in rates {
        let slot: Int
        if let found = taxOrder.firstIndex(of: tax.id) {
          slot = found
        } else {
          slot = taxOrder.count
          taxOrder.append(tax.id)
          bases.append(.zero)
          amounts.append(.zero)
        }
        var share: DecimalNumber?
        var taxBase = base
        if inclusive {
          // The price holds base × (100 + Σrates) / 100: this tax is price × rate / (100 + Σrates).
          guard let denominator = DecimalNumber(100).adding(rateSum),
            let numerator = base.multiplied(by: rate.value),
            let baseNumerator = base.multiplied(by: DecimalNumber(100)),
            let exTax = baseNumerator.divided(by: denominator, scale: workingScale)
          else { throw overflow(range) }
          share = numerator.divided(by: denominator, scale: workingScale)
          taxBase = exTax
        } else {
          share = rate.of(base)
        }
        guard let share, let newAmount = amounts[slot].adding(share),
          let newBase = bases[slot].adding(taxBase)
        else { throw overflow(range) }
        amounts[slot] = newAmount
        bases[slot] = newBase
      }
    }
    var taxLines: [TaxLine] = []
    var total = afterDiscount
    let anchor = items.first?.range ?? SourceRange(file: 0, start: 0, end: 0)
    for (slot, id) in taxOrder.enumerated() {
      guard let tax = tax(id) else { continue }
      let amount = amounts[slot]
      let base = bases[slot]
      let roundedAmount = try round(amount, currency, minorUnits, at: anchor)
      let roundedBase = try round(base, currency, minorUnits, at: anchor)
      taxLines.append(
        TaxLine(id: id, name: tax.name, rate: tax.rate, base: roundedBase, amount: roundedAmount))
      if !inclusive {
        total = try checked(total.adding(roundedAmount), at: anchor)
      }
    }
    return DocumentTotals(
      currency: currency, lines: lines, subtotal: subtotal, discount: documentDiscount,
      taxes: taxLines, taxInclusive: inclusive, total: total)
  }

  /// Quantity × rate, or the flat amount, rounded to minor units. Time is billed by the
  /// minute: minutes × rate / 60, rounded once.
  public static func lineGross(_ item: LineItem, currency: Currency) throws -> Money {
    try withUnsafePointer(to: item) {
      try lineGross($0, currency: currency, minorUnits: currency.minorUnits)
    }
  }

  /// `lineGross(_:currency:)` of an item read in place, the currency's minor units known.
  private static func lineGross(
    _ item: UnsafePointer<LineItem>, currency: Currency, minorUnits: Int
  ) throws -> Money {
    let range = item.pointee.range
    if let amount = item.pointee.amount {
      try sameCurrency(amount.currency, currency, at: range)
      return try round(amount.amount, currency, minorUnits, at: range)
    }
    guard let rate = item.pointee.rate, let quantity = item.pointee.quantity else {
      throw TotalsProblem(message: "this item has no price", range: range, fix: "add `@ RATE`")
    }
    try sameCurrency(rate.currency, currency, at: range)
    let exact: DecimalNumber?
    switch quantity {
    case .count(let count):
      exact = count.multiplied(by: rate.amount)
    case .time(let span):
      // One rounding, straight to minor units: minutes × rate / 60.
      guard
        let rounded = DecimalNumber(span.minutes).multiplied(by: rate.amount)?
          .divided(by: DecimalNumber(60), scale: minorUnits)
      else { throw overflow(range) }
      return Money(rounded, currency)
    }
    guard let exact else { throw overflow(range) }
    return try round(exact, currency, minorUnits, at: range)
  }

  static func round(_ value: DecimalNumber?, _ currency: Currency, at range: SourceRange) throws
    -> Money
  {
    try round(value, currency, currency.minorUnits, at: range)
  }

  /// `round(_:_:at:)` with the currency's minor units known.
  private static func round(
    _ value: DecimalNumber?, _ currency: Currency, _ minorUnits: Int, at range: SourceRange
  ) throws -> Money {
    guard let value, let rounded = value.rounded(toScale: minorUnits) else {
      throw overflow(range)
    }
    return Money(rounded, currency)
  }

  private static func sameCurrency(_ a: Currency, _ b: Currency, at range: SourceRange) throws {
    guard a == b else {
      throw TotalsProblem(
        message: "this amount is in \(a) but the document is in \(b)", range: range,
        fix: "write the amount in \(b), or set `currency \(a)` on the document")
    }
  }

  private static func checked(_ operation: @autoclosure () throws -> Money, at range: SourceRange)
    throws -> Money
  {
    do {
      return try operation()
    } catch {
      throw overflow(range)
    }
  }

  static func overflow(_ range: SourceRange) -> TotalsProblem {
    TotalsProblem(
      message: "this amount is too large to compute exactly", range: range,
      fix:
        "a computed amount is exact up to about 1.7 × 10^38 in its last digit; check the quantities and prices for a typing mistake"
    )
  }
}

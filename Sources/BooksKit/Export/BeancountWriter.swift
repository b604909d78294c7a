/// Writes a `Journal` as a beancount file: options, an `open` directive per account, and
/// the transactions with their tags as metadata.
public enum BeancountWriter {
  /// - Parameters:
  ///   - title: the business's name, for beancount's `title` option.
  ///   - currency: the business's currency, beancount's operating currency.
  public static func write(
    _ journal: Journal, source: LedgerWriter.Source, title: String?, currency: Currency?
  ) -> String {
    var out = """
      ; books export beancount: \(Journal.clean(source.summary) ?? "the books")
      ; made by \(source.generator); the chart of accounts is in FORMAT.md, section 2.10.
      ; Each transaction's `entry` metadata says what it comes from: invoice, credit,
      ; income (money received), fee or expense.


      """
    if let title = Journal.clean(title) { out += "option \"title\" \(quoted(title))\n" }
    if let currency { out += "option \"operating_currency\" \"\(currency.code)\"\n" }
    if let opened = journal.transactions.first?.date {
      out += "\n"
      for account in journal.accounts { out += "\(opened) open \(name(account))\n" }
    }
    for transaction in journal.transactions {
      out += "\n" + self.transaction(transaction)
    }
    return out
  }

  static func transaction(_ transaction: Journal.Transaction) -> String {
    var out = "\(transaction.date) *"
    if let payee = transaction.payee { out += " " + quoted(payee) }
    out += " " + quoted(transaction.narration) + "\n"
    for tag in transaction.allTags { out += "  \(tag.name): \(quoted(tag.value))\n" }
    let width = transaction.postings.map { name($0.account).count }.max() ?? 0
    let amounts = transaction.postings.map { $0.amount.description }
    let amountWidth = amounts.map(\.count).max() ?? 0
    for (posting, amount) in zip(transaction.postings, amounts) {
      let account = name(posting.account)
      out +=
        "  " + account + String(repeating: " ", count: width - account.count + 2)
        + String(repeating: " ", count: amountWidth - amount.count) + amount + "\n"
      for tag in posting.tags { out += "    \(tag.name): \(quoted(tag.value))\n" }
    }
    return out
  }

  /// `Assets:Receivable:Acme-web`: each segment capitalised, made of ASCII letters, digits
  /// and `-` (any other character becomes `-`), starting with a capital or a digit.
  public static func name(_ account: Journal.Account) -> String {
    account.path.map { segment in
      var scalars = String.UnicodeScalarView()
      for scalar in segment.unicodeScalars {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-": scalars.append(scalar)
        default: scalars.append("-")
        }
      }
      var safe = String(scalars)
      guard let first = safe.unicodeScalars.first else { return "None" }
      switch first {
      case "a"..."z": safe = String(safe.prefix(1)).uppercased() + String(safe.dropFirst())
      case "A"..."Z", "0"..."9": break
      default: safe = "X" + safe
      }
      return safe
    }.joined(separator: ":")
  }

  /// A beancount string: in double quotes, with `\` and `"` escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for character in text {
      if character == "\\" || character == "\"" { out.append("\\") }
      out.append(character)
    }
    return out + "\""
  }
}

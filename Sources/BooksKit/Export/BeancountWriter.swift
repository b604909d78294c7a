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
    let accounts = journal.accounts
    let names = names(accounts)
    if let opened = journal.transactions.first?.date {
      out += "\n"
      for account in accounts { out += "\(opened) open \(names[account] ?? name(account))\n" }
    }
    for transaction in journal.transactions {
      out += "\n" + self.transaction(transaction, names: names)
    }
    return out
  }

  static func transaction(
    _ transaction: Journal.Transaction, names: [Journal.Account: String] = [:]
  ) -> String {
    let name = { (account: Journal.Account) in names[account] ?? Self.name(account) }
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

  /// Each account's beancount name, no two alike. `name(_:)` maps `_`, `.` and `/` to `-`,
  /// so `office.rent` and `office-rent` would share `Expenses:Office-rent`, and their money
  /// would be added up as one account's. When accounts meet on a name, the one whose words
  /// need no change keeps it (else the first in path order), and each other one gets `-2`,
  /// `-3`, ... after its last part: the first such name that no account has.
  public static func names(_ accounts: [Journal.Account]) -> [Journal.Account: String] {
    let ordered = accounts.sorted { $0.path.lexicographicallyPrecedes($1.path) }
    var groups: [String: [Journal.Account]] = [:]
    for account in ordered { groups[name(account), default: []].append(account) }
    var names: [Journal.Account: String] = [:]
    var taken = Set(groups.keys)
    for account in ordered {
      let base = name(account)
      guard let group = groups[base], group.count > 1 else {
        names[account] = base
        continue
      }
      let keeper = group.first(where: isPlain) ?? group[0]
      guard account != keeper else {
        names[account] = base
        continue
      }
      var number = 2
      while taken.contains("\(base)-\(number)") { number += 1 }
      names[account] = "\(base)-\(number)"
      taken.insert("\(base)-\(number)")
    }
    return names
  }

  /// True when `name(_:)` changes no character of the account's words but the first's case.
  private static func isPlain(_ account: Journal.Account) -> Bool {
    account.path.allSatisfy { segment in
      !segment.isEmpty
        && segment.utf8.allSatisfy {
          ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39)
            || $0 == 0x2D
        }
        && segment.utf8.first != 0x2D
    }
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

/// Writes a `Journal` as an hledger or a Ledger journal. The two read the same syntax
/// for everything used here; they differ in how a transaction's description reads and
/// how a currency without minor units is declared.
public enum LedgerWriter {
  public enum Flavour: String, Sendable {
    case hledger, ledger
  }

  /// Where the journal came from, for its header.
  public struct Source: Sendable {
    public var files: [String]
    public var asOf: CalendarDate?
    public var period: DayRange
    /// `books 0.1.0`.
    public var generator: String

    public init(
      files: [String], asOf: CalendarDate?, period: DayRange = DayRange(), generator: String
    ) {
      self.files = files
      self.asOf = asOf
      self.period = period
      self.generator = generator
    }

    /// "the books in a.books and b.books, 2026, as of 2026-11-22".
    var summary: String {
      var text = "the books in " + files.joined(separator: " and ")
      if period.from != nil || period.to != nil { text += ", " + period.label }
      if let asOf { text += ", as of \(asOf)" }
      return text
    }
  }

  public static func write(_ journal: Journal, _ flavour: Flavour, source: Source) -> String {
    let tool = flavour.rawValue
    var out = """
      ; books export \(tool): \(Journal.clean(source.summary) ?? "the books")
      ; made by \(source.generator); the chart of accounts is in FORMAT.md, section 2.10.
      ; Invoices are income when issued; `books report finance` counts money received
      ; and expenses, which are, month by month:

      """
    switch flavour {
    case .hledger:
      out += """
        ;   hledger balance assets:bank tag:entry=income --monthly
        ;   hledger balance expenses tag:entry=expense --monthly

        """
    case .ledger:
      out += """
        ;   ledger register ^assets:bank and %entry=income --monthly --collapse
        ;   ledger register ^expenses and %entry=expense --monthly --collapse

        """
    }
    out += "\n"
    for account in journal.accounts { out += "account \(name(account))\n" }
    out += "\n"
    for currency in journal.currencies {
      let sample =
        currency.minorUnits == 0
        ? (flavour == .hledger ? "1000." : "1000")
        : "1000." + String(repeating: "0", count: currency.minorUnits)
      out += "commodity \(currency.code)\n    format \(sample) \(currency.code)\n"
    }
    out += "\n"
    for tag in journal.tagNames { out += "tag \(tag)\n" }
    for transaction in journal.transactions {
      out += "\n" + self.transaction(transaction, flavour)
    }
    return out
  }

  static func transaction(_ transaction: Journal.Transaction, _ flavour: Flavour) -> String {
    var description = transaction.narration
    if flavour == .hledger, let payee = transaction.payee {
      description = payee + " | " + description
    }
    var out = "\(transaction.date) \(safeDescription(description))\n"
    for tag in transaction.allTags { out += "    ; \(tag.name): \(safeTagValue(tag.value))\n" }
    let width = transaction.postings.map { name($0.account).count }.max() ?? 0
    let amounts = transaction.postings.map { $0.amount.description }
    let amountWidth = amounts.map(\.count).max() ?? 0
    for (posting, amount) in zip(transaction.postings, amounts) {
      let account = name(posting.account)
      var line =
        "    " + account + String(repeating: " ", count: width - account.count + 2)
        + String(repeating: " ", count: amountWidth - amount.count) + amount
      for tag in posting.tags { line += "  ; \(tag.name): \(safeTagValue(tag.value))" }
      out += line + "\n"
    }
    return out
  }

  /// `assets:receivable:acme`: the path joined by colons, each segment made of letters,
  /// digits, `-`, `_`, `.` and `/` only (the characters of a books id).
  public static func name(_ account: Journal.Account) -> String {
    account.path.map { segment in
      // Most segments are ids, made of allowed characters only: kept as they are.
      if !segment.isEmpty, segment.utf8.allSatisfy(isAccountByte) { return segment }
      let safe = String(
        String.UnicodeScalarView(
          segment.unicodeScalars.map { scalar in
            isAccountCharacter(scalar) ? scalar : "-"
          }))
      return safe.isEmpty ? "none" : safe
    }.joined(separator: ":")
  }

  private static func isAccountByte(_ byte: UInt8) -> Bool {
    byte < 0x80 && isAccountCharacter(Unicode.Scalar(byte))
  }

  private static func isAccountCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/": true
    default: false
    }
  }

  /// A description neither tool misreads: `;` (a comment) becomes `,`, and one that
  /// starts like a status or a code (`*`, `!`, `(`) gets a `- ` in front.
  static func safeDescription(_ text: String) -> String {
    let text =
      text.utf8.contains(UInt8(ascii: ";")) ? String(text.map { $0 == ";" ? "," : $0 }) : text
    guard let first = text.first else { return "-" }
    return "*!(".contains(first) ? "- " + text : text
  }

  /// A tag value ends at a comma in hledger: commas become spaces.
  static func safeTagValue(_ text: String) -> String {
    text.utf8.contains(UInt8(ascii: ",")) ? String(text.map { $0 == "," ? " " : $0 }) : text
  }
}

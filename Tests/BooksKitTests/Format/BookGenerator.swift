@testable import BooksKit

/// Random valid books written untidily: odd indentation and spacing, tabs, comments
/// everywhere, blank lines inside and between entries, CRLF line ends, shuffled fields,
/// durations and amounts in every spelling. Seeded, so a failure can be replayed.
struct BookGenerator {
  private var random: SplitMix64
  private var counter = 0
  /// Invoice numbers run without gaps (`numbering` checks it).
  private var invoices = 0

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  /// An entry before it is written: its head and its field lines, as tokens.
  private struct Draft {
    var head: [String]
    var fields: [[String]]
    /// True when the fields may come in any order.
    var shuffle = true
  }

  private static let header = """
    business "North Studio"
      currency EUR
    tax vat "VAT" 20%
    client acme "Acme Corp"
    project web "Website"
      client acme
    service web/design "Design"
      pricing hourly 90 EUR
    staff sam "Sam Lee"
      may-approve yes

    """

  mutating func book() -> String {
    var drafts: [Draft] = []
    for _ in 0..<(3 + random.below(10)) { drafts.append(draft()) }
    let lineEnd = random.below(4) == 0 ? "\r\n" : "\n"
    var out = Self.header.replacingNewlines(with: lineEnd)
    for draft in drafts {
      out += write(draft).joined(separator: lineEnd) + lineEnd
      out += String(repeating: lineEnd, count: random.below(3))
    }
    return out
  }

  // MARK: Entries

  private mutating func draft() -> Draft {
    counter += 1
    let number = counter
    let date = "2026-\(pad(1 + random.below(12)))-\(pad(1 + random.below(28)))"
    switch random.below(9) {
    case 0:
      return Draft(
        head: ["client", "c\(number)", quoted("Client \(number)")],
        fields: some([
          ["stage", "client"], ["email", "c\(number)@example.com"], ["contract"] + amount(),
          ["rounding", duration()], ["terms", "14", "days"], ["note", quoted("A note")],
          ["address", quoted("1 Main St")], ["address", quoted("Town")],
        ]))
    case 1:
      return Draft(
        head: ["project", "p\(number)", quoted("Project \(number)")],
        fields: [["client", "acme"]]
          + some([
            ["value"] + amount(), ["priority", "high"], ["status", "in-progress"],
            ["start", "2026-01-05"], ["end", "2026-12-20"], ["estimate", duration()],
            ["milestone", quoted("Design"), "400", "EUR", "due", "2026-03-01"],
            ["milestone", quoted("Build"), "600", "EUR"], ["note", quoted("Project note")],
          ]))
    case 2:
      return Draft(
        head: [date, "time", random.below(2) == 0 ? "web" : "web/design", duration()]
          + words("Design work"),
        fields: some([["staff", "sam"], ["billable", "no"], ["note", quoted("Time note")]]))
    case 3:
      return Draft(
        head: [date, "income"] + amount() + words("Payment from Acme"),
        fields: some([
          ["client", "acme"], ["via", "bank"], ["fee"] + amount(), ["note", "bare", "words"],
        ]))
    case 4:
      return Draft(
        head: [date, "expense"] + amount() + words("Software subscription"),
        fields: some([
          ["vendor", quoted("Figma")], ["via", "card"], ["deductible", "yes"], ["tax", "vat"],
          ["billable", "acme"], ["note", quoted("Expense note")],
        ]))
    case 5:
      var items: [[String]] = []
      for index in 0..<(1 + random.below(3)) {
        items.append(
          random.below(2) == 0
            ? ["item", quoted("Design, part \(index)"), duration(), "@", "90"]
            : ["item", quoted("Licence \(index)"), "\(1 + random.below(5))", "@", "12.50", "EUR"])
      }
      invoices += 1
      return Draft(
        head: [date, "invoice", "INV-\(invoices)", "acme"],
        fields: items
          + some([
            ["project", "web"], ["status", "sent"], ["tax", "vat"], ["discount", "5%"],
            ["note", quoted("Invoice note")], ["terms", quoted("Payable by transfer")],
          ]))
    case 6:
      return Draft(
        head: [date, "meeting", "10:00", duration(), quoted("Meeting \(number)")],
        fields: some([
          ["with", "acme", "sam"], ["medium", "zoom"], ["agenda", quoted("First point")],
          ["agenda", quoted("Second point")], ["location", "The", "office"],
          ["note", quoted("Meeting note")],
        ]))
    case 7:
      return Draft(
        head: ["staff", "s\(number)", quoted("Staff \(number)")],
        fields: some([
          ["role", quoted("Designer")], ["cost"] + amount(), ["rate"] + amount(),
          ["clients", "acme"], ["email", "s@example.com"],
        ]))
    default:
      return Draft(head: ["category", "cat\(number)", quoted("Category \(number)")], fields: [])
    }
  }

  // MARK: Writing

  /// The lines of an entry, untidily: tags, comments and blank lines thrown in.
  private mutating func write(_ draft: Draft) -> [String] {
    var lines: [String] = []
    if random.below(4) == 0 { lines.append(comment(indented: false)) }
    var head = draft.head
    if random.below(4) == 0 { head.append("#tag\(random.below(3))") }
    lines.append(spaced(head) + trailingComment())
    let fields = draft.shuffle ? random.shuffle(draft.fields) : draft.fields
    for field in fields {
      if random.below(5) == 0 { lines.append(comment(indented: random.below(2) == 0)) }
      if random.below(8) == 0 { lines.append(random.below(2) == 0 ? "" : "   ") }
      if random.below(10) == 0 { lines.append(indentation() + "#extra\(random.below(3))") }
      lines.append(indentation() + spaced(field) + trailingComment())
    }
    if random.below(5) == 0 { lines.append(comment(indented: true)) }
    return lines
  }

  private mutating func spaced(_ tokens: [String]) -> String {
    var line = ""
    for (index, token) in tokens.enumerated() {
      if index > 0 { line += ["  ", " ", "\t", " \t "][random.below(4)] }
      line += token
    }
    return line + (random.below(6) == 0 ? "  " : "")
  }

  private mutating func indentation() -> String {
    ["  ", " ", "    ", "\t", "\t  "][random.below(5)]
  }

  private mutating func comment(indented: Bool) -> String {
    let marker = random.below(2) == 0 ? ";" : "#"
    return (indented ? indentation() : "") + marker + " comment \(random.below(1000))"
  }

  private mutating func trailingComment() -> String {
    random.below(5) == 0 ? [" ", "\t", "    "][random.below(3)] + "; trailing" : ""
  }

  // MARK: Values

  /// A span in one of its spellings: `90m`, `1h30m`, `1.5h`, `2h05m`.
  private mutating func duration() -> String {
    let minutes = [15, 30, 45, 60, 65, 90, 120, 150, 185, 240, 600][random.below(11)]
    let hours = minutes / 60
    let rest = minutes % 60
    switch random.below(4) {
    case 0: return "\(minutes)m"
    case 1 where rest == 0: return "\(hours)h"
    case 1, 2: return rest < 10 && hours > 0 ? "\(hours)h0\(rest)m" : "\(hours)h\(rest)m"
    default: return minutes % 6 == 0 ? "\(minutes / 6 / 10).\(minutes / 6 % 10)h" : "\(minutes)m"
    }
  }

  /// An amount: `NUMBER`, `NUMBER EUR` or `EUR NUMBER`.
  private mutating func amount() -> [String] {
    let number = ["40", "1250.50", "0.125", "1_000", "99.0", "12"][random.below(6)]
    switch random.below(3) {
    case 0: return [number]
    case 1: return [number, "EUR"]
    default: return ["EUR", number]
    }
  }

  private mutating func words(_ text: String) -> [String] {
    random.below(2) == 0 ? [quoted(text)] : text.split(separator: " ").map(String.init)
  }

  /// A random subset of the fields, in the order given.
  private mutating func some(_ fields: [[String]]) -> [[String]] {
    fields.filter { _ in random.below(3) != 0 }
  }

  private func quoted(_ text: String) -> String { "\"" + text + "\"" }

  private func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}

extension String {
  fileprivate func replacingNewlines(with lineEnd: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineEnd)
  }
}

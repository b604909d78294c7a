/// A document number pattern from the business block, such as `INV-{yyyy}-{seq:3}`.
///
/// Fields: `{yyyy}` and `{yy}` the document's year, `{mm}` its month, `{seq}` or `{seq:N}`
/// a counter (at least N digits, zero-padded), `{client}` the client's id. Everything else
/// is literal text.
public struct NumberPattern: Sendable, Equatable {
  public enum Part: Sendable, Equatable {
    case literal(String)
    case year4, year2, month, client
    case sequence(width: Int)
  }

  public var parts: [Part]

  /// Parses a pattern; nil when a `{...}` field is unknown or unclosed, or there is no
  /// `{seq}` (numbers would not be unique).
  public init?(_ text: String) {
    var parts: [Part] = []
    var literal = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      literal += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else { return nil }
      let name = rest[rest.index(after: open)..<close]
      if !literal.isEmpty {
        parts.append(.literal(literal))
        literal = ""
      }
      switch name {
      case "yyyy": parts.append(.year4)
      case "yy": parts.append(.year2)
      case "mm": parts.append(.month)
      case "client": parts.append(.client)
      case "seq": parts.append(.sequence(width: 1))
      default:
        guard name.hasPrefix("seq:"), let width = Int(name.dropFirst(4)), (1...9).contains(width)
        else { return nil }
        parts.append(.sequence(width: width))
      }
      rest = rest[rest.index(after: close)...]
    }
    literal += rest
    if !literal.isEmpty { parts.append(.literal(literal)) }
    guard parts.contains(where: { if case .sequence = $0 { true } else { false } }) else {
      return nil
    }
    self.parts = parts
  }

  /// The number for a date, client and counter value.
  public func number(date: CalendarDate, client: String?, sequence: Int) -> String {
    parts.map { part in
      switch part {
      case .literal(let text): text
      case .year4: pad(date.year, 4)
      case .year2: pad(date.year % 100, 2)
      case .month: pad(date.month, 2)
      case .client: client ?? ""
      case .sequence(let width): pad(sequence, width)
      }
    }.joined()
  }

  /// The counter value when `number` follows the pattern for this date and client.
  public func sequence(of number: String, date: CalendarDate, client: String?) -> Int? {
    var rest = Array(number.utf8)[...]
    var sequence: Int?
    for (index, part) in parts.enumerated() {
      switch part {
      case .sequence:
        // The counter runs to the next literal (or the end).
        var end = rest.startIndex
        if case .literal(let text)? = parts.dropFirst(index + 1).first,
          let found = BooksKit.firstIndex(of: Array(text.utf8), in: rest)
        {
          end = found
        } else {
          end = rest.firstIndex { !isDigit($0) } ?? rest.endIndex
        }
        let digits = rest[rest.startIndex..<end]
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(isDigit) else { return nil }
        sequence = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        rest = rest[end...]
      default:
        let expected = NumberPattern.text(of: part, date: date, client: client).utf8
        guard rest.starts(with: expected) else { return nil }
        rest = rest.dropFirst(expected.count)
      }
    }
    return rest.isEmpty ? sequence : nil
  }

  private static func text(of part: Part, date: CalendarDate, client: String?) -> String {
    NumberPattern(parts: [part]).number(date: date, client: client, sequence: 0)
  }

  private init(parts: [Part]) { self.parts = parts }
}

private func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// A JSON value, built in memory and written out with `serialized(pretty:)`.
///
/// Objects keep their keys in insertion order, so output is stable and diffable.
/// There are no floating-point numbers: amounts travel as strings.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null):
      return true
    case (.bool(let left), .bool(let right)):
      return left == right
    case (.int(let left), .int(let right)):
      return left == right
    case (.string(let left), .string(let right)):
      return left == right
    case (.array(let left), .array(let right)):
      return left == right
    case (.object(let left), .object(let right)):
      guard left.count == right.count else { return false }
      for (leftMember, rightMember) in zip(left, right) {
        guard leftMember.0 == rightMember.0, leftMember.1 == rightMember.1 else { return false }
      }
      return true
    default:
      return false
    }
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// Keeps the literal's key order; duplicate keys are written as given.
  public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}

extension JSONValue {
  /// The JSON text of this value, without a trailing newline.
  ///
  /// `pretty` writes one member or element per line with a two-space indent and
  /// `"key": value`; otherwise the output has no whitespace at all. Empty arrays and
  /// objects are written `[]` and `{}` in both modes.
  public func serialized(pretty: Bool) -> String {
    var output = ""
    write(to: &output, pretty: pretty, depth: 0)
    return output
  }

  private func write(to output: inout String, pretty: Bool, depth: Int) {
    switch self {
    case .null:
      output += "null"
    case .bool(let value):
      output += value ? "true" : "false"
    case .int(let value):
      output += String(value)
    case .string(let value):
      JSONValue.writeString(value, to: &output)
    case .array(let elements):
      guard !elements.isEmpty else {
        output += "[]"
        return
      }
      output += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { output += "," }
        JSONValue.newline(&output, pretty: pretty, depth: depth + 1)
        element.write(to: &output, pretty: pretty, depth: depth + 1)
      }
      JSONValue.newline(&output, pretty: pretty, depth: depth)
      output += "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { output += "," }
        JSONValue.newline(&output, pretty: pretty, depth: depth + 1)
        JSONValue.writeString(member.0, to: &output)
        output += pretty ? ": " : ":"
        member.1.write(to: &output, pretty: pretty, depth: depth + 1)
      }
      JSONValue.newline(&output, pretty: pretty, depth: depth)
      output += "}"
    }
  }

  private static func newline(_ output: inout String, pretty: Bool, depth: Int) {
    guard pretty else { return }
    output += "\n"
    output += String(repeating: "  ", count: depth)
  }

  private static let hexDigits: [Character] = Array("0123456789abcdef")

  /// Writes a quoted string escaped per RFC 8259, plus U+2028 and U+2029.
  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 {
          output += "\\u00"
          output.append(hexDigits[Int(scalar.value >> 4)])
          output.append(hexDigits[Int(scalar.value & 0xF)])
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}

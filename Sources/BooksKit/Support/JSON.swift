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
    var output: [UInt8] = []
    write(to: &output, pretty: pretty, depth: 0)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the JSON text of this value, as `serialized(pretty:)` writes it, nested
  /// `depth` levels deep (the indent of its inner lines when pretty).
  func write(to output: inout [UInt8], pretty: Bool, depth: Int) {
    switch self {
    case .null:
      output += "null".utf8
    case .bool(let value):
      output += (value ? "true" : "false").utf8
    case .int(let value):
      output += String(value).utf8
    case .string(let value):
      JSONValue.writeString(value, to: &output)
    case .array(let elements):
      guard !elements.isEmpty else {
        output += "[]".utf8
        return
      }
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSONValue.newline(&output, pretty: pretty, depth: depth + 1)
        element.write(to: &output, pretty: pretty, depth: depth + 1)
      }
      JSONValue.newline(&output, pretty: pretty, depth: depth)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}".utf8
        return
      }
      output.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSONValue.newline(&output, pretty: pretty, depth: depth + 1)
        JSONValue.writeKey(member.0, to: &output, pretty: pretty)
        member.1.write(to: &output, pretty: pretty, depth: depth + 1)
      }
      JSONValue.newline(&output, pretty: pretty, depth: depth)
      output.append(UInt8(ascii: "}"))
    }
  }

  /// A member's key and the colon after it.
  static func writeKey(_ key: String, to output: inout [UInt8], pretty: Bool) {
    writeString(key, to: &output)
    output += (pretty ? ": " : ":").utf8
  }

  /// A line break and the indent of `depth` levels, when pretty.
  static func newline(_ output: inout [UInt8], pretty: Bool, depth: Int) {
    guard pretty else { return }
    output.append(0x0A)
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * max(depth, 0)))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Writes a quoted string escaped per RFC 8259, plus U+2028 and U+2029 (whose UTF-8 is
  /// E2 80 A8 and E2 80 A9). Runs that need no escape are copied as they are.
  static func writeString(_ value: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { bytes in
      var run = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        let separator =
          byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
          && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        guard byte == 0x22 || byte == 0x5C || byte < 0x20 || separator else {
          index += 1
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        switch byte {
        case 0x22: output += "\\\"".utf8
        case 0x5C: output += "\\\\".utf8
        case 0x0A: output += "\\n".utf8
        case 0x0D: output += "\\r".utf8
        case 0x09: output += "\\t".utf8
        case 0x08: output += "\\b".utf8
        case 0x0C: output += "\\f".utf8
        case 0xE2: output += (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
        default:
          output += "\\u00".utf8
          output.append(hexDigits[Int(byte >> 4)])
          output.append(hexDigits[Int(byte & 0xF)])
        }
        index += separator ? 3 : 1
        run = index
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
    }
    output.append(UInt8(ascii: "\""))
  }
}

/// Reads JSON text (RFC 8259) into a `JSONValue`, for the messages an editor sends.
///
/// `JSONValue` has no floating point, so a number with a fraction or an exponent is kept as
/// the `.string` of its literal text; integers that do not fit an `Int` are kept the same
/// way. Nesting is limited so that a hostile message cannot exhaust the stack.
public enum JSONParser {
  public struct Failure: Error, Equatable, Sendable {
    public var message: String
    public var offset: Int
  }

  /// How deep arrays and objects may nest.
  public static let maximumDepth = 512

  public static func parse(_ bytes: [UInt8]) -> Result<JSONValue, Failure> {
    bytes.withUnsafeBufferPointer { buffer in
      var reader = Reader(bytes: buffer)
      do throws(Failure) {
        reader.skipBlanks()
        let value = try reader.value(depth: 0)
        reader.skipBlanks()
        guard reader.position == buffer.count else {
          throw Failure(message: "unexpected text after the value", offset: reader.position)
        }
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
  }

  public static func parse(_ text: String) -> Result<JSONValue, Failure> {
    parse(Array(text.utf8))
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func fail(_ message: String) -> Failure { Failure(message: message, offset: position) }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipBlanks() {
      while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        position += 1
      }
    }

    mutating func expect(_ literal: String) throws(Failure) {
      for byte in literal.utf8 {
        guard current == byte else { throw fail("expected `\(literal)`") }
        position += 1
      }
    }

    mutating func value(depth: Int) throws(Failure) -> JSONValue {
      guard depth < JSONParser.maximumDepth else { throw fail("nested too deeply") }
      guard let byte = current else { throw fail("unexpected end of the text") }
      switch byte {
      case UInt8(ascii: "{"): return try object(depth: depth)
      case UInt8(ascii: "["): return try array(depth: depth)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"):
        try expect("true")
        return .bool(true)
      case UInt8(ascii: "f"):
        try expect("false")
        return .bool(false)
      case UInt8(ascii: "n"):
        try expect("null")
        return .null
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
      default: throw fail("unexpected character")
      }
    }

    mutating func object(depth: Int) throws(Failure) -> JSONValue {
      position += 1
      var members: [(String, JSONValue)] = []
      skipBlanks()
      if current == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      }
      while true {
        skipBlanks()
        guard current == UInt8(ascii: "\"") else { throw fail("expected a member name") }
        let key = try string()
        skipBlanks()
        try expect(":")
        skipBlanks()
        members.append((key, try value(depth: depth + 1)))
        skipBlanks()
        switch current {
        case UInt8(ascii: ","): position += 1
        case UInt8(ascii: "}"):
          position += 1
          return .object(members)
        default: throw fail("expected `,` or `}`")
        }
      }
    }

    mutating func array(depth: Int) throws(Failure) -> JSONValue {
      position += 1
      var elements: [JSONValue] = []
      skipBlanks()
      if current == UInt8(ascii: "]") {
        position += 1
        return .array(elements)
      }
      while true {
        skipBlanks()
        elements.append(try value(depth: depth + 1))
        skipBlanks()
        switch current {
        case UInt8(ascii: ","): position += 1
        case UInt8(ascii: "]"):
          position += 1
          return .array(elements)
        default: throw fail("expected `,` or `]`")
        }
      }
    }

    mutating func number() throws(Failure) -> JSONValue {
      let start = position
      var integral = true
      if current == UInt8(ascii: "-") { position += 1 }
      guard let first = current, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
        throw fail("expected a digit")
      }
      if first == UInt8(ascii: "0") {
        position += 1
      } else {
        skipDigits()
      }
      if current == UInt8(ascii: ".") {
        integral = false
        position += 1
        guard try skipRequiredDigits() else { throw fail("expected a digit after `.`") }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        integral = false
        position += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
        guard try skipRequiredDigits() else { throw fail("expected a digit in the exponent") }
      }
      let text = String(decoding: bytes[start..<position], as: UTF8.self)
      if integral, let value = Int(text) { return .int(value) }
      return .string(text)
    }

    mutating func skipDigits() {
      while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        position += 1
      }
    }

    mutating func skipRequiredDigits() throws(Failure) -> Bool {
      let start = position
      skipDigits()
      return position > start
    }

    mutating func string() throws(Failure) -> String {
      position += 1
      var out: [UInt8] = []
      while true {
        // Copy the run up to the next quote, backslash or control character at once:
        // documents arrive as one long string.
        let runStart = position
        while position < bytes.count {
          let byte = bytes[position]
          if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
          position += 1
        }
        if position > runStart { out.append(contentsOf: bytes[runStart..<position]) }
        guard let byte = current else { throw fail("unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""):
          guard let text = String(validating: out, as: UTF8.self) else {
            throw fail("invalid UTF-8 in a string")
          }
          return text
        case UInt8(ascii: "\\"):
          guard let escape = current else { throw fail("unterminated escape") }
          position += 1
          switch escape {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
          case UInt8(ascii: "b"): out.append(0x08)
          case UInt8(ascii: "f"): out.append(0x0C)
          case UInt8(ascii: "n"): out.append(0x0A)
          case UInt8(ascii: "r"): out.append(0x0D)
          case UInt8(ascii: "t"): out.append(0x09)
          case UInt8(ascii: "u"):
            let scalar = try unicodeEscape()
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
          default: throw fail("invalid escape")
          }
        case 0x00..<0x20: throw fail("control character in a string")
        default: out.append(byte)
        }
      }
    }

    mutating func hex4() throws(Failure) -> UInt32 {
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard let byte = current else { throw fail("unterminated escape") }
        let digit: UInt32
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
        default: throw fail("invalid \\u escape")
        }
        value = value * 16 + digit
        position += 1
      }
      return value
    }

    /// `\uXXXX`, with surrogate pairs; a lone surrogate becomes U+FFFD.
    mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
      let replacement: Unicode.Scalar = "\u{FFFD}"
      let first = try hex4()
      if (0xD800...0xDBFF).contains(first) {
        let saved = position
        if current == UInt8(ascii: "\\"), position + 1 < bytes.count,
          bytes[position + 1] == UInt8(ascii: "u")
        {
          position += 2
          let second = try hex4()
          if (0xDC00...0xDFFF).contains(second) {
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(value) ?? replacement
          }
          position = saved
        }
        return replacement
      }
      return Unicode.Scalar(first) ?? replacement
    }
  }
}

extension JSONValue {
  /// The member `key` of an object; nil for other values or a missing key.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  public var intValue: Int? {
    if case .int(let value) = self { return value }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The same value with every object's members sorted by key, so two values can be
  /// compared whatever order their keys were written in.
  public var sortedKeys: JSONValue {
    switch self {
    case .array(let elements): return .array(elements.map(\.sortedKeys))
    case .object(let members):
      return .object(members.map { ($0.0, $0.1.sortedKeys) }.sorted { $0.0 < $1.0 })
    default: return self
    }
  }
}

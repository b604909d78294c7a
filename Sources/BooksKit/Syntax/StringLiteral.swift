/// Escapes in quoted strings: `\"`, `\\`, `\n`, `\t` and `\u{1F600}`.
public enum StringLiteral {
  /// Decodes a quoted token (quotes included) into its value; nil when an escape is invalid.
  public static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
    guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"")
    else { return nil }
    let inner = bytes.dropFirst().dropLast()
    if !inner.contains(UInt8(ascii: "\\")) {
      return String(decoding: inner, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(inner.count)
    var index = inner.startIndex
    while index < inner.endIndex {
      let byte = inner[index]
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        index += 1
        continue
      }
      let next = index + 1
      guard next < inner.endIndex else { return nil }
      switch inner[next] {
      case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        guard let (scalar, after) = unicodeEscape(inner, at: next + 1) else { return nil }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
        index = after
        continue
      default:
        return nil
      }
      index = next + 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Parses `{XXXX}` after `\u`; returns the scalar and the index after `}`.
  private static func unicodeEscape(_ bytes: ArraySlice<UInt8>, at start: Int) -> (
    Unicode.Scalar, Int
  )? {
    guard start < bytes.endIndex, bytes[start] == UInt8(ascii: "{") else { return nil }
    var value: UInt32 = 0
    var index = start + 1
    var digits = 0
    while index < bytes.endIndex, bytes[index] != UInt8(ascii: "}") {
      guard digits < 6, let digit = hexValue(bytes[index]) else { return nil }
      value = value * 16 + digit
      digits += 1
      index += 1
    }
    // Control characters (other than tab and newline) and noncharacters are not text:
    // they would reach documents, spreadsheets and terminals.
    guard index < bytes.endIndex, digits > 0, let scalar = Unicode.Scalar(value),
      scalar == "\t" || scalar == "\n" || !(isControl(scalar) || isNoncharacter(scalar))
    else {
      return nil
    }
    return (scalar, index + 1)
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// Quotes a value for writing back into a `.books` file.
  public static func quote(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

import Testing

@testable import BooksKit

@Suite struct JSONTests {
  @Test func scalars() {
    #expect(JSONValue.null.serialized(pretty: true) == "null")
    #expect(JSONValue.bool(true).serialized(pretty: false) == "true")
    #expect(JSONValue.bool(false).serialized(pretty: false) == "false")
    #expect(JSONValue.int(-42).serialized(pretty: false) == "-42")
    #expect(JSONValue.int(Int.min).serialized(pretty: false) == "-9223372036854775808")
    #expect(JSONValue.string("plain").serialized(pretty: true) == "\"plain\"")
  }

  @Test func stringEscaping() {
    let value = JSONValue.string("q\"b\\s/n\nr\rt\tb\u{08}f\u{0C}z\u{00}e\u{1B}u\u{1F}d\u{7F}")
    #expect(
      value.serialized(pretty: false)
        == #""q\"b\\s/n\nr\rt\tb\bf\fz\u0000e\u001bu\u001fd\#u{7F}""#)
  }

  @Test func lineSeparatorsAreEscapedAndOtherUnicodeIsRaw() {
    let value = JSONValue.string("a\u{2028}b\u{2029}c é 日本 😀 שלום")
    #expect(value.serialized(pretty: false) == #""a\u2028b\u2029c é 日本 😀 שלום""#)
  }

  /// Escaping works on the UTF-8 bytes: every control character, quotes and backslashes
  /// next to each other and at either end, and the line separators among their neighbours
  /// (U+2027 and U+202A share their first two bytes) give what an escaper reading
  /// Unicode scalars gives.
  @Test func escapingMatchesAReadingByScalars() {
    func reference(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x2028: out += "\\u2028"
        case 0x2029: out += "\\u2029"
        case 0..<0x20:
          let hex = Array("0123456789abcdef")
          out += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 15)])
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }
    let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    let texts = [
      "", controls, "\"", "\\", "\"\\\"", "\\\"x\"\\", "\u{2027}\u{2028}\u{2029}\u{202A}",
      "\u{2028}", "a\u{2029}", "€\u{2028}€", "日本\"語\\", "😀\n😀", controls + "é" + controls,
      String(repeating: "plain text ", count: 20) + "\u{2029}",
    ]
    for text in texts {
      #expect(
        JSONValue.string(text).serialized(pretty: false) == reference(text),
        "\(text.debugDescription)")
    }
  }

  @Test func compactHasNoWhitespace() {
    let value: JSONValue = [
      "b": [1, "two", nil, true],
      "a": [:],
      "c": [],
      "key with space": ["nested": false],
    ]
    #expect(
      value.serialized(pretty: false)
        == #"{"b":[1,"two",null,true],"a":{},"c":[],"key with space":{"nested":false}}"#)
  }

  @Test func prettyIndentsTwoSpacesAndKeepsKeyOrder() {
    let value: JSONValue = [
      "zeta": 1,
      "alpha": ["x", "y"],
      "empty": [],
      "object": ["inner": [:], "list": [[1]]],
    ]
    let expected = """
      {
        "zeta": 1,
        "alpha": [
          "x",
          "y"
        ],
        "empty": [],
        "object": {
          "inner": {},
          "list": [
            [
              1
            ]
          ]
        }
      }
      """
    #expect(value.serialized(pretty: true) == expected)
  }

  @Test func equalityComparesObjectsInOrder() {
    let ab: JSONValue = .object([("a", .int(1)), ("b", .int(2))])
    let ba: JSONValue = .object([("b", .int(2)), ("a", .int(1))])
    #expect(ab == .object([("a", .int(1)), ("b", .int(2))]))
    #expect(ab != ba)
    #expect(ab != .object([("a", .int(1))]))
    #expect(JSONValue.array([.null]) != .array([.bool(false)]))
    #expect(JSONValue.int(1) != .string("1"))
  }
}

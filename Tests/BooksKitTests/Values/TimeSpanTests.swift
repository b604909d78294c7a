import Testing

@testable import BooksKit

@Suite struct TimeSpanTests {
  @Test(arguments: [
    ("3h30m", 210, "3h30m"),
    ("3h", 180, "3h"),
    ("45m", 45, "45m"),
    ("90m", 90, "1h30m"),
    ("1.5h", 90, "1h30m"),
    ("0.25h", 15, "15m"),
    ("0.75h", 45, "45m"),
    ("0.1h", 6, "6m"),
    ("0.05h", 3, "3m"),
    ("2.50h", 150, "2h30m"),
    ("1.0h", 60, "1h"),
    ("1.000000000000000000000000h", 60, "1h"),
    ("0.5000000000000000000000000000h", 30, "30m"),
    ("2h05m", 125, "2h5m"),
    ("2h5m", 125, "2h5m"),
    ("1h0m", 60, "1h"),
    ("1h59m", 119, "1h59m"),
    ("0m", 0, "0m"),
    ("0h", 0, "0m"),
    ("0h0m", 0, "0m"),
    ("000000000000000000000000000000045m", 45, "45m"),
    ("1440m", 1440, "24h"),
    ("10000000h", 600_000_000, "10000000h"),
    ("600000000m", 600_000_000, "10000000h"),
    ("9999999.5h", 599_999_970, "9999999h30m"),
    ("9999999h59m", 599_999_999, "9999999h59m"),
  ])
  func parsesSpans(_ text: String, _ minutes: Int, _ canonical: String) throws {
    let span = try #require(TimeSpan.parse(ArraySlice(text.utf8)))
    #expect(span.minutes == minutes)
    #expect(span.description == canonical)
    #expect(TimeSpan(text) == span)
    #expect(TimeSpan(canonical) == span)
    // The same from the middle of a buffer, as a file's bytes are read.
    let padded = Array(("9h" + text + "5m").utf8)
    #expect(TimeSpan.parse(padded[2..<(padded.count - 2)]) == span)
  }

  @Test(arguments: [
    "", "h", "m", "1", "30", "1h1h", "30m1h", "30m30m", "1.5m", "1.5h30m", "1.0h30m", "0.01h",
    "0.3333h", "0.125h", "0.005h", "-1h", "-30m", "+1h", "1h-5m", "1h 30m", " 1h", "1h ", "1H",
    "1M", "1h30", "1hm", "h30m", ".5h", "1.h", "1..5h", "1.5.5h", "1,5h", "1h90m", "1h60m",
    "1h30m0s", "1d", "1:30", "10000001h", "10000000h1m", "600000001m", "10000000.5h",
    "99999999999999999999999999999999999999999999h",
    "99999999999999999999999999999999999999999999m",
    "1h99999999999999999999999999999999999999999999m",
    "1.99999999999999999999999999999999999999999999h",
    "1_000h", "１h",
  ])
  func rejectsInvalidSpans(_ text: String) {
    #expect(TimeSpan.parse(ArraySlice(text.utf8)) == nil)
    #expect(TimeSpan(text) == nil)
    let padded = Array(("9h" + text + "5m").utf8)
    #expect(TimeSpan.parse(padded[2..<(padded.count - 2)]) == nil)
  }

  @Test func parsesFromTheMiddleOfABuffer() throws {
    let bytes = Array("worked 2h15m on it".utf8)
    #expect(TimeSpan.parse(bytes[7..<12])?.minutes == 135)
    #expect(TimeSpan.parse(bytes[7..<13]) == nil)
  }

  @Test(arguments: [
    (0, "0m"), (5, "5m"), (59, "59m"), (60, "1h"), (65, "1h5m"), (125, "2h5m"), (210, "3h30m"),
    (1440, "24h"), (-90, "-1h30m"), (-5, "-5m"), (-120, "-2h"),
    (Int.min, "-153722867280912930h8m"), (Int.max, "153722867280912930h7m"),
  ])
  func descriptions(_ minutes: Int, _ expected: String) {
    #expect(TimeSpan(minutes: minutes).description == expected)
  }

  struct HoursCase: Sendable, CustomTestStringConvertible {
    var minutes: Int
    var scale: Int
    var rule: RoundingRule
    var hours: String
    var testDescription: String { "\(minutes)m at \(scale) \(rule) -> \(hours)" }
  }

  @Test(arguments: [
    HoursCase(minutes: 90, scale: 2, rule: .halfAwayFromZero, hours: "1.50"),
    HoursCase(minutes: 90, scale: 0, rule: .halfAwayFromZero, hours: "2"),
    HoursCase(minutes: 90, scale: 0, rule: .halfEven, hours: "2"),
    HoursCase(minutes: 150, scale: 0, rule: .halfEven, hours: "2"),
    HoursCase(minutes: 150, scale: 0, rule: .halfAwayFromZero, hours: "3"),
    HoursCase(minutes: 20, scale: 2, rule: .halfAwayFromZero, hours: "0.33"),
    HoursCase(minutes: 40, scale: 2, rule: .halfAwayFromZero, hours: "0.67"),
    HoursCase(minutes: 40, scale: 2, rule: .towardZero, hours: "0.66"),
    HoursCase(minutes: 15, scale: 2, rule: .towardZero, hours: "0.25"),
    HoursCase(minutes: 15, scale: 1, rule: .halfAwayFromZero, hours: "0.3"),
    HoursCase(minutes: 15, scale: 1, rule: .halfEven, hours: "0.2"),
    HoursCase(minutes: 45, scale: 1, rule: .halfEven, hours: "0.8"),
    HoursCase(minutes: 1, scale: 4, rule: .halfAwayFromZero, hours: "0.0167"),
    HoursCase(minutes: 1, scale: 18, rule: .halfAwayFromZero, hours: "0.016666666666666667"),
    HoursCase(minutes: 0, scale: 2, rule: .halfAwayFromZero, hours: "0.00"),
    HoursCase(minutes: -40, scale: 2, rule: .halfAwayFromZero, hours: "-0.67"),
    HoursCase(minutes: -40, scale: 2, rule: .towardZero, hours: "-0.66"),
    HoursCase(minutes: 600_000_000, scale: 2, rule: .halfAwayFromZero, hours: "10000000.00"),
    // Scales outside 0...18 are clamped.
    HoursCase(minutes: 90, scale: -3, rule: .towardZero, hours: "1"),
    HoursCase(minutes: 30, scale: 40, rule: .halfAwayFromZero, hours: "0.500000000000000000"),
    HoursCase(
      minutes: Int.max, scale: 18, rule: .towardZero,
      hours: "153722867280912930.116666666666666666"),
    HoursCase(
      minutes: Int.min, scale: 18, rule: .halfAwayFromZero,
      hours: "-153722867280912930.133333333333333333"),
  ])
  func hours(_ testCase: HoursCase) {
    let span = TimeSpan(minutes: testCase.minutes)
    #expect(span.hours(scale: testCase.scale, testCase.rule).description == testCase.hours)
  }

  @Test func hoursDefaultToHalfAwayFromZero() {
    #expect(TimeSpan(minutes: 40).hours(scale: 2).description == "0.67")
    #expect(TimeSpan(minutes: 50).hours(scale: 1).description == "0.8")
  }

  @Test(arguments: [
    (0, 15, 0), (1, 15, 15), (14, 15, 15), (15, 15, 15), (16, 15, 30), (61, 6, 66),
    (60, 6, 60), (7, 6, 12), (125, 30, 150), (125, 1, 125), (-7, 6, -6), (-6, 6, -6),
    (-5, 15, 0), (125, 0, 125), (125, -15, 125), (Int.max, 2, Int.max),
    (Int.max - 1, 2, Int.max - 1), (Int.max - 1, 4, Int.max - 1),
  ])
  func roundsUpToIncrement(_ minutes: Int, _ increment: Int, _ expected: Int) {
    #expect(TimeSpan(minutes: minutes).roundedUp(toMultipleOf: increment).minutes == expected)
  }

  @Test func addsAndOrders() {
    #expect(TimeSpan(minutes: 90).adding(TimeSpan(minutes: 45))?.minutes == 135)
    #expect(TimeSpan(minutes: Int.max).adding(TimeSpan(minutes: 1)) == nil)
    #expect(TimeSpan.zero.minutes == 0)
    #expect(TimeSpan(minutes: 59) < TimeSpan(minutes: 60))
    #expect(!(TimeSpan(minutes: 60) < TimeSpan(minutes: 60)))
    #expect(TimeSpan("1h") == TimeSpan("60m"))
    #expect(TimeSpan("1.5h") == TimeSpan("90m"))
  }
}

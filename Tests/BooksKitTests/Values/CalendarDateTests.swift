import Testing

@testable import BooksKit

/// Builds a date the test knows exists.
private func date(_ text: String) throws -> CalendarDate {
  try #require(CalendarDate(text), "not a date: \(text)")
}

@Suite struct CalendarDateTests {
  struct ValidityCase: Sendable, CustomTestStringConvertible {
    var year: Int
    var month: Int
    var day: Int
    var exists: Bool
    var testDescription: String { "\(year)-\(month)-\(day) \(exists ? "exists" : "invalid")" }
  }

  @Test(arguments: [
    ValidityCase(year: 2026, month: 1, day: 31, exists: true),
    ValidityCase(year: 2026, month: 2, day: 28, exists: true),
    ValidityCase(year: 2026, month: 2, day: 29, exists: false),
    ValidityCase(year: 2026, month: 2, day: 30, exists: false),
    ValidityCase(year: 2025, month: 2, day: 29, exists: false),
    ValidityCase(year: 2024, month: 2, day: 29, exists: true),
    ValidityCase(year: 2000, month: 2, day: 29, exists: true),
    ValidityCase(year: 1900, month: 2, day: 29, exists: false),
    ValidityCase(year: 2100, month: 2, day: 29, exists: false),
    ValidityCase(year: 1600, month: 2, day: 29, exists: true),
    ValidityCase(year: 2026, month: 4, day: 30, exists: true),
    ValidityCase(year: 2026, month: 4, day: 31, exists: false),
    ValidityCase(year: 2026, month: 6, day: 31, exists: false),
    ValidityCase(year: 2026, month: 9, day: 31, exists: false),
    ValidityCase(year: 2026, month: 11, day: 31, exists: false),
    ValidityCase(year: 2026, month: 12, day: 31, exists: true),
    ValidityCase(year: 2026, month: 7, day: 31, exists: true),
    ValidityCase(year: 2026, month: 8, day: 31, exists: true),
    ValidityCase(year: 2026, month: 0, day: 1, exists: false),
    ValidityCase(year: 2026, month: 13, day: 1, exists: false),
    ValidityCase(year: 2026, month: 1, day: 0, exists: false),
    ValidityCase(year: 2026, month: 1, day: 32, exists: false),
    ValidityCase(year: 2026, month: -1, day: 1, exists: false),
    ValidityCase(year: 1, month: 1, day: 1, exists: true),
    ValidityCase(year: 9999, month: 12, day: 31, exists: true),
    ValidityCase(year: 0, month: 12, day: 31, exists: false),
    ValidityCase(year: 10000, month: 1, day: 1, exists: false),
    ValidityCase(year: -2026, month: 1, day: 1, exists: false),
    ValidityCase(year: Int.max, month: 1, day: 1, exists: false),
    ValidityCase(year: 2026, month: Int.min, day: 1, exists: false),
    ValidityCase(year: 2026, month: 1, day: Int.max, exists: false),
  ])
  func validity(_ testCase: ValidityCase) {
    let value = CalendarDate(year: testCase.year, month: testCase.month, day: testCase.day)
    #expect((value != nil) == testCase.exists)
    if let value {
      #expect(value.year == testCase.year)
      #expect(value.month == testCase.month)
      #expect(value.day == testCase.day)
    }
  }

  @Test(arguments: [
    ("2026-01-31", 2026, 1, 31),
    ("2024-02-29", 2024, 2, 29),
    ("0001-01-01", 1, 1, 1),
    ("9999-12-31", 9999, 12, 31),
    ("1970-01-01", 1970, 1, 1),
    ("0999-09-09", 999, 9, 9),
  ])
  func parsesDates(_ text: String, _ year: Int, _ month: Int, _ day: Int) throws {
    let parsed = try #require(CalendarDate.parse(ArraySlice(text.utf8)))
    #expect(parsed.year == year)
    #expect(parsed.month == month)
    #expect(parsed.day == day)
    #expect(parsed.description == text)
    #expect(CalendarDate(text) == parsed)
  }

  @Test(arguments: [
    "", "2026-1-31", "2026-01-1", "26-01-31", "2026/01/31", "2026-01-31 ", " 2026-01-31",
    "2026-01-31T00", "20260131", "2026-02-30", "2025-02-29", "1900-02-29", "0000-01-01",
    "2026-00-10", "2026-13-01", "2026-01-00", "+026-01-31", "-026-01-31", "2026-0a-31",
    "２０２６-01-31", "2026--1-31", "2026-01--1", "2026-01-3１",
  ])
  func rejectsMalformedDates(_ text: String) {
    #expect(CalendarDate.parse(ArraySlice(text.utf8)) == nil)
    #expect(CalendarDate(text) == nil)
  }

  @Test func parsesFromTheMiddleOfABuffer() throws {
    let bytes = Array("paid 2026-03-15 EUR".utf8)
    #expect(CalendarDate.parse(bytes[5..<15])?.description == "2026-03-15")
    #expect(CalendarDate.parse(bytes[5..<16]) == nil)
  }

  @Test(arguments: [
    ("0001-01-01", -719_162),
    ("1582-10-15", -141_427),
    ("1600-02-29", -135_081),
    ("1900-03-01", -25_508),
    ("1969-12-31", -1),
    ("1970-01-01", 0),
    ("1970-01-02", 1),
    ("2000-02-29", 11_016),
    ("2024-02-29", 19_782),
    ("2026-01-31", 20_484),
    ("2026-11-22", 20_779),
    ("9999-12-31", 2_932_896),
  ])
  func dayNumbersOfKnownDates(_ text: String, _ dayNumber: Int) throws {
    let value = try date(text)
    #expect(value.dayNumber == dayNumber)
    #expect(CalendarDate(dayNumber: dayNumber) == value)
  }

  @Test func dayNumberRoundTripsOverWholeRange() throws {
    // Every day from 0001-01-01 to 9999-12-31 is visited in order: the day number grows by
    // one and the date by exactly one calendar day. Mismatches are collected rather than
    // expected one by one, which keeps 3.6 million checks fast.
    var previous = try #require(CalendarDate(dayNumber: -719_162))
    #expect(previous == CalendarDate.earliest)
    #expect(previous.description == "0001-01-01")
    var mismatches: [Int] = []
    for number in -719_161...2_932_896 {
      guard let current = CalendarDate(dayNumber: number) else {
        mismatches.append(number)
        continue
      }
      let expected: (year: Int, month: Int, day: Int)
      if previous.day < CalendarDate.daysIn(month: previous.month, year: previous.year) {
        expected = (previous.year, previous.month, previous.day + 1)
      } else if previous.month < 12 {
        expected = (previous.year, previous.month + 1, 1)
      } else {
        expected = (previous.year + 1, 1, 1)
      }
      let matches =
        current.dayNumber == number && current.year == expected.year
        && current.month == expected.month && current.day == expected.day
        && previous < current
      if !matches, mismatches.count < 10 { mismatches.append(number) }
      previous = current
    }
    #expect(mismatches == [])
    #expect(previous == CalendarDate.latest)
    #expect(previous.description == "9999-12-31")
  }

  @Test func dayNumberOutsideRangeIsNil() {
    #expect(CalendarDate(dayNumber: -719_163) == nil)
    #expect(CalendarDate(dayNumber: 2_932_897) == nil)
    #expect(CalendarDate(dayNumber: Int.min) == nil)
    #expect(CalendarDate(dayNumber: Int.max) == nil)
  }

  @Test(arguments: [
    ("2026-11-22", 7),
    ("1970-01-01", 4),
    ("1969-12-31", 3),
    ("2026-11-23", 1),
    ("2024-02-29", 4),
    ("2000-02-29", 2),
    ("0001-01-01", 1),
    ("9999-12-31", 5),
    ("1582-10-15", 5),
    ("2026-01-31", 6),
  ])
  func weekdays(_ text: String, _ weekday: Int) throws {
    #expect(try date(text).weekday == weekday)
  }

  @Test func weekdaysCycleThroughTheWeek() throws {
    let monday = try date("2026-11-16")
    for offset in 0..<21 {
      let day = try #require(monday.adding(days: offset))
      #expect(day.weekday == offset % 7 + 1)
    }
    let before = try #require(monday.adding(days: -1))
    #expect(before.weekday == 7)
  }

  @Test(arguments: [
    ("2026-01-31", 1, "2026-02-01"),
    ("2026-12-31", 1, "2027-01-01"),
    ("2024-02-28", 1, "2024-02-29"),
    ("2025-02-28", 1, "2025-03-01"),
    ("2026-03-01", -1, "2026-02-28"),
    ("2026-01-01", -1, "2025-12-31"),
    ("2026-01-15", 30, "2026-02-14"),
    ("2026-01-15", 365, "2027-01-15"),
    ("2026-01-15", 0, "2026-01-15"),
    ("1970-01-01", -719_162, "0001-01-01"),
  ])
  func addsDays(_ start: String, _ days: Int, _ expected: String) throws {
    let result = try #require(date(start).adding(days: days))
    #expect(result.description == expected)
    #expect(try result.days(since: date(start)) == days)
  }

  @Test func addingDaysOutsideRangeIsNil() throws {
    #expect(CalendarDate.latest.adding(days: 1) == nil)
    #expect(CalendarDate.earliest.adding(days: -1) == nil)
    #expect(try date("2026-01-01").adding(days: Int.max) == nil)
    #expect(try date("2026-01-01").adding(days: Int.min) == nil)
  }

  @Test(arguments: [
    ("2026-01-31", 1, "2026-02-28"),
    ("2024-01-31", 1, "2024-02-29"),
    ("2026-01-31", 2, "2026-03-31"),
    ("2026-01-31", 3, "2026-04-30"),
    ("2026-03-31", -1, "2026-02-28"),
    ("2026-05-31", -1, "2026-04-30"),
    ("2026-01-15", 12, "2027-01-15"),
    ("2026-01-15", -12, "2025-01-15"),
    ("2026-01-15", -13, "2024-12-15"),
    ("2026-11-30", 3, "2027-02-28"),
    ("2024-02-29", 12, "2025-02-28"),
    ("2024-02-29", 48, "2028-02-29"),
    ("2026-06-15", 0, "2026-06-15"),
    ("0001-01-31", 1, "0001-02-28"),
    ("9999-11-30", 1, "9999-12-30"),
    ("2026-12-31", -24_311, "0001-01-31"),
  ])
  func addsMonthsClampingTheDay(_ start: String, _ months: Int, _ expected: String) throws {
    let result = try #require(date(start).adding(months: months))
    #expect(result.description == expected)
  }

  @Test func addingMonthsOutsideRangeIsNil() throws {
    #expect(CalendarDate.latest.adding(months: 1) == nil)
    #expect(CalendarDate.earliest.adding(months: -1) == nil)
    #expect(try date("2026-01-01").adding(months: Int.max) == nil)
    #expect(try date("2026-01-01").adding(months: Int.min) == nil)
  }

  @Test func daysSince() throws {
    #expect(try date("2026-03-01").days(since: date("2026-02-01")) == 28)
    #expect(try date("2024-03-01").days(since: date("2024-02-01")) == 29)
    #expect(try date("2026-02-01").days(since: date("2026-03-01")) == -28)
    #expect(try date("2026-02-01").days(since: date("2026-02-01")) == 0)
    #expect(CalendarDate.latest.days(since: .earliest) == 3_652_058)
  }

  @Test(arguments: [
    (2024, true), (2025, false), (2000, true), (1900, false), (2100, false), (1600, true),
    (4, true), (1, false), (9996, true),
  ])
  func leapYears(_ year: Int, _ isLeap: Bool) throws {
    let value = try #require(CalendarDate(year: year, month: 6, day: 1))
    #expect(value.isLeapYear == isLeap)
    #expect(CalendarDate.daysIn(month: 2, year: year) == (isLeap ? 29 : 28))
  }

  @Test func daysInEachMonth() {
    let lengths = (1...12).map { CalendarDate.daysIn(month: $0, year: 2026) }
    #expect(lengths == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    #expect(CalendarDate.daysIn(month: 0, year: 2026) == 0)
    #expect(CalendarDate.daysIn(month: 13, year: 2026) == 0)
  }

  @Test func ordering() throws {
    #expect(try date("2025-12-31") < date("2026-01-01"))
    #expect(try date("2026-01-31") < date("2026-02-01"))
    #expect(try date("2026-02-01") < date("2026-02-02"))
    #expect(try !(date("2026-02-02") < date("2026-02-02")))
    let sorted = try ["2026-03-01", "0001-01-01", "2026-02-28", "9999-12-31"].map(date).sorted()
    #expect(sorted.map(\.description) == ["0001-01-01", "2026-02-28", "2026-03-01", "9999-12-31"])
  }

  @Test func descriptionPadsYearMonthAndDay() throws {
    #expect(try #require(CalendarDate(year: 5, month: 3, day: 7)).description == "0005-03-07")
    #expect(try #require(CalendarDate(year: 2026, month: 11, day: 22)).description == "2026-11-22")
  }
}

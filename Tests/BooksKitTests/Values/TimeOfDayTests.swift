import Testing

@testable import BooksKit

@Suite struct TimeOfDayTests {
  @Test(arguments: [
    ("09:05", 9, 5, 545, "09:05"),
    ("9:05", 9, 5, 545, "09:05"),
    ("00:00", 0, 0, 0, "00:00"),
    ("0:00", 0, 0, 0, "00:00"),
    ("12:30", 12, 30, 750, "12:30"),
    ("23:59", 23, 59, 1439, "23:59"),
    ("24:00", 24, 0, 1440, "24:00"),
  ])
  func parsesTimes(_ text: String, _ hour: Int, _ minute: Int, _ minutes: Int, _ canonical: String)
    throws
  {
    let time = try #require(TimeOfDay.parse(ArraySlice(text.utf8)))
    #expect(time.hour == hour)
    #expect(time.minute == minute)
    #expect(time.minutes == minutes)
    #expect(time.description == canonical)
    #expect(TimeOfDay(text) == time)
    #expect(TimeOfDay(hour: hour, minute: minute) == time)
  }

  @Test(arguments: [
    "", "9", "9:5", "09:5", "9:5 ", "009:05", "24:01", "25:00", "99:99", "12:60", "-1:00",
    "12-30", "12.30", "12:3a", "a2:30", " 9:05", "9:05 ", "12:30:00", ":30", "12:", "1230",
    "+9:05", "９:05",
  ])
  func rejectsInvalidTimes(_ text: String) {
    #expect(TimeOfDay.parse(ArraySlice(text.utf8)) == nil)
    #expect(TimeOfDay(text) == nil)
  }

  @Test(arguments: [
    (0, 0, true), (23, 59, true), (24, 0, true), (24, 1, false), (25, 0, false),
    (-1, 0, false), (0, -1, false), (0, 60, false), (Int.max, 0, false), (0, Int.min, false),
  ])
  func hourAndMinuteValidity(_ hour: Int, _ minute: Int, _ valid: Bool) {
    #expect((TimeOfDay(hour: hour, minute: minute) != nil) == valid)
  }

  @Test func minutesInitializer() {
    #expect(TimeOfDay(minutes: 0) == TimeOfDay.midnight)
    #expect(TimeOfDay(minutes: 1440) == TimeOfDay.endOfDay)
    #expect(TimeOfDay(minutes: 545)?.description == "09:05")
    #expect(TimeOfDay(minutes: -1) == nil)
    #expect(TimeOfDay(minutes: 1441) == nil)
  }

  @Test func parsesFromTheMiddleOfABuffer() throws {
    let bytes = Array("09:00-12:30".utf8)
    #expect(TimeOfDay.parse(bytes[0..<5])?.minutes == 540)
    #expect(TimeOfDay.parse(bytes[6..<11])?.minutes == 750)
    #expect(TimeOfDay.parse(bytes[0..<6]) == nil)
  }

  @Test func spansAndOrdering() throws {
    let start = try #require(TimeOfDay("09:00"))
    let end = try #require(TimeOfDay("12:30"))
    #expect(start.span(until: end)?.minutes == 210)
    #expect(start.span(until: start)?.minutes == 0)
    #expect(end.span(until: start) == nil)
    #expect(TimeOfDay.midnight.span(until: .endOfDay)?.description == "24h")
    #expect(start < end)
    #expect(!(end < start))
  }
}

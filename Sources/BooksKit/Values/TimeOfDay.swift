/// A wall-clock time without a date or zone, for the start and end of a work session.
///
/// 24:00 is allowed so a session can end at midnight of the same day.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Minutes since midnight, 0...1440.
  public var minutes: Int { Int(stored) }
  // Two bytes: every time entry and meeting may carry two times.
  private let stored: Int16

  /// Midnight at the start of the day, 00:00.
  public static let midnight = TimeOfDay(validMinutes: 0)
  /// Midnight at the end of the day, 24:00, usable only as an end time.
  public static let endOfDay = TimeOfDay(validMinutes: 1440)

  /// Builds a time only if it is on the clock: hour 0...23 with minute 0...59, or 24:00.
  public init?(hour: Int, minute: Int) {
    guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else {
      return nil
    }
    self.init(validMinutes: hour * 60 + minute)
  }

  /// Builds a time from minutes since midnight; nil outside 0...1440.
  public init?(minutes: Int) {
    guard (0...1440).contains(minutes) else { return nil }
    self.init(validMinutes: minutes)
  }

  /// Wraps minutes the caller has already checked.
  private init(validMinutes minutes: Int) {
    stored = Int16(clamping: minutes)
  }

  /// Reads a time as written in a books file, "HH:MM" or "H:MM", from 00:00 to 24:00.
  ///
  /// The minutes always have two digits ("9:05", not "9:5"); nothing else is allowed.
  public static func parse(_ bytes: ArraySlice<UInt8>) -> TimeOfDay? {
    guard bytes.count == 4 || bytes.count == 5 else { return nil }
    let hourDigits = bytes.dropLast(3)
    let colonAndMinutes = bytes.suffix(3)
    guard colonAndMinutes.first == UInt8(ascii: ":") else { return nil }
    let minuteDigits = colonAndMinutes.dropFirst()
    guard hourDigits.allSatisfy(isASCIIDigit), minuteDigits.allSatisfy(isASCIIDigit) else {
      return nil
    }
    return TimeOfDay(hour: number(hourDigits), minute: number(minuteDigits))
  }

  /// The value of at most two ASCII digits the caller has checked.
  private static func number(_ digits: ArraySlice<UInt8>) -> Int {
    digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
  }

  /// Reads a time from text with the same rules as `parse(_:)`.
  public init?(_ text: String) {
    guard let time = TimeOfDay.parse(ArraySlice(text.utf8)) else { return nil }
    self = time
  }

  /// The hour, 0...24.
  public var hour: Int { minutes / 60 }

  /// The minute within the hour, 0...59.
  public var minute: Int { minutes % 60 }

  /// The time worked from this time to `end` on the same day; nil if `end` is earlier.
  public func span(until end: TimeOfDay) -> TimeSpan? {
    end.minutes >= minutes ? TimeSpan(minutes: end.minutes - minutes) : nil
  }

  /// Orders times through the day.
  public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
    lhs.minutes < rhs.minutes
  }

  /// The time with two-digit hour and minute, "09:05", as books files write it.
  public var description: String {
    let hourText = hour < 10 ? "0\(hour)" : "\(hour)"
    let minuteText = minute < 10 ? "0\(minute)" : "\(minute)"
    return hourText + ":" + minuteText
  }
}

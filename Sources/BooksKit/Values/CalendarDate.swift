/// A day in the proleptic Gregorian calendar, with no time or time zone, because books
/// entries happen on dates, not instants.
///
/// Years run from 1 to 9999 so every date prints as "YYYY-MM-DD". Day arithmetic goes
/// through `dayNumber`, the count of days since 1970-01-01.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  // Stored in 32 bits (every dated entry carries a date or two): `(year << 9) | (month
  // << 5) | day`, which also orders dates as integers.
  private let packed: UInt32

  /// The year, 1...9999.
  public var year: Int { Int(packed >> 9) }
  /// The month, 1...12.
  public var month: Int { Int((packed >> 5) & 0xF) }
  /// The day of the month, 1...28, 29, 30 or 31 depending on the month.
  public var day: Int { Int(packed & 0x1F) }

  /// The earliest date that can be represented, 0001-01-01.
  public static let earliest = CalendarDate(validYear: 1, month: 1, day: 1)
  /// The latest date that can be represented, 9999-12-31.
  public static let latest = CalendarDate(validYear: 9999, month: 12, day: 31)

  /// Builds a date only if it exists, so 2026-02-30 can never reach the books.
  ///
  /// The year must be 1...9999; leap years follow the Gregorian rule, so 2024-02-29 and
  /// 2000-02-29 exist but 2025-02-29 and 1900-02-29 do not.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    self.init(validYear: year, month: month, day: day)
  }

  /// Builds a date the caller has already checked.
  private init(validYear year: Int, month: Int, day: Int) {
    packed =
      UInt32(truncatingIfNeeded: year) << 9 | UInt32(truncatingIfNeeded: month) << 5
      | UInt32(truncatingIfNeeded: day)
  }

  /// Reads a date as written in a books file: exactly "YYYY-MM-DD" in ASCII, ten bytes,
  /// and a real date.
  public static func parse(_ bytes: ArraySlice<UInt8>) -> CalendarDate? {
    guard bytes.count == 10 else { return nil }
    var year = 0
    var month = 0
    var day = 0
    for (offset, byte) in bytes.enumerated() {
      if offset == 4 || offset == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      guard isASCIIDigit(byte) else { return nil }
      let digit = Int(byte - UInt8(ascii: "0"))
      switch offset {
      case 0..<4: year = year * 10 + digit
      case 5, 6: month = month * 10 + digit
      default: day = day * 10 + digit
      }
    }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// Reads a date from text with the same rules as `parse(_:)`.
  public init?(_ text: String) {
    guard let date = CalendarDate.parse(ArraySlice(text.utf8)) else { return nil }
    self = date
  }

  /// Whether the year has a February 29th under the Gregorian rule.
  public var isLeapYear: Bool { CalendarDate.isLeap(year) }

  /// Tells whether `year` is a Gregorian leap year: every fourth year, except centuries
  /// not divisible by 400.
  private static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in a month, to check and clamp days; 0 for a month outside 1...12.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeap(year) ? 29 : 28
    default: return 0
    }
  }

  /// Days since 1970-01-01 (negative before), the form all date arithmetic goes through.
  public var dayNumber: Int {
    // Howard Hinnant's days_from_civil, with years starting in March so February is last.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `dayNumber` days after 1970-01-01; nil outside 0001-01-01...9999-12-31.
  public init?(dayNumber: Int) {
    guard dayNumber >= CalendarDate.earliest.dayNumber,
      dayNumber <= CalendarDate.latest.dayNumber
    else { return nil }
    // Howard Hinnant's civil_from_days; the range check above keeps every step small.
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.init(validYear: year, month: month, day: day)
  }

  /// The date `days` later (earlier if negative), for due dates; nil outside years 1...9999.
  public func adding(days: Int) -> CalendarDate? {
    let (target, overflow) = dayNumber.addingReportingOverflow(days)
    guard !overflow else { return nil }
    return CalendarDate(dayNumber: target)
  }

  /// The same day `months` later (earlier if negative), for monthly retainers and terms.
  ///
  /// A day past the end of the target month is clamped to its last day, so 2026-01-31
  /// plus one month is 2026-02-28. Returns nil outside years 1...9999.
  public func adding(months: Int) -> CalendarDate? {
    let (target, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
    guard !overflow else { return nil }
    let (quotient, remainder) = target.quotientAndRemainder(dividingBy: 12)
    let targetYear = remainder < 0 ? quotient - 1 : quotient
    let targetMonth = (remainder < 0 ? remainder + 12 : remainder) + 1
    guard (1...9999).contains(targetYear) else { return nil }
    let targetDay = min(day, CalendarDate.daysIn(month: targetMonth, year: targetYear))
    return CalendarDate(validYear: targetYear, month: targetMonth, day: targetDay)
  }

  /// How many days lie from `other` to this date: `self.dayNumber - other.dayNumber`.
  public func days(since other: CalendarDate) -> Int {
    dayNumber - other.dayNumber
  }

  /// The ISO weekday, 1 = Monday ... 7 = Sunday, for weekly reports.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let offset = (dayNumber + 3) % 7
    return (offset < 0 ? offset + 7 : offset) + 1
  }

  /// Orders dates in time.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    lhs.packed < rhs.packed
  }

  /// The date as written in books files: "2026-01-31", always with a four-digit year.
  public var description: String {
    padded(year, width: 4) + "-" + padded(month, width: 2) + "-" + padded(day, width: 2)
  }

  /// Writes a non-negative number with leading zeros up to `width` digits.
  private func padded(_ number: Int, width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

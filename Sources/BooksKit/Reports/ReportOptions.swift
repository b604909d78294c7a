#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A span of calendar days, both ends included; an open end is unbounded.
public struct DayRange: Hashable, Sendable, CustomStringConvertible {
  public var from: CalendarDate?
  public var to: CalendarDate?

  public init(from: CalendarDate? = nil, to: CalendarDate? = nil) {
    self.from = from
    self.to = to
  }

  public func contains(_ date: CalendarDate) -> Bool {
    (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true)
  }

  public var description: String {
    switch (from, to) {
    case (nil, nil): "all dates"
    case (let from?, nil): "from \(from)"
    case (nil, let to?): "to \(to)"
    case (let from?, let to?): from == to ? "\(from)" : "\(from) to \(to)"
    }
  }

  /// Parses a period: a year `2026`, a quarter `2026-Q1`, a month `2026-03` or a day.
  public static func period(_ text: String) -> DayRange? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let yearText = parts.first, yearText.count == 4, yearText.utf8.allSatisfy(isDigit),
      let year = Int(yearText), (1...9999).contains(year)
    else { return nil }
    switch parts.count {
    case 1:
      return DayRange(
        from: CalendarDate(year: year, month: 1, day: 1),
        to: CalendarDate(year: year, month: 12, day: 31))
    case 2:
      let second = parts[1]
      if second.count == 2, second.first == "Q" || second.first == "q",
        let quarter = Int(second.dropFirst()), (1...4).contains(quarter)
      {
        let firstMonth = (quarter - 1) * 3 + 1
        return DayRange(
          from: CalendarDate(year: year, month: firstMonth, day: 1),
          to: CalendarDate(
            year: year, month: firstMonth + 2,
            day: CalendarDate.daysIn(month: firstMonth + 2, year: year)))
      }
      guard second.count == 2, second.utf8.allSatisfy(isDigit), let month = Int(second),
        (1...12).contains(month)
      else { return nil }
      return DayRange(
        from: CalendarDate(year: year, month: month, day: 1),
        to: CalendarDate(
          year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)))
    case 3:
      guard let day = CalendarDate(text) else { return nil }
      return DayRange(from: day, to: day)
    default:
      return nil
    }
  }
}

/// What every report can be asked: which days, which client or project, as of when.
public struct ReportOptions: Sendable {
  /// The days whose entries count (income, expenses, time, invoices by their date).
  public var period: DayRange
  /// Only this client's entries (and its projects').
  public var client: String?
  /// Only this project's entries.
  public var project: String?
  /// The day the report is "as of": balances, overdue days and aging are computed on it,
  /// and entries dated after it are left out.
  public var asOf: CalendarDate
  /// Show only amounts in this currency (books in several currencies).
  public var currency: Currency?

  public init(
    period: DayRange = DayRange(), client: String? = nil, project: String? = nil,
    asOf: CalendarDate, currency: Currency? = nil
  ) {
    self.period = period
    self.client = client
    self.project = project
    self.asOf = asOf
    self.currency = currency
  }

  /// True when an entry dated `date` counts: inside the period and not after the as-of day.
  public func counts(_ date: CalendarDate) -> Bool {
    period.contains(date) && date <= asOf
  }

  /// Today's date on this machine's clock, in its local time zone.
  public static func today() -> CalendarDate {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return CalendarDate(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? CalendarDate.earliest
  }
}

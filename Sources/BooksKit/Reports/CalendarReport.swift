/// The meetings calendar: a month grid (one per month of the period) or, for a period of a
/// week or less, the ISO week(s) around it day by day, plus a list of the meetings shown —
/// the seed's calendar, which shows "all scheduled meetings for the month" and can switch
/// to a week.
///
/// What is shown:
/// - no `--period`: the month of the as-of day;
/// - a period of at most 7 days (`--period 2026-03-05`, `--from/--to` a week apart): every
///   ISO week (Monday to Sunday) that the period touches;
/// - a longer period: every month it touches; an open end stands for the as-of day.
///
/// Whole months and weeks are shown, not only the period's days, because a calendar with
/// holes in it misleads. Meetings after the as-of day are shown too: a calendar is for what
/// is coming. `--client` keeps meetings with that client or one of its contacts
/// (`--project`: with the project's client).
public struct CalendarReport: Sendable {
  /// A meeting as the calendar shows it.
  public struct Row: Sendable, Equatable {
    public var date: CalendarDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var title: String
    /// Clients, contacts and staff who attend, as written.
    public var with: [String]
    public var medium: String?
    public var location: String?
    public var link: String?
    public var priority: Priority?
    public var agenda: [String]

    /// How long the meeting lasts, when its start and end are known.
    public var duration: TimeSpan? {
      guard let start, let end else { return nil }
      return start.span(until: end)
    }
  }

  /// A month of the calendar: the grid's year and month.
  public struct Month: Sendable, Hashable {
    public var year: Int
    public var month: Int
  }

  public enum Layout: Sendable, Equatable {
    /// One grid per month.
    case months
    /// Day by day, one ISO week at a time.
    case weeks
  }

  /// Grids drawn at most: a period of decades still lists every meeting but does not
  /// draw hundreds of empty months.
  public static let maximumMonths = 60

  public var layout: Layout
  /// The first day shown: the 1st of the first month, or the Monday of the first week.
  public var first: CalendarDate
  /// The last day shown: the end of the last month, or the Sunday of the last week.
  public var last: CalendarDate
  /// Meetings from `first` to `last`, by date and start time (untimed first), then in
  /// file order.
  public var rows: [Row]

  public init(_ context: ReportContext) {
    let options = context.options
    let period = options.period
    if let from = period.from, let to = period.to, from <= to, to.days(since: from) < 7 {
      layout = .weeks
      first = Self.monday(of: from)
      last = Self.monday(of: to).adding(days: 6) ?? CalendarDate.latest
    } else {
      layout = .months
      // An open end stands for the as-of day, but never makes the range empty.
      let start = period.from ?? min(options.asOf, period.to ?? options.asOf)
      let end = max(period.to ?? options.asOf, start)
      first = CalendarDate(year: start.year, month: start.month, day: 1) ?? start
      last =
        CalendarDate(
          year: end.year, month: end.month,
          day: CalendarDate.daysIn(month: end.month, year: end.year)) ?? end
    }
    let wanted = ToolsReportSupport.wantedClients(context)
    let books = context.books
    let (first, last) = (first, last)
    let shown = books.meetings.enumerated().filter { _, meeting in
      guard meeting.date >= first, meeting.date <= last else { return false }
      guard let wanted else { return true }
      return meeting.with.contains { attendee in
        if wanted.contains(attendee.id) { return true }
        guard let definition = books.definition(attendee.id), definition.kind == .contact,
          books.contacts.indices.contains(definition.index),
          let client = books.contacts[definition.index].client?.id
        else { return false }
        return wanted.contains(client)
      }
    }
    rows =
      shown.sorted { lhs, rhs in
        let left = (lhs.element.date, lhs.element.start?.minutes ?? -1, lhs.offset)
        let right = (rhs.element.date, rhs.element.start?.minutes ?? -1, rhs.offset)
        return left < right
      }
      .map { _, meeting in
        Row(
          date: meeting.date, start: meeting.start, end: meeting.end, title: meeting.title,
          with: meeting.with.map(\.id), medium: meeting.medium?.id, location: meeting.location,
          link: meeting.link, priority: meeting.priority, agenda: meeting.agenda)
      }
  }

  /// The months shown, first to last (at most `maximumMonths`); empty for a week layout.
  public var months: [Month] {
    guard layout == .months else { return [] }
    var months: [Month] = []
    var year = first.year
    var month = first.month
    while (year, month) <= (last.year, last.month), months.count < Self.maximumMonths {
      months.append(Month(year: year, month: month))
      if month == 12 {
        year += 1
        month = 1
      } else {
        month += 1
      }
    }
    return months
  }

  /// How many months the layout spans, counting those past `maximumMonths`.
  public var monthCount: Int {
    guard layout == .months else { return 0 }
    return (last.year - first.year) * 12 + last.month - first.month + 1
  }

  /// The Mondays of the weeks shown, first to last; empty for a month layout.
  public var weeks: [CalendarDate] {
    guard layout == .weeks else { return [] }
    var mondays: [CalendarDate] = []
    var monday: CalendarDate? = first
    while let day = monday, day <= last {
      mondays.append(day)
      monday = day.adding(days: 7)
    }
    return mondays
  }

  /// The meetings on one day, in the order of `rows`.
  public func rows(on date: CalendarDate) -> [Row] {
    rows.filter { $0.date == date }
  }

  /// The meetings in one month, in the order of `rows`.
  public func rows(in month: Month) -> [Row] {
    rows.filter { $0.date.year == month.year && $0.date.month == month.month }
  }

  /// The Monday of the ISO week of `date` (the date itself near year 1, where there is no
  /// earlier Monday to name).
  public static func monday(of date: CalendarDate) -> CalendarDate {
    date.adding(days: 1 - date.weekday) ?? date
  }

  /// The ISO 8601 week of `date`: the week-numbering year (the year of the week's
  /// Thursday, so 2026-12-31 falls in 2026-W53 and 2027-01-01 too) and the week number.
  public static func isoWeek(of date: CalendarDate) -> (year: Int, week: Int) {
    guard let thursday = monday(of: date).adding(days: 3),
      let newYear = CalendarDate(year: thursday.year, month: 1, day: 1)
    else { return (date.year, 1) }
    return (thursday.year, thursday.days(since: newYear) / 7 + 1)
  }

  public static let report = Report(
    "calendar", aliases: ["cal"], "meetings of a month (a grid) or a week (day by day), and a list"
  ) { context in
    let report = CalendarReport(context)
    var blocks: [Block] = []
    var time = TimeSpan.zero
    for row in report.rows {
      if let duration = row.duration { time = time.adding(duration) ?? time }
    }
    blocks.append(
      .metrics(
        id: "totals", title: nil,
        [
          Metric("count", "Meetings", .integer(report.rows.count)),
          Metric("time", "Time in meetings", .duration(time)),
        ]))
    switch report.layout {
    case .months:
      for month in report.months {
        blocks.append(
          .calendar(
            CalendarMonth(
              year: month.year, month: month.month,
              events: report.rows(in: month).map {
                CalendarMonth.Event(date: $0.date, time: $0.start, title: $0.title)
              })))
      }
      if report.monthCount > report.months.count {
        blocks.append(
          .note(
            "The period spans \(report.monthCount) months; grids are drawn for the first "
              + "\(report.months.count) and the list below has every meeting."))
      }
    case .weeks:
      for monday in report.weeks { blocks.append(.board(week(monday, report))) }
    }
    blocks.append(.table(list(report.rows)))
    return context.view("calendar", "Calendar", blocks)
  }

  /// A week as a board: a column per day, Monday to Sunday, so HTML draws the week as
  /// columns and text lists it day by day, empty days included.
  static func week(_ monday: CalendarDate, _ report: CalendarReport) -> Board {
    let (year, number) = isoWeek(of: monday)
    let weekID = "\(year)-W\(number < 10 ? "0" : "")\(number)"
    let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    let days = (0..<7).compactMap { monday.adding(days: $0) }
    let sunday = days.last ?? monday
    return Board(
      id: "week-" + weekID, title: "Week \(weekID), \(monday) to \(sunday)",
      lanes: days.map { day in
        let meetings = report.rows(on: day)
        let name = names.indices.contains(day.weekday - 1) ? names[day.weekday - 1] : ""
        return Lane(
          id: day.description, title: "\(name) \(day)",
          cards: meetings.enumerated().map { index, row in
            Card(
              id: "\(day)-\(index + 1)", title: row.title,
              fields: [
                Metric("start", "Start", row.start.map { .time($0) } ?? .empty),
                Metric("end", "End", row.end.map { .time($0) } ?? .empty),
                Metric("with", "With", with(row)),
                Metric("medium", "Medium", row.medium.map { .text($0) } ?? .empty),
                Metric("where", "Where", place(row)),
              ])
          })
      })
  }

  /// The list of meetings: one row each, the table CSV exports whatever the layout.
  static func list(_ rows: [Row]) -> Table {
    Table(
      id: "meetings", title: "Meetings",
      columns: [
        Column("date", "Date"), Column("start", "Start"), Column("end", "End"),
        Column("title", "Title"), Column("with", "With"), Column("medium", "Medium"),
        Column("where", "Where"),
      ],
      rows: rows.map { row in
        [
          .date(row.date), row.start.map { .time($0) } ?? .empty,
          row.end.map { .time($0) } ?? .empty, .text(row.title), with(row),
          row.medium.map { .text($0) } ?? .empty, place(row),
        ]
      })
  }

  private static func with(_ row: Row) -> Cell {
    row.with.isEmpty ? .empty : .text(row.with.joined(separator: ", "))
  }

  /// The location, the link, or both: a meeting in a room can still have a call link.
  private static func place(_ row: Row) -> Cell {
    let parts = [row.location, row.link].compactMap { $0 }
    return parts.isEmpty ? .empty : .text(parts.joined(separator: " · "))
  }
}

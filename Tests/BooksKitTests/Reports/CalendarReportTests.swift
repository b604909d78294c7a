import Testing

@testable import BooksKit

/// The calendar: which meetings fall in which month or ISO week (weeks start on Monday),
/// how periods pick the layout, and the client filter.
@Suite struct CalendarReportTests {
  // 2026-03-01 is a Sunday, 2026-03-02 a Monday; 2026-12-31 a Thursday.
  static let books = """
    client acme "Acme"
    client initech "Initech"
    project acme-web "Acme website"
      client acme
    contact jana "Jana Weber"
      client acme
    contact lea "Lea Brandt"
    staff mira "Mira Okafor"

    2026-02-27 meeting 09:00-10:00 "February call"
      with acme
    2026-03-01 meeting "Sunday, all day"
      with mira
    2026-03-02 meeting 14:00 30m "Monday afternoon"
      with jana
    2026-03-02 meeting 09:00-09:45 "Monday morning"
      with lea
      medium zoom
      link https://zoom.example/j/1
      location "The studio"
    2026-03-08 meeting 10:00-11:00 "Sunday review"
      with initech
      location "Initech, Hamburg"
    2026-03-09 meeting 10:00-11:00 "Next Monday"
      with acme
    2026-03-31 meeting 16:00-17:00 "End of March"
      with initech jana
    2026-04-01 meeting 10:00-11:00 "April"
      with acme
    2026-12-31 meeting 10:00-11:00 "Last day of 2026"
    2027-01-01 meeting 10:00-11:00 "First day of 2027"
    2027-01-04 meeting 10:00-11:00 "First Monday of 2027"

    """

  static func context(
    asOf: String = "2026-03-15", period: DayRange = DayRange(), client: String? = nil,
    project: String? = nil
  ) throws -> ReportContext {
    let validation = validate(books)
    #expect(describe(validation) == [])
    let options = ReportOptions(
      period: period, client: client, project: project,
      asOf: try #require(CalendarDate(asOf)))
    return ReportContext(books: validation.books, options: options)
  }

  static func days(_ from: String, _ to: String) -> DayRange {
    DayRange(from: CalendarDate(from), to: CalendarDate(to))
  }

  static func report(
    asOf: String = "2026-03-15", period: DayRange = DayRange(), client: String? = nil,
    project: String? = nil
  ) throws -> CalendarReport {
    CalendarReport(try context(asOf: asOf, period: period, client: client, project: project))
  }

  @Test func withoutAPeriodTheAsOfMonthWithFutureMeetingsToo() throws {
    let report = try Self.report()
    #expect(report.layout == .months)
    #expect(report.first == CalendarDate("2026-03-01"))
    #expect(report.last == CalendarDate("2026-03-31"))
    #expect(report.months == [CalendarReport.Month(year: 2026, month: 3)])
    // By day, untimed first, then by start; 31 March is after the as-of day but shown.
    #expect(
      report.rows.map(\.title) == [
        "Sunday, all day", "Monday morning", "Monday afternoon", "Sunday review", "Next Monday",
        "End of March",
      ])
    let morning = try #require(report.rows.first { $0.title == "Monday morning" })
    #expect(morning.start == TimeOfDay("09:00"))
    #expect(morning.end == TimeOfDay("09:45"))
    #expect(morning.with == ["lea"])
    #expect(morning.medium == "zoom")
    #expect(morning.location == "The studio")
    #expect(morning.link == "https://zoom.example/j/1")
    #expect(report.rows.first { $0.title == "Monday afternoon" }?.duration == TimeSpan(minutes: 30))
    #expect(report.rows.first?.duration == nil)
  }

  @Test func theMonthViewIsAGridAndAList() throws {
    let view = CalendarReport.report.view(try Self.context())
    #expect(view.name == "calendar")
    let grids = view.blocks.compactMap { block -> CalendarMonth? in
      if case .calendar(let month) = block { return month }
      return nil
    }
    #expect(grids.map(\.month) == [3])
    #expect(grids.first?.events.map(\.date.day) == [1, 2, 2, 8, 9, 31])
    #expect(
      grids.first?.events.first
        == .init(
          date: try #require(CalendarDate("2026-03-01")), time: nil, title: "Sunday, all day"))
    guard case .table(let list) = view.blocks.last else {
      Issue.record("the calendar ends with the list of meetings")
      return
    }
    #expect(list.id == "meetings")
    #expect(list.columns.map(\.id) == ["date", "start", "end", "title", "with", "medium", "where"])
    #expect(
      list.rows[1] == [
        .date(try #require(CalendarDate("2026-03-02"))), .time(try #require(TimeOfDay("09:00"))),
        .time(try #require(TimeOfDay("09:45"))), .text("Monday morning"), .text("lea"),
        .text("zoom"), .text("The studio · https://zoom.example/j/1"),
      ])
    // 30m + 45m + 1h + 1h + 1h; the all-day meeting has no length.
    #expect(
      view.blocks.first
        == .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Meetings", .integer(6)),
            Metric("time", "Time in meetings", .duration(TimeSpan(minutes: 255))),
          ]))
    #expect(view.primaryTable.id == "meetings")
  }

  @Test func aSingleDayShowsItsISOWeekFromMonday() throws {
    // Thursday 5 March: the week of Monday 2 to Sunday 8 March, not Sunday 1 or Monday 9.
    let report = try Self.report(period: Self.days("2026-03-05", "2026-03-05"))
    #expect(report.layout == .weeks)
    #expect(report.first == CalendarDate("2026-03-02"))
    #expect(report.last == CalendarDate("2026-03-08"))
    #expect(report.weeks == [CalendarDate("2026-03-02")].compactMap { $0 })
    #expect(report.months == [])
    #expect(report.rows.map(\.title) == ["Monday morning", "Monday afternoon", "Sunday review"])
    // A Sunday belongs to the week that started the Monday before.
    let sunday = try Self.report(period: Self.days("2026-03-01", "2026-03-01"))
    #expect(sunday.first == CalendarDate("2026-02-23"))
    #expect(sunday.rows.map(\.title) == ["February call", "Sunday, all day"])
  }

  @Test func theWeekViewIsADayByDayBoardInsteadOfTheGrid() throws {
    let view = CalendarReport.report.view(
      try Self.context(period: Self.days("2026-03-05", "2026-03-05")))
    #expect(!view.blocks.contains { if case .calendar = $0 { true } else { false } })
    let boards = view.blocks.compactMap { block -> Board? in
      if case .board(let board) = block { return board }
      return nil
    }
    #expect(boards.map(\.id) == ["week-2026-W10"])
    let lanes = try #require(boards.first?.lanes)
    #expect(lanes.map(\.id) == (2...8).map { "2026-03-0\($0)" })
    #expect(lanes.first?.title == "Monday 2026-03-02")
    #expect(lanes.last?.title == "Sunday 2026-03-08")
    #expect(lanes.map(\.cards.count) == [2, 0, 0, 0, 0, 0, 1])
    #expect(lanes.first?.cards.map(\.title) == ["Monday morning", "Monday afternoon"])
    // CSV still gets the list of meetings.
    #expect(view.primaryTable.id == "meetings")
    #expect(view.primaryTable.rows.count == 3)
  }

  @Test func sevenDaysAcrossTwoWeeksShowBothWeeks() throws {
    // Friday 6 to Thursday 12 March: the weeks of 2 and 9 March.
    let report = try Self.report(period: Self.days("2026-03-06", "2026-03-12"))
    #expect(report.layout == .weeks)
    #expect(report.weeks == ["2026-03-02", "2026-03-09"].compactMap(CalendarDate.init))
    #expect(report.last == CalendarDate("2026-03-15"))
    #expect(
      report.rows.map(\.title) == [
        "Monday morning", "Monday afternoon", "Sunday review", "Next Monday",
      ])
    // Eight days is more than a week: the month grid.
    let eight = try Self.report(period: Self.days("2026-03-01", "2026-03-08"))
    #expect(eight.layout == .months)
    #expect(eight.months == [CalendarReport.Month(year: 2026, month: 3)])
  }

  @Test func aPeriodOfSeveralMonthsGivesAGridPerMonth() throws {
    let quarter = try Self.report(period: try #require(DayRange.period("2026-Q1")))
    #expect(quarter.months.map(\.month) == [1, 2, 3])
    #expect(
      quarter.rows(in: CalendarReport.Month(year: 2026, month: 2)).map(\.title) == ["February call"]
    )
    #expect(quarter.rows.count == 7)
    let view = CalendarReport.report.view(
      try Self.context(period: try #require(DayRange.period("2026-Q1"))))
    let grids = view.blocks.compactMap { block -> CalendarMonth? in
      if case .calendar(let month) = block { return month }
      return nil
    }
    #expect(grids.map(\.month) == [1, 2, 3])
    #expect(grids.map(\.events.count) == [0, 1, 6])
    // Whole months: 20 February to 10 April shows February, March and April entire.
    let span = try Self.report(period: Self.days("2026-02-20", "2026-04-10"))
    #expect(span.months.map(\.month) == [2, 3, 4])
    #expect(span.first == CalendarDate("2026-02-01"))
    #expect(span.last == CalendarDate("2026-04-30"))
    #expect(span.rows.count == 8)
  }

  @Test func anOpenEndStandsForTheAsOfDay() throws {
    let from = try Self.report(
      asOf: "2026-04-10", period: DayRange(from: CalendarDate("2026-02-15")))
    #expect(from.months.map(\.month) == [2, 3, 4])
    let to = try Self.report(asOf: "2026-03-15", period: DayRange(to: CalendarDate("2026-02-10")))
    #expect(to.months.map(\.month) == [2])
    let later = try Self.report(
      asOf: "2026-01-15", period: DayRange(to: CalendarDate("2026-03-10")))
    #expect(later.months.map(\.month) == [1, 2, 3])
  }

  @Test func longPeriodsDrawAtMostSixtyGridsButListEverything() throws {
    let report = try Self.report(period: Self.days("2020-01-01", "2026-12-31"))
    #expect(report.monthCount == 84)
    #expect(report.months.count == CalendarReport.maximumMonths)
    #expect(report.months.last == CalendarReport.Month(year: 2024, month: 12))
    #expect(report.rows.count == 9)
    let view = CalendarReport.report.view(
      try Self.context(period: Self.days("2020-01-01", "2026-12-31")))
    #expect(view.blocks.contains { if case .note = $0 { true } else { false } })
  }

  @Test func clientKeepsMeetingsWithTheClientOrItsContacts() throws {
    // acme itself, or jana who works for acme; not lea (no client), mira (staff) or initech.
    #expect(
      try Self.report(client: "acme").rows.map(\.title) == [
        "Monday afternoon", "Next Monday", "End of March",
      ])
    #expect(
      try Self.report(client: "initech").rows.map(\.title) == ["Sunday review", "End of March"])
    #expect(
      try Self.report(project: "acme-web").rows.map(\.title) == [
        "Monday afternoon", "Next Monday", "End of March",
      ])
    #expect(try Self.report(client: "initech", project: "acme-web").rows.isEmpty)
  }

  @Test func isoWeeksAroundNewYear() throws {
    func week(_ text: String) throws -> (Int, Int) {
      let result = CalendarReport.isoWeek(of: try #require(CalendarDate(text)))
      return (result.year, result.week)
    }
    #expect(try week("2026-01-01") == (2026, 1))
    #expect(try week("2026-03-05") == (2026, 10))
    #expect(try week("2026-12-31") == (2026, 53))
    #expect(try week("2027-01-03") == (2026, 53))
    #expect(try week("2027-01-04") == (2027, 1))
    #expect(try week("2024-12-30") == (2025, 1))
    #expect(
      CalendarReport.monday(of: try #require(CalendarDate("2026-03-08")))
        == CalendarDate("2026-03-02"))
    #expect(
      CalendarReport.monday(of: try #require(CalendarDate("2026-03-02")))
        == CalendarDate("2026-03-02"))
    // The week of New Year's Day 2027 is 2026-W53, Monday 28 December to Sunday 3 January.
    let view = CalendarReport.report.view(
      try Self.context(period: Self.days("2027-01-01", "2027-01-01")))
    guard case .board(let board) = view.blocks.dropFirst().first else {
      Issue.record("a week view starts with the week's board")
      return
    }
    #expect(board.id == "week-2026-W53")
    #expect(board.title == "Week 2026-W53, 2026-12-28 to 2027-01-03")
    #expect(board.lanes.map(\.cards.count) == [0, 0, 0, 1, 1, 0, 0])
  }

  @Test func theCalAlias() {
    #expect(Reports.named("cal")?.name == "calendar")
  }
}

import Testing

@testable import BooksKit

/// Project completion computed by hand: by hours (an estimate), by invoicing (a value and no
/// estimate) and by neither, as of a day that leaves later time and invoices out.
@Suite struct ProjectsReportTests {
  static let books =
    euroHeader + """
      project hours-p "By hours"
        client acme
        value 5000
        priority high
        status in-progress
        start 2026-01-01
        end 2026-03-31
        estimate 20h
      service hours-p/dev "Development"
        pricing hourly 100
      project invoicing-p "By invoicing"
        client acme
        value 6000
        priority low
        status completed
        start 2026-02-01
        end 2026-05-31
      project neither-p "Neither"
        client acme
        start 2026-09-01

      2026-01-10 time hours-p 4h30m "On the project"
      2026-01-11 time hours-p/dev 3h "On its service, not billable: still progress"
        billable no
      2026-02-01 time hours-p/dev 45m
      2026-07-01 time hours-p 10h "After the as-of day"

      2026-02-10 time invoicing-p 2h "Hours without an estimate do not measure completion"
      2026-02-28 invoice INV-1 acme
        project invoicing-p
        status sent
        item "First half" 2000
      2026-04-30 invoice INV-2 acme
        project invoicing-p
        status sent
        item "Second part" 500
        tax vat
      2026-05-15 invoice INV-3 acme
        project invoicing-p
        status draft
        item "Draft" 1000
      2026-05-16 invoice INV-4 acme
        project invoicing-p
        status void
        item "Void" 999
      2026-07-15 invoice INV-5 acme
        project invoicing-p
        status sent
        item "After the as-of day" 1000

      """

  static func report(_ options: ReportOptions) -> ProjectsReport {
    let validation = validate(books)
    #expect(describe(validation) == [])
    return ProjectsReport(ReportContext(books: validation.books, options: options))
  }

  static func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

  @Test func completionByHoursByInvoicingAndNeither() throws {
    let report = Self.report(ReportOptions(asOf: try Self.day("2026-06-30")))
    #expect(report.rows.map(\.id) == ["hours-p", "invoicing-p", "neither-p"])

    let hours = report.rows[0]
    #expect(hours.basis == .hours)
    // 4h30m + 3h + 45m = 495 min of 1200 min = 41.25 % → 41.3 (half away from zero).
    #expect(hours.actual == TimeSpan(minutes: 495))
    #expect(hours.estimate == TimeSpan(minutes: 1200))
    #expect(hours.completion?.description == "41.3")

    let invoicing = report.rows[1]
    #expect(invoicing.basis == .invoicing)
    #expect(invoicing.actual == TimeSpan(minutes: 120))
    // Before tax: 2000 + 500 = 2500 of 6000 = 41.67 % → 41.7; draft, void and later ones left out.
    #expect(invoicing.invoiced?.description == "2500.00 EUR")  // before tax: 2000 + 500
    #expect(invoicing.completion?.description == "41.7")

    let neither = report.rows[2]
    #expect(neither.basis == .none)
    #expect(neither.completion == nil)
    #expect(neither.priority == .medium)
    #expect(neither.status == .notStarted)
  }

  @Test func aLaterAsOfDayCountsLaterWork() throws {
    let report = Self.report(ReportOptions(asOf: try Self.day("2026-12-31")))
    // 495 + 600 = 1095 min of 1200 = 91.25 % → 91.3; 2500 + 1000 = 3500 of 6000 = 58.3 %.
    #expect(report.rows[0].completion?.description == "91.3")
    #expect(report.rows[1].invoiced?.description == "3500.00 EUR")
    #expect(report.rows[1].completion?.description == "58.3")
  }

  @Test func lanesByPriorityWithValues() throws {
    let lanes = Self.report(ReportOptions(asOf: try Self.day("2026-06-30"))).lanes()
    #expect(lanes.map(\.priority) == [.high, .medium, .low])
    #expect(lanes.map { $0.rows.map(\.id) } == [["hours-p"], ["neither-p"], ["invoicing-p"]])
    #expect(
      lanes.map { $0.value.amounts.map(\.description) } == [["5000.00 EUR"], [], ["6000.00 EUR"]])
  }

  @Test func thePeriodChoosesTheProjectsThatRunInIt() throws {
    let april = Self.report(
      ReportOptions(
        period: try #require(DayRange.period("2026-04")), asOf: try Self.day("2026-12-31")))
    // hours-p ended in March, neither-p starts in September.
    #expect(april.rows.map(\.id) == ["invoicing-p"])
    // The period does not cut progress short: it runs to the as-of day.
    #expect(april.rows[0].completion?.description == "58.3")
    let autumn = Self.report(
      ReportOptions(
        period: try #require(DayRange.period("2026-Q4")), asOf: try Self.day("2026-12-31")))
    #expect(autumn.rows.map(\.id) == ["neither-p"])
  }

  @Test func filtersByClientAndProject() throws {
    let asOf = try Self.day("2026-06-30")
    #expect(
      Self.report(ReportOptions(project: "hours-p", asOf: asOf)).rows.map(\.id) == ["hours-p"])
    #expect(Self.report(ReportOptions(client: "nobody", asOf: asOf)).rows.isEmpty)
  }

  @Test func rendersTheSamplesInEveryFormat() throws {
    try SampleReportRendering.check(ProjectsReport.report)
  }
}

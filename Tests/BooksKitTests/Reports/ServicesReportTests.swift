import Testing

@testable import BooksKit

/// The services board by hand: hours logged, billed (with the client's 15-minute rounding,
/// a void invoice, a flat service and a staff rate) and unbilled.
@Suite struct ServicesReportTests {
  static let books = """
    business "North Studio"
      currency EUR
    client acme "Acme"
      rounding 15m
    staff tom "Tom"
      rate 80
    project web "Web"
      client acme
    service web/design "Design"
      pricing hourly 100
      status in-progress
    service web/logo "Logo"
      pricing flat 1500
      status completed
    project care "Care"
      client acme
    service care/hours "Care hours"
      pricing hourly
      status on-hold
    service web/later "Later"
      pricing hourly 100

    2026-01-05 time web/design 1h10m
      invoice INV-1
    2026-01-06 time web/design 50m
      invoice INV-1
    2026-01-07 time web/design 2h "Not billed yet"
    2026-01-08 time web/design 1h "Not billable"
      billable no
    2026-01-09 time web/design 30m "On a void invoice: not billed"
      invoice INV-2
    2026-01-10 time web/logo 3h
      invoice INV-1
    2026-01-11 time care 2h "On the project, so on its only hourly service"
      staff tom
      invoice INV-1
    2026-07-01 time web/design 5h "After the as-of day"

    2026-01-31 invoice INV-1 acme
      status sent
      item "Work" 1000
    2026-01-31 invoice INV-2 acme
      status void
      item "Cancelled" 50

    """

  static func report(_ options: ReportOptions) -> ServicesReport {
    let validation = validate(books)
    #expect(describe(validation) == [])
    return ServicesReport(ReportContext(books: validation.books, options: options))
  }

  static let asOf = CalendarDate(year: 2026, month: 6, day: 30) ?? .earliest

  @Test func hoursBilledAndUnbilled() throws {
    let report = Self.report(ReportOptions(asOf: Self.asOf))
    #expect(report.rows.map(\.id) == ["web/design", "web/logo", "care/hours", "web/later"])

    let design = report.rows[0]
    #expect(design.pricing == "hourly")
    #expect(design.rate?.description == "100.00 EUR")
    // 70 + 50 + 120 + 60 + 30 minutes.
    #expect(design.hours == TimeSpan(minutes: 330))
    #expect(design.billedHours == TimeSpan(minutes: 120))
    // Billed in 15-minute steps: 1h10m → 1h15m, 50m → 1h; 135 min × 100 ÷ 60.
    #expect(design.billed.amounts.map(\.description) == ["225.00 EUR"])
    // 2h not billed yet + 30m whose invoice is void.
    #expect(design.unbilledHours == TimeSpan(minutes: 150))

    let logo = report.rows[1]
    #expect(logo.hours == TimeSpan(minutes: 180))
    #expect(logo.billedHours == TimeSpan(minutes: 180))
    #expect(logo.billed.amounts.isEmpty)  // flat work is not valued by the hour

    let care = report.rows[2]
    #expect(care.client == "acme")
    #expect(care.hours == TimeSpan(minutes: 120))
    // No rate on the service: Tom's billing rate, 2h × 80.
    #expect(care.billed.amounts.map(\.description) == ["160.00 EUR"])
    #expect(care.unbilledHours == .zero)

    #expect(report.rows[3].hours == .zero)
    #expect(report.rows[3].status == .notStarted)
  }

  @Test func lanesByStatusWithOnHoldOnlyWhenUsed() {
    let lanes = Self.report(ReportOptions(asOf: Self.asOf)).lanes()
    #expect(lanes.map(\.status) == [.notStarted, .inProgress, .completed, .onHold])
    #expect(
      lanes.map { $0.rows.map(\.id) } == [
        ["web/later"], ["web/design"], ["web/logo"], ["care/hours"],
      ])
  }

  @Test func aLaterDayCountsLaterTime() {
    let report = Self.report(
      ReportOptions(asOf: CalendarDate(year: 2026, month: 12, day: 31) ?? .earliest))
    #expect(report.rows[0].hours == TimeSpan(minutes: 630))
    #expect(report.rows[0].unbilledHours == TimeSpan(minutes: 450))
  }

  @Test func filtersByProject() {
    let report = Self.report(ReportOptions(project: "care", asOf: Self.asOf))
    #expect(report.rows.map(\.id) == ["care/hours"])
  }

  @Test func rendersTheSamplesInEveryFormat() throws {
    try SampleReportRendering.check(ServicesReport.report)
  }
}

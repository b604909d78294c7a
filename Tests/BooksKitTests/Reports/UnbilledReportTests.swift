import Testing

@testable import BooksKit

/// Unbilled time and expenses by hand, as of 2026-03-31: client rounding, one rounding per
/// rate, a void invoice, an invoice dated after the day, fixed-price and unvalued time, a
/// staff rate, a second currency, and expenses billable to a project or to a client.
@Suite struct UnbilledReportTests {
  static let books = """
    business "North Studio"
      currency EUR
    client acme "Acme"
      rounding 15m
    client globex "Globex"
      currency USD
    staff tom "Tom"
      rate 90
    project web "Web"
      client acme
    service web/design "Design"
      pricing hourly 100
    service web/build "Build"
      pricing hourly 80
    project fixed "Fixed price"
      client acme
      value 5000
    service fixed/site "Site"
      pricing flat 5000
    project care "Care"
      client acme
    service care/hours "Hours"
      pricing hourly 60
    project ops "Ops"
      client acme
    project gx "Globex app"
      client globex
    service gx/dev "Development"
      pricing hourly 95

    2026-03-02 time web/design 1h10m
    2026-03-03 time web/design 20m
    2026-03-03 time web/build 1h
    2026-03-04 time web/design 2h "Not billable"
      billable no
    2026-03-05 time web/design 3h "Billed"
      invoice INV-1
    2026-03-06 time web/design 1h "On a void invoice"
      invoice INV-2
    2026-03-07 time web/build 2h "On an invoice dated after the day"
      invoice INV-3
    2026-03-08 time care 45m "On the project: its only hourly service"
    2026-03-09 time fixed 4h "Fixed-price work"
      staff tom
    2026-03-10 time ops 50m "No service: Tom's rate"
      staff tom
    2026-03-11 time ops 30m "No service, no staff: unvalued"
    2026-03-12 time gx/dev 10m
    2026-03-13 time gx/dev 10m
    2026-03-14 time gx/dev 1h
    2026-04-02 time web/design 5h "After the day"

    2026-03-15 expense 40 "Train"
      billable web
    2026-03-16 expense 25.50 "Courier"
      billable acme
    2026-03-17 expense 99 "Already billed"
      billable acme
      invoice INV-1
    2026-03-18 expense 10 "Not billable"
    2026-04-10 expense 30 "After the day"
      billable acme

    2026-03-10 invoice INV-1 acme
      status sent
      item "March" 400
    2026-03-10 invoice INV-2 acme
      status void
      item "Cancelled" 100
    2026-04-05 invoice INV-3 acme
      status draft
      item "Build" 2h @ 80

    """

  static func report(client: String? = nil, project: String? = nil) -> UnbilledReport {
    let validation = validate(books)
    #expect(describe(validation) == [])
    let options = ReportOptions(
      client: client, project: project,
      asOf: CalendarDate(year: 2026, month: 3, day: 31) ?? .earliest)
    return UnbilledReport(ReportContext(books: validation.books, options: options))
  }

  @Test func rowsPerClientAndProject() throws {
    let report = Self.report()
    #expect(report.rows.map(\.client) == ["acme", "acme", "acme", "acme", "acme", "globex"])
    #expect(report.rows.map(\.project) == [nil, "care", "fixed", "ops", "web", "gx"])

    let own = report.rows[0]
    #expect(own.hours == .zero)
    #expect(own.expenses.amounts.map(\.description) == ["25.50 EUR"])

    let care = report.rows[1]
    #expect(care.billedHours == TimeSpan(minutes: 45))
    #expect(care.timeAmount.amounts.map(\.description) == ["45.00 EUR"])

    let fixed = report.rows[2]
    #expect(fixed.hours == TimeSpan(minutes: 240))
    #expect(fixed.unvaluedHours == TimeSpan(minutes: 240))
    #expect(fixed.timeAmount.amounts.isEmpty)

    let ops = report.rows[3]
    #expect(ops.hours == TimeSpan(minutes: 80))
    // 50m → 1h and 30m stays 30m.
    #expect(ops.billedHours == TimeSpan(minutes: 90))
    #expect(ops.unvaluedHours == TimeSpan(minutes: 30))
    #expect(ops.timeAmount.amounts.map(\.description) == ["90.00 EUR"])

    let web = report.rows[4]
    // Design 1h10m, 20m, 1h (void invoice); build 1h, 2h (invoice after the day).
    #expect(web.hours == TimeSpan(minutes: 330))
    // 75 + 30 + 60 + 60 + 120.
    #expect(web.billedHours == TimeSpan(minutes: 345))
    // Design 165 min × 100 ÷ 60 = 275; build 180 min × 80 ÷ 60 = 240.
    #expect(web.timeAmount.amounts.map(\.description) == ["515.00 EUR"])
    #expect(web.expenses.amounts.map(\.description) == ["40.00 EUR"])
    #expect(web.total.amounts.map(\.description) == ["555.00 EUR"])

    let gx = report.rows[5]
    // No rounding for Globex; 80 min × 95 ÷ 60 = 126.666… → 126.67 once (not 15.83 twice).
    #expect(gx.billedHours == TimeSpan(minutes: 80))
    #expect(gx.timeAmount.amounts.map(\.description) == ["126.67 USD"])
  }

  @Test func entriesKeepRawAndBilledTime() throws {
    let report = Self.report()
    #expect(report.time.count == 12)
    let first = try #require(report.time.first)
    #expect(first.service == "web/design")
    #expect(first.hours == TimeSpan(minutes: 70))
    #expect(first.billedHours == TimeSpan(minutes: 75))
    #expect(first.rate?.description == "100.00 EUR")
    #expect(report.time.first { $0.project == "fixed" }?.rate == nil)
    #expect(report.expenses.map(\.description) == ["Train", "Courier"])
    #expect(report.expenses.map(\.project) == ["web", nil])
  }

  @Test func filtersByClientAndProject() {
    #expect(Self.report(client: "globex").rows.map(\.project) == ["gx"])
    let web = Self.report(project: "web")
    #expect(web.rows.map(\.project) == ["web"])
    #expect(web.expenses.map(\.description) == ["Train"])
  }

  @Test func theFooterAddsTheRowsPerCurrency() throws {
    let validation = validate(Self.books)
    let options = ReportOptions(asOf: CalendarDate(year: 2026, month: 3, day: 31) ?? .earliest)
    let view = UnbilledReport.report.view(
      ReportContext(books: validation.books, options: options))
    let table = view.blocks.compactMap { block -> Table? in
      if case .table(let table) = block { return table }
      return nil
    }.first
    #expect(table?.id == "unbilled")
    // Time 45 + 90 + 515 EUR and 126.67 USD; expenses 25.50 + 40; total 715.50 EUR.
    let usd = try #require(Currency(code: "USD"))
    let eur650 = Money(try #require(DecimalNumber("650.00")), .eur)
    let eur715 = Money(try #require(DecimalNumber("715.50")), .eur)
    let usd126 = Money(try #require(DecimalNumber("126.67")), usd)
    #expect(table?.footer?[5] == .amounts([eur650, usd126]))
    #expect(table?.footer?[6] == .money(Money(try #require(DecimalNumber("65.50")), .eur)))
    #expect(table?.footer?[7] == .amounts([eur715, usd126]))
  }

  @Test func rendersTheSamplesInEveryFormat() throws {
    try SampleReportRendering.check(UnbilledReport.report)
  }
}

import Testing

@testable import BooksKit

/// The pipeline board by hand: lanes for the built-in, declared and missing stages, and
/// each client's contract, invoiced, % invoiced, paid and outstanding as of a day.
@Suite struct ClientsReportTests {
  static let books = """
    business "North Studio"
      currency EUR
    tax vat "VAT" 20%
    stage paused "Paused"

    client acme "Acme Corp"
      stage client
      company "Acme GmbH"
      contract 10000
    client globex "Globex"
      stage client
      currency USD
      contract 5000
    client initech "Initech"
      stage negotiation
      contract 8000
    client umbrella "Umbrella"
      stage lead
    client vandelay "Vandelay"
      stage paused
    client hooli "Hooli"

    2026-01-31 invoice A-1 acme
      status sent
      item "Design" 2000
      tax vat
    2026-02-10 income 1000 "Part of A-1"
      client acme
      invoice A-1
      via bank
    2026-03-01 credit CN-1 A-1
      item "Goodwill" 100
    2026-03-31 invoice A-2 acme
      status sent
      item "Build" 1000
    2026-07-10 income 1000 "A-2, after the as-of day"
      client acme
      invoice A-2
      via bank
    2026-04-30 invoice A-3 acme
      status draft
      item "Draft" 500
    2026-07-15 invoice A-4 acme
      status sent
      item "After the as-of day" 3000
    2026-02-01 invoice G-1 globex
      status sent
      item "Research" 1500
    2026-02-20 income 1500 "G-1"
      client globex
      invoice G-1
      via bank

    """

  static func report(_ options: ReportOptions) -> ClientsReport {
    let validation = validate(books)
    #expect(describe(validation) == [])
    return ClientsReport(ReportContext(books: validation.books, options: options))
  }

  static let asOf = CalendarDate(year: 2026, month: 6, day: 30) ?? .earliest

  @Test func lanesForEveryStage() {
    let report = Self.report(ReportOptions(asOf: Self.asOf))
    #expect(report.stages.map(\.id) == ["lead", "negotiation", "client", "paused", nil])
    #expect(report.stages.map(\.title) == ["Lead", "Negotiation", "Client", "Paused", "No stage"])
    #expect(
      report.stages.map { $0.rows.map(\.id) } == [
        ["umbrella"], ["initech"], ["acme", "globex"], ["vandelay"], ["hooli"],
      ])
    #expect(
      report.stages.map { $0.contract.amounts.map(\.description) } == [
        [], ["8000.00 EUR"], ["10000.00 EUR", "5000.00 USD"], [], [],
      ])
  }

  @Test func figuresAsOfTheDay() throws {
    let report = Self.report(ReportOptions(asOf: Self.asOf))
    let rows = report.stages.flatMap(\.rows)
    let acme = try #require(rows.first { $0.id == "acme" })
    // 2000 + 20 % = 2400, credited 100 + 20 % = 120, paid 1000 → 1280 due.
    // 1000, its payment is after the as-of day → 1000 due. A-3 draft, A-4 later.
    // Invoiced is before tax (contracts are), less credits: 2000 + 1000 − 100 = 2900.
    #expect(acme.company == "Acme GmbH")
    #expect(acme.invoiced?.description == "2900.00 EUR")
    #expect(acme.contractInvoicedPercent?.description == "29.0")
    #expect(acme.paid?.description == "1000.00 EUR")
    #expect(acme.outstanding?.description == "2280.00 EUR")

    let globex = try #require(rows.first { $0.id == "globex" })
    #expect(globex.invoiced?.description == "1500.00 USD")
    #expect(globex.contractInvoicedPercent?.description == "30.0")
    #expect(globex.paid?.description == "1500.00 USD")
    #expect(globex.outstanding?.description == "0.00 USD")

    let initech = try #require(rows.first { $0.id == "initech" })
    #expect(initech.invoiced?.description == "0.00 EUR")
    #expect(initech.contractInvoicedPercent?.description == "0.0")
    let umbrella = try #require(rows.first { $0.id == "umbrella" })
    #expect(umbrella.contract == nil)
    #expect(umbrella.contractInvoicedPercent == nil)
  }

  @Test func aPeriodCountsTheInvoicesDatedInIt() throws {
    let report = Self.report(
      ReportOptions(
        period: DayRange(from: CalendarDate(year: 2026, month: 2, day: 1)), client: "acme",
        asOf: Self.asOf))
    let rows = report.stages.flatMap(\.rows)
    #expect(rows.map(\.id) == ["acme"])
    // Only A-2 (2026-03-31): 1000 invoiced, nothing paid on it by 2026-06-30.
    #expect(rows[0].invoiced?.description == "1000.00 EUR")
    #expect(rows[0].contractInvoicedPercent?.description == "10.0")
    #expect(rows[0].paid?.description == "0.00 EUR")
    #expect(rows[0].outstanding?.description == "1000.00 EUR")
  }

  @Test func theCurrencyFilterKeepsThatCurrencysClients() {
    let report = Self.report(ReportOptions(asOf: Self.asOf, currency: .usd))
    #expect(report.stages.flatMap(\.rows).map(\.id) == ["globex"])
  }

  @Test func rendersTheSamplesInEveryFormat() throws {
    try SampleReportRendering.check(ClientsReport.report)
  }
}

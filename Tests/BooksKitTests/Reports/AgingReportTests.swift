import Testing

@testable import BooksKit

/// Receivables aging, computed by hand as of 2026-06-30 (D): an invoice in each bucket and
/// on each boundary, a partial payment, a payment after D, a promised payment, a credit
/// note, and invoices that owe nothing (paid, draft, void, issued after D).
@Suite struct AgingReportTests {
  static let books =
    euroHeader + """
      client globex "Globex"
        currency USD

      2026-06-20 invoice INV-1 acme
        status sent
        item "Not due until 2026-07-20" 1000
      2026-05-20 invoice INV-2 acme
        status sent
        due 2026-06-10
        item "20 days past due" 500
        tax vat
      2026-06-15 income 200 "part of INV-2"
        client acme
        invoice INV-2
        via bank
      2026-04-01 invoice INV-3 acme
        status sent
        due 2026-05-01
        item "60 days past due" 300
      2026-07-05 income 300 "INV-3 paid after D"
        client acme
        invoice INV-3
        via bank
      2026-03-01 invoice INV-6 acme
        status paid
        item "Paid in full" 100
      2026-03-10 income 100 "INV-6"
        client acme
        invoice INV-6
        via bank
      2026-06-25 invoice INV-7 acme
        status draft
        item "Draft" 999
      2026-02-01 invoice INV-8 acme
        status void
        item "Void" 888
      2026-07-02 invoice INV-9 acme
        status sent
        item "Issued after D" 777

      2026-03-02 invoice INV-4 globex
        status sent
        due 2026-04-01
        item "90 days past due" 800
      2026-05-01 credit CN-1 INV-4
        item "Goodwill" 100
      2026-01-10 invoice INV-5 globex
        status sent
        item "141 days past due" 250
      2026-06-01 income 50 "promised for INV-5, not received"
        client globex
        invoice INV-5
      2026-06-01 invoice INV-10 globex
        status sent
        due 2026-06-30
        item "Due on D" 120
      2026-05-01 invoice INV-11 globex
        status sent
        due 2026-05-31
        item "30 days past due" 70

      """

  static func report(asOf: String = "2026-06-30", client: String? = nil) throws -> AgingReport {
    let validation = validate(books)
    #expect(describe(validation) == [])
    let options = ReportOptions(client: client, asOf: try #require(CalendarDate(asOf)))
    return AgingReport(ReportContext(books: validation.books, options: options))
  }

  @Test func bucketBoundaries() {
    #expect(AgingReport.Bucket.of(daysPastDue: -5) == .current)
    #expect(AgingReport.Bucket.of(daysPastDue: 0) == .current)
    #expect(AgingReport.Bucket.of(daysPastDue: 1) == .upTo30)
    #expect(AgingReport.Bucket.of(daysPastDue: 30) == .upTo30)
    #expect(AgingReport.Bucket.of(daysPastDue: 31) == .upTo60)
    #expect(AgingReport.Bucket.of(daysPastDue: 60) == .upTo60)
    #expect(AgingReport.Bucket.of(daysPastDue: 61) == .upTo90)
    #expect(AgingReport.Bucket.of(daysPastDue: 90) == .upTo90)
    #expect(AgingReport.Bucket.of(daysPastDue: 91) == .over90)
  }

  @Test func invoicesOwedOnTheDay() throws {
    let report = try Self.report()
    // Oldest due date first; INV-6 (paid), INV-7 (draft), INV-8 (void) and INV-9 (after D)
    // owe nothing on D.
    #expect(
      report.items.map(\.number) == [
        "INV-5", "INV-4", "INV-3", "INV-11", "INV-2", "INV-10", "INV-1",
      ])
    // 2026-02-09 → 2026-06-30: 19 + 31 + 30 + 31 + 30 days.
    #expect(report.items.map(\.daysPastDue) == [141, 90, 60, 30, 20, 0, -20])
    #expect(
      report.items.map(\.bucket) == [
        .over90, .upTo90, .upTo60, .upTo30, .upTo30, .current, .current,
      ])
    #expect(
      report.items.map(\.balance.description) == [
        "250.00 USD",  // the promised 50 is not received
        "700.00 USD",  // 800 − credit note 100
        "300.00 EUR",  // the payment of 2026-07-05 is after D
        "70.00 USD",
        "400.00 EUR",  // 500 + 20 % VAT − 200 paid
        "120.00 USD",
        "1000.00 EUR",
      ])
  }

  @Test func totalsPerClientAndCurrency() throws {
    let report = try Self.report()
    #expect(report.groups.map(\.currency.code) == ["USD", "EUR"])
    let usd = report.groups[0]
    #expect(usd.rows.map(\.client) == ["globex"])
    #expect(
      usd.rows[0].buckets.map(\.description) == [
        "120.00 USD", "70.00 USD", "0.00 USD", "700.00 USD", "250.00 USD",
      ])
    #expect(usd.rows[0].total.description == "1140.00 USD")
    #expect(usd.totals.total.description == "1140.00 USD")

    let eur = report.groups[1]
    #expect(eur.rows.map(\.client) == ["acme"])
    #expect(eur.rows[0].amount(.current).description == "1000.00 EUR")
    #expect(eur.rows[0].amount(.upTo30).description == "400.00 EUR")
    #expect(eur.rows[0].amount(.upTo60).description == "300.00 EUR")
    #expect(eur.rows[0].amount(.upTo90).isZero)
    #expect(eur.rows[0].amount(.over90).isZero)
    #expect(eur.totals.total.description == "1700.00 EUR")
  }

  @Test func aLaterDayMovesInvoicesOnAndCountsLaterPayments() throws {
    // On 2026-07-31 INV-3 has been paid (2026-07-05) and INV-9 (2026-07-02, due
    // 2026-08-01) is current; INV-1 (due 2026-07-20) is 11 days past due.
    let report = try Self.report(asOf: "2026-07-31", client: "acme")
    #expect(report.items.map(\.number) == ["INV-2", "INV-1", "INV-9"])
    #expect(report.items.map(\.daysPastDue) == [51, 11, -1])
    let eur = try #require(report.groups.first)
    #expect(report.groups.count == 1)
    #expect(
      eur.totals.buckets.map(\.description) == [
        "777.00 EUR", "1000.00 EUR", "400.00 EUR", "0.00 EUR", "0.00 EUR",
      ])
    #expect(eur.totals.total.description == "2177.00 EUR")
  }

  @Test func theViewHasATableWithAFooterPerCurrency() throws {
    let validation = validate(Self.books)
    let options = ReportOptions(asOf: try #require(CalendarDate("2026-06-30")))
    let view = AgingReport.report.view(ReportContext(books: validation.books, options: options))
    let tables = view.blocks.compactMap { block -> Table? in
      if case .table(let table) = block { return table }
      return nil
    }
    #expect(tables.map(\.id) == ["aging-USD", "aging-EUR", "invoices"])
    #expect(tables[1].footer?.last == .money(Money(DecimalNumber(1700), .eur)))
  }
}

extension AgingReportTests {
  @Test func rendersTheSamplesInEveryFormat() throws {
    try SampleReportRendering.check(AgingReport.report)
  }
}

import Testing

@testable import BooksKit

/// Tax collected and paid, by hand.
@Suite struct TaxReportTests {
  static let books = """
    business "North Studio"
      currency EUR
    tax vat "VAT" 20%
    tax low "Reduced" 5.5%
    client acme "Acme"
    client uk "UK Ltd"
      currency GBP
    2026-01-15 invoice INV-1 acme
      item "Design" 1000
      tax vat
    2026-02-10 invoice INV-2 acme
      item "Books" 3 @ 33.33
      tax low
    2026-03-03 expense 120.00 "Laptop bag"
      tax vat
    2026-03-04 expense 10.55 "A book"
      tax low
    2026-04-20 invoice INV-3 acme
      item "Work" 500
      tax vat
    2026-05-01 credit CN-1 INV-3
      item "Refund" 100
    2026-05-05 invoice INV-4 acme
      status draft
      item "Maybe" 999
      tax vat
    2026-05-06 invoice INV-5 acme
      status void
      item "Cancelled" 888
      tax vat
    2026-05-07 invoice INV-6 uk
      item "Talk" 100
      tax vat
    2026-06-01 expense 100.00 "Mixed basket"
      tax vat
      tax low
    2026-07-01 expense 33.33 "Lunch"
      tax vat
    2026-10-10 expense 50 "No tax"

    """

  @Test func perQuarter() throws {
    let report = TaxReport(try reportContext(Self.books, asOf: "2026-12-31"))
    #expect(report.granularity == .quarter)
    // Q1: INV-1 200.00 VAT; INV-2 99.99 × 5.5 % = 5.49945 → 5.50.
    //     Paid: 120 × 20 ÷ 120 = 20.00; 10.55 × 5.5 ÷ 105.5 = 0.55.
    // Q2: INV-3 100.00 less CN-1's 20.00 VAT. Paid on 100.00 with both taxes (Σ 25.5):
    //     VAT 100 × 20 ÷ 125.5 = 15.936… → 15.94; reduced 100 × 5.5 ÷ 125.5 = 4.382… → 4.38.
    // Q3: 33.33 × 20 ÷ 120 = 5.555 → 5.56 (half away from zero).
    #expect(
      report.rows.map { "\($0.period) \($0.tax) \($0.collected) \($0.paid) \($0.net)" } == [
        "2026-Q1 vat 200.00 EUR 20.00 EUR 180.00 EUR",
        "2026-Q1 low 5.50 EUR 0.55 EUR 4.95 EUR",
        "2026-Q2 vat 80.00 EUR 15.94 EUR 64.06 EUR",
        "2026-Q2 low 0.00 EUR 4.38 EUR -4.38 EUR",
        "2026-Q3 vat 0.00 EUR 5.56 EUR -5.56 EUR",
        "2026-Q3 low 0.00 EUR 0.00 EUR 0.00 EUR",
      ])
    #expect(amount(report.collected) == "285.50 EUR")
    #expect(amount(report.paid) == "46.43 EUR")
    #expect(amount(report.net) == "239.07 EUR")
    // INV-6 is in pounds: 20.00 GBP of VAT left out, with a note.
    #expect(report.otherCurrencies.count == 1)
    #expect(amount(report.otherCurrencies.totals, .gbp) == "20.00 GBP")
  }

  @Test func perMonthInsideAQuarter() throws {
    let report = TaxReport(try reportContext(Self.books, asOf: "2026-12-31", period: "2026-Q2"))
    #expect(report.granularity == .month)
    #expect(
      report.rows.map { "\($0.period) \($0.tax) \($0.net)" } == [
        "2026-04 vat 100.00 EUR", "2026-04 low 0.00 EUR",
        "2026-05 vat -20.00 EUR", "2026-05 low 0.00 EUR",
        "2026-06 vat -15.94 EUR", "2026-06 low -4.38 EUR",
      ])
    #expect(amount(report.collected) == "80.00 EUR")
    #expect(amount(report.paid) == "20.32 EUR")
    #expect(amount(report.net) == "59.68 EUR")
  }
}

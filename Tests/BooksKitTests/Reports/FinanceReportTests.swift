import Testing

@testable import BooksKit

/// Finance over `reportBooks`, worked out by hand.
@Suite struct FinanceReportTests {
  @Test func byMonthClassAndCategory() throws {
    let report = FinanceReport(try reportContext(reportBooks, asOf: "2026-06-30"))
    #expect(report.currency == .eur)
    // Received: 300 (2025) + 240 + 1000 + 200 + 1500 + 12.34; client: 240 + 1000 + 200.
    #expect(amount(report.income) == "3252.34 EUR")
    #expect(amount(report.clientIncome) == "1440.00 EUR")
    #expect(amount(report.otherIncome) == "1812.34 EUR")
    // 25.00 + 119.99 + 60.00 + 45.50.
    #expect(amount(report.expenses) == "250.49 EUR")
    #expect(amount(report.net) == "3001.85 EUR")
    #expect(report.expectedCount == 1)
    #expect(amount(report.expected) == "1000.00 EUR")
    // The 50 GBP talk is left out, and said so.
    #expect(report.otherCurrencies.count == 1)
    #expect(amount(report.otherCurrencies.totals, .gbp) == "50.00 GBP")

    #expect(
      report.months.map {
        "\($0.month) \(amount($0.income)) \(amount($0.expenses)) \(amount($0.net))"
      } == [
        "2025-12 300.00 EUR 25.00 EUR 275.00 EUR",
        "2026-01 0.00 EUR 119.99 EUR -119.99 EUR",
        "2026-02 0.00 EUR 60.00 EUR -60.00 EUR",
        "2026-03 240.00 EUR 45.50 EUR 194.50 EUR",
        "2026-04 1000.00 EUR 0.00 EUR 1000.00 EUR",
        "2026-05 1700.00 EUR 0.00 EUR 1700.00 EUR",
        "2026-06 12.34 EUR 0.00 EUR 12.34 EUR",
      ])
    #expect(
      report.incomeByClass.map { "\($0.id) \($0.count) \(amount($0.amount))" } == [
        "client 3 1440.00 EUR", "salary 1 1500.00 EUR", "interest 1 12.34 EUR",
        "other 1 300.00 EUR",
      ])
    #expect(
      report.expensesByCategory.map { "\($0.id) \($0.count) \(amount($0.amount))" } == [
        "software 1 119.99 EUR", "travel 2 105.50 EUR", "none 1 25.00 EUR",
      ])
  }

  @Test func periodAndClient() throws {
    let year = FinanceReport(try reportContext(reportBooks, asOf: "2026-06-30", period: "2026"))
    #expect(amount(year.income) == "2952.34 EUR")
    #expect(year.months.first?.month == MonthBucket(year: 2026, month: 1))
    #expect(year.months.count == 6)

    // Acme's received income, and the expenses billable to acme or its projects.
    let acme = FinanceReport(try reportContext(reportBooks, asOf: "2026-06-30", client: "acme"))
    #expect(amount(acme.income) == "1000.00 EUR")
    #expect(amount(acme.expenses) == "85.00 EUR")
    #expect(amount(acme.net) == "915.00 EUR")
    #expect(acme.expectedCount == 1)

    // In pounds, only the talk; the 7 euro incomes (one expected) and 4 expenses are out.
    let pounds = FinanceReport(try reportContext(reportBooks, asOf: "2026-06-30", currency: .gbp))
    #expect(amount(pounds.income, .gbp) == "50.00 GBP")
    #expect(pounds.otherCurrencies.count == 11)
  }
}

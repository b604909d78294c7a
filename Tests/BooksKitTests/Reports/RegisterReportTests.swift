import Testing

@testable import BooksKit

/// The register over `reportBooks` for 2026, balances worked out by hand.
@Suite struct RegisterReportTests {
  @Test func runningBalance() throws {
    let report = RegisterReport(
      try reportContext(reportBooks, asOf: "2026-06-30", period: "2026"))
    #expect(
      report.rows.map { row in
        "\(row.date) \(row.kind.rawValue) \(row.account) \(row.amount) "
          + (row.balance.map(\.description) ?? "expected")
      } == [
        "2026-01-10 expense software -119.99 EUR -119.99 EUR",
        "2026-02-01 expense travel -60.00 EUR -179.99 EUR",
        "2026-02-14 income other 50.00 GBP 50.00 GBP",
        "2026-03-01 expense travel -45.50 EUR -225.49 EUR",
        "2026-03-20 income client 240.00 EUR 14.51 EUR",
        "2026-04-15 income client 1000.00 EUR 1014.51 EUR",
        "2026-05-10 income client 200.00 EUR 1214.51 EUR",
        "2026-05-31 income salary 1500.00 EUR 2714.51 EUR",
        "2026-06-20 income client 1000.00 EUR expected",
        "2026-06-30 income interest 12.34 EUR 2726.85 EUR",
      ])
    #expect(report.rows.map(\.received).filter { !$0 }.count == 1)
    #expect(report.rows[1].party == "acme")  // billable, no vendor
    #expect(report.rows[4].party == "beta")
    #expect(amount(report.received) == "2952.34 EUR")
    #expect(amount(report.received, .gbp) == "50.00 GBP")
    #expect(amount(report.expenses) == "225.49 EUR")
    #expect(amount(report.expected) == "1000.00 EUR")
    #expect(amount(report.balance) == "2726.85 EUR")
    #expect(amount(report.balance, .gbp) == "50.00 GBP")
  }

  @Test func sameDayInFileOrderAndFiltered() throws {
    let books = """
      business "B"
        currency EUR
      client acme "Acme"
      2026-01-05 income 100 "second in the file"
        client acme
        via bank
      2026-01-05 expense 30 "third"
      2026-01-04 expense 10 "first by date"
        billable acme

      """
    let all = RegisterReport(try reportContext(books, asOf: "2026-12-31"))
    #expect(
      all.rows.compactMap(\.description) == ["first by date", "second in the file", "third"])
    #expect(
      all.rows.compactMap(\.balance?.description) == ["-10.00 EUR", "90.00 EUR", "60.00 EUR"])
    let acme = RegisterReport(try reportContext(books, asOf: "2026-12-31", client: "acme"))
    #expect(acme.rows.compactMap(\.description) == ["first by date", "second in the file"])
  }
}

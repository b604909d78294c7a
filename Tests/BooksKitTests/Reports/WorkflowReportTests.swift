import Testing

@testable import BooksKit

/// The client workflow over `reportBooks`, by hand.
@Suite struct WorkflowReportTests {
  @Test func clientIncomeAndItsInvoices() throws {
    let report = WorkflowReport(try reportContext(reportBooks, asOf: "2026-06-30"))
    // Salary, interest, other and the talk are not client income; July's is later.
    #expect(
      report.rows.map { row in
        "\(row.date) \(row.client ?? "-") \(row.amount) "
          + "[\(row.invoices.map(\.invoice).joined(separator: ","))] \(row.via ?? "-") \(row.received)"
      } == [
        "2026-03-20 beta 240.00 EUR [INV-1] bank true",
        "2026-04-15 acme 1000.00 EUR [INV-2] bank true",
        "2026-05-10 omega 200.00 EUR [] cash true",
        "2026-06-20 acme 1000.00 EUR [INV-3] - false",
      ])
    // An income naming no project takes the project of the invoice it pays.
    #expect(report.rows.map(\.project) == ["app", "web", nil, "web"].map { $0 as String? })
    // 240 + 1000 + 200 received; the 1000 for INV-3 is expected.
    #expect(amount(report.received) == "1440.00 EUR")
    #expect(amount(report.expected) == "1000.00 EUR")
    #expect(report.withoutInvoice == 1)

    let acme = WorkflowReport(
      try reportContext(reportBooks, asOf: "2026-06-30", client: "acme"))
    #expect(acme.rows.map(\.amount.description) == ["1000.00 EUR", "1000.00 EUR"])
  }

  @Test func paymentSplitOverTwoInvoices() throws {
    let books =
      euroHeader + """
        2026-01-10 invoice INV-1 acme
          item "A" 100
        2026-01-11 invoice INV-2 acme
          item "B" 50
        2026-02-01 income 150 "Both"
          client acme
          invoice INV-1 100
          invoice INV-2 50
          via bank

        """
    let report = WorkflowReport(try reportContext(books, asOf: "2026-12-31"))
    let row = try #require(report.rows.first)
    #expect(row.invoices.map(\.invoice) == ["INV-1", "INV-2"])
    #expect(row.invoices.map { $0.amount?.description } == ["100.00 EUR", "50.00 EUR"])
    #expect(
      WorkflowReport.invoicesCell(row.invoices) == .text("INV-1 (100.00 EUR), INV-2 (50.00 EUR)"))
  }
}

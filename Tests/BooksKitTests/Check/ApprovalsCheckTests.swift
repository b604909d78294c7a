import Testing

@testable import BooksKit

@Suite struct ApprovalsCheckTests {
  @Test func rulesAreRead() throws {
    let validation = validate(
      "business \"B\"\n  currency EUR\n  approval invoices over 5000\n  approval expenses by staff\n  approval time\n  approval meals over 3\n"
    )
    #expect(
      describe(validation) == [
        "main.books:5:3 values: an approval rule is `invoices|estimates|expenses|time over AMOUNT` or `... by staff`",
        "main.books:6:3 values: an approval rule is `invoices|estimates|expenses|time over AMOUNT` or `... by staff`",
      ])
    let rules = try #require(validation.books.business?.approvals)
    #expect(rules.map(\.kind) == [.invoices, .expenses])
    #expect(rules.first?.over?.description == "5000.00 EUR")
    #expect(rules.map(\.byStaff) == [false, true])
  }

  @Test func expensesOverAnAmountAndApprovedOnes() {
    let validation = validate(
      """
      business "B"
        currency EUR
        approval expenses over 100
      staff boss "Boss"
        may-approve yes
      2026-01-01 expense 100 "at the limit"
      2026-01-02 expense 100.01 "over"
      2026-01-03 expense 500 "approved"
        approved-by boss

      """)
    #expect(
      describe(validation) == [
        "main.books:7:1 approvals: this expense needs an approval: the policy covers expenses over 100.00 EUR"
      ])
  }
}

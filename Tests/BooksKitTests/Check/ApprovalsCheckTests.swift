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

  @Test func draftsAreApprovedBeforeTheyAreSent() {
    let validation = validate(
      """
      business "B"
        currency EUR
        approval invoices over 1000
        approval estimates over 1000
      staff boss "Boss"
      client acme "Acme"
      2026-01-01 invoice I-1 acme
        status draft
        item "Big job" 5000 EUR
      2026-01-02 invoice I-2 acme
        item "Big job" 5000 EUR
      2026-01-03 estimate E-1 acme
        item "Big offer" 5000 EUR
      2026-01-04 estimate E-2 acme
        status sent
        item "Big offer" 5000 EUR
      2026-01-05 invoice I-3 acme
        status draft
        approved-by boss
        item "Big job" 5000 EUR

      """)
    #expect(
      describe(validation) == [
        "main.books:10:1 approvals: this invoice needs an approval: the policy covers invoices over 1,000.00 EUR",
        "main.books:14:1 approvals: this estimate needs an approval: the policy covers estimates over 1,000.00 EUR",
        "main.books:19:15 approvals: `boss` may not approve entries",
      ])
  }
}

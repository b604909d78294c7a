import Testing

@testable import BooksKit

/// Resources: to-dos done out of all, open to-dos in file order, lanes by kind.
@Suite struct ResourcesReportTests {
  static let books = """
    resource-kind template "Template"
    resource year-end "Year-end closing"
      kind checklist
      topic taxes
      topic budgeting
      todo [x] "Send the receipts"
      todo [ ] "Pay the Q4 contributions"
      todo [X] "Check every invoice"
      todo "Back up the books"
    resource vat "VAT guide"
      kind guide
      link https://example.com/vat
      link docs/vat.md
    resource pack "Onboarding pack"
      kind template
      todo [x] "Contract template"
    resource loose "Loose notes"
      todo [] "Sort these notes"

    """

  static func context() throws -> ReportContext {
    let validation = validate(books)
    #expect(describe(validation) == [])
    return ReportContext(
      books: validation.books,
      options: ReportOptions(asOf: try #require(CalendarDate("2026-03-31"))))
  }

  @Test func doneOutOfAll() throws {
    let report = ResourcesReport(try Self.context())
    let byID = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.id, $0) })
    // [x] and [X] are done; [ ], [] and a bare text are not.
    #expect(byID["year-end"]?.done == 2)
    #expect(byID["year-end"]?.total == 4)
    #expect(byID["year-end"]?.open == ["Pay the Q4 contributions", "Back up the books"])
    #expect(byID["year-end"]?.topics == ["taxes", "budgeting"])
    #expect(byID["vat"]?.done == 0)
    #expect(byID["vat"]?.total == 0)
    #expect(byID["vat"]?.links == ["https://example.com/vat", "docs/vat.md"])
    #expect(byID["pack"]?.done == 1)
    #expect(byID["pack"]?.total == 1)
    #expect(byID["loose"]?.done == 0)
    #expect(byID["loose"]?.total == 1)
    #expect(
      report.openTodos == [
        .init(resource: "year-end", text: "Pay the Q4 contributions"),
        .init(resource: "year-end", text: "Back up the books"),
        .init(resource: "loose", text: "Sort these notes"),
      ])
  }

  @Test func lanesByKind() throws {
    let lanes = ResourcesReport(try Self.context()).lanes()
    #expect(lanes.map(\.id) == ["checklist", "guide", "strategy", "tip", "template", "(none)"])
    #expect(lanes.map(\.title) == ["Checklist", "Guide", "Strategy", "Tip", "Template", "No kind"])
    #expect(
      lanes.map { $0.rows.map(\.id) } == [["year-end"], ["vat"], [], [], ["pack"], ["loose"]])
  }

  @Test func theViewHasTotalsABoardAndTheOpenTodos() throws {
    let view = ResourcesReport.report.view(try Self.context())
    #expect(
      view.blocks.first
        == .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Resources", .integer(4)),
            Metric("done", "To-dos done", .integer(3)),
            Metric("open", "To-dos open", .integer(3)),
          ]))
    guard case .table(let table) = view.blocks.last else {
      Issue.record("the resources report ends with the open to-dos")
      return
    }
    #expect(table.id == "open-todos")
    #expect(table.rows.first == [.id("year-end"), .text("Pay the Q4 contributions")])
    #expect(table.rows.count == 3)
  }
}

import Testing

@testable import BooksKit

/// Findings of a review of the reports as a freelancer would read them.
@Suite struct ReportReviewTests {
  static let books =
    euroHeader + """
      project web "Web"
        client acme
      project app "App"
        client acme
      2026-01-31 invoice INV-1 acme
        project web
        status paid
        item "Design" 1000
      2026-02-15 income 1000 "paid later"
        invoice INV-1
        via bank
      2026-02-01 invoice INV-2 acme
        project app
        item "App" 500

      """

  static func context(asOf: String, project: String? = nil) throws -> ReportContext {
    let validation = validate(Self.books)
    #expect(describe(validation) == [])
    return ReportContext(
      books: validation.books,
      options: ReportOptions(project: project, asOf: try #require(CalendarDate(asOf))))
  }

  @Test func aBalanceDueOnTheDayIsNotPaidWhateverTheStatusWord() throws {
    let report = InvoicesReport(try Self.context(asOf: "2026-02-10"))
    #expect(report.rows.map(\.standing) == [.sent, .sent])
    let later = InvoicesReport(try Self.context(asOf: "2026-02-20"))
    #expect(later.rows.map(\.standing) == [.paid, .sent])
  }

  @Test func clientsForOneProjectCountThatProjectsInvoices() throws {
    let report = ClientsReport(try Self.context(asOf: "2026-03-01", project: "app"))
    let row = try #require(report.stages.flatMap(\.rows).first)
    #expect(row.invoiced?.description == "500.00 EUR")
  }

  @Test func anIncomeBelongsToTheClientOfTheInvoiceItPays() throws {
    let context = try Self.context(asOf: "2026-03-01")
    let income = try #require(context.books.incomes.first)
    #expect(context.party(of: income).client == "acme")
    #expect(context.party(of: income).project == "web")
  }

  @Test func severalCurrenciesStayMoneyInJSON() throws {
    var totals = MoneyTotals()
    totals.add(Money(DecimalNumber(1300), .eur))
    totals.add(Money(DecimalNumber(12), try #require(Currency(code: "USD"))))
    let json = JSONReportRenderer.value(totals.cell(default: .eur))
    #expect(
      json
        == .array([
          .object([("amount", "1300.00"), ("currency", "EUR")]),
          .object([("amount", "12.00"), ("currency", "USD")]),
        ]))
  }

  @Test func markdownLinksNothing() {
    #expect(
      MarkdownRenderer.escape("see https://x.example or www.y.example, a@b.example")
        == "see https:\u{200B}//x.example or www\u{200B}.y.example, a\u{200B}@b.example")
    #expect(MarkdownRenderer.escape("nul\u{0}") == "nul\u{FFFD}")
  }

  @Test func escapesOfControlCharactersAreInvalid() {
    let tree = Parser.parse(
      SourceFile(
        path: "t.books", text: "client a \"x\\u{0}\"\nclient b \"\\u{FFFE}\"\nclient c \"\\u{9}\"\n"
      ), fileIndex: 0)
    #expect(
      tree.diagnostics.map(\.message) == ["invalid escape in string", "invalid escape in string"])
  }

  @Test func csvNeutralisesALeadingLineBreakAndDropsNul() {
    #expect(CSVRenderer.neutralised("\n=1+1") == "'\n=1+1")
    #expect(CSVRenderer.field("a\u{0}b") == "a\u{FFFD}b")
  }

  @Test func emptyTablesHaveNoTotals() {
    let view = ReportView(
      name: "x", title: "X", subtitle: "", asOf: .earliest, period: DayRange(),
      blocks: [
        .table(
          Table(
            id: "t", columns: [Column("a", "A")], rows: [], footer: [.text("Total")]))
      ])
    #expect(TextRenderer.render(view) == "X\n\n\nA\n─\n(none)\n")
    #expect(!MarkdownRenderer.render(view).contains("Total"))
    #expect(!HTMLRenderer.render(view).contains("Total"))
    #expect(CSVRenderer.render(view) == "a\r\n")
  }
}

@Suite struct FinanceByClientTests {
  @Test func clientIncomePerClient() throws {
    let validation = validate(
      euroHeader + """
        client beta "Beta"
        2026-01-10 income 100 "a"
          client acme
          via bank
        2026-02-10 income 50 "b"
          client beta
          via bank
        2026-02-11 income 70 "c, not received"
          client beta
        2026-03-10 income 25 "d"
          client acme
          via bank
        2026-03-11 income 999 "salary"
          class salary
          via bank

        """)
    let context = ReportContext(
      books: validation.books,
      options: ReportOptions(asOf: try #require(CalendarDate("2026-12-31"))))
    let report = FinanceReport(context)
    #expect(
      report.incomeByClient.map { "\($0.id) \($0.count) \($0.amount.total(.eur))" } == [
        "acme 2 125.00 EUR", "beta 1 50.00 EUR",
      ])
  }

  @Test func aPeriodThatEndsBeforeItStarts() {
    let output = ReportCommand.run(
      ["finance", "b.books", "--from", "2026-12-01", "--to", "2026-01-01"],
      environment: Environment(), fileSystem: MemoryFileSystem(["b.books": ""]))
    #expect(output.exitCode == 2)
    #expect(
      output.stderr.hasPrefix("books: the period ends (2026-01-01) before it starts (2026-12-01)"))
  }
}

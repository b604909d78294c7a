import Testing

@testable import BooksKit

/// `samples/freelancer.books`, found from this file: Tests/BooksKitTests/Reports/ → root.
private let freelancerSample: String = {
  var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(4)
  return (parts + ["samples", "freelancer.books"]).joined(separator: "/")
}()

/// Every new report in every format over the freelancer sample: nothing traps, and each
/// format carries the report.
@Suite struct SampleReportsTests {
  static let validation = Validation.run([freelancerSample])

  @Test(arguments: ["dashboard", "finance", "register", "tax", "workflow"])
  func rendersEveryFormat(_ name: String) throws {
    let validation = Self.validation
    #expect(validation.files.count == 1)
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    let report = try #require(Reports.named(name))
    let asOf = try #require(CalendarDate("2026-11-22"))
    for options in [
      ReportOptions(asOf: asOf),
      ReportOptions(
        period: try #require(DayRange.period("2026-Q3")), client: "nordlicht", asOf: asOf),
      ReportOptions(asOf: asOf, currency: .gbp),
    ] {
      let view = report.view(ReportContext(books: validation.books, options: options))
      #expect(view.name == name)
      let text = TextRenderer.render(view, color: true)
      let markdown = MarkdownRenderer.render(view)
      let html = HTMLRenderer.render(view)
      let json = JSONReportRenderer.render(view)
      let csv = CSVRenderer.render(view)
      #expect(text.hasPrefix("\u{1B}[1m\(view.title)"))
      #expect(markdown.hasPrefix("# \(view.title)"))
      #expect(html.contains("<h1>\(view.title)</h1>"))
      #expect(json.contains("\"report\": \"\(name)\""))
      #expect(!csv.isEmpty && csv.hasSuffix("\r\n"))
    }
  }

  /// The aliases reach the same reports.
  @Test func aliases() {
    #expect(Reports.named("fin")?.name == "finance")
    #expect(Reports.named("reg")?.name == "register")
    #expect(Reports.named("flow")?.name == "workflow")
    #expect(Reports.named("dash")?.name == "dashboard")
    #expect(
      Reports.all.map(\.name) == [
        "dashboard", "finance", "clients", "projects", "services", "invoices", "estimates", "aging",
        "unbilled", "workflow", "tax", "goals", "contacts", "resources", "calendar", "staff",
        "register",
      ])
  }
}

@Suite struct EstimatesReportTests {
  private let text = """
    business "S"
      currency EUR
    client acme "Acme"
    client globex "Globex"
      currency USD
    2026-01-02 estimate E-1 acme
      status sent
      valid-until 2026-01-31
      item "Design" 10h @ 100 EUR
    2026-01-03 estimate E-2 acme
      status accepted
      valid-until 2026-01-10
      item "Build" 1000 EUR
    2026-01-04 estimate E-3 globex
      valid-until 2026-02-28
      item "App" 500 USD
    2026-01-20 invoice I-1 acme
      estimate E-2
      item "Build" 1000 EUR
    2026-02-05 invoice I-2 acme
      estimate E-2
      item "Build, part 2" 10 EUR
    2026-01-25 invoice I-3 acme
      estimate E-2
      status void
      item "Cancelled" 5 EUR
    2026-01-26 invoice I-4 acme
      estimate E-1
      item "Design" 1000 EUR

    """

  /// Each estimate lists the invoices that name it and are not void, in file order, up to
  /// the day.
  @Test func expiredTheDayAfterValidUntil() throws {
    let books = validate(text).books
    func standings(_ day: String) throws -> [String] {
      let options = ReportOptions(asOf: try #require(CalendarDate(day)))
      return EstimatesReport(ReportContext(books: books, options: options)).rows.map {
        "\($0.number) \($0.standing.rawValue) \($0.total?.description ?? "-") \($0.invoices)"
      }
    }
    #expect(
      try standings("2026-01-31") == [
        "E-1 sent 1000.00 EUR [\"I-4\"]", "E-2 accepted 1000.00 EUR [\"I-1\"]",
        "E-3 draft 500.00 USD []",
      ])
    #expect(
      try standings("2026-03-01") == [
        "E-1 expired 1000.00 EUR [\"I-4\"]", "E-2 accepted 1000.00 EUR [\"I-1\", \"I-2\"]",
        "E-3 expired 500.00 USD []",
      ])
  }
}

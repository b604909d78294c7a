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
        "dashboard", "finance", "clients", "projects", "services", "invoices", "aging",
        "unbilled", "workflow", "tax", "goals", "contacts", "resources", "calendar", "staff",
        "register",
      ])
  }
}

import Foundation
import Testing

@testable import BooksKit

/// The goals, contacts, resources and calendar reports render in every format on every
/// sample without trapping, and the JSON is well-formed — at a week, a month and a year.
@Suite struct ToolsReportsRenderTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func renderEverywhere(_ name: String, periods: [String?] = [nil]) throws {
    let report = try #require(Reports.named(name))
    for sample in ["samples/freelancer.books", "samples/studio.books"] {
      let validation = Validation.run([root.appendingPathComponent(sample).path])
      #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty, "\(sample)")
      #expect(!validation.books.files.isEmpty)
      for period in periods {
        let options = ReportOptions(
          period: period.flatMap(DayRange.period) ?? DayRange(),
          asOf: try #require(CalendarDate("2026-11-22")))
        let view = report.view(ReportContext(books: validation.books, options: options))
        #expect(view.name == name)
        #expect(!TextRenderer.render(view).isEmpty)
        #expect(!TextRenderer.render(view, color: true).isEmpty)
        #expect(MarkdownRenderer.render(view).hasPrefix("# "))
        #expect(HTMLRenderer.render(view).contains("</html>"))
        #expect(CSVRenderer.render(view).hasSuffix("\r\n"))
        let json = JSONReportRenderer.render(view)
        #expect(
          (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil,
          "\(name) \(sample) \(period ?? "-")")
      }
    }
  }

  @Test func goals() throws { try Self.renderEverywhere("goals") }
  @Test func contacts() throws { try Self.renderEverywhere("contacts") }
  @Test func resources() throws { try Self.renderEverywhere("resources") }
  @Test func calendar() throws {
    try Self.renderEverywhere(
      "calendar", periods: [nil, "2026-03", "2026-03-05", "2026", "2026-Q2"])
  }
}

import Foundation
import Testing

@testable import BooksKit

/// Renders a report over both samples in all five formats, so every report is exercised on
/// real books — several currencies, includes, staff, every kind of entry — without trapping.
enum SampleReportRendering {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Each sample with the day its books are up to date, and a client to filter on.
  static let samples: [(file: String, asOf: String, client: String)] = [
    ("samples/freelancer.books", "2026-11-22", "velo-cite"),
    ("samples/studio.books", "2026-12-31", "havenlab"),
  ]

  static func check(_ report: Report) throws {
    for sample in samples {
      let path = root.appendingPathComponent(sample.file).path
      let validation = Validation.run([path])
      #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
      let asOf = try #require(CalendarDate(sample.asOf))
      let variants = [
        ReportOptions(asOf: asOf),
        ReportOptions(
          period: try #require(DayRange.period("2026-Q3")), client: sample.client, asOf: asOf),
        ReportOptions(asOf: try #require(CalendarDate("2026-01-01")), currency: .usd),
      ]
      for options in variants {
        let view = report.view(ReportContext(books: validation.books, options: options))
        #expect(view.name == report.name)
        let outputs = [
          TextRenderer.render(view, color: true), TextRenderer.render(view),
          MarkdownRenderer.render(view), HTMLRenderer.render(view),
          JSONReportRenderer.render(view), CSVRenderer.render(view),
        ]
        for output in outputs { #expect(!output.isEmpty) }
        let json = JSONReportRenderer.render(view)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
        // The billing and invoice ledger `books check` worked out (as of the last day),
        // reused on the report's day, give the report that working them out afresh gives.
        let shared = report.view(
          ReportContext(
            books: validation.books, options: options, billing: validation.billing,
            ledger: validation.ledger))
        #expect(JSONReportRenderer.render(shared) == json, "\(report.name) \(sample.file)")
      }
    }
  }
}

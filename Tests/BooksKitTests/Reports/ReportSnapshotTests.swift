import Foundation
import Testing

@testable import BooksKit

/// Every report in every format over every sample, as of a fixed day, against golden
/// files in `Snapshots/reports/SAMPLE/REPORT.EXT` (re-record with BOOKS_RECORD=1).
@Suite struct ReportSnapshotTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  struct Case: CustomTestStringConvertible, Sendable {
    var sample: String
    var report: String
    var format: String
    var testDescription: String { "\(sample) \(report) \(format)" }
  }

  static let cases: [Case] = ["freelancer", "studio"].flatMap { sample in
    Reports.all.flatMap { report in
      ["txt", "md", "html", "json", "csv"].map {
        Case(sample: sample, report: report.name, format: $0)
      }
    }
  }

  @Test(arguments: cases)
  func reportMatchesItsGoldenFile(_ example: Case) {
    let path = Self.root.appendingPathComponent("samples/\(example.sample).books").path
    let format = example.format == "txt" ? "text" : example.format
    let output = ReportCommand.run(
      [example.report, path, "--format", format, "--as-of", "2026-11-22", "--color", "never"],
      environment: Environment())
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    assertSnapshot(
      output.stdout, named: "reports/\(example.sample)/\(example.report).\(example.format)")
  }

  @Test func reportsFailOnBooksWithErrors() {
    let output = ReportCommand.run(
      ["invoices", "bad.books", "--as-of", "2026-11-22"], environment: Environment(),
      fileSystem: MemoryFileSystem([
        "bad.books": "client acme\n2026-01-01 invoice I-1 acmee\n  item \"x\" 1 EUR\n"
      ]))
    #expect(output.exitCode == 1)
    #expect(output.stdout == "")
    #expect(
      output.stderr.hasSuffix("1 error in 1 file; fix them (see `books check`) to see reports\n"))
  }

  @Test func writesAtomicallyToTheNamedFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "books-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("out.csv").path
    try "old".write(toFile: target, atomically: false, encoding: .utf8)
    let output = ReportCommand.run(
      ["invoices", "b.books", "--format", "csv", "-o", target, "--as-of", "2026-11-22"],
      environment: Environment(),
      fileSystem: MemoryFileSystem([
        "b.books": "client acme\n2026-01-01 invoice I-1 acme\n  item \"x\" 1 EUR\n"
      ]))
    #expect(output == CommandOutput())
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written.hasPrefix("lane,id,title,client,date,due,total,total-currency"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.csv"])

    let failed = ReportCommand.run(
      ["invoices", "b.books", "-o", directory.path + "/missing/out.txt"],
      environment: Environment(),
      fileSystem: MemoryFileSystem(["b.books": ""]))
    #expect(failed.exitCode == 1)
    #expect(failed.stderr.hasPrefix("books: cannot write"))
  }

  @Test func usageErrors() {
    let books = MemoryFileSystem(["b.books": ""])
    let cases: [([String], String)] = [
      (["invoice", "b.books"], "books: unknown report `invoice` (did you mean `invoices`?)"),
      (
        ["invoices", "b.books", "--period", "2026-13"],
        "books: --period takes 2026, 2026-Q1, 2026-03 or 2026-03-05, not `2026-13`"
      ),
      (["invoices", "b.books", "--client", "nobody"], "books: unknown client `nobody`"),
      (
        ["invoices", "b.books", "--format", "pdf"],
        "books: unknown format `pdf`; use text, md, html, json or csv"
      ),
    ]
    for (arguments, message) in cases {
      let output = ReportCommand.run(arguments, environment: Environment(), fileSystem: books)
      #expect(output.exitCode == 2)
      #expect(output.stderr.split(separator: "\n").first.map(String.init) == message)
    }
  }
}

import Foundation
import Testing

@testable import BooksKit

/// `books export` as a user runs it: the built executable, two files read with `-f`.
@Suite struct ExportEndToEndTests {
  @Test func exportsTwoFilesToAFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "books-export-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "business \"North Studio\"\n  currency EUR\nclient acme \"Acme Corp\"\n".write(
      to: directory.appendingPathComponent("clients.books"), atomically: true, encoding: .utf8)
    try "2026-01-31 invoice INV-1 acme\n  item \"Design\" 20h @ 95 EUR\n".write(
      to: directory.appendingPathComponent("work.books"), atomically: true, encoding: .utf8)

    let output = try BooksProcess.run(
      [
        "export", "ledger", "-f", "clients.books", "-f", "work.books", "--as-of", "2026-02-01",
        "-o", "books.ledger",
      ], in: directory)
    #expect(output == BooksProcess.Output(stdout: "", stderr: "", exitCode: 0))
    let written = try String(
      contentsOf: directory.appendingPathComponent("books.ledger"), encoding: .utf8)
    #expect(
      written.hasPrefix(
        "; books export ledger: the books in clients.books and work.books, as of 2026-02-01\n"))
    #expect(
      written.hasSuffix(
        """
        2026-01-31 Invoice INV-1
            ; entry: invoice
            ; client: acme
            ; invoice: INV-1
            assets:receivable:acme   1900.00 EUR
            income:client:acme      -1900.00 EUR

        """))

    let unknown = try BooksProcess.run(["export", "xlsx", "work.books"], in: directory)
    #expect(unknown.exitCode == 2)
    #expect(unknown.stderr.hasPrefix("books: unknown export `xlsx`"))

    let csv = try BooksProcess.run(
      [
        "export", "csv", "-f", "clients.books", "-f", "work.books", "--as-of", "2026-02-01",
        "-o", "out/csv",
      ], in: directory)
    #expect(csv == BooksProcess.Output(stdout: "", stderr: "", exitCode: 0))
    let invoices = try String(
      contentsOf: directory.appendingPathComponent("out/csv/invoices.csv"), encoding: .utf8)
    #expect(invoices.hasPrefix("number,date,client,project,status,standing,due,"))
    #expect(invoices.contains("\r\nINV-1,2026-01-31,acme,,,sent,2026-03-02,0,EUR,1900.00,"))
  }
}

import Foundation
import Testing

@testable import BooksKit

/// Books split over two files, as people keep them: settings and clients in the main file,
/// the year's work in an included one.
private let files: [String: String] = [
  "books.books": """
  business "North Studio"
    currency EUR
    invoice-numbers "INV-{yyyy}-{seq:3}"
  tax vat "VAT" 20%
  client acme "Acme Corp"
  project acme-web "Acme website"
    client acme
  service acme-web/design "UX design"
    pricing hourly 95 EUR
  include 2026.books

  """,
  "2026.books": """
  2026-10-31 invoice INV-2026-001 acme
    item "UX design, October" 1h @ 95 EUR
    tax vat
  2026-11-02 time acme-web/design 1h30m "Wireframes"
  2026-11-04 time acme-web/design 2h "Checkout flow"
  """,
  "notes.books": "; not part of the books\n",
]

private let draft = """
  2026-11-30 invoice INV-2026-002 acme
    status draft
    bills acme through 2026-11-30
    item "UX design, 2–4 Nov 2026" 3h30m @ 95.00 EUR
    tax vat

  """

/// `books new`, run as a user runs it: the built executable on files in a folder.
@Suite struct NewCommandTests {
  private func run(_ workspace: Workspace, _ arguments: String...) throws -> BooksProcess.Output {
    try BooksProcess.run(arguments, in: workspace.url)
  }

  private func read(_ workspace: Workspace, _ name: String) throws -> String {
    try String(contentsOf: workspace.url.appendingPathComponent(name), encoding: .utf8)
  }

  @Test func printsTheDraftAndWritesNothing() throws {
    let workspace = try Workspace(files)
    defer { workspace.remove() }
    let output = try run(
      workspace, "new", "invoice", "acme", "--from-unbilled", "--date", "2026-11-30",
      "books.books")
    #expect(
      output
        == .init(
          stdout: draft, stderr: "books: note: taxes as on INV-2026-001: vat\n", exitCode: 0))
    #expect(try read(workspace, "2026.books") == files["2026.books"])
  }

  @Test func appendsToAnIncludedFileAndTheWorkCountsAsBilled() throws {
    let workspace = try Workspace(files)
    defer { workspace.remove() }
    let output = try run(
      workspace, "new", "invoice", "acme", "--from-unbilled", "--date", "2026-11-30",
      "--append", "2026.books", "books.books")
    #expect(output.exitCode == 0)
    #expect(output.stdout == "")
    #expect(
      output.stderr
        == "books: note: taxes as on INV-2026-001: vat\nbooks: appended invoice INV-2026-002 to 2026.books\n"
    )
    // A newline was missing at the end of the file: the entry still starts on a line of its
    // own, after one blank line.
    #expect(try read(workspace, "2026.books") == (files["2026.books"] ?? "") + "\n\n" + draft)
    let check = try run(workspace, "check", "--strict", "books.books")
    #expect(check.stdout == "no problems in 2 files\n")
    let unbilled = try run(
      workspace, "report", "unbilled", "--as-of", "2026-11-30", "--format", "csv", "books.books")
    #expect(!unbilled.stdout.contains("acme-web/design"))
    // Nothing is left to bill, and the file stays as it is.
    let again = try run(
      workspace, "new", "invoice", "acme", "--from-unbilled", "--date", "2026-11-30",
      "--append", "2026.books", "books.books")
    #expect(
      again
        == .init(
          stdout: "",
          stderr:
            "books: nothing to invoice: client `acme` has no unbilled billable time or expenses up to 2026-11-30\n",
          exitCode: 1))
  }

  @Test func refusesAFileTheBooksDoNotRead() throws {
    let workspace = try Workspace(files)
    defer { workspace.remove() }
    let output = try run(
      workspace, "new", "invoice", "acme", "--from-unbilled", "--append", "notes.books",
      "books.books")
    #expect(output.exitCode == 2)
    #expect(
      output.stderr
        == "books: `notes.books` is not one of the books' files (`books.books`, `2026.books`); append to one of them, or include it first\n"
    )
    #expect(try read(workspace, "notes.books") == files["notes.books"])
  }

  @Test func refusesADraftThatWouldBreakTheBooks() throws {
    let workspace = try Workspace(files)
    defer { workspace.remove() }
    let output = try run(
      workspace, "new", "invoice", "acme", "--from-unbilled", "--date", "2026-11-30",
      "--number", "INV-2026-001", "--append", "2026.books", "books.books")
    #expect(output.exitCode == 1)
    #expect(output.stderr.contains("error[numbering]: invoice number `INV-2026-001` is used twice"))
    #expect(
      output.stderr.hasSuffix(
        "books: the draft (lines 7–11 of `2026.books` once appended) would not pass `books check`; nothing was written\n"
      ))
    #expect(try read(workspace, "2026.books") == files["2026.books"])
  }

  @Test func usageErrors() throws {
    let workspace = try Workspace(files)
    defer { workspace.remove() }
    #expect(
      try run(workspace, "new", "receipt").stderr.hasPrefix(
        "books: cannot draft `receipt`: use `new invoice` or `new estimate`\n"))
    #expect(
      try run(workspace, "new", "invoice").stderr.hasPrefix(
        "books: name the client: books new invoice CLIENT ...\n"))
    #expect(
      try run(workspace, "new", "estimate", "acme", "--from-unbilled", "books.books").stderr
        .hasPrefix("books: an estimate offers services: use --service (and --milestone)\n"))
    #expect(try run(workspace, "new", "--help").stdout == NewCommand.help)
  }
}

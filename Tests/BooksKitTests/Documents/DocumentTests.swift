import Foundation
import Testing

@testable import BooksKit

@Suite struct DocumentTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let sample = root.appendingPathComponent("samples/freelancer.books").path

  static let fixture = """
    business "North Studio"
      legal-name "North Studio GmbH"
      address "1 Main Street"
      address "10115 Berlin"
      tax-id "DE111"
      email "hi@north.example"
      currency EUR
      bank "IBAN: DE00 1234 5678"
      payment-link "https://pay.north.example"
    unit page "per page"
    tax vat "VAT" 20%
    client acme "Acme Corp"
      company "Acme Corporation GmbH"
      contact "Jana Weber"
      address "Hauptstrasse 1"
      address "80331 Munich"
      tax-id "DE123"
    project web "Acme website"
      client acme
    2026-01-31 invoice INV-1 acme
      project web
      due 2026-02-28
      item "Design" 10h @ 95 discount 10%
      item "Pages" 3 page @ 120
      discount 5%
      tax vat
      terms "Payable within 28 days."
      note "Thank you!"
    2026-02-10 income 1000 "part"
      client acme
      invoice INV-1
      via bank
    2026-01-10 estimate EST-1 acme
      project web
      valid-until 2026-02-10
      item "Design" 10h @ 95
      tax vat

    """

  func money(_ text: String) throws -> Money {
    let amount = try #require(DecimalNumber(text))
    let euro = try #require(Currency(code: "EUR"))
    return Money(amount, euro)
  }

  @Test func fixtureInvoiceHasExactTotals() throws {
    let validation = validate(Self.fixture)
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    let asOf = try #require(CalendarDate("2026-02-15"))
    let document = try Document.invoice("INV-1", in: validation.books, asOf: asOf).get()
    #expect(document.kind == .invoice)
    #expect(document.number == "INV-1")
    #expect(document.issueDate == CalendarDate("2026-01-31"))
    #expect(document.dueDate == CalendarDate("2026-02-28"))
    #expect(document.project == "Acme website")
    #expect(document.lines.count == 2)
    #expect(document.lines.map(\.quantity) == ["10h", "3 page"])
    #expect(document.lines[0].unitPrice == (try money("95")))
    #expect(document.lines[0].discount == (try money("95.00")))
    #expect(document.lines[0].amount == (try money("855.00")))
    #expect(document.lines[1].discount == nil)
    #expect(document.lines[1].amount == (try money("360.00")))
    #expect(document.subtotal == (try money("1215.00")))
    #expect(document.discount == (try money("60.75")))
    #expect(document.taxes.count == 1)
    #expect(document.taxes.first?.name == "VAT")
    #expect(document.taxes.first?.base == (try money("1154.25")))
    #expect(document.taxes.first?.amount == (try money("230.85")))
    #expect(document.total == (try money("1385.10")))
    #expect(document.paid == (try money("1000")))
    #expect(document.credited == (try money("0")))
    #expect(document.balance == (try money("385.10")))
    #expect(document.status == "partially-paid")
    #expect(document.seller?.name == "North Studio")
    #expect(document.seller?.legalName == "North Studio GmbH")
    #expect(document.seller?.address == ["1 Main Street", "10115 Berlin"])
    #expect(document.buyer?.company == "Acme Corporation GmbH")
    #expect(document.buyer?.contact == "Jana Weber")
    #expect(document.buyer?.taxID == "DE123")
    #expect(document.terms == ["Payable within 28 days."])
    #expect(document.notes == ["Thank you!"])
    #expect(document.bank == ["IBAN: DE00 1234 5678"])
    #expect(document.paymentLink == "https://pay.north.example")
  }

  @Test func paymentsAfterTheDayAreLeftOut() throws {
    let validation = validate(Self.fixture)
    let asOf = try #require(CalendarDate("2026-02-01"))
    let document = try Document.invoice("INV-1", in: validation.books, asOf: asOf).get()
    #expect(document.paid == (try money("0")))
    #expect(document.balance == (try money("1385.10")))
    #expect(document.status == "sent")
  }

  @Test func fixtureEstimate() throws {
    let validation = validate(Self.fixture)
    let asOf = try #require(CalendarDate("2026-02-15"))
    let document = try Document.estimate("EST-1", in: validation.books, asOf: asOf).get()
    #expect(document.kind == .estimate)
    #expect(document.validUntil == CalendarDate("2026-02-10"))
    #expect(document.dueDate == nil)
    #expect(document.total == (try money("1140.00")))
    #expect(document.balance == nil)
    // A draft past its valid-until day has expired.
    #expect(document.status == "expired")
    let before = try Document.estimate(
      "EST-1", in: validation.books, asOf: try #require(CalendarDate("2026-02-10"))
    ).get()
    #expect(before.status == "draft")
  }

  @Test func unknownNumbers() throws {
    let validation = validate(Self.fixture)
    let asOf = try #require(CalendarDate("2026-02-15"))
    #expect(throws: DocumentProblem.unknownNumber("INV-9")) {
      try Document.invoice("INV-9", in: validation.books, asOf: asOf).get()
    }
    #expect(throws: DocumentProblem.unknownNumber("INV-1")) {
      try Document.estimate("INV-1", in: validation.books, asOf: asOf).get()
    }
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var kind: String
    var number: String
    var format: String
    var testDescription: String { "\(kind) \(number) \(format)" }
  }

  /// The workflow's documents: an invoice of an accepted estimate, the void one, one
  /// corrected by a credit note, one partly paid against a purchase order, one drawn from
  /// a recurring template (overdue, with its service period), and an expired estimate in
  /// pounds.
  static let cases: [Case] = [
    ("invoice", "INV-2026-014"), ("invoice", "INV-2026-009"), ("invoice", "INV-2026-026"),
    ("invoice", "INV-2026-028"), ("invoice", "INV-2026-024"), ("estimate", "EST-2026-002"),
    ("estimate", "EST-2026-005"),
  ].flatMap { kind, number in
    ["md", "html"].map { Case(kind: kind, number: number, format: $0) }
  }

  /// Every invoice and estimate of both samples renders in both formats, with its number
  /// and its client's name.
  @Test(arguments: ["samples/freelancer.books", "samples/studio.books"])
  func everySampleDocumentRenders(_ path: String) {
    let file = Self.root.appendingPathComponent(path).path
    let validation = Validation.run([file])
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    let books = validation.books
    let documents =
      books.invoices.map { ("invoice", $0.number, $0.client?.id) }
      + books.estimates.map { ("estimate", $0.number, $0.client?.id) }
    #expect(documents.count > 10)
    for (kind, number, client) in documents {
      let name = client.flatMap { books.client($0)?.name } ?? ""
      for format in ["md", "html"] {
        let output = BooksCLI.run(
          [kind, number, file, "--format", format, "--as-of", "2026-12-31"],
          environment: Environment())
        #expect(output.exitCode == 0, "\(kind) \(number) \(format): \(output.stderr)")
        #expect(output.stdout.contains(number))
        let shown = format == "html" ? HTMLRenderer.escape(name) : MarkdownRenderer.escape(name)
        #expect(output.stdout.contains(shown), "\(number) \(format) lacks the client's name")
      }
    }
  }

  @Test(arguments: cases)
  func sampleDocumentMatchesItsGoldenFile(_ example: Case) {
    let output = BooksCLI.run(
      [
        example.kind, example.number, Self.sample, "--format", example.format, "--as-of",
        "2026-11-22",
      ],
      environment: Environment())
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    assertSnapshot(
      output.stdout, named: "documents/\(example.kind)-\(example.number).\(example.format)")
  }

  static let hostile = """
    business "North Studio"
      currency EUR
    client evil "<script>alert(1)</script>"
      address "<img src=x onerror=alert(2)>"
    2026-01-31 invoice INV-1 evil
      item "| *x* |" 100
      note "[link](javascript:alert(3))"

    """

  @Test func userTextRendersInert() throws {
    let validation = validate(Self.hostile)
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    let asOf = try #require(CalendarDate("2026-02-15"))
    let document = try Document.invoice("INV-1", in: validation.books, asOf: asOf).get()

    let html = DocumentRenderer.html(document)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("| *x* |"))

    let markdown = DocumentRenderer.markdown(document)
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
    #expect(markdown.contains("| \\| \\*x\\* \\| |"))
    #expect(!markdown.contains("[link]"))
    // Every items row still has its five cells: the pipes in the description are escaped.
    let row = try #require(markdown.split(separator: "\n").first { $0.contains("\\*x\\*") })
    let unescapedPipes = row.enumerated().filter { index, character in
      character == "|" && (index == 0 || Array(row)[index - 1] != "\\")
    }
    #expect(unescapedPipes.count == 5)
  }

  @Test func usageErrors() {
    let unknown = BooksCLI.run(
      ["invoice", "INV-2026-14", Self.sample], environment: Environment())
    #expect(unknown.exitCode == 2)
    #expect(
      unknown.stderr.hasPrefix(
        "books: no invoice numbered `INV-2026-14` (did you mean `INV-2026-014`?)\n"))

    let estimate = BooksCLI.run(
      ["estimate", "EST-2026-02", Self.sample], environment: Environment())
    #expect(estimate.exitCode == 2)
    #expect(estimate.stderr.contains("did you mean `EST-2026-002`?"))

    let noNumber = BooksCLI.run(["invoice"], environment: Environment())
    #expect(noNumber.exitCode == 2)
    #expect(noNumber.stderr.hasPrefix("books: name an invoice number\n"))

    let noBooks = BooksCLI.run(["invoice", "INV-1"], environment: Environment())
    #expect(noBooks.exitCode == 2)
    #expect(noBooks.stderr.hasPrefix("books: no books"))

    let format = BooksCLI.run(
      ["invoice", "INV-2026-014", Self.sample, "--format", "pdf"], environment: Environment())
    #expect(format.exitCode == 2)
    #expect(format.stderr.hasPrefix("books: unknown format `pdf`; use md or html\n"))

    let date = BooksCLI.run(
      ["invoice", "INV-2026-014", Self.sample, "--as-of", "2026-13-01"], environment: Environment())
    #expect(date.exitCode == 2)
    #expect(date.stderr.hasPrefix("books: --as-of takes a date YYYY-MM-DD"))

    let option = BooksCLI.run(
      ["estimate", "EST-2026-002", Self.sample, "--period", "2026"], environment: Environment())
    #expect(option.exitCode == 2)
    #expect(option.stderr.hasPrefix("books: unknown option `--period`\n"))
  }

  @Test func helpAndBooksWithErrors() {
    let help = BooksCLI.run(["invoice", "--help"], environment: Environment())
    #expect(help.exitCode == 0)
    #expect(help.stdout.hasPrefix("USAGE: books invoice NUMBER"))
    let viaHelp = BooksCLI.run(["help", "estimate"], environment: Environment())
    #expect(viaHelp.stdout.hasPrefix("USAGE: books estimate NUMBER"))
    #expect(BooksCLI.help.contains("invoice"))

    let broken = DocumentCommand.run(
      .invoice, ["INV-1", "b.books"], environment: Environment(),
      fileSystem: MemoryFileSystem(["b.books": "2026-01-31 invoice INV-1 nobody\n  item \"x\" 10\n"]
      ))
    #expect(broken.exitCode == 1)
    #expect(broken.stdout == "")
    #expect(broken.stderr.contains("to make documents"))
  }

  @Test func writesToAFile() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("books-doc-\(UInt32.random(in: 0...UInt32.max)).html").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let output = BooksCLI.run(
      ["invoice", "INV-2026-014", Self.sample, "--format", "html", "-o", path],
      environment: Environment())
    #expect(output.exitCode == 0)
    #expect(output.stdout == "")
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.hasPrefix("<!DOCTYPE html>"))
    // No page size: the printer's paper, A4 or Letter, is used; the number is on every page.
    #expect(written.contains("@page { margin:"))
    #expect(!written.contains("size: A4"))
    #expect(written.contains("@bottom-right { content: \"Invoice INV-2026-014 \u{B7} page \""))
  }

  @Test func voidInvoiceAsksForNothing() throws {
    for format in ["md", "html"] {
      let output = BooksCLI.run(
        ["invoice", "INV-2026-009", Self.sample, "--format", format, "--as-of", "2026-11-22"],
        environment: Environment())
      #expect(output.exitCode == 0)
      #expect(output.stdout.contains(DocumentRenderer.voidNotice))
      #expect(!output.stdout.contains("Balance due"))
      #expect(!output.stdout.contains("Payment details"))
      #expect(output.stdout.contains("5,040.00 EUR"))
    }
  }

  @Test func amountDueBox() throws {
    let validation = validate(Self.fixture)
    let asOf = try #require(CalendarDate("2026-02-15"))
    let document = try Document.invoice("INV-1", in: validation.books, asOf: asOf).get()
    let box = DocumentRenderer.amountDue(document).joined(separator: "\n")
    #expect(box.contains("<h2>Balance due</h2>"))
    #expect(box.contains("<p class=\"amount\">385.10 EUR</p>"))
    #expect(box.contains("Please pay by 2026-02-28"))
    let late = try Document.invoice(
      "INV-1", in: validation.books, asOf: try #require(CalendarDate("2026-03-15"))
    ).get()
    #expect(DocumentRenderer.amountDue(late).joined().contains("Was due on 2026-02-28"))
    let estimate = try Document.estimate("EST-1", in: validation.books, asOf: asOf).get()
    #expect(DocumentRenderer.amountDue(estimate).isEmpty)
  }

  @Test func cssStringsAreInert() {
    #expect(DocumentRenderer.cssString("INV-1") == "\"INV-1\"")
    #expect(DocumentRenderer.cssString("a\"b\\c") == "\"a\\\"b\\\\c\"")
    #expect(DocumentRenderer.cssString("</style>\n") == "\"\\3c /style\\3e \\a \"")
  }
}

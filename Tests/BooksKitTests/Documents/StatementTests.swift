import Foundation
import Testing

@testable import BooksKit

@Suite struct StatementTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let sample = root.appendingPathComponent("samples/freelancer.books").path

  /// Hand-computed, as of 2026-03-01:
  /// INV-1 1000 (due 2026-02-09), INV-2 500 (due 2026-03-03), 400 paid on INV-1 the day
  /// INV-2 was issued, CN-1 100 on INV-1; a payment of 500 on 2026-03-10 (after the day)
  /// and the other client's INV-9 stay out.
  static let fixture = """
    business "North Studio"
      currency EUR
      bank "IBAN: DE00 1234 5678"
    client acme "Acme Corp"
    client other "Other Ltd"
    2026-02-01 income 400 "part of INV-1"
      client acme
      invoice INV-1
      via bank
    2026-01-10 invoice INV-1 acme
      item "Design" 1000 EUR
    2026-02-01 invoice INV-2 acme
      item "Build" 500 EUR
    2026-01-20 invoice INV-9 other
      item "Other work" 777 EUR
    2026-02-15 credit CN-1 INV-1
      item "Goodwill" 100 EUR
    2026-03-10 income 500 "rest of INV-1"
      client acme
      invoice INV-1
      via bank
    2026-01-25 income 777 "other pays"
      client other
      invoice INV-9
      via bank

    """

  func eur(_ text: String) throws -> Money {
    let amount = try #require(DecimalNumber(text))
    let euro = try #require(Currency(code: "EUR"))
    return Money(amount, euro)
  }

  func statement(_ text: String, client: String, asOf: String, from: String? = nil) throws
    -> Statement
  {
    let validation = validate(text)
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    let day = try #require(CalendarDate(asOf))
    let start = from.flatMap { CalendarDate($0) }
    return try Statement.make(client: client, in: validation.books, asOf: day, from: start).get()
  }

  /// "date kind reference debit credit balance" per line.
  func rows(_ statement: Statement) -> [String] {
    statement.lines.map { line in
      [
        line.date.description, line.kind.rawValue, line.reference,
        line.debit?.amount.description ?? "-", line.credit?.amount.description ?? "-",
        line.balance.amount.description,
      ].joined(separator: " ")
    }
  }

  @Test func fixtureHasExactLinesAndRunningBalances() throws {
    let made = try statement(Self.fixture, client: "acme", asOf: "2026-03-01")
    #expect(
      rows(made) == [
        "2026-01-10 invoice INV-1 1000.00 - 1000.00",
        "2026-02-01 invoice INV-2 500.00 - 1500.00",
        "2026-02-01 payment INV-1 - 400 1100.00",
        "2026-02-15 credit CN-1 - 100.00 1000.00",
      ])
    #expect(made.closing == [try eur("1000")])
    #expect(made.openInvoices.map(\.number) == ["INV-1", "INV-2"])
    #expect(made.openInvoices.map(\.daysOverdue) == [20, 0])
    #expect(made.openInvoices.map(\.balance) == [try eur("500"), try eur("500")])
    #expect(
      made.openInvoices.map(\.dueDate) == [CalendarDate("2026-02-09"), CalendarDate("2026-03-03")])
    #expect(made.buyer.name == "Acme Corp")
    #expect(made.seller?.name == "North Studio")
  }

  @Test func laterPaymentAppearsOnlyAfterItsDay() throws {
    let made = try statement(Self.fixture, client: "acme", asOf: "2026-03-10")
    #expect(made.lines.last?.kind == .payment)
    #expect(made.lines.last?.credit == (try eur("500")))
    #expect(made.closing == [try eur("500")])
    #expect(made.openInvoices.map(\.number) == ["INV-2"])
  }

  @Test func fromSumsEarlierLinesIntoAnOpeningBalance() throws {
    let made = try statement(Self.fixture, client: "acme", asOf: "2026-03-01", from: "2026-02-02")
    #expect(
      rows(made) == [
        "2026-02-01 opening  - - 1100.00",
        "2026-02-15 credit CN-1 - 100.00 1000.00",
      ])
    #expect(made.closing == [try eur("1000")])
  }

  @Test func anotherClientsEntriesNeverAppear() throws {
    let acme = try statement(Self.fixture, client: "acme", asOf: "2026-12-31")
    let rendered = StatementRenderer.markdown(acme) + StatementRenderer.html(acme)
    #expect(!rendered.contains("INV-9"))
    #expect(!rendered.contains("777"))
    #expect(!rendered.contains("Other"))
    let other = try statement(Self.fixture, client: "other", asOf: "2026-12-31")
    #expect(
      rows(other) == [
        "2026-01-20 invoice INV-9 777.00 - 777.00", "2026-01-25 payment INV-9 - 777 0.00",
      ])
    let otherText = StatementRenderer.markdown(other) + StatementRenderer.html(other)
    for word in ["INV-1", "INV-2", "CN-1", "Acme"] { #expect(!otherText.contains(word)) }
  }

  @Test(arguments: ["md", "html"])
  func sampleStatementMatchesItsGoldenFile(_ format: String) {
    let output = BooksCLI.run(
      ["statement", "atelier-rhone", Self.sample, "--format", format, "--as-of", "2026-11-22"],
      environment: Environment())
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    assertSnapshot(output.stdout, named: "documents/statement-atelier-rhone.\(format)")
  }

  static let hostile = """
    business "North Studio"
      currency EUR
    client evil "<script>alert('x')</script> & \\"Q\\" | *pipe*"
      address "<img src=x onerror=alert(1)>"
    2026-01-10 invoice INV-1 evil
      item "Design" 1000 EUR

    """

  @Test func hostileClientTextRendersInert() throws {
    let made = try statement(Self.hostile, client: "evil", asOf: "2026-03-01")
    let html = StatementRenderer.html(made)
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;script&gt;"))
    #expect(html.contains("&amp;"))
    let md = StatementRenderer.markdown(made)
    #expect(!md.contains("<script>"))
    #expect(md.contains("\\<script\\>"))
    #expect(md.contains("\\| \\*pipe\\*"))
    #expect(!md.contains(" | *pipe*"))
  }

  @Test func cliUnknownClientSuggestsAndExitsTwo() {
    let fileSystem = MemoryFileSystem(["main.books": Self.fixture])
    let output = StatementCommand.run(
      ["acm", "main.books"], environment: Environment(), fileSystem: fileSystem)
    #expect(output.exitCode == 2)
    #expect(output.stderr.contains("no client `acm` (did you mean `acme`?)"))
  }

  @Test func cliBooksWithErrorsExitOne() {
    let broken = Self.fixture + "2026-02-01 invoice INV-3 nobody\n  item \"X\" 1 EUR\n"
    let fileSystem = MemoryFileSystem(["main.books": broken])
    let output = StatementCommand.run(
      ["acme", "main.books"], environment: Environment(), fileSystem: fileSystem)
    #expect(output.exitCode == 1)
    #expect(output.stdout == "")
    #expect(output.stderr.contains("nobody"))
  }

  @Test func cliFormatsAndHelp() {
    let fileSystem = MemoryFileSystem(["main.books": Self.fixture])
    let html = StatementCommand.run(
      ["acme", "main.books", "--format", "html", "--as-of", "2026-03-01"],
      environment: Environment(), fileSystem: fileSystem)
    #expect(html.exitCode == 0)
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(html.stdout.contains("@page"))
    let help = BooksCLI.run(["help", "statement"], environment: Environment())
    #expect(help.stdout.contains("--from DATE"))
    #expect(BooksCLI.help.contains("statement"))
    let badDate = StatementCommand.run(
      ["acme", "main.books", "--as-of", "soon"], environment: Environment(),
      fileSystem: fileSystem)
    #expect(badDate.exitCode == 2)
  }
}

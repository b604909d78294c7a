import Testing

@testable import BooksKit

/// A document for one client never shows another client's entries: two clients with the
/// same kinds of entries, every text of each marked with its client's name, and each
/// document of one checked for the other's mark, in Markdown and in HTML.
@Suite struct DocumentIsolationTests {
  static let day = CalendarDate(year: 2026, month: 6, day: 30) ?? .earliest

  /// The entries of one client, every text carrying `MARK`.
  static func entries(_ id: String, _ mark: String, number: Int) -> String {
    """
    client \(id) "\(mark) client"
      address "\(mark) street"
      email "\(mark.lowercased())@example.com"
    contact \(id)-boss "\(mark) contact"
      client \(id)
    project \(id)-web "\(mark) project"
      client \(id)
    service \(id)-web/dev "\(mark) service"
      pricing hourly 100 EUR
    2026-01-05 time \(id)-web/dev 2h "\(mark) work"
    2026-01-06 expense 50 EUR "\(mark) expense"
      billable \(id)
    2026-01-10 estimate EST-2026-00\(number) \(id)
      item "\(mark) estimate item" 1000 EUR
      note "\(mark) estimate note"
    2026-01-31 invoice INV-2026-00\(number) \(id)
      project \(id)-web
      item "\(mark) invoice item" 1000 EUR
      note "\(mark) invoice note"
    2026-02-10 credit CN-2026-00\(number) INV-2026-00\(number)
      item "\(mark) credit" 100 EUR
    2026-02-20 income 300 EUR "\(mark) payment"
      client \(id)
      invoice INV-2026-00\(number)
      via bank

    """
  }

  static let books: Books = {
    let text =
      """
      business "North Studio"
        currency EUR
        terms 30 days
        late-fee 40 EUR + 1% per month after 7 days

      """ + entries("acme", "ACMEONLY", number: 1) + entries("beta", "BETAONLY", number: 2)
    var fileSystem = MemoryFileSystem([:])
    fileSystem.files["two.books"] = Array(text.utf8)
    let validation = Validation.run(["two.books"], fileSystem: fileSystem)
    precondition(
      validation.diagnostics.allSatisfy { $0.severity != .error },
      "fixture errors: \(validation.diagnostics.map(\.message))")
    return validation.books
  }()

  /// (client id, its mark, the other's mark, its document number)
  static let clients = [
    ("acme", "ACMEONLY", "BETAONLY", "2026-001"), ("beta", "BETAONLY", "ACMEONLY", "2026-002"),
  ]

  private static func check(
    _ kind: String, _ markdown: String, _ html: String, own: String, other: String
  ) {
    for (format, text) in [("md", markdown), ("html", html)] {
      #expect(text.contains(own), "\(kind) \(format) misses its own client's entries")
      #expect(!text.contains(other), "\(kind) \(format) shows the other client's entries")
      #expect(!text.contains(other.lowercased()), "\(kind) \(format) shows the other's email")
    }
  }

  @Test(arguments: clients)
  func invoiceShowsOnlyItsClient(id: String, own: String, other: String, number: String) throws {
    let document = try Document.invoice("INV-\(number)", in: Self.books, asOf: Self.day).get()
    Self.check(
      "invoice", DocumentRenderer.markdown(document), DocumentRenderer.html(document), own: own,
      other: other)
  }

  @Test(arguments: clients)
  func estimateShowsOnlyItsClient(id: String, own: String, other: String, number: String) throws {
    let document = try Document.estimate("EST-\(number)", in: Self.books, asOf: Self.day).get()
    Self.check(
      "estimate", DocumentRenderer.markdown(document), DocumentRenderer.html(document), own: own,
      other: other)
  }

  @Test(arguments: clients)
  func statementShowsOnlyItsClient(id: String, own: String, other: String, number: String) throws {
    let statement = try Statement.make(client: id, in: Self.books, asOf: Self.day).get()
    #expect(statement.lines.map(\.reference) == ["INV-\(number)", "CN-\(number)", "INV-\(number)"])
    Self.check(
      "statement", StatementRenderer.markdown(statement), StatementRenderer.html(statement),
      own: own, other: other)
  }

  @Test(arguments: clients)
  func reminderShowsOnlyItsClient(id: String, own: String, other: String, number: String) throws {
    let reminder = try Reminder.make("INV-\(number)", in: Self.books, asOf: Self.day).get()
    Self.check(
      "reminder", ReminderRenderer.markdown(reminder), ReminderRenderer.html(reminder), own: own,
      other: other)
  }
}

import Foundation
import Testing

@testable import BooksKit

/// `books export csv` and `books export json`: the files, their cells and keys, exact
/// values, and what the command refuses.
@Suite struct DataExportTests {
  static let books = """
    business "North Studio"
      currency EUR
    tax vat "VAT" 20%
    client acme "=HYPERLINK(\\"x\\")"
      contract 1000 EUR
    project site "Site"
      client acme
      value 1000 EUR
    2026-01-31 invoice INV-1 acme
      project site
      item "-Design, \\"phase 1\\"" 2 @ 100.5 EUR
      item "@Review" 1h30m @ 80 EUR
      tax vat
      status sent
    2026-02-10 income 100 EUR "+partial"
      invoice INV-1
      via bank
    2026-02-11 expense 12.30 EUR "Paper\\nand ink"
      category supplies

    """

  func run(_ arguments: [String]) -> CommandOutput {
    ExportCommand.run(
      arguments + ["--as-of", "2026-03-15"], environment: Environment(),
      fileSystem: MemoryFileSystem(["b.books": Self.books]))
  }

  func export() throws -> DataExport {
    let validation = Validation.run(
      ["b.books"], fileSystem: MemoryFileSystem(["b.books": Self.books]))
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    return DataExport(validation.books, asOf: try exportDay("2026-03-15"))
  }

  func file(_ name: String) throws -> String {
    let files = CSVExport.files(try export())
    return files.first { $0.name == name }?.text ?? ""
  }

  @Test func everyKindOfEntityHasAFile() throws {
    let names = CSVExport.files(try export()).map(\.name)
    #expect(
      names == [
        "business.csv", "taxes.csv", "clients.csv", "contacts.csv", "projects.csv",
        "milestones.csv", "services.csv", "staff.csv", "resources.csv", "goals.csv",
        "incomes.csv", "payments.csv", "expenses.csv", "time.csv", "invoices.csv",
        "invoice-items.csv", "estimates.csv", "estimate-items.csv", "purchase-orders.csv",
        "credit-notes.csv", "credit-note-items.csv", "meetings.csv",
      ])
    // An empty table keeps its header.
    #expect(
      try file("staff.csv")
        == "id,name,role,email,cost-rate,cost-rate-currency,billing-rate,billing-rate-currency,clients,may-approve\r\n"
    )
  }

  @Test func invoicesCarryTheirDerivedValues() throws {
    // 2 × 100.50 + 1.5h × 80 = 321.00; VAT 64.20; total 385.20; paid 100; due 30 days on.
    #expect(
      try file("invoices.csv") == """
        number,date,client,project,status,standing,due,days-overdue,currency,subtotal,discount,tax,total,credited,paid,balance,purchase-order,estimate,recurring,period-start,period-end,approved-by,tags,notes\r
        INV-1,2026-01-31,acme,site,sent,overdue,2026-03-02,13,EUR,321.00,0.00,64.20,385.20,0.00,100.00,285.20,,,,,,,,\r

        """)
  }

  @Test func cellsAreQuotedAndNeutralised() throws {
    #expect(
      try file("invoice-items.csv") == """
        invoice,line,description,quantity,minutes,unit,rate,amount,taxes,discount-percent,gross,discount,net,currency\r
        INV-1,1,"'-Design, \"\"phase 1\"\"\",2,,,100.50,,,,201.00,0.00,201.00,EUR\r
        INV-1,2,'@Review,1.5,90,h,80.00,,,,120.00,0.00,120.00,EUR\r

        """)
    let clients = try file("clients.csv")
    #expect(clients.contains("\r\nacme,\"'=HYPERLINK(\"\"x\"\")\",,"))
    #expect(try file("incomes.csv").contains(",'+partial,client,,,INV-1,bank,yes,"))
    // A line break inside a cell is quoted; rows end with CRLF.
    #expect(try file("expenses.csv").contains("2026-02-11,12.30,EUR,\"Paper\nand ink\",supplies,"))
  }

  @Test func jsonHasTheDocumentedKeysAndExactValues() throws {
    let json = JSONExport.document(try export(), generator: "books test")
    guard case .object(let members) = json else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.0) == [
        "version", "generator", "asOf", "currency", "business", "vocabulary", "taxes", "clients",
        "contacts", "projects", "services", "staff", "resources", "goals", "recurringInvoices",
        "incomes", "expenses", "time", "invoices", "estimates", "purchaseOrders", "creditNotes",
        "meetings",
      ])
    func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
      guard case .object(let members) = value else { return nil }
      return members.first { $0.0 == key }?.1
    }
    func first(_ key: String) -> JSONValue? {
      guard case .array(let items) = member(json, key) else { return nil }
      return items.first
    }
    let money = { (amount: String) -> JSONValue in ["amount": .string(amount), "currency": "EUR"] }
    #expect(member(json, "version") == 1)
    #expect(member(json, "asOf") == "2026-03-15")
    let invoice = first("invoices")
    #expect(member(invoice, "total") == money("385.20"))
    #expect(member(invoice, "paid") == money("100.00"))
    #expect(member(invoice, "balance") == money("285.20"))
    #expect(member(invoice, "standing") == "overdue")
    #expect(member(invoice, "due") == "2026-03-02")
    #expect(member(invoice, "daysOverdue") == 13)
    #expect(member(member(invoice, "totals"), "taxTotal") == money("64.20"))
    let client = first("clients")
    #expect(member(client, "invoiced") == money("321.00"))
    #expect(member(client, "contractInvoicedPercent") == "32.1")
    let project = first("projects")
    #expect(member(project, "completionBasis") == "invoicing")
    #expect(member(project, "completionPercent") == "32.1")
    #expect(member(first("expenses"), "amount") == money("12.30"))
  }

  @Test func commandWritesTheFolderAndTheDocument() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "books-data-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("nested/csv").path
    #expect(run(["csv", "b.books", "-o", folder]) == CommandOutput())
    let invoices = try String(contentsOfFile: folder + "/invoices.csv", encoding: .utf8)
    #expect(invoices == (try file("invoices.csv")))
    let listing = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(listing.count == 22)
    #expect(listing.allSatisfy { $0.hasSuffix(".csv") })

    let json = run(["json", "b.books"])
    #expect(json.exitCode == 0)
    #expect(json.stdout.hasPrefix("{\n  \"version\": 1,\n  \"generator\": \"books "))
    #expect(json.stdout.hasSuffix("}\n"))
  }

  @Test func usageErrors() {
    let cases: [([String], String)] = [
      (
        ["csv", "b.books"],
        "books: `books export csv` writes one file per kind of entity: name the folder with -o DIR"
      ),
      (
        ["json", "b.books", "--period", "2026"],
        "books: `books export json` exports every entry and takes no --period, --from or --to"
      ),
      (
        ["ics", "b.books", "--from", "2026-01-01"],
        "books: `books export ics` exports every entry and takes no --period, --from or --to"
      ),
      (["jsn", "b.books"], "books: unknown export `jsn` (did you mean `json`?)"),
    ]
    for (arguments, message) in cases {
      let output = run(arguments)
      #expect(output.exitCode == 2)
      #expect(output.stderr.split(separator: "\n").first.map(String.init) == message)
    }
  }

  @Test func aFileInTheWayOfTheFolderIsReported() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "books-data-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let blocker = directory.appendingPathComponent("file").path
    try "x".write(toFile: blocker, atomically: false, encoding: .utf8)
    let output = run(["csv", "b.books", "-o", blocker])
    #expect(output.exitCode == 1)
    #expect(output.stderr.hasPrefix("books: cannot write into `\(blocker)`: "))
  }

  @Test(arguments: ExportSampleTests.samples)
  func samplesExportEveryEntity(_ sample: String) throws {
    let books = ExportSampleTests.books(sample)
    let export = DataExport(books, asOf: try exportDay(ExportSampleTests.asOf))
    let files = CSVExport.files(export)
    func rows(_ name: String) -> Int {
      (files.first { $0.name == name }?.text.components(separatedBy: "\r\n").count ?? 0) - 2
    }
    #expect(rows("invoices.csv") == books.invoices.count)
    #expect(rows("clients.csv") == books.clients.count)
    #expect(rows("meetings.csv") == books.meetings.count)
    let json = JSONExport.write(export, generator: "books test")
    // Written entity by entity, it is the document serialized as a whole.
    #expect(
      json == JSONExport.document(export, generator: "books test").serialized(pretty: true) + "\n")
    #expect(json.hasPrefix("{\n  \"version\": 1,"))
    #expect(!json.contains("\"amount\": \"\""))
  }
}

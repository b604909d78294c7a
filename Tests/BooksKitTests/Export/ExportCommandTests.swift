import Foundation
import Testing

@testable import BooksKit

/// `books export`: what it writes, what it refuses, and how it spells user text for each
/// tool.
@Suite struct ExportCommandTests {
  static let books = """
    business "North Studio"
      currency EUR
    client acme "Acme; \\"the\\" Corp"
    category office.rent
    2026-01-31 invoice INV-1 acme
      item "Design" 100 EUR
    2026-02-01 income 100 EUR "(paid) in full; thanks"
      invoice INV-1
      via bank
    2026-02-02 expense 20 EUR "Desk \\"rent\\""
      category office.rent
      via card

    """

  func run(_ arguments: [String]) -> CommandOutput {
    ExportCommand.run(
      arguments + ["--as-of", "2026-12-31"], environment: Environment(),
      fileSystem: MemoryFileSystem(["b.books": Self.books]))
  }

  @Test func hledgerJournal() {
    let output = run(["hledger", "b.books"])
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    #expect(
      output.stdout.hasPrefix("; books export hledger: the books in b.books, as of 2026-12-31\n"))
    let body = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { !$0.hasPrefix("account ") }.joined(separator: "\n")
    #expect(
      body == """
        account assets:bank:bank
        account assets:bank:card
        account assets:receivable:acme
        account expenses:office.rent
        account income:client:acme

        commodity EUR
            format 1000.00 EUR

        tag entry
        tag client
        tag invoice
        tag class
        tag category

        2026-01-31 Acme, "the" Corp | Invoice INV-1
            ; entry: invoice
            ; client: acme
            ; invoice: INV-1
            assets:receivable:acme   100.00 EUR
            income:client:acme      -100.00 EUR

        2026-02-01 Acme, "the" Corp | (paid) in full, thanks
            ; entry: income
            ; client: acme
            ; class: client
            assets:bank:bank         100.00 EUR
            assets:receivable:acme  -100.00 EUR  ; invoice: INV-1

        2026-02-02 Desk "rent"
            ; entry: expense
            ; category: office.rent
            expenses:office.rent   20.00 EUR
            assets:bank:card      -20.00 EUR

        """)
  }

  @Test func ledgerDescriptionsHaveNoPayee() {
    let output = run(["ledger", "b.books"])
    #expect(output.exitCode == 0)
    #expect(output.stdout.contains("\n2026-01-31 Invoice INV-1\n"))
    #expect(output.stdout.contains("\n2026-02-01 - (paid) in full, thanks\n"))
  }

  @Test func beancountFile() {
    let output = run(["beancount", "b.books"])
    #expect(output.exitCode == 0)
    let body = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { $0.hasPrefix(";") || $0.isEmpty }.joined(separator: "\n")
    #expect(
      body == """
        option "title" "North Studio"
        option "operating_currency" "EUR"

        2026-01-31 open Assets:Bank:Bank
        2026-01-31 open Assets:Bank:Card
        2026-01-31 open Assets:Receivable:Acme
        2026-01-31 open Expenses:Office-rent
        2026-01-31 open Income:Client:Acme

        2026-01-31 * "Acme; \\"the\\" Corp" "Invoice INV-1"
          entry: "invoice"
          client: "acme"
          invoice: "INV-1"
          Assets:Receivable:Acme   100.00 EUR
          Income:Client:Acme      -100.00 EUR

        2026-02-01 * "Acme; \\"the\\" Corp" "(paid) in full; thanks"
          entry: "income"
          client: "acme"
          class: "client"
          Assets:Bank:Bank         100.00 EUR
          Assets:Receivable:Acme  -100.00 EUR
            invoice: "INV-1"

        2026-02-02 * "Desk \\"rent\\""
          entry: "expense"
          category: "office.rent"
          Expenses:Office-rent   20.00 EUR
          Assets:Bank:Card      -20.00 EUR

        """)
  }

  @Test func accountNamesAreSafeForEachTool() {
    let account = Journal.Account("income", "client", "acme.web/2026_x", "", "9lives")
    #expect(LedgerWriter.name(account) == "income:client:acme.web/2026_x:none:9lives")
    #expect(BeancountWriter.name(account) == "Income:Client:Acme-web-2026-x:None:9lives")
    #expect(BeancountWriter.name(Journal.Account("-x")) == "X-x")
  }

  @Test func beancountNamesNeverMergeTwoAccounts() {
    let accounts =
      ["office-rent", "office_rent", "office.rent", "office-rent-2", "office/rent"]
      .map { Journal.Account("expenses", $0) } + [
        Journal.Account("income", "client", ""), Journal.Account("income", "client", "none"),
      ]
    let names = BeancountWriter.names(accounts)
    #expect(names[Journal.Account("expenses", "office-rent")] == "Expenses:Office-rent")
    #expect(names[Journal.Account("expenses", "office-rent-2")] == "Expenses:Office-rent-2")
    // In path order (`-` `.` `/` `_`), after the names already taken.
    #expect(names[Journal.Account("expenses", "office.rent")] == "Expenses:Office-rent-3")
    #expect(names[Journal.Account("expenses", "office/rent")] == "Expenses:Office-rent-4")
    #expect(names[Journal.Account("expenses", "office_rent")] == "Expenses:Office-rent-5")
    #expect(names[Journal.Account("income", "client", "none")] == "Income:Client:None")
    #expect(names[Journal.Account("income", "client", "")] == "Income:Client:None-2")
    #expect(Set(names.values).count == accounts.count)
    // Without the plain one, the first in path order keeps the name.
    let two = BeancountWriter.names([
      Journal.Account("expenses", "a_b"), Journal.Account("expenses", "a.b"),
    ])
    #expect(two[Journal.Account("expenses", "a.b")] == "Expenses:A-b")
    #expect(two[Journal.Account("expenses", "a_b")] == "Expenses:A-b-2")
  }

  @Test func beancountKeepsCategoriesThatLookAlikeApart() {
    let books = """
      business "North Studio"
        currency EUR
      category office.rent
      category office-rent
      2026-02-02 expense 20 EUR "Desk"
        category office.rent
        via card
      2026-02-03 expense 30 EUR "Room"
        category office-rent
        via card

      """
    let output = ExportCommand.run(
      ["beancount", "b.books", "--as-of", "2026-12-31"], environment: Environment(),
      fileSystem: MemoryFileSystem(["b.books": books]))
    #expect(output.exitCode == 0)
    #expect(output.stdout.contains("2026-02-02 open Expenses:Office-rent\n"))
    #expect(output.stdout.contains("2026-02-02 open Expenses:Office-rent-2\n"))
    #expect(output.stdout.contains("  Expenses:Office-rent-2   20.00 EUR\n"))
    #expect(output.stdout.contains("  Expenses:Office-rent   30.00 EUR\n"))
  }

  @Test func refusesBooksWithErrors() {
    let output = ExportCommand.run(
      ["hledger", "bad.books"], environment: Environment(),
      fileSystem: MemoryFileSystem([
        "bad.books": "client acme\n2026-01-01 invoice I-1 acmee\n  item \"x\" 1 EUR\n"
      ]))
    #expect(output.exitCode == 1)
    #expect(output.stdout == "")
    #expect(
      output.stderr.hasSuffix("1 error in 1 file; fix them (see `books check`) to export them\n"))
  }

  @Test func usageErrors() {
    let cases: [([String], String)] = [
      (["hleger", "b.books"], "books: unknown export `hleger` (did you mean `hledger`?)"),
      ([], "books: name what to export: hledger, ledger, beancount, csv, json or ics"),
      (
        ["hledger", "b.books", "--period", "2026-13"],
        "books: --period takes 2026, 2026-Q1, 2026-03 or 2026-03-05, not `2026-13`"
      ),
      (
        ["hledger", "b.books", "--from", "2026-05-01", "--to", "2026-04-01"],
        "books: the period ends (2026-04-01) before it starts (2026-05-01)"
      ),
      (["hledger", "b.books", "--format", "csv"], "books: unknown option `--format`"),
    ]
    for (arguments, message) in cases {
      let output = run(arguments)
      #expect(output.exitCode == 2)
      #expect(output.stderr.split(separator: "\n").first.map(String.init) == message)
    }
  }

  @Test func writesAtomicallyToTheNamedFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "books-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("books.beancount").path
    try "old".write(toFile: target, atomically: false, encoding: .utf8)
    let output = run(["beancount", "b.books", "-o", target])
    #expect(output == CommandOutput())
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written == run(["beancount", "b.books"]).stdout)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["books.beancount"])
  }

  @Test func theCommandLineKnowsExport() {
    #expect(BooksCLI.help.contains("\n  export      write a journal"))
    let help = BooksCLI.run(["help", "export"], environment: Environment())
    #expect(help.stdout == ExportCommand.help)
  }
}

import Foundation
import Testing

@testable import BooksKit

/// The exports of both samples: golden files, balanced transactions, and the promise of
/// FORMAT.md 2.10 that the journal gives back what `books report finance` shows.
@Suite struct ExportSampleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let asOf = "2026-11-22"
  static let samples = ["freelancer", "studio"]

  struct Case: CustomTestStringConvertible, Sendable {
    var sample: String
    var kind: String
    var testDescription: String { "\(sample) \(kind)" }
  }

  static let cases: [Case] = samples.flatMap { sample in
    ExportCommand.kinds.map { Case(sample: sample, kind: $0) }
  }

  static func books(_ sample: String) -> Books {
    let path = root.appendingPathComponent("samples/\(sample).books").path
    return Validation.run([path]).books
  }

  @Test(arguments: cases)
  func exportMatchesItsGoldenFile(_ example: Case) {
    let path = Self.root.appendingPathComponent("samples/\(example.sample).books").path
    let output = ExportCommand.run(
      [example.kind, path, "--as-of", Self.asOf], environment: Environment())
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    // The header names the books as given; keep the golden file free of this checkout's path.
    let header = output.stdout.prefix { $0 != "\n" }
    let relative = header.replacingOccurrences(of: Self.root.path + "/", with: "")
    let stdout = relative + output.stdout.dropFirst(header.count)
    let suffix = example.kind == "hledger" ? "journal" : example.kind
    assertSnapshot(stdout, named: "exports/\(example.sample).\(suffix)")
  }

  @Test(arguments: samples)
  func everyTransactionBalances(_ sample: String) throws {
    let journal = Journal(Self.books(sample), asOf: try exportDay(Self.asOf))
    #expect(journal.transactions.count > 50)
    for transaction in journal.transactions {
      var sums: [Currency: DecimalNumber] = [:]
      for posting in transaction.postings {
        let sum = sums[posting.amount.currency, default: .zero].adding(posting.amount.amount)
        sums[posting.amount.currency] = sum ?? DecimalNumber(1)
      }
      let balanced = sums.values.allSatisfy { $0.isZero }
      #expect(balanced, "\(transaction.date) \(transaction.narration): \(sums)")
    }
  }

  /// Money received (the `entry: income` postings to `assets:bank`) and expenses (the
  /// `entry: expense` postings to `expenses`), per month, equal the finance report's.
  @Test(arguments: samples)
  func journalReconcilesWithTheFinanceReport(_ sample: String) throws {
    let books = Self.books(sample)
    let day = try exportDay(Self.asOf)
    let journal = Journal(books, asOf: day)
    for currency in journal.currencies {
      var income: [MonthBucket: MoneyTotals] = [:]
      var expenses: [MonthBucket: MoneyTotals] = [:]
      for transaction in journal.transactions {
        for posting in transaction.postings where posting.amount.currency == currency {
          let month = MonthBucket(transaction.date)
          if transaction.source == .income, posting.account.path.prefix(2) == ["assets", "bank"] {
            income[month, default: MoneyTotals()].add(posting.amount)
          }
          if transaction.source == .expense, posting.account.path.first == "expenses" {
            expenses[month, default: MoneyTotals()].add(posting.amount)
          }
        }
      }
      let report = FinanceReport(
        ReportContext(books: books, options: ReportOptions(asOf: day, currency: currency)))
      #expect(!report.months.isEmpty)
      for month in report.months {
        #expect(
          (income[month.month] ?? MoneyTotals()).total(currency) == month.income.total(currency),
          "income \(month.month)")
        #expect(
          (expenses[month.month] ?? MoneyTotals()).total(currency)
            == month.expenses.total(currency), "expenses \(month.month)")
      }
      let months = Set(report.months.map(\.month))
      #expect(Set(income.keys).union(expenses.keys).isSubset(of: months))
    }
  }

  /// What each client owes in the journal is what the invoices say is still due.
  @Test(arguments: samples)
  func receivablesAreTheInvoiceBalances(_ sample: String) throws {
    let books = Self.books(sample)
    let day = try exportDay(Self.asOf)
    var owed: [String: MoneyTotals] = [:]
    for transaction in Journal(books, asOf: day).transactions {
      for posting in transaction.postings
      where posting.account.path.prefix(2) == ["assets", "receivable"] {
        owed[posting.account.path[2], default: MoneyTotals()].add(posting.amount)
      }
    }
    var balances: [String: MoneyTotals] = [:]
    for state in InvoiceLedger(books, asOf: day).invoices {
      let invoice = books.invoices[state.index]
      guard invoice.status != .draft, invoice.status != .void, invoice.date <= day,
        let client = invoice.client?.id, let balance = state.balance
      else { continue }
      balances[client, default: MoneyTotals()].add(balance)
    }
    #expect(!owed.isEmpty)
    for client in Set(owed.keys).union(balances.keys) {
      let journal = (owed[client] ?? MoneyTotals()).amounts.filter { !$0.isZero }
      let invoices = (balances[client] ?? MoneyTotals()).amounts.filter { !$0.isZero }
      #expect(journal == invoices, "\(client)")
    }
  }
}

struct NotADate: Error {}

/// The day `text` names, for test fixtures.
func exportDay(_ text: String) throws -> CalendarDate {
  guard let day = CalendarDate(text) else { throw NotADate() }
  return day
}

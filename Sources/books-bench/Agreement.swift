import Foundation

/// Checks that hledger, reading `books export hledger`, finds the same money received as
/// `books report finance`: per currency, the total of bank postings of income transactions
/// against the total of the report's income column (FORMAT.md, 2.10).
struct Agreement {
  var books: String
  var path: String
  var asOf: String
  var journal: String
  var work: String

  func compare() throws -> String {
    let csv = "\(work)/income.csv"
    let run = ProcessRun.run(
      [
        "hledger", "-f", journal, "balance", "assets:bank", "tag:entry=income", "--depth", "1",
        "--layout=bare", "-O", "csv",
      ], output: csv)
    guard run.status == 0 else { throw BenchError.failed("hledger could not read \(journal)") }
    var hledger: [String: Int] = [:]
    for line in try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n") {
      let cells = line.split(separator: ",").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))
      }
      if cells.count >= 3, cells[0] == "total", let cents = Self.cents(cells[2]) {
        hledger[cells[1], default: 0] += cents
      }
    }
    var books: [String: Int] = [:]
    for currency in hledger.keys.sorted() {
      let json = "\(work)/finance.json"
      let report = ProcessRun.run(
        [
          self.books, "report", "finance", path, "--as-of", asOf, "--currency", currency,
          "--format",
          "json",
        ], output: json)
      guard report.status == 0,
        let object = try JSONSerialization.jsonObject(
          with: Data(contentsOf: URL(fileURLWithPath: json)))
          as? [String: Any],
        let blocks = object["blocks"] as? [[String: Any]],
        let months = blocks.first(where: { $0["id"] as? String == "months" })?["rows"]
          as? [[String: Any]]
      else { throw BenchError.failed("`books report finance --format json` gave no months") }
      for row in months {
        if let money = row["income"] as? [String: Any], money["currency"] as? String == currency,
          let amount = money["amount"] as? String, let cents = Self.cents(amount)
        {
          books[currency, default: 0] += cents
        }
      }
    }
    let figures = hledger.sorted { $0.key < $1.key }.map {
      "\(amountText(cents: $0.value)) \($0.key)"
    }
    guard hledger == books, !hledger.isEmpty else {
      throw BenchError.failed(
        "hledger's income \(hledger) differs from books report finance \(books)")
    }
    return
      "hledger's income from the export equals `books report finance`: \(figures.joined(separator: ", "))"
  }

  /// `1234.5` or `-1,234.50` as cents.
  static func cents(_ text: String) -> Int? {
    let clean = text.replacingOccurrences(of: ",", with: "")
    let parts = clean.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = Int(parts[0]) else { return nil }
    var fraction = parts.count == 2 ? String(parts[1]) : ""
    guard fraction.count <= 2 else { return nil }
    fraction += String(repeating: "0", count: 2 - fraction.count)
    guard let cents = Int(fraction) else { return nil }
    return whole * 100 + (clean.hasPrefix("-") ? -cents : cents)
  }
}

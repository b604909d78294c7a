/// Document number series have no gaps (duplicates are reported while reading).
///
/// A series is the numbers sharing everything but their last run of digits
/// (`INV-2026-001`, `INV-2026-002` ...). A missing number in the middle is a warning: it
/// may be a deleted invoice that an auditor will ask about.
enum NumberingCheck {
  static let name = "numbering"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let books = context.books
    if let text = books.business?.invoiceNumbering, let pattern = NumberPattern(text) {
      books.invoices.forEachAddress { _, invoice in
        let number = invoice.pointee.number
        guard
          pattern.sequence(
            of: number, date: invoice.pointee.date, client: invoice.pointee.client?.id) == nil
        else { return }
        out.append(follows(number, text, .invoice, invoice.pointee.numberRange))
      }
    }
    if let text = books.business?.estimateNumbering, let pattern = NumberPattern(text) {
      for estimate in books.estimates
      where pattern.sequence(of: estimate.number, date: estimate.date, client: estimate.client?.id)
        == nil
      {
        out.append(follows(estimate.number, text, .estimate, estimate.numberRange))
      }
    }
    var invoiceNumbers: [(String, SourceRange)] = []
    invoiceNumbers.reserveCapacity(books.invoices.count)
    books.invoices.forEachAddress { _, invoice in
      invoiceNumbers.append((invoice.pointee.number, invoice.pointee.numberRange))
    }
    check(invoiceNumbers, .invoice, &out)
    check(books.estimates.map { ($0.number, $0.numberRange) }, .estimate, &out)
    check(books.creditNotes.map { ($0.number, $0.numberRange) }, .creditNote, &out)
    return out
  }

  private static func follows(
    _ number: String, _ pattern: String, _ kind: DocumentKind, _ range: SourceRange
  ) -> Diagnostic {
    .warning(
      name, "\(kind.noun) number `\(clip(number))` does not follow the pattern `\(pattern)`",
      at: range,
      fix:
        "number \(kind.noun)s as the business's pattern says (with the document's year and client)")
  }

  private struct Series: Hashable {
    var prefix: String
    var suffix: String
    var width: Int
  }

  private static func check(
    _ numbers: [(String, SourceRange)], _ kind: DocumentKind, _ out: inout [Diagnostic]
  ) {
    var series: [Series: [(Int, SourceRange)]] = [:]
    var order: [Series] = []
    for (number, range) in numbers {
      let scalars = Array(number.utf8)
      guard let lastDigit = scalars.lastIndex(where: isDigit) else { continue }
      var firstDigit = lastDigit
      while firstDigit > 0, isDigit(scalars[firstDigit - 1]) { firstDigit -= 1 }
      guard lastDigit - firstDigit < 9,
        let value = Int(String(decoding: scalars[firstDigit...lastDigit], as: UTF8.self))
      else { continue }
      let key = Series(
        prefix: String(decoding: scalars[..<firstDigit], as: UTF8.self),
        suffix: String(decoding: scalars[(lastDigit + 1)...], as: UTF8.self),
        width: lastDigit - firstDigit + 1)
      if series[key] == nil { order.append(key) }
      series[key, default: []].append((value, range))
    }
    for key in order {
      let members = (series[key] ?? []).sorted { $0.0 < $1.0 }
      for (previous, next) in zip(members, members.dropFirst()) where next.0 - previous.0 > 1 {
        let missing = (previous.0 + 1)..<next.0
        let format = { (value: Int) -> String in
          let digits = String(value)
          let padded = String(repeating: "0", count: max(0, key.width - digits.count)) + digits
          return key.prefix + padded + key.suffix
        }
        let list =
          missing.count <= 3
          ? missing.map(format).map { "`\($0)`" }.joined(separator: ", ")
          : "`\(format(missing.lowerBound))` … `\(format(missing.upperBound - 1))`"
        out.append(
          .warning(
            name,
            "\(kind.noun) numbers jump from `\(format(previous.0))` to `\(format(next.0))`; missing \(list)",
            at: next.1,
            fix: "number \(kind.noun)s without gaps; " + cancelled(kind)))
      }
    }
  }

  /// How to keep a cancelled document of `kind` in the series instead of deleting it.
  private static func cancelled(_ kind: DocumentKind) -> String {
    switch kind {
    case .invoice: "record a cancelled one with `status void`"
    case .estimate: "record a withdrawn one with `status declined`"
    case .creditNote, .purchaseOrder:
      "keep a cancelled one in the books, and correct it with another"
    }
  }
}

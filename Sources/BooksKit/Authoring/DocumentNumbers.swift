/// The number `books new` gives the next invoice or estimate.
public enum DocumentNumbers {
  /// The pattern used when the business sets none and there is no earlier document.
  public static func defaultPattern(_ kind: DocumentKind) -> String {
    kind == .estimate ? "EST-{yyyy}-{seq:3}" : "INV-{yyyy}-{seq:3}"
  }

  /// The next number for a document of `kind` dated `date` for `client`:
  ///
  /// - with the business's pattern (`invoice-numbers`, `estimate-numbers`), the highest
  ///   counter among the numbers that follow it for this date and client, plus one (so a
  ///   `{yyyy}` pattern starts again at 1 each year, and a `{client}` one per client);
  /// - without one, the series of the latest document (its number with the last run of
  ///   digits counted up, keeping their width), or the default pattern when there is none.
  ///
  /// A number already taken is skipped.
  public static func next(
    _ kind: DocumentKind, in books: Books, date: CalendarDate, client: String?
  ) -> String {
    let documents: [(number: String, date: CalendarDate)] =
      kind == .estimate
      ? books.estimates.map { ($0.number, $0.date) } : books.invoices.map { ($0.number, $0.date) }
    let taken = Set(documents.map(\.number))
    let stated =
      kind == .estimate ? books.business?.estimateNumbering : books.business?.invoiceNumbering
    let pattern =
      stated.flatMap(NumberPattern.init)
      ?? (documents.isEmpty ? NumberPattern(defaultPattern(kind)) : nil)
    if let pattern {
      var sequence =
        documents.compactMap { pattern.sequence(of: $0.number, date: date, client: client) }.max()
        ?? 0
      repeat {
        sequence += 1
      } while taken.contains(pattern.number(date: date, client: client, sequence: sequence))
        && sequence < 999_999_999
      return pattern.number(date: date, client: client, sequence: sequence)
    }
    // The latest document's series.
    let latest = documents.indices.max { (documents[$0].date, $0) < (documents[$1].date, $1) }
    guard let latest, let series = Series(documents[latest].number) else {
      return (NumberPattern(defaultPattern(kind))?.number(date: date, client: client, sequence: 1))
        ?? "1"
    }
    var value =
      documents.compactMap { Series($0.number) }.filter { $0.sameSeries(as: series) }
      .map(\.value).max() ?? series.value
    repeat {
      value += 1
    } while taken.contains(series.number(value)) && value < 999_999_999
    return series.number(value)
  }

  /// A number split around its last run of digits: `INV-2026-` `014` ``.
  private struct Series {
    var prefix: Substring
    var value: Int
    var width: Int
    var suffix: Substring

    init?(_ number: String) {
      let scalars = Array(number.utf8)
      guard let last = scalars.lastIndex(where: isDigit) else { return nil }
      var first = last
      while first > 0, isDigit(scalars[first - 1]) { first -= 1 }
      guard last - first < 9,
        let value = Int(String(decoding: scalars[first...last], as: UTF8.self))
      else { return nil }
      let utf8 = number.utf8
      let start = utf8.index(utf8.startIndex, offsetBy: first)
      let end = utf8.index(utf8.startIndex, offsetBy: last + 1)
      self.prefix = Substring(number[..<start])
      self.suffix = Substring(number[end...])
      self.value = value
      self.width = last - first + 1
    }

    func sameSeries(as other: Series) -> Bool {
      prefix == other.prefix && suffix == other.suffix
    }

    func number(_ value: Int) -> String {
      let digits = String(value)
      return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits + suffix
    }
  }
}

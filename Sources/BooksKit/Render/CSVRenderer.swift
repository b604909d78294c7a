/// A report's main table as CSV (RFC 4180): a header row of column ids, CRLF line ends,
/// fields quoted when needed, and cells that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) made inert with a leading `'`.
///
/// Amounts are plain numbers so a spreadsheet can add them; a column holding money is
/// followed by a `COLUMN-currency` column with the ISO code.
public enum CSVRenderer {
  public static func render(_ view: ReportView) -> String {
    let table = view.primaryTable
    let rows = table.rows + (table.rows.isEmpty ? [] : table.footer.map { [$0] } ?? [])
    let moneyColumns = Set(
      table.columns.indices.filter { index in
        rows.contains { row in
          guard row.indices.contains(index), case .money = row[index] else { return false }
          return true
        }
      })
    var header: [String] = []
    for (index, column) in table.columns.enumerated() {
      header.append(field(column.id))
      if moneyColumns.contains(index) { header.append(field(column.id + "-currency")) }
    }
    var lines = [header.joined(separator: ",")]
    for row in rows {
      var fields: [String] = []
      for (index, cell) in row.enumerated() {
        if case .money(let money) = cell {
          // `description` pads to the currency's minor units: 5 EUR is written 5.00.
          fields.append(money.description.split(separator: " ").first.map(String.init) ?? "")
        } else {
          fields.append(field(text(cell)))
        }
        if moneyColumns.contains(index) {
          if case .money(let money) = cell {
            fields.append(money.currency.code)
          } else {
            fields.append("")
          }
        }
      }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// Numbers stay numbers (a negative amount keeps its sign); text is neutralised.
  private static func text(_ cell: Cell) -> String {
    let plain = CellFormat.plain(cell)
    switch cell {
    case .number, .percent, .integer, .duration: return plain
    default: return neutralised(plain)
    }
  }

  static func neutralised(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else {
      return text
    }
    return "'" + text
  }

  static func field(_ raw: String) -> String {
    // NUL and other control characters (but line breaks and tabs) have no place in a cell.
    let text = String(
      String.UnicodeScalarView(
        raw.unicodeScalars.map { scalar in
          (isControl(scalar) && scalar != "\n" && scalar != "\r" && scalar != "\t")
            || isNoncharacter(scalar) ? "\u{FFFD}" : scalar
        }))
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension String {
  /// Replaces every occurrence of `target` (no Foundation).
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

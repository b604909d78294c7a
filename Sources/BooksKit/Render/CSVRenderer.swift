/// A report's main table as CSV (RFC 4180): a header row of column ids, CRLF line ends,
/// fields quoted when needed, and cells that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) made inert with a leading `'`.
public enum CSVRenderer {
  public static func render(_ view: ReportView) -> String {
    let table = view.primaryTable
    var lines = [table.columns.map { field($0.id) }.joined(separator: ",")]
    for row in table.rows + (table.footer.map { [$0] } ?? []) {
      lines.append(row.map { field(text($0)) }.joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// Numbers stay numbers (a negative amount keeps its sign); text is neutralised.
  private static func text(_ cell: Cell) -> String {
    let plain = CellFormat.plain(cell)
    switch cell {
    case .money, .number, .percent, .integer, .duration: return plain
    default: return neutralised(plain)
    }
  }

  static func neutralised(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
      return text
    }
    return "'" + text
  }

  static func field(_ text: String) -> String {
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

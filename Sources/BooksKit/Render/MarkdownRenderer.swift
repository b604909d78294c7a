/// Reports as GitHub-flavoured Markdown: headings and pipe tables.
public enum MarkdownRenderer {
  public static func render(_ view: ReportView) -> String {
    var out = ["# " + escape(view.title), "", "_" + escape(view.subtitle) + "_"]
    for block in view.blocks {
      out.append("")
      out += lines(block)
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Escapes text for a table cell or a line: Markdown punctuation gets a backslash, a pipe
  /// cannot end the cell, line breaks become spaces.
  public static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      if character.isNewline || character == "\t" {
        out.append(" ")
        continue
      }
      if character.unicodeScalars.contains(where: { isControl($0) || isNoncharacter($0) }) {
        out.append("\u{FFFD}")
        continue
      }
      // Backslash-escaping ASCII punctuation is always allowed; these are the characters
      // Markdown (and GFM tables) could act on in the middle of a line.
      // By first scalar: a backtick with a combining mark on it is still a backtick.
      if let first = character.unicodeScalars.first, first.isASCII,
        "\\`*_[]<>|#!~&{}".unicodeScalars.contains(first)
      {
        out.append("\\")
      }
      out.append(character)
    }
    return defusingAutolinks(out)
  }

  /// Escaped text that starts a line, made to stay a plain line: a `-` or `+` that would
  /// open a list item or a thematic break, a leading `=` (a setext heading's underline) and
  /// the `.` or `)` of an ordered list's number get a backslash. A phone number such as
  /// `+33 6 12` or an amount such as `-12.50` is left as it is.
  public static func escapingLineStart(_ escaped: String) -> String {
    guard let first = escaped.first else { return escaped }
    let second = escaped.dropFirst().first
    let opensBlock = second == nil || second == " " || second == "\t" || second == first
    if first == "=" || (first == "-" || first == "+") && opensBlock { return "\\" + escaped }
    let digits = escaped.prefix { $0.isASCII && $0.isNumber }
    let rest = escaped.dropFirst(digits.count)
    if !digits.isEmpty, let mark = rest.first, mark == "." || mark == ")",
      rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true
    {
      return digits + "\\" + rest
    }
    return escaped
  }

  /// GitHub turns `http://…`, `www.…` and `name@host` into links even after escaping, so
  /// a zero-width space goes inside each pattern: the text reads the same, nothing links.
  static func defusingAutolinks(_ text: String) -> String {
    guard text.contains("://") || text.contains("www.") || text.contains("@") else { return text }
    return
      text
      .replacingOccurrences(of: "://", with: ":\u{200B}//")
      .replacingOccurrences(of: "www.", with: "www\u{200B}.")
      .replacingOccurrences(of: "@", with: "\u{200B}@")
  }

  private static func cell(_ cell: Cell) -> String { escape(CellFormat.display(cell)) }

  private static func lines(_ block: Block) -> [String] {
    switch block {
    case .metrics(_, let title, let metrics):
      return (title.map { ["## " + escape($0), ""] } ?? [])
        + table(
          Table(
            id: "", columns: [Column("metric", "Metric"), Column("value", "Value")],
            rows: metrics.map { [.text($0.label), $0.value] }))
    case .table(let table):
      return (table.title.map { ["## " + escape($0), ""] } ?? []) + self.table(table)
    case .board(let board):
      var out = board.title.map { ["## " + escape($0)] } ?? []
      for lane in board.lanes {
        if !out.isEmpty { out.append("") }
        let summary = lane.summary.map { "\($0.label): \(CellFormat.display($0.value))" }
        out.append(
          "### " + escape(lane.title)
            + (summary.isEmpty ? "" : " (" + escape(summary.joined(separator: ", ")) + ")"))
        out.append("")
        if lane.cards.isEmpty {
          out.append("_None._")
          continue
        }
        var columns = [Column("title", "Title")]
        for card in lane.cards {
          for field in card.fields where !columns.contains(where: { $0.id == field.id }) {
            columns.append(Column(field.id, field.label))
          }
        }
        let rows = lane.cards.map { card in
          [Cell.text(card.title)]
            + columns.dropFirst().map { column in
              card.fields.first { $0.id == column.id }?.value ?? .empty
            }
        }
        out += table(Table(id: lane.id, columns: columns, rows: rows))
      }
      return out
    case .calendar(let month):
      return calendar(month)
    case .note(let text):
      return [escape(text)]
    }
  }

  private static func table(_ table: Table) -> [String] {
    guard !table.columns.isEmpty else { return [] }
    let all = table.rows + (table.footer.map { [$0] } ?? [])
    let numeric = table.columns.indices.map { index in
      all.contains { $0.indices.contains(index) && $0[index].isNumeric }
    }
    var out = ["| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
    out.append("|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined())
    for row in table.rows {
      out.append("| " + row.map(cell).joined(separator: " | ") + " |")
    }
    if let footer = table.footer, !table.rows.isEmpty {
      out.append(
        "| " + footer.map { $0 == .empty ? "" : "**" + cell($0) + "**" }.joined(separator: " | ")
          + " |")
    }
    if table.rows.isEmpty { out += ["", "_None._"] }
    return out
  }

  private static func calendar(_ month: CalendarMonth) -> [String] {
    guard let first = CalendarDate(year: month.year, month: month.month, day: 1) else { return [] }
    var out = ["## \(monthName(month.month)) \(month.year)", ""]
    out.append("| Mon | Tue | Wed | Thu | Fri | Sat | Sun |")
    out.append("| --- | --- | --- | --- | --- | --- | --- |")
    var cells = Array(repeating: "", count: first.weekday - 1)
    for day in 1...CalendarDate.daysIn(month: month.month, year: month.year) {
      let events = month.events.filter { $0.date.day == day }.map {
        ($0.time.map { "\($0) " } ?? "") + escape($0.title)
      }
      cells.append(events.isEmpty ? "\(day)" : "**\(day)** " + events.joined(separator: "; "))
    }
    while cells.count % 7 != 0 { cells.append("") }
    for start in stride(from: 0, to: cells.count, by: 7) {
      out.append("| " + cells[start..<(start + 7)].joined(separator: " | ") + " |")
    }
    return out
  }
}

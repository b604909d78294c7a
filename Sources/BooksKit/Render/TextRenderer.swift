/// Reports for the terminal: aligned columns, numbers on the right, boards as sections.
public enum TextRenderer {
  public static func render(_ view: ReportView, color: Bool = false) -> String {
    let style = TextStyle(enabled: color)
    var out = [style.bold(oneLine(view.title)), style.dim(oneLine(view.subtitle))]
    for block in view.blocks {
      out.append("")
      out += lines(block, style)
    }
    return out.joined(separator: "\n") + "\n"
  }

  private static func lines(_ block: Block, _ style: TextStyle) -> [String] {
    switch block {
    case .metrics(_, let title, let metrics):
      let width = metrics.map { TerminalWidth.of(oneLine($0.label)) }.max() ?? 0
      let values = metrics.map { shown($0.value) }
      let valueWidth = values.map(TerminalWidth.of).max() ?? 0
      return (title.map { [style.bold(oneLine($0))] } ?? [])
        + zip(metrics, values).map { metric, value in
          "  " + pad(oneLine(metric.label), width) + "  " + padLeft(value, valueWidth)
        }
    case .table(let table):
      return (table.title.map { [style.bold(oneLine($0))] } ?? []) + tableLines(table, style)
    case .board(let board):
      var out = board.title.map { [style.bold(oneLine($0))] } ?? []
      for (index, lane) in board.lanes.enumerated() {
        if index > 0 || board.title != nil { out.append("") }
        let summary = lane.summary.map { "\($0.label.lowercased()) \(shown($0.value))" }
        out.append(
          style.bold(oneLine(lane.title))
            + (summary.isEmpty ? "" : style.dim(" · " + summary.joined(separator: " · "))))
        if lane.cards.isEmpty { out.append("  (none)") }
        for card in lane.cards {
          let fields = card.fields.filter { $0.value != .empty }.map {
            "\($0.label.lowercased()) \(shown($0.value))"
          }
          out.append("  • " + oneLine(card.title))
          out += wrap(fields, indent: 4, width: 80)
        }
      }
      return out
    case .calendar(let month):
      return calendarLines(month, style)
    case .note(let text):
      return [text]
    }
  }

  private static func tableLines(_ table: Table, _ style: TextStyle) -> [String] {
    let all = table.rows + (table.rows.isEmpty ? [] : table.footer.map { [$0] } ?? [])
    var widths = table.columns.map { TerminalWidth.of(oneLine($0.title)) }
    // Each cell is formatted once, for its width and its line.
    let shownRows = table.rows.map { $0.map(shown) }
    let shownFooter = table.footer.map { $0.map(shown) }
    for row in shownRows + (table.rows.isEmpty ? [] : shownFooter.map { [$0] } ?? []) {
      for (index, cell) in row.enumerated() where widths.indices.contains(index) {
        widths[index] = max(widths[index], TerminalWidth.of(cell))
      }
    }
    let numeric = table.columns.indices.map { index in
      all.contains { $0.indices.contains(index) && $0[index].isNumeric }
    }
    // Fit 80 columns where possible: narrow the widest text column, then the next, down to
    // 16 characters each; numbers, dates and ids are never cut. When even that cannot fit,
    // nothing is cut: the line is too wide either way, so it may as well be whole.
    let shrinkable = widths.indices.filter { !numeric[$0] && textColumn(all, $0) }
    let narrowest = widths.indices.map {
      shrinkable.contains($0) ? min(widths[$0], 16) : widths[$0]
    }
    let canFit = narrowest.reduce(2 * max(0, widths.count - 1), +) <= maximumWidth
    while canFit, widths.reduce(2 * max(0, widths.count - 1), +) > maximumWidth {
      let candidates = widths.indices.filter {
        !numeric[$0] && widths[$0] > 16 && textColumn(all, $0)
      }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
      let excess = widths.reduce(2 * max(0, widths.count - 1), +) - maximumWidth
      widths[widest] = max(16, widths[widest] - excess)
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, text in
        guard widths.indices.contains(index) else { return text }
        let fitted =
          TerminalWidth.of(text) > widths[index]
          ? TerminalWidth.prefix(text, fitting: widths[index] - 1) + "…" : text
        return numeric.indices.contains(index) && numeric[index]
          ? padLeft(fitted, widths[index]) : pad(fitted, widths[index])
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    var out = [style.bold(line(table.columns.map { oneLine($0.title) }))]
    out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
    for row in shownRows { out.append(line(row)) }
    if let footer = shownFooter, !table.rows.isEmpty {
      out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
      out.append(style.bold(line(footer)))
    }
    if table.rows.isEmpty { out.append("(none)") }
    return out
  }

  private static func calendarLines(_ month: CalendarMonth, _ style: TextStyle) -> [String] {
    guard let first = CalendarDate(year: month.year, month: month.month, day: 1) else { return [] }
    var out = [style.bold("\(monthName(month.month)) \(month.year)"), "Mo  Tu  We  Th  Fr  Sa  Su"]
    let days = CalendarDate.daysIn(month: month.month, year: month.year)
    let busy = Set(month.events.map(\.date.day))
    var cells = Array(repeating: "  ", count: first.weekday - 1)
    for day in 1...days {
      let number = day < 10 ? " \(day)" : "\(day)"
      cells.append(busy.contains(day) ? number + "*" : number + " ")
    }
    var row: [String] = []
    for cell in cells {
      row.append(cell.count == 2 ? cell + " " : cell)
      if row.count == 7 {
        out.append(row.joined(separator: " ").trimmingTrailingSpaces())
        row = []
      }
    }
    if !row.isEmpty { out.append(row.joined(separator: " ").trimmingTrailingSpaces()) }
    // Days marked `*` have meetings; reports list them in a table of their own.
    return out
  }

  /// A cell as shown on a terminal: control characters from the books made visible.
  static func shown(_ cell: Cell) -> String {
    oneLine(CellFormat.display(cell))
  }

  /// User text on one line of a terminal: line breaks become spaces, control characters
  /// visible pictures.
  static func oneLine(_ text: String) -> String {
    // Printable ASCII (most cells of a long report) has nothing to replace.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    return printable(String(text.map { $0.isNewline ? " " : $0 }))
  }

  static let maximumWidth = 80

  /// True when a column holds free text (which may be shortened), not ids or dates.
  private static func textColumn(_ rows: [[Cell]], _ index: Int) -> Bool {
    rows.contains { row in
      guard row.indices.contains(index), case .text = row[index] else { return false }
      return true
    }
  }

  /// Joins items with ` · ` into lines no wider than `width` (an item is never split).
  static func wrap(_ items: [String], indent: Int, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for item in items {
      if current.isEmpty {
        current = item
      } else if indent + TerminalWidth.of(current) + 3 + TerminalWidth.of(item) <= width {
        current += " · " + item
      } else {
        lines.append(String(repeating: " ", count: indent) + current)
        current = item
      }
    }
    if !current.isEmpty { lines.append(String(repeating: " ", count: indent) + current) }
    return lines
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - TerminalWidth.of(text)))
  }

  static func padLeft(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - TerminalWidth.of(text))) + text
  }
}

/// ANSI styling for text reports; a no-op without colour.
private struct TextStyle {
  var enabled: Bool

  func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  func dim(_ text: String) -> String { enabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}

/// Reports as a standalone HTML page: embedded CSS, no scripts, no external fetches;
/// readable on a phone, printable, dark-mode aware. Boards are drawn as columns.
public enum HTMLRenderer {
  public static func render(_ view: ReportView) -> String {
    var body: [String] = []
    body.append(
      "<header><h1>\(escape(view.title))</h1><p class=\"sub\">\(escape(view.subtitle))</p></header>"
    )
    body.append("<main>")
    for block in view.blocks { body.append(html(block)) }
    body.append("</main>")
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(view.title))</title>
      <style>\(style)</style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  /// Escapes text for HTML content and attribute values.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters other than tab and newline are not allowed in HTML text.
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n"
          || (0x7F...0x9F).contains(scalar.value) || isNoncharacter(scalar)
        {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  private static func cell(_ cell: Cell) -> String {
    let text = escape(CellFormat.display(cell))
    if case .money(let money) = cell, money.isNegative {
      return "<span class=\"neg\">\(text)</span>"
    }
    return text
  }

  private static func html(_ block: Block) -> String {
    switch block {
    case .metrics(let id, let title, let metrics):
      let items = metrics.map {
        "<div class=\"metric\"><dt>\(escape($0.label))</dt><dd>\(cell($0.value))</dd></div>"
      }
      return "<section class=\"metrics\" id=\"\(escape(id))\">"
        + (title.map { "<h2>\(escape($0))</h2>" } ?? "")
        + "<dl>" + items.joined() + "</dl></section>"
    case .table(let table):
      return "<section id=\"\(escape(table.id))\">"
        + (table.title.map { "<h2>\(escape($0))</h2>" } ?? "")
        + self.table(table) + "</section>"
    case .board(let board):
      let lanes = board.lanes.map { lane -> String in
        let summary = lane.summary.map {
          "<span>\(escape($0.label)) <b>\(cell($0.value))</b></span>"
        }.joined(separator: " ")
        let cards = lane.cards.map { card -> String in
          let fields = card.fields.filter { $0.value != .empty }.map {
            "<div><dt>\(escape($0.label))</dt><dd>\(cell($0.value))</dd></div>"
          }.joined()
          return "<article class=\"card\"><h4>\(escape(card.title))</h4>"
            + (fields.isEmpty ? "" : "<dl>\(fields)</dl>") + "</article>"
        }.joined()
        return "<div class=\"lane\"><h3>\(escape(lane.title))</h3>"
          + (summary.isEmpty ? "" : "<p class=\"sum\">\(summary)</p>")
          + (cards.isEmpty ? "<p class=\"none\">None</p>" : cards) + "</div>"
      }
      return "<section id=\"\(escape(board.id))\">"
        + (board.title.map { "<h2>\(escape($0))</h2>" } ?? "")
        + "<div class=\"board\">" + lanes.joined() + "</div></section>"
    case .calendar(let month):
      return calendar(month)
    case .note(let text):
      return "<p class=\"note\">\(escape(text))</p>"
    }
  }

  private static func table(_ table: Table) -> String {
    let all = table.rows + (table.footer.map { [$0] } ?? [])
    let numeric = table.columns.indices.map { index in
      all.contains { $0.indices.contains(index) && $0[index].isNumeric }
    }
    func row(_ cells: [Cell], tag: String) -> String {
      "<tr>"
        + cells.enumerated().map { index, value in
          let cls = numeric.indices.contains(index) && numeric[index] ? " class=\"num\"" : ""
          return "<\(tag)\(cls)>\(cell(value))</\(tag)>"
        }.joined() + "</tr>"
    }
    let head =
      "<thead><tr>"
      + table.columns.enumerated().map { index, column in
        let cls = numeric.indices.contains(index) && numeric[index] ? " class=\"num\"" : ""
        return "<th scope=\"col\"\(cls)>\(escape(column.title))</th>"
      }.joined() + "</tr></thead>"
    let body =
      table.rows.isEmpty
      ? "<tbody><tr><td colspan=\"\(max(1, table.columns.count))\" class=\"none\">None</td></tr></tbody>"
      : "<tbody>" + table.rows.map { row($0, tag: "td") }.joined() + "</tbody>"
    let foot =
      table.rows.isEmpty
      ? "" : table.footer.map { "<tfoot>" + row($0, tag: "td") + "</tfoot>" } ?? ""
    return "<div class=\"scroll\"><table>" + head + body + foot + "</table></div>"
  }

  private static func calendar(_ month: CalendarMonth) -> String {
    guard let first = CalendarDate(year: month.year, month: month.month, day: 1) else { return "" }
    var cells = Array(repeating: "<td class=\"out\"></td>", count: first.weekday - 1)
    for day in 1...CalendarDate.daysIn(month: month.month, year: month.year) {
      let events = month.events.filter { $0.date.day == day }.map {
        "<li>" + ($0.time.map { "<time>\($0)</time> " } ?? "") + escape($0.title) + "</li>"
      }.joined()
      cells.append(
        "<td><span class=\"day\">\(day)</span>" + (events.isEmpty ? "" : "<ul>\(events)</ul>")
          + "</td>")
    }
    while cells.count % 7 != 0 { cells.append("<td class=\"out\"></td>") }
    var rows: [String] = []
    for start in stride(from: 0, to: cells.count, by: 7) {
      rows.append("<tr>" + cells[start..<(start + 7)].joined() + "</tr>")
    }
    let head = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map {
      "<th scope=\"col\">\($0)</th>"
    }
    .joined()
    return "<section class=\"calendar\"><h2>\(monthName(month.month)) \(month.year)</h2>"
      + "<div class=\"scroll\"><table class=\"cal\"><thead><tr>\(head)</tr></thead><tbody>"
      + rows.joined() + "</tbody></table></div></section>"
  }

  static let style = """
    :root{--fg:#1d2330;--muted:#5b6474;--bg:#fff;--card:#f5f7fa;--line:#dde2ea;--accent:#2456c7;--neg:#b3261e}
    @media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a3acbb;--bg:#14171c;--card:#1d2229;--line:#323945;--accent:#8fb0ff;--neg:#ff8a80}}
    *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
    header{padding:1.2rem 1.5rem .6rem;border-bottom:1px solid var(--line)}h1{margin:0;font-size:1.5rem}
    .sub{margin:.2rem 0 0;color:var(--muted)}main{padding:1rem 1.5rem 2rem;max-width:100rem}
    h2{font-size:1.15rem;margin:1.6rem 0 .6rem}h3{font-size:1rem;margin:0 0 .3rem}h4{font-size:.95rem;margin:0 0 .3rem}
    .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
    th,td{padding:.35rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    th{font-weight:600;color:var(--muted)}.num{text-align:right;white-space:nowrap}tfoot td{font-weight:600;border-top:2px solid var(--line)}
    .neg{color:var(--neg)}.none{color:var(--muted);font-style:italic}
    .metrics dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.6rem;margin:0}
    .metric{background:var(--card);border-radius:.5rem;padding:.6rem .8rem}.metric dt{color:var(--muted);font-size:.85rem}
    .metric dd{margin:0;font-size:1.1rem;font-weight:600;font-variant-numeric:tabular-nums}
    .board{display:flex;gap:.8rem;overflow-x:auto;align-items:flex-start}
    .lane{flex:1 1 14rem;min-width:14rem;background:var(--card);border-radius:.6rem;padding:.7rem}
    .sum{margin:0 0 .5rem;color:var(--muted);font-size:.85rem}.sum span{margin-right:.6rem;white-space:nowrap}
    .card{background:var(--bg);border:1px solid var(--line);border-radius:.5rem;padding:.5rem .6rem;margin:.4rem 0}
    .card dl{margin:0;font-size:.85rem}.card dl div{display:flex;justify-content:space-between;gap:.5rem}
    .card dt{color:var(--muted)}.card dd{margin:0;text-align:right}
    .cal td{height:5rem;width:14.28%}.cal .out{background:var(--card)}.day{font-weight:600;color:var(--muted)}
    .cal ul{margin:.2rem 0 0;padding:0;list-style:none;font-size:.8rem}.cal time{color:var(--accent)}
    @media (max-width:40rem){main,header{padding-left:.8rem;padding-right:.8rem}.board{flex-direction:column}.lane{width:100%}}
    @media print{body{font-size:11pt}.board{flex-wrap:wrap}.lane,.card,.metric{break-inside:avoid}a{color:inherit}}
    """
}

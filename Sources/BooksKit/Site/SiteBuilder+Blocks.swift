/// Report blocks laid out for the site: the same data as `HTMLRenderer`, with every id a
/// link to its page and the site's classes.
extension SiteBuilder {
  /// The blocks of a report, in order.
  func html(_ view: ReportView, from path: String, hint: LinkHint = .any) -> [String] {
    view.blocks.map { html($0, from: path, hint: hint) }
  }

  func html(_ block: Block, from path: String, hint: LinkHint = .any) -> String {
    let h = HTMLRenderer.escape
    switch block {
    case .metrics(let id, let title, let metrics):
      return "<section class=\"metrics\" id=\"\(h(id))\">"
        + (title.map { "<h2>\(h($0))</h2>" } ?? "") + tiles(metrics, from: path) + "</section>"
    case .table(let table):
      return "<section id=\"\(h(table.id))\">" + (table.title.map { "<h2>\(h($0))</h2>" } ?? "")
        + self.table(table, from: path) + "</section>"
    case .board(let board):
      return "<section id=\"\(h(board.id))\">" + (board.title.map { "<h2>\(h($0))</h2>" } ?? "")
        + self.board(board, from: path, hint: hint) + "</section>"
    case .calendar(let month):
      let events = month.events.map {
        SiteCalendarEvent(date: $0.date, time: $0.time, title: $0.title, target: nil)
      }
      return "<section class=\"calendar\">"
        + monthGrid(year: month.year, month: month.month, events: events, from: path)
        + "</section>"
    case .note(let text):
      return "<p class=\"note\">\(h(text))</p>"
    }
  }

  /// Labelled figures as tiles.
  func tiles(_ metrics: [Metric], from path: String) -> String {
    let items = metrics.map {
      "<div class=\"tile\"><dt>\(HTMLRenderer.escape($0.label))</dt>"
        + "<dd>\(cell($0.value, from: path))</dd></div>"
    }
    return "<dl class=\"tiles\">" + items.joined() + "</dl>"
  }

  /// One value; ids become links, negative money is marked.
  func cell(_ cell: Cell, from path: String, hint: LinkHint = .any) -> String {
    switch cell {
    case .id(let id):
      return link(id, from: path, hint: hint)
    case .money(let money) where money.isNegative:
      return "<span class=\"neg\">\(HTMLRenderer.escape(money.formatted()))</span>"
    default:
      return HTMLRenderer.escape(CellFormat.display(cell))
    }
  }

  func table(_ table: Table, from path: String) -> String {
    let all = table.rows + (table.footer.map { [$0] } ?? [])
    let numeric = table.columns.indices.map { index in
      all.contains { $0.indices.contains(index) && $0[index].isNumeric }
    }
    func hint(_ index: Int) -> LinkHint {
      guard table.columns.indices.contains(index) else { return .any }
      let id = table.columns[index].id
      if id.contains("invoice") || id == "number" { return .invoice }
      if id.contains("estimate") { return .estimate }
      return .any
    }
    func row(_ cells: [Cell]) -> String {
      "<tr>"
        + cells.enumerated().map { index, value in
          let cls = numeric.indices.contains(index) && numeric[index] ? " class=\"num\"" : ""
          return "<td\(cls)>\(cell(value, from: path, hint: hint(index)))</td>"
        }.joined() + "</tr>"
    }
    let head =
      "<thead><tr>"
      + table.columns.enumerated().map { index, column in
        let cls = numeric.indices.contains(index) && numeric[index] ? " class=\"num\"" : ""
        return "<th scope=\"col\"\(cls)>\(HTMLRenderer.escape(column.title))</th>"
      }.joined() + "</tr></thead>"
    let body =
      table.rows.isEmpty
      ? "<tbody><tr><td colspan=\"\(max(1, table.columns.count))\" class=\"none\">None</td></tr>"
        + "</tbody>"
      : "<tbody>" + table.rows.map(row).joined() + "</tbody>"
    let foot = table.rows.isEmpty ? "" : table.footer.map { "<tfoot>" + row($0) + "</tfoot>" } ?? ""
    return "<div class=\"scroll\"><table>" + head + body + foot + "</table></div>"
  }

  func board(_ board: Board, from path: String, hint: LinkHint) -> String {
    let h = HTMLRenderer.escape
    let lanes = board.lanes.map { lane -> String in
      let summary = lane.summary.map {
        "<span>\(h($0.label)) <b>\(cell($0.value, from: path))</b></span>"
      }.joined(separator: " ")
      let cards = lane.cards.map { card -> String in
        let fields = card.fields.filter { $0.value != .empty }.map {
          "<div><dt>\(h($0.label))</dt><dd>\(cell($0.value, from: path))</dd></div>"
        }.joined()
        let title: String
        if let target = target(of: card.id, hint: hint) {
          title = "<a href=\"\(href(target, from: path))\">\(h(card.title))</a>"
        } else {
          title = h(card.title)
        }
        let id = card.title == card.id ? "" : "<span class=\"id\">\(h(card.id))</span>"
        return "<li class=\"card\"><h4>\(title)</h4>\(id)"
          + (fields.isEmpty ? "" : "<dl>\(fields)</dl>") + "</li>"
      }.joined()
      return "<section class=\"lane lane-\(SitePaths.slug(lane.id))\"><h3>\(h(lane.title))"
        + " <span class=\"count\">\(lane.cards.count)</span></h3>"
        + (summary.isEmpty ? "" : "<p class=\"sum\">\(summary)</p>")
        + (cards.isEmpty ? "<p class=\"none\">None</p>" : "<ul class=\"cards\">\(cards)</ul>")
        + "</section>"
    }
    return "<div class=\"board\">" + lanes.joined() + "</div>"
  }

  /// A bar for a completion percentage (0–100 shown, more is capped), with its number.
  func progressBar(_ percent: DecimalNumber?, label: String) -> String {
    guard let percent else { return "<span class=\"none\">no target</span>" }
    let whole = Int((percent.rounded(toScale: 0) ?? DecimalNumber(0)).description) ?? 0
    let width = min(100, max(0, whole))
    let done = whole >= 100 ? " done" : ""
    return "<div class=\"progress\(done)\"><div class=\"track\" aria-hidden=\"true\">"
      + "<span style=\"width:\(width)%\"></span></div>"
      + "<span class=\"pct\">\(HTMLRenderer.escape(percent.description)) %</span>"
      + "<span class=\"visually-hidden\"> \(HTMLRenderer.escape(label))</span></div>"
  }
}

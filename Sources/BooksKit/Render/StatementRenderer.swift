/// Lays out a client statement as Markdown or as a print-ready HTML page, like the invoice
/// (`DocumentRenderer`): same page CSS, same party blocks, every string escaped.
public enum StatementRenderer {
  // MARK: Markdown

  public static func markdown(_ statement: Statement) -> String {
    let md = MarkdownRenderer.escape
    var out: [String] = ["# STATEMENT", ""]
    if let seller = statement.seller {
      out += DocumentRenderer.hardBreaks(
        DocumentRenderer.partyLines(seller, bold: { "**" + md($0) + "**" }, escape: md))
      out.append("")
    }
    out += ["| | |", "|---|---|"]
    for (label, value) in facts(statement) { out.append("| \(md(label)) | \(md(value)) |") }
    out.append("")
    out += ["## Client", ""]
    out += DocumentRenderer.hardBreaks(
      DocumentRenderer.partyLines(statement.buyer, bold: { "**" + md($0) + "**" }, escape: md))
    out += ["", "## Account activity", ""]
    out.append("| Date | Reference | Description | Debit | Credit | Balance |")
    out.append("|---|---|---|--:|--:|--:|")
    for line in statement.lines {
      let cells = cells(line).map(md)
      out.append("| " + cells.joined(separator: " | ") + " |")
    }
    out += ["", "| | |", "|---|--:|"]
    for money in statement.closing {
      let label = md("Amount due as of \(statement.asOf)")
      out.append("| **\(label)** | **\(md(money.formatted()))** |")
    }
    out += ["", "## Open invoices", ""]
    if statement.openInvoices.isEmpty {
      out.append("None.")
    } else {
      out.append("| Invoice | Date | Due date | Days overdue | Balance |")
      out.append("|---|---|---|--:|--:|")
      for open in statement.openInvoices {
        let cells = [
          open.number, open.date.description, open.dueDate.description,
          open.daysOverdue.description, open.balance.formatted(),
        ].map(md)
        out.append("| " + cells.joined(separator: " | ") + " |")
      }
    }
    if !statement.bank.isEmpty || statement.paymentLink != nil {
      out += ["", "## Payment details", ""]
      var lines = statement.bank.map(md)
      if let link = statement.paymentLink { lines.append("Pay online: " + md(link)) }
      out += DocumentRenderer.hardBreaks(lines)
    }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: HTML

  public static func html(_ statement: Statement) -> String {
    let h = HTMLRenderer.escape
    let title = "Statement \(statement.buyer.name) \(statement.asOf)"
    var body = DocumentRenderer.htmlHeader(
      seller: statement.seller, title: "Statement", facts: facts(statement))
    body.append("<section class=\"buyer\">")
    body.append("<h2>Client</h2>")
    body.append(
      "<p>"
        + DocumentRenderer.partyLines(
          statement.buyer, bold: { "<strong>" + h($0) + "</strong>" }, escape: h
        )
        .joined(separator: "<br>\n") + "</p>")
    body.append("</section>")
    body.append("<h2>Account activity</h2>")
    body.append("<table class=\"items\">")
    body.append(
      "<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Reference</th>"
        + "<th scope=\"col\">Description</th><th scope=\"col\" class=\"num\">Debit</th>"
        + "<th scope=\"col\" class=\"num\">Credit</th>"
        + "<th scope=\"col\" class=\"num\">Balance</th></tr></thead>")
    body.append("<tbody>")
    for line in statement.lines {
      let values = cells(line).map(h)
      var row = "<tr>"
      for (column, value) in values.enumerated() {
        row +=
          column >= 3
          ? "<td class=\"num\">\(value)</td>"
          : column < 2 ? "<td class=\"nowrap\">\(value)</td>" : "<td>\(value)</td>"
      }
      body.append(row + "</tr>")
    }
    body.append("</tbody>")
    body.append("</table>")
    body.append("<table class=\"totals\">")
    for money in statement.closing {
      body.append(
        "<tr class=\"strong\"><th scope=\"row\">\(h("Amount due as of \(statement.asOf)"))</th>"
          + "<td class=\"num\">\(h(money.formatted()))</td></tr>")
    }
    body.append("</table>")
    body.append("<section class=\"open\">")
    body.append("<h2>Open invoices</h2>")
    if statement.openInvoices.isEmpty {
      body.append("<p>None.</p>")
    } else {
      body.append("<table class=\"items\">")
      body.append(
        "<thead><tr><th scope=\"col\">Invoice</th><th scope=\"col\">Date</th>"
          + "<th scope=\"col\">Due date</th><th scope=\"col\" class=\"num\">Days overdue</th>"
          + "<th scope=\"col\" class=\"num\">Balance</th></tr></thead>")
      body.append("<tbody>")
      for open in statement.openInvoices {
        body.append(
          "<tr><td class=\"nowrap\">\(h(open.number))</td>"
            + "<td class=\"nowrap\">\(h(open.date.description))</td>"
            + "<td class=\"nowrap\">\(h(open.dueDate.description))</td>"
            + "<td class=\"num\">\(open.daysOverdue)</td>"
            + "<td class=\"num\">\(h(open.balance.formatted()))</td></tr>")
      }
      body.append("</tbody>")
      body.append("</table>")
    }
    body.append("</section>")
    body.append("<footer>")
    if !statement.bank.isEmpty || statement.paymentLink != nil {
      body.append("<section class=\"payment\">")
      body.append("<h2>Payment details</h2>")
      var lines = statement.bank.map(h)
      if let link = statement.paymentLink { lines.append("Pay online: " + h(link)) }
      body.append("<p>" + lines.joined(separator: "<br>\n") + "</p>")
      body.append("</section>")
    }
    body.append("</footer>")
    return DocumentRenderer.htmlPage(
      title: title, body: body,
      css: ".open { margin-top: 8mm; page-break-inside: avoid; break-inside: avoid; }\n"
        + ".open p { margin: 0; }")
  }

  // MARK: Shared layout

  /// The six cells of an activity line, unescaped.
  private static func cells(_ line: StatementLine) -> [String] {
    [
      line.date.description, line.reference, line.description,
      line.debit?.formatted() ?? "", line.credit.map { $0.formattedAsDeduction() } ?? "",
      line.balance.formatted(),
    ]
  }

  private static func facts(_ statement: Statement) -> [(String, String)] {
    var facts: [(String, String)] = [("Client", statement.clientID)]
    if let from = statement.from { facts.append(("From", from.description)) }
    facts.append(("As of", statement.asOf.description))
    return facts
  }
}

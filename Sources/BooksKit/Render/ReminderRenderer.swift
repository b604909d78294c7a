/// Lays out a payment reminder as Markdown or as a print-ready HTML page, with the same
/// escaping and page CSS as `DocumentRenderer`.
///
/// Every string from the books goes through the renderers' escape functions.
public enum ReminderRenderer {
  static let title = "Payment reminder"

  // MARK: Markdown

  public static func markdown(_ reminder: Reminder) -> String {
    let md = MarkdownRenderer.escape
    let invoice = reminder.invoice
    var out: [String] = ["# \(md(title.uppercased())) \(md(invoice.number))", ""]
    if let seller = invoice.seller {
      out += DocumentRenderer.hardBreaks(
        DocumentRenderer.partyLines(seller, bold: { "**" + md($0) + "**" }, escape: md))
      out.append("")
    }
    if let buyer = invoice.buyer {
      out += ["## To", ""]
      out += DocumentRenderer.hardBreaks(
        DocumentRenderer.partyLines(buyer, bold: { "**" + md($0) + "**" }, escape: md))
      out.append("")
    }
    out += [md(reminder.asOf.description), "", md(reminder.salutation), ""]
    for paragraph in reminder.paragraphs { out += [md(paragraph), ""] }
    out += ["| | |", "|---|--:|"]
    for row in reminder.facts {
      let label = md(row.label)
      let value = md(row.value)
      out.append(row.strong ? "| **\(label)** | **\(value)** |" : "| \(label) | \(value) |")
    }
    if let note = reminder.feeNote { out += ["", md(note)] }
    if reminder.situation == .overdue, !invoice.bank.isEmpty || invoice.paymentLink != nil {
      out += ["", "## Payment details", ""]
      var lines = invoice.bank.map(md)
      if let link = invoice.paymentLink { lines.append("Pay online: " + md(link)) }
      lines.append(md("Reference: " + invoice.number))
      out += DocumentRenderer.hardBreaks(lines)
    }
    out += ["", "Kind regards,"]
    if let seller = invoice.seller {
      out[out.count - 1] += "\\"
      out.append(md(seller.name))
    }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: HTML

  public static func html(_ reminder: Reminder) -> String {
    let h = HTMLRenderer.escape
    let invoice = reminder.invoice
    var body = DocumentRenderer.htmlHeader(
      seller: invoice.seller, title: title,
      facts: [("Invoice number", invoice.number), ("Date", reminder.asOf.description)])
    if let buyer = invoice.buyer {
      body.append("<section class=\"buyer\">")
      body.append("<h2>To</h2>")
      body.append(
        "<p>"
          + DocumentRenderer.partyLines(
            buyer, bold: { "<strong>" + h($0) + "</strong>" }, escape: h
          )
          .joined(separator: "<br>\n") + "</p>")
      body.append("</section>")
    }
    body.append("<section class=\"letter\">")
    body.append("<p>\(h(reminder.salutation))</p>")
    for paragraph in reminder.paragraphs { body.append("<p>\(h(paragraph))</p>") }
    body.append("</section>")
    body.append("<table class=\"totals\">")
    for row in reminder.facts {
      let cls = row.strong ? " class=\"strong\"" : ""
      body.append(
        "<tr\(cls)><th scope=\"row\">\(h(row.label))</th><td class=\"num\">\(h(row.value))</td></tr>"
      )
    }
    body.append("</table>")
    if let note = reminder.feeNote { body.append("<p class=\"note\">\(h(note))</p>") }
    body.append("<footer>")
    if reminder.situation == .overdue, !invoice.bank.isEmpty || invoice.paymentLink != nil {
      body.append("<section class=\"payment\">")
      body.append("<h2>Payment details</h2>")
      var lines = invoice.bank.map(h)
      if let link = invoice.paymentLink { lines.append("Pay online: " + h(link)) }
      lines.append(h("Reference: " + invoice.number))
      body.append("<p>" + lines.joined(separator: "<br>\n") + "</p>")
      body.append("</section>")
    }
    body.append("<section class=\"closing\">")
    body.append(
      "<p>Kind regards,"
        + (invoice.seller.map { "<br>\n" + h($0.name) } ?? "") + "</p>")
    body.append("</section>")
    body.append("</footer>")
    return DocumentRenderer.htmlPage(title: title + " " + invoice.number, body: body, css: css)
  }

  /// Rules for the letter, after `DocumentRenderer.css`.
  static let css = """
    .letter { margin: 0 0 8mm; max-width: 150mm; }
    .letter p { margin: 0 0 3mm; }
    .totals { margin-bottom: 4mm; }
    .note { font-size: 9pt; color: #666; margin: 0 0 4mm; }
    """
}

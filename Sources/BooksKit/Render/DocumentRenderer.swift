/// Lays out an invoice or estimate as Markdown or as a print-ready HTML page.
///
/// Every string from the books goes through the renderers' escape functions.
public enum DocumentRenderer {
  // MARK: Markdown

  public static func markdown(_ document: Document) -> String {
    let md = MarkdownRenderer.escape
    var out: [String] = ["# \(md(document.title.uppercased())) \(md(document.number))", ""]
    if isVoid(document) { out += ["**\(md(voidNotice))**", ""] }
    if let seller = document.seller {
      out += hardBreaks(partyLines(seller, bold: { "**" + md($0) + "**" }, escape: md))
      out.append("")
    }
    out += ["| | |", "|---|---|"]
    for (label, value) in facts(document) { out.append("| \(md(label)) | \(md(value)) |") }
    out.append("")
    if let buyer = document.buyer {
      out += ["## Bill to", ""]
      out += hardBreaks(partyLines(buyer, bold: { "**" + md($0) + "**" }, escape: md))
      out.append("")
    }
    out += ["## Items", ""]
    let withDiscount = document.lines.contains { $0.discount != nil }
    out.append(
      "| Description | Quantity | Unit price |" + (withDiscount ? " Discount |" : "") + " Amount |")
    out.append("|---|--:|--:|" + (withDiscount ? "--:|" : "") + "--:|")
    for line in document.lines {
      var cells = [
        md(line.description), md(line.quantity ?? ""), md(line.unitPrice?.formatted() ?? ""),
      ]
      if withDiscount { cells.append(md(line.discount.map { $0.formattedAsDeduction() } ?? "")) }
      cells.append(md(line.amount.formatted()))
      out.append("| " + cells.joined(separator: " | ") + " |")
    }
    out += ["", "| | |", "|---|--:|"]
    for row in totalRows(document) {
      let label = md(row.label)
      let value = md(row.value)
      out.append(row.strong ? "| **\(label)** | **\(value)** |" : "| \(label) | \(value) |")
    }
    if showsPayment(document) {
      out += ["", "## Payment details", ""]
      var lines = document.bank.map(md)
      if let link = document.paymentLink { lines.append("Pay online: " + md(link)) }
      out += hardBreaks(lines)
    }
    if !document.terms.isEmpty {
      out += ["", "## Terms", ""]
      out += hardBreaks(document.terms.map(md))
    }
    if !document.notes.isEmpty {
      out += ["", "## Notes", ""]
      out += hardBreaks(document.notes.map(md))
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Joins lines of one paragraph with Markdown hard breaks (a backslash at the line end).
  /// Each line starts a line of the output, so what would start a list or a heading there
  /// is escaped too.
  static func hardBreaks(_ lines: [String]) -> [String] {
    lines.enumerated().map { index, line in
      let start = MarkdownRenderer.escapingLineStart(line)
      return index < lines.count - 1 ? start + "\\" : start
    }
  }

  // MARK: HTML

  public static func html(_ document: Document) -> String {
    let h = HTMLRenderer.escape
    let title = "\(document.title) \(document.number)"
    var body = htmlHeader(seller: document.seller, title: document.title, facts: facts(document))
    body.append("<div class=\"parties\">")
    if let buyer = document.buyer {
      body.append("<section class=\"buyer\">")
      body.append("<h2>Bill to</h2>")
      body.append(
        "<p>"
          + partyLines(buyer, bold: { "<strong>" + h($0) + "</strong>" }, escape: h)
          .joined(separator: "<br>\n") + "</p>")
      body.append("</section>")
    }
    body += amountDue(document)
    body.append("</div>")
    let withDiscount = document.lines.contains { $0.discount != nil }
    body.append("<table class=\"items\">")
    body.append(
      "<thead><tr><th scope=\"col\">Description</th><th scope=\"col\" class=\"num\">Quantity</th>"
        + "<th scope=\"col\" class=\"num\">Unit price</th>"
        + (withDiscount ? "<th scope=\"col\" class=\"num\">Discount</th>" : "")
        + "<th scope=\"col\" class=\"num\">Amount</th></tr></thead>")
    body.append("<tbody>")
    for line in document.lines {
      var row = "<tr><td class=\"desc\">\(h(line.description))</td>"
      row += "<td class=\"num\">\(h(line.quantity ?? ""))</td>"
      row += "<td class=\"num\">\(h(line.unitPrice?.formatted() ?? ""))</td>"
      if withDiscount {
        row += "<td class=\"num\">\(h(line.discount.map { $0.formattedAsDeduction() } ?? ""))</td>"
      }
      row += "<td class=\"num\">\(h(line.amount.formatted()))</td></tr>"
      body.append(row)
    }
    body.append("</tbody>")
    body.append("</table>")
    body.append("<table class=\"totals\">")
    for row in totalRows(document) {
      let cls = row.strong ? " class=\"strong\"" : ""
      body.append(
        "<tr\(cls)><th scope=\"row\">\(h(row.label))</th><td class=\"num\">\(h(row.value))</td></tr>"
      )
    }
    body.append("</table>")
    body.append("<footer>")
    if showsPayment(document) {
      body.append("<section class=\"payment\">")
      body.append("<h2>Payment details</h2>")
      var lines = document.bank.map(h)
      if let link = document.paymentLink { lines.append("Pay online: " + h(link)) }
      body.append("<p>" + lines.joined(separator: "<br>\n") + "</p>")
      body.append("</section>")
    }
    if !document.terms.isEmpty {
      body.append("<section class=\"terms\">")
      body.append("<h2>Terms</h2>")
      body.append("<p>" + document.terms.map(h).joined(separator: "<br>\n") + "</p>")
      body.append("</section>")
    }
    if !document.notes.isEmpty {
      body.append("<section class=\"notes\">")
      body.append("<h2>Notes</h2>")
      body.append("<p>" + document.notes.map(h).joined(separator: "<br>\n") + "</p>")
      body.append("</section>")
    }
    body.append("</footer>")
    return htmlPage(
      title: title, body: body,
      css: "@page { @bottom-right { content: \(cssString(title + " \u{B7} page ")) counter(page)"
        + " \" of \" counter(pages); font: 8pt sans-serif; color: #666; } }")
  }

  /// The box beside the client's address that says what to pay and by when (invoices only).
  static func amountDue(_ document: Document) -> [String] {
    guard document.kind == .invoice else { return [] }
    let h = HTMLRenderer.escape
    if isVoid(document) {
      return [
        "<section class=\"due void\">", "<p class=\"amount\">VOID</p>",
        "<p>\(h(voidNotice))</p>", "</section>",
      ]
    }
    guard let balance = document.balance else { return [] }
    var lines = ["<section class=\"due\">"]
    let label = balance.isNegative ? "Credit in your favour" : "Balance due"
    lines.append("<h2>\(h(label))</h2>")
    let shown = balance.isNegative ? balance.negated : balance
    lines.append("<p class=\"amount\">\(h(shown.formatted()))</p>")
    if balance.isZero {
      lines.append("<p>Paid in full. Thank you!</p>")
    } else if !balance.isNegative, let due = document.dueDate {
      let when = due < document.asOf ? "Was due on" : "Please pay by"
      lines.append("<p>\(h(when)) \(h(due.description))</p>")
    }
    lines.append("</section>")
    return lines
  }

  static let voidNotice = "This invoice is void: nothing is due."

  static func isVoid(_ document: Document) -> Bool {
    document.kind == .invoice && document.status == InvoiceStanding.void.rawValue
  }

  /// Invoices that ask for money show how to pay it.
  static func showsPayment(_ document: Document) -> Bool {
    document.kind == .invoice && !isVoid(document)
      && (!document.bank.isEmpty || document.paymentLink != nil)
  }

  /// `text` as a CSS string literal, quotes and all.
  static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"", "\\": out += "\\" + String(scalar)
      case "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out += "\\" + String(scalar.value, radix: 16) + " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// The top of every document page: the seller's block, and the title with its facts.
  static func htmlHeader(seller: DocumentParty?, title: String, facts: [(String, String)])
    -> [String]
  {
    let h = HTMLRenderer.escape
    var lines = ["<header class=\"top\">", "<div class=\"seller\">"]
    if let seller {
      lines.append(
        partyLines(seller, bold: { "<strong class=\"name\">" + h($0) + "</strong>" }, escape: h)
          .joined(separator: "<br>\n"))
    }
    lines += ["</div>", "<div class=\"heading\">", "<h1>\(h(title.uppercased()))</h1>"]
    lines.append("<table class=\"facts\">")
    for (label, value) in facts {
      lines.append("<tr><th scope=\"row\">\(h(label))</th><td>\(h(value))</td></tr>")
    }
    lines += ["</table>", "</div>", "</header>"]
    return lines
  }

  /// A standalone A4 page around a document's body; `css` adds rules after the shared ones.
  static func htmlPage(title: String, body: [String], css extra: String? = nil) -> String {
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      + "<title>\(HTMLRenderer.escape(title))</title>\n<style>\n\(css)\n"
      + (extra.map { $0 + "\n" } ?? "")
      + "</style>\n</head>\n<body>\n<main class=\"document\">\n"
      + body.joined(separator: "\n") + "\n</main>\n</body>\n</html>\n"
  }

  /// Shared rules. No page size: the document fits A4 and Letter, whichever the printer has.
  static let css = """
    @page { margin: 15mm 16mm 16mm 16mm; }
    * { box-sizing: border-box; }
    html { color: #1d1d1f; background: #fff; }
    body { margin: 0; font: 10pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; }
    .document { max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
    @media print { .document { padding: 0; max-width: none; } }
    .top { display: flex; justify-content: space-between; align-items: flex-start; gap: 10mm; }
    .seller { flex: 1 1 auto; min-width: 0; font-size: 9pt; color: #444; overflow-wrap: anywhere; }
    .seller .name { display: block; font-size: 13pt; color: #1d1d1f; margin-bottom: 1mm; }
    .heading { flex: 0 1 auto; max-width: 60%; text-align: right; }
    h1 { margin: 0 0 3mm; font-size: 24pt; letter-spacing: 0.08em; font-weight: 300; }
    h2 { margin: 0 0 1.5mm; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.1em;
      color: #666; break-after: avoid; }
    table { border-collapse: collapse; }
    .facts { margin-left: auto; font-size: 9pt; }
    .facts th { text-align: right; font-weight: normal; color: #666; padding: 0.5mm 3mm 0.5mm 0;
      white-space: nowrap; vertical-align: top; }
    .facts td { text-align: right; padding: 0.5mm 0; font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere; }
    .parties { display: flex; justify-content: space-between; align-items: flex-start; gap: 10mm;
      margin: 8mm 0 7mm; }
    .buyer { margin: 8mm 0 7mm; overflow-wrap: anywhere; }
    .parties .buyer { flex: 1 1 auto; min-width: 0; margin: 0; }
    .buyer p { margin: 0; }
    .due { flex: 0 0 auto; min-width: 62mm; text-align: right; border: 1pt solid #1d1d1f;
      padding: 3mm 4mm; }
    .due p { margin: 0; }
    .due .amount { font-size: 18pt; font-weight: bold; white-space: nowrap;
      font-variant-numeric: tabular-nums; margin-bottom: 0.5mm; }
    .due.void .amount { letter-spacing: 0.1em; }
    .items { width: 100%; margin-bottom: 5mm; }
    .items thead { display: table-header-group; }
    .items th { text-align: left; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.06em;
      color: #666; border-bottom: 1.5pt solid #1d1d1f; padding: 1.5mm 2mm; }
    .items td { padding: 1.8mm 2mm; border-bottom: 0.5pt solid #ddd; vertical-align: top; }
    .items td.desc { overflow-wrap: anywhere; }
    .items tr { page-break-inside: avoid; break-inside: avoid; }
    .num { text-align: right !important; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .nowrap { white-space: nowrap; }
    .totals { margin-left: auto; min-width: 80mm; page-break-inside: avoid; break-inside: avoid; }
    .totals th { text-align: left; font-weight: normal; padding: 1mm 2mm; }
    .totals td { padding: 1mm 2mm; }
    .totals tr.strong th, .totals tr.strong td { font-weight: bold; border-top: 1pt solid #1d1d1f;
      font-size: 11pt; padding-top: 2mm; }
    footer { margin-top: 8mm; font-size: 9pt; display: grid; gap: 4mm 10mm;
      grid-template-columns: repeat(auto-fit, minmax(60mm, 1fr)); overflow-wrap: anywhere; }
    footer section { page-break-inside: avoid; break-inside: avoid; }
    footer p { margin: 0; }
    """

  // MARK: Shared layout

  /// The lines of a party block; `bold` formats the name, `escape` everything else.
  static func partyLines(
    _ party: DocumentParty, bold: (String) -> String, escape: (String) -> String
  ) -> [String] {
    var lines = [bold(party.name)]
    if let legal = party.legalName { lines.append(escape(legal)) }
    if let company = party.company { lines.append(escape(company)) }
    if let contact = party.contact { lines.append(escape("Attn: " + contact)) }
    lines += party.address.map(escape)
    if let taxID = party.taxID { lines.append(escape("Tax ID: " + taxID)) }
    if let email = party.email { lines.append(escape(email)) }
    if let phone = party.phone { lines.append(escape(phone)) }
    if let website = party.website { lines.append(escape(website)) }
    return lines
  }

  /// Number, dates and references, as label and value.
  private static func facts(_ document: Document) -> [(String, String)] {
    var facts: [(String, String)] = [
      ("\(document.title) number", document.number),
      ("Issue date", document.issueDate.description),
    ]
    if let due = document.dueDate { facts.append(("Due date", due.description)) }
    if let valid = document.validUntil { facts.append(("Valid until", valid.description)) }
    if let period = document.servicePeriod {
      facts.append(("Service period", "\(period.start) to \(period.end)"))
    }
    if let po = document.purchaseOrder { facts.append(("Purchase order", po)) }
    if let estimate = document.estimate { facts.append(("Estimate", estimate)) }
    if let project = document.project { facts.append(("Project", project)) }
    facts.append(("Status", document.status))
    return facts
  }

  private struct TotalRow {
    var label: String
    var value: String
    var strong = false
  }

  private static func totalRows(_ document: Document) -> [TotalRow] {
    var rows = [TotalRow(label: "Subtotal", value: document.subtotal.formatted())]
    if !document.discount.isZero {
      rows.append(TotalRow(label: "Discount", value: document.discount.formattedAsDeduction()))
    }
    for tax in document.taxes {
      let label =
        "\(tax.name) \(tax.rate) on \(tax.base.formatted())"
        + (document.taxInclusive ? " (included)" : "")
      rows.append(TotalRow(label: label, value: tax.amount.formatted()))
    }
    rows.append(TotalRow(label: "Total", value: document.total.formatted(), strong: true))
    if document.kind == .invoice {
      if let paid = document.paid, !paid.isZero {
        rows.append(TotalRow(label: "Paid", value: paid.formattedAsDeduction()))
      }
      if let credited = document.credited, !credited.isZero {
        rows.append(TotalRow(label: "Credited", value: credited.formattedAsDeduction()))
      }
      if let balance = document.balance, !isVoid(document) {
        rows.append(
          TotalRow(
            label: "Balance due as of \(document.asOf)", value: balance.formatted(), strong: true))
      }
    }
    return rows
  }
}

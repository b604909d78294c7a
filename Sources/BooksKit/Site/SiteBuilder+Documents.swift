/// The print-ready pages: each invoice and estimate as the client receives it, and each
/// client's statement, with a bar back into the site that does not print.
extension SiteBuilder {
  func documentPages() -> [SitePage] {
    var pages: [SitePage] = []
    for invoice in books.invoices where books.invoice(invoice.number) != nil {
      let path = SitePaths.invoice(invoice.number)
      let client = context.clientOf(client: invoice.client, project: invoice.project)
      let up = client.map { (name(of: $0), SitePaths.client($0)) }
      switch Document.invoice(invoice.number, in: books, asOf: asOf, ledger: context.ledger) {
      case .success(let document):
        pages.append(
          SitePage(
            path: path,
            html: printable(DocumentRenderer.html(document), path: path, up: up, section: .invoices)
          ))
      case .failure(let problem):
        pages.append(
          problemPage(path, "Invoice \(invoice.number)", problem.message, section: .invoices))
      }
    }
    for estimate in books.estimates where books.estimate(estimate.number) != nil {
      let path = SitePaths.estimate(estimate.number)
      let client = context.clientOf(client: estimate.client, project: estimate.project)
      let up = client.map { (name(of: $0), SitePaths.client($0)) }
      switch Document.estimate(estimate.number, in: books, asOf: asOf) {
      case .success(let document):
        pages.append(
          SitePage(
            path: path,
            html: printable(
              DocumentRenderer.html(document), path: path, up: up, section: .estimates)))
      case .failure(let problem):
        pages.append(
          problemPage(path, "Estimate \(estimate.number)", problem.message, section: .estimates))
      }
    }
    return pages
  }

  func problemPage(_ path: String, _ title: String, _ message: String, section: SiteSection)
    -> SitePage
  {
    page(
      path, title, section: section, crumbs: [(section.title, section.path)],
      body: ["<p class=\"note\">\(HTMLRenderer.escape(message))</p>"])
  }

  /// A standalone document page with a bar back to the site above it, hidden in print.
  func printable(
    _ document: String, path: String, up: (String, String)?, section: SiteSection = .clients
  ) -> String {
    let h = HTMLRenderer.escape
    var links = [
      "<a href=\"\(href(SitePaths.index, from: path))\">\(h(businessName))</a>",
      "<a href=\"\(href(section.path, from: path))\">\(h(section.title))</a>",
    ]
    if let up { links.append("<a href=\"\(href(up.1, from: path))\">\(h(up.0))</a>") }
    let bar =
      "<nav class=\"sitebar\" aria-label=\"Site\">"
      + links.joined(separator: " <span aria-hidden=\"true\">/</span> ")
      + "<span class=\"print-hint\">as of \(asOf) \u{B7} print this page for a PDF</span></nav>\n"
    let style =
      "<style>\n.sitebar { max-width: 178mm; margin: 0 auto; padding: 4mm 0 0; font: 10pt system-ui, sans-serif; "
      + "display: flex; flex-wrap: wrap; gap: 2mm; align-items: baseline; }\n"
      + ".sitebar a { color: #2456c7; }\n.sitebar .print-hint { margin-left: auto; color: #666; }\n"
      + "@media print { .sitebar { display: none; } }\n</style>\n</head>"
    var out = document
    if let head = Self.firstRange(of: "</head>", in: out) { out.replaceSubrange(head, with: style) }
    if let body = Self.firstRange(of: "<body>\n", in: out) {
      out.replaceSubrange(body, with: "<body>\n" + bar)
    }
    return out
  }

  /// Where `needle` first occurs in `text`, compared byte by byte (the markers are ASCII,
  /// so a match always falls on characters' boundaries): much quicker than a search by
  /// characters over a whole page.
  static func firstRange(of needle: String, in text: String) -> Range<String.Index>? {
    let wanted = Array(needle.utf8)
    guard !wanted.isEmpty, let found = BooksKit.firstIndex(of: wanted, in: text.utf8) else {
      return nil
    }
    return found..<text.utf8.index(found, offsetBy: wanted.count)
  }
}

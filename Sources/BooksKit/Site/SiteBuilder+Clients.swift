/// A page per client: details, figures, contacts, projects, invoices, payments, statement
/// and meetings.
extension SiteBuilder {
  func clientPages() -> [SitePage] {
    var pages: [SitePage] = []
    for client in books.clients where books.client(client.id) != nil {
      pages.append(clientPage(client))
      if case .success(let statement) = Statement.make(
        client: client.id, in: books, asOf: asOf, ledger: context.ledger)
      {
        pages.append(
          SitePage(
            path: SitePaths.statement(client.id),
            html: printable(
              StatementRenderer.html(statement), path: SitePaths.statement(client.id),
              up: (client.name, SitePaths.client(client.id)))))
      }
    }
    return pages
  }

  func clientPage(_ client: Client) -> SitePage {
    let path = SitePaths.client(client.id)
    let h = HTMLRenderer.escape
    var body: [String] = []
    if let fields = cardFields(ClientsReport.report, id: client.id) {
      body.append("<section class=\"metrics\">" + tiles(fields, from: path) + "</section>")
    }
    var details: [(String, String?)] = [
      ("Id", h(client.id)),
      ("Stage", client.stage.map { h(ToolsReportSupport.title($0.id)) }),
      ("Company", client.company.map(h)),
      ("Contact", client.contact.map(h)), ("Position", client.position.map(h)),
      ("Email", client.email.map { mailto($0) }), ("Phone", client.phone.map(h)),
      ("Website", client.website.map { external($0) }),
      (
        "Billing address",
        client.address.isEmpty ? nil : client.address.map(h).joined(separator: "<br>")
      ),
      ("Tax id", client.taxID.map(h)),
      ("Contract value", client.contract.map { h($0.formatted()) }),
      ("Currency", client.currency.map { h($0.code) }),
      ("Payment terms", client.termsDays.map { "\($0) days" }),
      ("Time rounded to", client.rounding.map { h($0.description) }),
      (
        "Staff",
        client.staff.isEmpty
          ? nil : client.staff.map { link($0.id, from: path) }.joined(separator: ", ")
      ),
      ("Notes", client.notes.isEmpty ? nil : client.notes.map(h).joined(separator: "<br>")),
    ]
    details.removeAll { $0.1 == nil }
    body.append("<section><h2>Details</h2>" + detailList(details) + "</section>")

    let contacts = books.contacts.filter { $0.client?.id == client.id }
    body.append(
      "<section><h2>Contacts</h2>"
        + simpleTable(
          ["Name", "Designation", "Email", "Phone"],
          contacts.map {
            [
              link($0.id, from: path), h($0.designation ?? ""), $0.email.map { mailto($0) } ?? "",
              h($0.phone ?? ""),
            ]
          })
        + "</section>")

    let projects = books.projects.filter { $0.client?.id == client.id }
    body.append(
      "<section><h2>Projects</h2>"
        + simpleTable(
          ["Project", "Status", "Priority", "Completion"],
          projects.map { project in
            let row = index.projectRows[project.id]
            return [
              link(project.id, from: path), h(ProjectsReport.title(project.status)),
              h(ToolsReportSupport.title(project.priority.rawValue)),
              progressBar(row?.completion, label: "complete"),
            ]
          })
        + "</section>")

    body.append(
      "<section><h2>Invoices</h2>" + invoiceTable(client: client.id, project: nil, from: path)
        + "</section>")
    body.append(
      "<section><h2>Estimates</h2>" + estimateTable(client: client.id, from: path) + "</section>")
    body.append(
      "<section><h2>Payments</h2>" + paymentTable(client: client.id, from: path) + "</section>")

    if case .success(let statement) = Statement.make(
      client: client.id, in: books, asOf: asOf, ledger: context.ledger)
    {
      let rows = statement.lines.map { line -> [String] in
        [
          h(line.date.description),
          link(
            line.reference, from: path, hint: line.kind == .invoice ? .invoice : .any,
            text: line.reference),
          h(line.description), h(line.debit?.formatted() ?? ""),
          h(line.credit.map { $0.formattedAsDeduction() } ?? ""), h(line.balance.formatted()),
        ]
      }
      let due = h(CellFormat.sum(statement.closing))
      body.append(
        "<section><h2>Statement</h2>"
          + simpleTable(
            ["Date", "Reference", "Description", "Debit", "Credit", "Balance"], rows,
            numeric: [3, 4, 5])
          + "<p class=\"more\">Amount due as of \(asOf): <b>\(due.isEmpty ? "nothing" : due)</b> \u{B7} "
          + anchor(SitePaths.statement(client.id), "Printable statement", from: path)
          + "</p></section>")
    }

    let contactIDs = Set(contacts.map(\.id))
    let meetings = meetingOrder.filter { index in
      books.meetings[index].with.contains { $0.id == client.id || contactIDs.contains($0.id) }
    }
    body.append("<section><h2>Meetings</h2>" + meetingList(meetings, from: path) + "</section>")

    let subtitle = [client.company, client.stage.map { ToolsReportSupport.title($0.id) }]
      .compactMap { $0 }.joined(separator: " \u{B7} ")
    return page(
      path, client.name, section: .clients, subtitle: subtitle.isEmpty ? nil : subtitle,
      crumbs: [("Clients", SiteSection.clients.path)], body: body)
  }

  /// The invoices of a client or a project, newest first.
  func invoiceTable(client: String?, project: String?, from path: String) -> String {
    let h = HTMLRenderer.escape
    var rows: [[String]] = []
    let candidates =
      client.map { self.index.invoicesByClient[$0] ?? [] }
      ?? project.map { self.index.invoicesByProject[$0] ?? [] } ?? Array(books.invoices.indices)
    for index in candidates.reversed() where books.invoices.indices.contains(index) {
      let invoice = books.invoices[index]
      let clientID = context.clientOf(client: invoice.client, project: invoice.project)
      if let client, clientID != client { continue }
      if let project, invoice.project?.id != project { continue }
      guard books.invoice(invoice.number) != nil else { continue }
      let state = self.index.ledgerPosition[index].flatMap {
        context.ledger.invoices.indices.contains($0) ? context.ledger.invoices[$0] : nil
      }
      let standing = state?.standing(invoice, asOf: asOf).rawValue ?? ""
      rows.append([
        link(invoice.number, from: path, hint: .invoice, text: invoice.number),
        h(invoice.date.description), h(state?.dueDate.description ?? ""),
        "<span class=\"badge \(h(standing))\">\(h(standing))</span>",
        h(state?.total?.formatted() ?? ""), h(state?.balance?.formatted() ?? ""),
      ])
    }
    return simpleTable(
      ["Invoice", "Date", "Due", "Standing", "Total", "Balance"], rows, numeric: [4, 5])
  }

  func estimateTable(client: String, from path: String) -> String {
    let h = HTMLRenderer.escape
    let rows = books.estimates.reversed().filter {
      context.clientOf(client: $0.client, project: $0.project) == client
        && books.estimate($0.number) != nil
    }.map { estimate -> [String] in
      [
        link(estimate.number, from: path, hint: .estimate, text: estimate.number),
        h(estimate.date.description), h(estimate.validUntil?.description ?? ""),
        "<span class=\"badge \(h(estimate.status.rawValue))\">\(h(estimate.status.rawValue))</span>",
      ]
    }
    return simpleTable(["Estimate", "Date", "Valid until", "Status"], rows)
  }

  /// Income from a client, newest first: received or expected, and the invoices it pays.
  func paymentTable(client: String, from path: String) -> String {
    let h = HTMLRenderer.escape
    let rows = books.incomes.reversed().filter {
      $0.date <= asOf && context.clientOf(client: $0.client, project: $0.project) == client
    }.map { income -> [String] in
      [
        h(income.date.description), h(income.description ?? ""),
        income.invoices.map { link($0.invoice.id, from: path, hint: .invoice, text: $0.invoice.id) }
          .joined(separator: ", "),
        income.via.map { h(ToolsReportSupport.title($0.id)) }
          ?? "<span class=\"badge sent\">expected</span>",
        h(income.amount.formatted()),
      ]
    }
    return simpleTable(
      ["Date", "Description", "Invoices", "Received", "Amount"], rows, numeric: [4])
  }

  /// Meetings as a list of links, by date.
  func meetingList(_ indices: [Int], from path: String) -> String {
    guard !indices.isEmpty else { return "<p class=\"none\">None</p>" }
    let h = HTMLRenderer.escape
    let items = indices.compactMap { index -> String? in
      guard books.meetings.indices.contains(index), let target = meetingPaths[index] else {
        return nil
      }
      let meeting = books.meetings[index]
      let time = meeting.start.map { " " + $0.description } ?? ""
      let upcoming = meeting.date >= asOf ? " class=\"upcoming\"" : ""
      return "<li\(upcoming)><time>\(h(meeting.date.description + time))</time> "
        + "<a href=\"\(href(target, from: path))\">\(h(meeting.title))</a></li>"
    }
    return "<ul class=\"meetings\">" + items.joined() + "</ul>"
  }

  /// The figures of one card of a report's board, for an entity's page.
  /// The figures of the card of `id` on the clients, projects or services board, as its
  /// own page shows them: the board narrowed to the card's own client or project, where
  /// the first card with that id (and, given a project, that project) is the page's.
  /// Worked out once for the whole board, as narrowing changes no card's figures (they are
  /// summed over the books; narrowing only leaves other cards out): one view per page made
  /// a site of 100,000 entries take minutes.
  func cardFields(_ report: Report, id: String, project: String? = nil) -> [Metric]? {
    let candidates = cards[report.name]?[id] ?? []
    guard let project else { return candidates.first?.fields }
    return candidates.first { $0.project == project }?.fields
  }

  /// A description list of label and (already escaped) value.
  func detailList(_ pairs: [(String, String?)]) -> String {
    let items = pairs.compactMap { label, value in
      value.map { "<div><dt>\(HTMLRenderer.escape(label))</dt><dd>\($0)</dd></div>" }
    }
    return "<dl class=\"details\">" + items.joined() + "</dl>"
  }

  /// A table of already escaped cells; `numeric` columns are right-aligned.
  func simpleTable(
    _ columns: [String], _ rows: [[String]], numeric: Set<Int> = [], footer: [String]? = nil
  ) -> String {
    func cls(_ index: Int) -> String { numeric.contains(index) ? " class=\"num\"" : "" }
    let head = columns.enumerated().map {
      "<th scope=\"col\"\(cls($0))>\(HTMLRenderer.escape($1))</th>"
    }.joined()
    guard !rows.isEmpty else {
      return "<p class=\"none\">None</p>"
    }
    let body = rows.map { row in
      "<tr>" + row.enumerated().map { "<td\(cls($0))>\($1)</td>" }.joined() + "</tr>"
    }.joined()
    let foot =
      footer.map { row in
        "<tfoot><tr>" + row.enumerated().map { "<td\(cls($0))>\($1)</td>" }.joined()
          + "</tr></tfoot>"
      } ?? ""
    return
      "<div class=\"scroll\"><table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody>\(foot)</table></div>"
  }

  /// A `mailto:` link.
  func mailto(_ address: String) -> String {
    let h = HTMLRenderer.escape
    return "<a href=\"mailto:\(h(address))\">\(h(address))</a>"
  }

  /// A link out of the site, for web addresses only; anything else stays text.
  func external(_ address: String) -> String {
    let h = HTMLRenderer.escape
    let lower = address.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return h(address) }
    return "<a href=\"\(h(address))\" rel=\"noopener noreferrer\">\(h(address))</a>"
  }
}

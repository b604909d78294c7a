/// The section pages: the overview, finance, the boards and lists of every kind of entity.
extension SiteBuilder {
  func sectionPages() -> [SitePage] {
    var pages: [SitePage] = [overviewPage(), financePage()]
    let plain: [(SiteSection, Report, LinkHint)] = [
      (.register, RegisterReport.report, .any),
      (.tax, TaxReport.report, .any),
      (.clients, ClientsReport.report, .any),
      (.projects, ProjectsReport.report, .any),
      (.services, ServicesReport.report, .any),
      (.invoices, InvoicesReport.report, .invoice),
      (.estimates, EstimatesReport.report, .estimate),
      (.aging, AgingReport.report, .any),
      (.unbilled, UnbilledReport.report, .any),
      (.workflow, WorkflowReport.report, .invoice),
      (.resources, ResourcesReport.report, .any),
      (.contacts, ContactsReport.report, .any),
    ]
    for (section, report, hint) in plain {
      let view = view(report)
      pages.append(
        page(
          section.path, section.title, section: section, subtitle: section.summary,
          body: html(view, from: section.path, hint: hint)))
    }
    if !books.staff.isEmpty {
      let path = SiteSection.staff.path
      pages.append(
        page(
          path, SiteSection.staff.title, section: .staff, subtitle: SiteSection.staff.summary,
          body: html(view(StaffReport.report), from: path)))
    }
    pages.append(goalsPage())
    return pages
  }

  func overviewPage() -> SitePage {
    let path = SitePaths.index
    let dashboard = view(DashboardReport.report)
    var body = html(dashboard, from: path)
    var groups: [String] = []
    for group in SiteSection.Group.allCases {
      let items = sections.filter { $0.group == group && $0 != .overview }.map { section in
        "<li><a href=\"\(section.path)\">\(HTMLRenderer.escape(section.title))</a>"
          + "<p>\(HTMLRenderer.escape(section.summary))</p></li>"
      }
      groups.append(
        "<section class=\"directory\"><h3>\(HTMLRenderer.escape(group.rawValue))</h3><ul>"
          + items.joined() + "</ul></section>")
    }
    body.append(
      "<section class=\"sections\"><h2>Everything in the books</h2><div class=\"directories\">"
        + groups.joined() + "</div></section>")
    return page(path, businessName, section: .overview, subtitle: dashboard.subtitle, body: body)
  }

  func financePage() -> SitePage {
    let path = SiteSection.finance.path
    let finance = FinanceReport(context)
    var body: [String] = []
    if let currency = finance.currency, !finance.months.isEmpty {
      let groups = finance.months.map { month in
        SVGChart.Group(
          label: shortMonth(month.month.month) + " " + String(month.month.year % 100),
          values: [whole(month.income.total(currency)), whole(month.expenses.total(currency))])
      }
      body.append(
        "<section class=\"chart-box\"><h2>By month</h2><div class=\"scroll\">"
          + SVGChart.bars(
            groups, series: ["Income", "Expenses"], unit: currency.code,
            title: "Income and expenses by month in \(currency.code)")
          + "</div></section>")
    }
    body += html(view(FinanceReport.report), from: path)
    body.append(
      "<p class=\"more\">Every entry: \(anchor(SiteSection.register.path, "the register", from: path)).</p>"
    )
    return page(
      path, SiteSection.finance.title, section: .finance, subtitle: SiteSection.finance.summary,
      body: body)
  }

  func goalsPage() -> SitePage {
    let path = SiteSection.goals.path
    let h = HTMLRenderer.escape
    let report = GoalsReport(context)
    var body: [String] = []
    for lane in report.lanes() where !lane.rows.isEmpty {
      let cards = lane.rows.map { row -> String in
        let target = row.target.map { " of " + $0.formatted(grouping: true) } ?? ""
        let unit = row.unit.map { " " + $0 } ?? ""
        return "<li class=\"goal\"><h3>\(link(row.id, from: path))</h3>"
          + progressBar(row.completion, label: "complete")
          + "<p class=\"figures\">\(h(row.current.formatted(grouping: true) + target + unit))</p>"
          + "</li>"
      }
      body.append(
        "<section><h2>\(h(lane.title))</h2><ul class=\"goals\">" + cards.joined()
          + "</ul></section>")
    }
    if body.isEmpty { body.append("<p class=\"note\">No goals yet.</p>") }
    return page(
      path, SiteSection.goals.title, section: .goals, subtitle: SiteSection.goals.summary,
      body: body)
  }

  /// Money in whole units of its currency, for drawing.
  func whole(_ money: Money) -> Int {
    Int((money.amount.rounded(toScale: 0) ?? DecimalNumber(0)).description) ?? 0
  }

  func shortMonth(_ month: Int) -> String {
    let names = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    return names.indices.contains(month - 1) ? names[month - 1] : String(month)
  }

  func longMonth(_ month: Int) -> String {
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    return names.indices.contains(month - 1) ? names[month - 1] : String(month)
  }
}

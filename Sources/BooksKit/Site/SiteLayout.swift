/// The sections of the site, in the order of the navigation bar, grouped as the seed's
/// workspace groups them: finance, clients, tools.
enum SiteSection: String, CaseIterable {
  case overview, finance, register, tax
  case clients, projects, services, invoices, estimates, aging, unbilled, workflow, staff
  case resources, contacts, goals, calendar

  var path: String { self == .overview ? SitePaths.index : rawValue + ".html" }

  var title: String {
    switch self {
    case .overview: "Overview"
    case .finance: "Income & expenses"
    case .register: "Register"
    case .tax: "Tax"
    case .clients: "Clients"
    case .projects: "Projects"
    case .services: "Services"
    case .invoices: "Invoices"
    case .estimates: "Estimates"
    case .aging: "Aging"
    case .unbilled: "Unbilled"
    case .workflow: "Workflow"
    case .staff: "Staff"
    case .resources: "Resources"
    case .contacts: "Contacts"
    case .goals: "Goals"
    case .calendar: "Calendar"
    }
  }

  /// What the section answers, for the landing page.
  var summary: String {
    switch self {
    case .overview: "The morning overview: this year's money, what is owed, what is next."
    case .finance: "Received income and expenses by month, by class, client and category."
    case .register: "Every income and expense in date order with a running balance."
    case .tax: "Tax collected on invoices and paid on expenses, per quarter."
    case .clients: "The pipeline from lead to client, with contract and invoiced amounts."
    case .projects: "Projects by priority, with completion and hours."
    case .services: "Services by status, with hours logged, billed and unbilled."
    case .invoices: "Invoices by standing, with totals; each one ready to print."
    case .estimates: "Estimates by standing, and the invoices they became."
    case .aging: "Who owes what, and for how long."
    case .unbilled: "Billable time and expenses not yet on an invoice."
    case .workflow: "Client income and the invoices it pays."
    case .staff: "Hours, amounts and costs per staff member; approvals waiting."
    case .resources: "Checklists, guides and tips, with their to-do lists."
    case .contacts: "The people you work with, by category."
    case .goals: "Goals and how far along each one is."
    case .calendar: "Meetings by month and by week."
    }
  }

  enum Group: String, CaseIterable {
    case finance = "Finance"
    case clients = "Clients"
    case tools = "Tools"
  }

  var group: Group {
    switch self {
    case .overview, .finance, .register, .tax: .finance
    case .clients, .projects, .services, .invoices, .estimates, .aging, .unbilled, .workflow,
      .staff:
      .clients
    case .resources, .contacts, .goals, .calendar: .tools
    }
  }
}

/// The frame of every page: the header with the navigation bar, the title, the footer.
enum SiteLayout {
  static func render(
    path: String, title: String, subtitle: String?, business: String, asOf: CalendarDate,
    current: SiteSection?, sections: [SiteSection], crumbs: [(String, String)], body: [String]
  ) -> String {
    let h = HTMLRenderer.escape
    let root = SitePaths.root(from: path)
    var nav: [String] = []
    for group in SiteSection.Group.allCases {
      let links = sections.filter { $0.group == group }.map { section in
        let here = section == current ? " aria-current=\"page\"" : ""
        return "<li><a href=\"\(root)\(section.path)\"\(here)>\(h(section.title))</a></li>"
      }
      nav.append(
        "<li class=\"group\"><span>\(h(group.rawValue))</span><ul>" + links.joined()
          + "</ul></li>")
    }
    var head: [String] = []
    if !crumbs.isEmpty {
      let trail = crumbs.map { "<a href=\"\(root)\($0.1)\">\(h($0.0))</a>" }
      head.append(
        "<p class=\"crumbs\">" + trail.joined(separator: " <span aria-hidden=\"true\">/</span> ")
          + "</p>")
    }
    head.append("<h1>\(h(title))</h1>")
    if let subtitle { head.append("<p class=\"sub\">\(h(subtitle))</p>") }
    let pageTitle = title == business ? business : "\(title) \u{B7} \(business)"
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <title>\(h(pageTitle))</title>
      <link rel="stylesheet" href="\(root)\(SitePaths.stylesheet)">
      </head>
      <body>
      <a class="skip" href="#main">Skip to content</a>
      <header class="site">
      <div class="brand"><a href="\(root)\(SitePaths.index)">\(h(business))</a><span class="asof">as of \(asOf)</span></div>
      <nav aria-label="Sections"><ul>\(nav.joined())</ul></nav>
      </header>
      <main id="main">
      <div class="head">\(head.joined())</div>
      \(body.joined(separator: "\n"))
      </main>
      <footer class="site"><p>As of \(asOf) \u{B7} made by books</p></footer>
      </body>
      </html>

      """
  }
}

/// A page per project, service, contact, staff member, resource and goal.
extension SiteBuilder {
  func projectPages() -> [SitePage] {
    var servicesByProject: [String: [Service]] = [:]
    for service in books.services {
      if let project = service.project?.id {
        servicesByProject[project, default: []].append(service)
      }
    }
    return books.projects.filter { books.project($0.id) != nil }.map { project in
      let path = SitePaths.project(project.id)
      let h = HTMLRenderer.escape
      let row = index.projectRows[project.id]
      var body: [String] = [
        "<section class=\"completion\"><h2>Completion</h2>"
          + progressBar(row?.completion, label: "complete")
          + (row.map {
            "<p class=\"more\">Measured by \(h(CellFormat.display(ProjectsReport.basisText($0.basis))))</p>"
          } ?? "")
          + "</section>"
      ]
      if let fields = cardFields(ProjectsReport.report, id: project.id) {
        body.append("<section class=\"metrics\">" + tiles(fields, from: path) + "</section>")
      }
      let details: [(String, String?)] = [
        ("Id", h(project.id)),
        ("Client", project.client.map { link($0.id, from: path) }),
        ("Status", h(ProjectsReport.title(project.status))),
        ("Priority", h(ToolsReportSupport.title(project.priority.rawValue))),
        ("Value", project.value.map { h($0.formatted()) }),
        ("Start", project.start.map { h($0.description) }),
        ("End", project.end.map { h($0.description) }),
        ("Estimated hours", project.estimate.map { h($0.description) }),
        ("Notes", project.notes.isEmpty ? nil : project.notes.map(h).joined(separator: "<br>")),
      ]
      body.append("<section><h2>Details</h2>" + detailList(details) + "</section>")
      if !project.milestones.isEmpty {
        body.append(
          "<section><h2>Milestones</h2>"
            + simpleTable(
              ["Milestone", "Due", "Amount"],
              project.milestones.map {
                [h($0.name), h($0.due?.description ?? ""), h($0.amount.formatted())]
              },
              numeric: [2])
            + "</section>")
      }
      let services = servicesByProject[project.id] ?? []
      body.append(
        "<section><h2>Services</h2>"
          + simpleTable(
            ["Service", "Status", "Pricing", "Rate"],
            services.map {
              [
                link($0.id, from: path), h(ProjectsReport.title($0.status)),
                h($0.pricing.map { ToolsReportSupport.title($0.id) } ?? ""),
                h($0.rate?.formatted() ?? ""),
              ]
            }, numeric: [3])
          + "</section>")
      let entries = (index.timeByProject[project.id] ?? []).map { books.timeEntries[$0] }
      body.append("<section><h2>Time</h2>" + timeTable(entries, from: path) + "</section>")
      body.append(
        "<section><h2>Invoices</h2>" + invoiceTable(client: nil, project: project.id, from: path)
          + "</section>")
      return page(
        path, project.name, section: .projects,
        subtitle: project.client.map { "Project for " + name(of: $0.id) },
        crumbs: [("Projects", SiteSection.projects.path)], body: body)
    }
  }

  /// Time entries, newest first, with their total.
  func timeTable(_ entries: [TimeEntry], from path: String) -> String {
    let h = HTMLRenderer.escape
    var total = TimeSpan(minutes: 0)
    let rows = entries.reversed().map { entry -> [String] in
      total = total.adding(entry.duration) ?? total
      return [
        h(entry.date.description), link(entry.target.id, from: path),
        entry.staff.map { link($0.id, from: path) } ?? "", h(entry.description ?? ""),
        entry.billable ? "" : "<span class=\"badge draft\">non-billable</span>",
        h(entry.duration.description),
      ]
    }
    return simpleTable(
      ["Date", "Work", "Staff", "Description", "", "Hours"], rows, numeric: [5],
      footer: ["Total", "", "", "", "", h(total.description)])
  }

  func servicePages() -> [SitePage] {
    books.services.filter { books.service($0.id) != nil }.map { service in
      let path = SitePaths.service(service.id)
      let h = HTMLRenderer.escape
      var body: [String] = []
      let project = service.project?.id
      if let fields = cardFields(ServicesReport.report, id: service.id, project: project) {
        body.append("<section class=\"metrics\">" + tiles(fields, from: path) + "</section>")
      }
      let details: [(String, String?)] = [
        ("Id", h(service.id)),
        ("Project", service.project.map { link($0.id, from: path) }),
        ("Client", project.flatMap { books.clientID(ofProject: $0) }.map { link($0, from: path) }),
        ("Status", h(ProjectsReport.title(service.status))),
        ("Pricing", service.pricing.map { h(ToolsReportSupport.title($0.id)) }),
        ("Rate", service.rate.map { h($0.formatted()) }),
        ("Duration", service.duration.map { h($0.description) }),
        ("Notes", service.notes.isEmpty ? nil : service.notes.map(h).joined(separator: "<br>")),
      ]
      body.append("<section><h2>Details</h2>" + detailList(details) + "</section>")
      let entries = (index.timeByTarget[service.id] ?? []).map { books.timeEntries[$0] }
      body.append("<section><h2>Time</h2>" + timeTable(entries, from: path) + "</section>")
      return page(
        path, service.name, section: .services,
        subtitle: service.project.map { "Service of " + name(of: $0.id) },
        crumbs: [("Services", SiteSection.services.path)], body: body)
    }
  }

  func contactPages() -> [SitePage] {
    books.contacts.filter { books.definition($0.id)?.kind == .contact }.map { contact in
      let path = SitePaths.contact(contact.id)
      let h = HTMLRenderer.escape
      let details: [(String, String?)] = [
        ("Id", h(contact.id)),
        ("Category", contact.category.map { h(ToolsReportSupport.title($0.id)) }),
        ("Designation", contact.designation.map(h)),
        ("Company", contact.company.map(h)),
        ("Client", contact.client.map { link($0.id, from: path) }),
        ("Email", contact.email.map { mailto($0) }),
        ("Phone", contact.phone.map(h)),
        (
          "Address",
          contact.address.isEmpty ? nil : contact.address.map(h).joined(separator: "<br>")
        ),
        ("Notes", contact.notes.isEmpty ? nil : contact.notes.map(h).joined(separator: "<br>")),
      ]
      let meetings = meetingOrder.filter {
        books.meetings[$0].with.contains { $0.id == contact.id }
      }
      let body = [
        "<section><h2>Details</h2>" + detailList(details) + "</section>",
        "<section><h2>Meetings</h2>" + meetingList(meetings, from: path) + "</section>",
      ]
      return page(
        path, contact.name, section: .contacts,
        subtitle: [contact.designation, contact.company].compactMap { $0 }.joined(separator: ", "),
        crumbs: [("Contacts", SiteSection.contacts.path)], body: body)
    }
  }

  func staffPages() -> [SitePage] {
    books.staff.filter { books.staffMember($0.id) != nil }.map { member in
      let path = SitePaths.staff(member.id)
      let h = HTMLRenderer.escape
      let details: [(String, String?)] = [
        ("Id", h(member.id)),
        ("Role", member.role.map(h)),
        ("Email", member.email.map { mailto($0) }),
        ("Billing rate", member.billingRate.map { h($0.formatted()) }),
        ("Cost rate", member.costRate.map { h($0.formatted()) }),
        (
          "Clients",
          member.clients.isEmpty
            ? nil : member.clients.map { link($0.id, from: path) }.joined(separator: ", ")
        ),
        ("May approve", member.mayApprove ? "yes" : nil),
      ]
      // Hours per project: a staff member's year is hundreds of entries.
      var hours: [String: TimeSpan] = [:]
      var order: [String] = []
      for entry in books.timeEntries where entry.staff?.id == member.id && entry.date <= asOf {
        let project = books.projectID(ofTimeTarget: entry.target.id) ?? entry.target.id
        if hours[project] == nil { order.append(project) }
        hours[project] = (hours[project] ?? TimeSpan(minutes: 0)).adding(entry.duration)
      }
      let rows = order.sorted().map { [link($0, from: path), h(hours[$0]?.description ?? "")] }
      let meetings = meetingOrder.filter { books.meetings[$0].with.contains { $0.id == member.id } }
      let body = [
        "<section><h2>Details</h2>" + detailList(details) + "</section>",
        "<section><h2>Hours by project</h2>"
          + simpleTable(["Project", "Hours"], rows, numeric: [1]) + "</section>",
        "<section><h2>Meetings</h2>" + meetingList(meetings, from: path) + "</section>",
      ]
      return page(
        path, member.name, section: .staff, subtitle: member.role,
        crumbs: [("Staff", SiteSection.staff.path)], body: body)
    }
  }

  func resourcePages() -> [SitePage] {
    books.resources.filter { books.definition($0.id)?.kind == .resource }.map { resource in
      let path = SitePaths.resource(resource.id)
      let h = HTMLRenderer.escape
      let done = resource.todos.filter(\.done).count
      let details: [(String, String?)] = [
        ("Id", h(resource.id)),
        ("Kind", resource.kind.map { h(ToolsReportSupport.title($0.id)) }),
        (
          "Topics",
          resource.topics.isEmpty
            ? nil
            : resource.topics.map { h(ToolsReportSupport.title($0.id)) }.joined(separator: ", ")
        ),
        (
          "Links",
          resource.links.isEmpty
            ? nil : resource.links.map { external($0) }.joined(separator: "<br>")
        ),
        ("Notes", resource.notes.isEmpty ? nil : resource.notes.map(h).joined(separator: "<br>")),
      ]
      var body = ["<section><h2>Details</h2>" + detailList(details) + "</section>"]
      if !resource.todos.isEmpty {
        let items = resource.todos.map { todo in
          "<li class=\"\(todo.done ? "done" : "open")\"><span class=\"box\" aria-hidden=\"true\">"
            + (todo.done ? "\u{2713}" : "") + "</span><span class=\"visually-hidden\">"
            + (todo.done ? "done: " : "to do: ") + "</span>\(h(todo.text))</li>"
        }
        body.append(
          "<section><h2>To do <span class=\"count\">\(done)/\(resource.todos.count)</span></h2>"
            + "<ul class=\"todo\">" + items.joined() + "</ul></section>")
      }
      return page(
        path, resource.title, section: .resources,
        subtitle: resource.kind.map { ToolsReportSupport.title($0.id) },
        crumbs: [("Resources", SiteSection.resources.path)], body: body)
    }
  }

  func goalPages() -> [SitePage] {
    let rows = GoalsReport(context).rows
    return books.goals.filter { books.definition($0.id)?.kind == .goal }.map { goal in
      let path = SitePaths.goal(goal.id)
      let h = HTMLRenderer.escape
      let row = rows.first { $0.id == goal.id }
      let details: [(String, String?)] = [
        ("Id", h(goal.id)),
        ("Category", goal.category.map { h(ToolsReportSupport.title($0.id)) }),
        (
          "Target",
          goal.target.map { h($0.formatted(grouping: true) + (goal.unit.map { " " + $0 } ?? "")) }
        ),
        (
          "Now",
          row.map { h($0.current.formatted(grouping: true) + (goal.unit.map { " " + $0 } ?? "")) }
        ),
        ("Measured", goal.metric.map { h(GoalsReport.measured($0)) }),
        ("Notes", goal.notes.isEmpty ? nil : goal.notes.map(h).joined(separator: "<br>")),
      ]
      var body = [
        "<section class=\"completion\"><h2>Progress</h2>"
          + progressBar(row?.completion, label: "complete")
          + "</section>",
        "<section><h2>Details</h2>" + detailList(details) + "</section>",
      ]
      if !goal.progress.isEmpty {
        body.append(
          "<section><h2>Progress entries</h2>"
            + simpleTable(
              ["Date", "Value"],
              goal.progress.filter { $0.date <= asOf }.reversed().map {
                [h($0.date.description), h($0.value.formatted(grouping: true))]
              }, numeric: [1])
            + "</section>")
      }
      return page(
        path, goal.title, section: .goals,
        subtitle: goal.category.map { ToolsReportSupport.title($0.id) },
        crumbs: [("Goals", SiteSection.goals.path)], body: body)
    }
  }
}

extension Drafter {
  // MARK: Estimates

  /// An estimate for `client` from a list of services (and milestones), valid until
  /// `validUntil` (default: 30 days after its date).
  public func estimate(
    client: String, project: String?, date: CalendarDate, validUntil: CalendarDate?,
    number: String?, extras: Extras
  ) -> Result<Draft, DraftProblem> {
    if case .failure(let problem) = validateParty(client: client, project: project) {
      return .failure(problem)
    }
    guard !extras.isEmpty else {
      return .failure(
        DraftProblem("name what the estimate offers: --service ID[=QUANTITY]...", usage: true))
    }
    let items: [String]
    switch extraItems(extras, project: project) {
    case .success(let lines): items = lines
    case .failure(let problem): return .failure(problem)
    }
    // The project of the services, when they share one and none is given.
    let projects = Set(extras.services.compactMap { books.projectID(ofService: $0.id) })
    let project = project ?? (projects.count == 1 ? projects.first : nil)
    let number = number ?? DocumentNumbers.next(.estimate, in: books, date: date, client: client)
    var lines = ["\(date) estimate \(number) \(client)"]
    if let project { lines.append("  project \(project)") }
    lines.append("  status draft")
    if let until = validUntil ?? date.adding(days: 30) { lines.append("  valid-until \(until)") }
    lines += items
    var notes: [String] = []
    let (taxLines, taxNote) = taxes(client: client)
    lines += taxLines
    if let taxNote { notes.append(taxNote) }
    return .success(Draft(number: number, lines: lines, notes: notes))
  }

  // MARK: Recurring invoices

  /// The next invoice of the recurring template `id`: for its oldest period up to `today`
  /// with no invoice yet, else for the period after the last one issued. Dated the
  /// period's last day unless `date` is given. With `includes` and `overage`, the project's
  /// unbilled time in the period beyond the included hours is billed as overage.
  public func recurringInvoice(
    _ id: String, date: CalendarDate?, today: CalendarDate, number: String?
  ) -> Result<Draft, DraftProblem> {
    guard let template = books.recurringInvoice(id) else {
      let hint =
        Suggestion.closest(to: id, in: books.recurringInvoices.map(\.id)).map {
          " (did you mean `\($0)`?)"
        } ?? ""
      return .failure(DraftProblem("unknown recurring invoice `\(id)`\(hint)", usage: true))
    }
    guard let client = template.client?.id, let every = template.every,
      let start = template.start
    else {
      return .failure(DraftProblem("recurring invoice `\(id)` needs `client`, `every` and `start`"))
    }
    let issued = books.invoices.filter { $0.recurring?.id == id && $0.status != .void }
    var period: DatePeriod?
    var index = 0
    while let candidate = every.period(index, from: start), index < 100_000 {
      if let end = template.end, candidate.start > end { break }
      if !issued.contains(where: { $0.issues(candidate) }) {
        period = candidate
        break
      }
      index += 1
    }
    guard let period else {
      return .failure(
        DraftProblem(
          "every period of `\(id)` is invoiced"
            + (template.end.map { "; it ends on \($0)" } ?? "")))
    }
    let date = date ?? period.end
    let number = number ?? DocumentNumbers.next(.invoice, in: books, date: date, client: client)
    var lines = ["\(date) invoice \(number) \(client)"]
    if let project = template.project { lines.append("  project \(project.id)") }
    lines.append("  status draft")
    lines.append("  recurring \(id)")
    lines.append("  period \(period.start) through \(period.end)")
    if let currency = template.currency { lines.append("  currency \(currency.code)") }
    if let days = template.termsDays { lines.append("  terms \(days) days") }
    var notes: [String] = []
    var overageLines: [String] = []
    if let project = template.project?.id, template.includes != nil || template.overage != nil {
      // Billed time (each entry rounded up to the client's increment), and as logged.
      var worked = TimeSpan.zero
      var logged = TimeSpan.zero
      for (index, entry) in books.timeEntries.enumerated() {
        guard entry.billable, period.start <= entry.date, entry.date <= period.end,
          billing.project(of: entry) == project, !billing.isBilled(timeEntry: index)
        else { continue }
        worked = worked.plus(billing.billed(entry))
        logged = logged.plus(entry.duration)
      }
      if worked > .zero {
        lines.append("  bills \(project) from \(period.start) through \(period.end)")
        let included = template.includes ?? .zero
        let beyond = TimeSpan(minutes: worked.minutes - included.minutes)
        if beyond > .zero, let rate = template.overage {
          overageLines.append(
            EntryText.item(
              LineItem(
                description: (included == .zero
                  ? "Time worked, " : "Time beyond the \(included) included, ")
                  + EntryText.span(period.start, period.end),
                quantity: .time(beyond), unit: "h", rate: rate,
                range: SourceRange(file: 0, start: 0, end: 0))))
        }
        notes.append(
          "\(logged) of `\(project)` logged in the period"
            + (logged == worked ? "" : ", \(worked) once each entry is rounded up")
            + (included == .zero ? "" : "; \(included) included"))
      }
    }
    lines += template.items.map(EntryText.item) + overageLines
    lines += template.discounts.map { "  discount " + EntryText.discount($0.value) }
    if !template.taxes.isEmpty {
      lines.append("  tax " + template.taxes.map(\.id).joined(separator: " "))
    }
    if template.taxInclusive { lines.append("  tax-inclusive") }
    lines += template.terms.map { "  terms " + StringLiteral.quote($0) }
    lines += template.notes.map { "  note " + StringLiteral.quote($0) }
    if period.end > today {
      notes.append("the period \(period.start) to \(period.end) has not ended yet")
    }
    return .success(Draft(number: number, lines: lines, notes: notes))
  }
}

extension Drafter {
  // MARK: Invoices from estimates

  /// An invoice for an accepted estimate: its items, discounts and taxes, referring to
  /// it, and to the client's purchase order that answers it (when exactly one does).
  public func invoice(
    fromEstimate number: String, date: CalendarDate, invoiceNumber: String?
  ) -> Result<Draft, DraftProblem> {
    guard let estimate = books.estimate(number) else {
      let hint =
        Suggestion.closest(to: number, in: books.estimates.map(\.number)).map {
          " (did you mean `\($0)`?)"
        } ?? ""
      return .failure(DraftProblem("unknown estimate `\(number)`\(hint)", usage: true))
    }
    guard let client = estimate.client?.id else {
      return .failure(DraftProblem("estimate `\(number)` names no client"))
    }
    if estimate.status == .declined {
      return .failure(DraftProblem("estimate `\(number)` was declined"))
    }
    var notes: [String] = []
    if estimate.status != .accepted {
      notes.append("estimate \(number) is \(estimate.status.rawValue), not accepted")
    }
    let earlier = books.invoices.filter { $0.estimate?.id == number && $0.status != .void }
    if !earlier.isEmpty {
      notes.append(
        "estimate \(number) is already invoiced by "
          + earlier.map(\.number).joined(separator: ", "))
    }
    let orders = books.purchaseOrders.filter {
      $0.estimate?.id == number && $0.client?.id == client
    }
    let invoiceNumber =
      invoiceNumber ?? DocumentNumbers.next(.invoice, in: books, date: date, client: client)
    var lines = ["\(date) invoice \(invoiceNumber) \(client)"]
    if let project = estimate.project { lines.append("  project \(project.id)") }
    lines.append("  status draft")
    lines.append("  estimate \(number)")
    if orders.count == 1, let order = orders.first { lines.append("  po \(order.number)") }
    if let currency = estimate.currency { lines.append("  currency \(currency.code)") }
    lines += estimate.items.map(EntryText.item)
    lines += estimate.discounts.map { "  discount " + EntryText.discount($0.value) }
    if !estimate.taxes.isEmpty {
      lines.append("  tax " + estimate.taxes.map(\.id).joined(separator: " "))
    }
    if estimate.taxInclusive { lines.append("  tax-inclusive") }
    return .success(Draft(number: invoiceNumber, lines: lines, notes: notes))
  }
}

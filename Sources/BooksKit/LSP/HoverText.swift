/// The Markdown a hover shows: what an id, number or word names, with the values derived
/// from the books (an invoice's balance, a client's share of its contract, a project's
/// completion), computed exactly as the reports compute them.
struct HoverText {
  let analysis: Analysis
  let today: CalendarDate

  private var books: Books { analysis.books }

  func lines(_ symbol: Symbol) -> [String] {
    switch symbol {
    case .id(let id): definitionLines(id)
    case .document(let kind, let number): documentLines(kind, number)
    case .word(let kind, let word): wordLines(kind, word)
    }
  }

  private func money(_ value: Money?) -> String { value?.formatted() ?? "—" }

  /// User text in the hover's Markdown: names, titles and labels cannot format or link.
  private func text(_ value: String) -> String { MarkdownRenderer.escape(value) }

  /// An id, number or word as a code span, long enough for the backticks inside it.
  /// Backticks are counted as Markdown sees them, by scalar (a backtick with a combining
  /// mark is still one); control characters become U+FFFD, as in `MarkdownRenderer`.
  private func code(_ value: String) -> String { Self.codeSpan(value) }

  static func codeSpan(_ value: String) -> String {
    var longest = 0
    var run = 0
    var scalars = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      run = scalar == "`" ? run + 1 : 0
      longest = max(longest, run)
      scalars.append(scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let pad = longest > 0 ? " " : ""
    return fence + pad + String(scalars) + pad + fence
  }

  private func definitionLines(_ id: String) -> [String] {
    guard let definition = books.definition(id) else { return ["unknown id \(code(id))"] }
    let index = definition.index
    switch definition.kind {
    case .client:
      guard books.clients.indices.contains(index) else { return [] }
      let client = books.clients[index]
      var lines = ["**client** \(code(id)) — \(text(client.name))", ""]
      if let stage = client.stage { lines.append("- stage: \(text(stage.id))") }
      let summary = ClientSummary.all(books, analysis.ledger).first { $0.clientID == id }
      lines.append("- invoiced (before tax): \(money(summary?.invoiced))")
      if let contract = client.contract {
        let percent = summary?.contractInvoicedPercent.map { "\($0)%" } ?? "—"
        lines.append("- contract: \(contract.formatted()), \(percent) invoiced")
      }
      lines.append("- paid: \(money(summary?.paid))")
      lines.append("- outstanding: \(money(summary?.outstanding))")
      return lines
    case .project:
      guard books.projects.indices.contains(index) else { return [] }
      let project = books.projects[index]
      var lines = ["**project** \(code(id)) — \(text(project.name))", ""]
      if let client = project.client { lines.append("- client: \(code(client.id))") }
      lines.append("- status: \(project.status.rawValue), priority \(project.priority.rawValue)")
      let progress = ProjectProgress.all(books, analysis.ledger).first { $0.projectID == id }
      if let progress {
        let completion = progress.completion.map { "\($0)%" } ?? "unknown"
        let basis =
          switch progress.basis {
          case .hours: " (by hours)"
          case .invoicing: " (by invoicing)"
          case .none: " (no estimate or value)"
          }
        lines.append("- completion: \(completion)\(basis)")
        let estimate = progress.estimate.map { " of \($0)" } ?? ""
        lines.append("- hours: \(progress.actual)\(estimate)")
        if let value = progress.value {
          lines.append("- invoiced: \(money(progress.invoiced)) of \(value.formatted())")
        }
      }
      return lines
    case .service:
      guard books.services.indices.contains(index) else { return [] }
      let service = books.services[index]
      var lines = ["**service** \(code(id)) — \(text(service.name))", ""]
      if let project = service.project { lines.append("- project: \(code(project.id))") }
      if let pricing = service.pricing { lines.append("- pricing: \(text(pricing.id))") }
      if let rate = service.rate { lines.append("- rate: \(rate.formatted())") }
      lines.append("- status: \(service.status.rawValue)")
      return lines
    case .staff:
      guard books.staff.indices.contains(index) else { return [] }
      let member = books.staff[index]
      var lines = ["**staff** \(code(id)) — \(text(member.name))", ""]
      if let role = member.role { lines.append("- role: \(text(role))") }
      if let rate = member.billingRate { lines.append("- rate: \(rate.formatted())") }
      lines.append("- may approve: \(member.mayApprove ? "yes" : "no")")
      return lines
    case .tax:
      guard books.taxes.indices.contains(index) else { return [] }
      let tax = books.taxes[index]
      return ["**tax** \(code(id)) — \(text(tax.name)), \(tax.rate)"]
    case .contact:
      guard books.contacts.indices.contains(index) else { return [] }
      let contact = books.contacts[index]
      var lines = ["**contact** \(code(id)) — \(text(contact.name))"]
      if let client = contact.client { lines += ["", "- client: \(code(client.id))"] }
      return lines
    case .resource:
      guard books.resources.indices.contains(index) else { return [] }
      return ["**resource** \(code(id)) — \(text(books.resources[index].title))"]
    case .goal:
      guard books.goals.indices.contains(index) else { return [] }
      return ["**goal** \(code(id)) — \(text(books.goals[index].title))"]
    case .recurring:
      guard books.recurringInvoices.indices.contains(index) else { return [] }
      let template = books.recurringInvoices[index]
      var lines = ["**recurring invoice** \(code(id)) — \(text(template.name))"]
      if let client = template.client { lines += ["", "- client: \(code(client.id))"] }
      return lines
    }
  }

  private func documentLines(_ kind: DocumentKind, _ number: String) -> [String] {
    guard let index = books.documents[kind]?[number] else {
      return ["unknown \(kind.noun) \(code(number))"]
    }
    switch kind {
    case .invoice:
      guard books.invoices.indices.contains(index),
        analysis.ledger.invoices.indices.contains(index)
      else { return [] }
      let invoice = books.invoices[index]
      let state = analysis.ledger.invoices[index]
      var lines = ["**invoice** \(code(number)) of \(invoice.date)", ""]
      if let client = invoice.client { lines.append("- client: \(code(client.id))") }
      lines.append("- standing: \(state.standing(invoice, asOf: today).rawValue)")
      lines.append("- total: \(money(state.total))")
      if let credited = state.credited, !credited.isZero {
        lines.append("- credited: \(credited.formatted())")
      }
      lines.append("- paid: \(money(state.paid))")
      lines.append("- balance: \(money(state.balance))")
      lines.append("- due: \(state.dueDate)")
      lines.append("- days overdue: \(state.daysOverdue(invoice, asOf: today)) (as of \(today))")
      return lines
    case .estimate:
      guard books.estimates.indices.contains(index) else { return [] }
      let estimate = books.estimates[index]
      var lines = ["**estimate** \(code(number)) of \(estimate.date)", ""]
      if let client = estimate.client { lines.append("- client: \(code(client.id))") }
      lines.append("- status: \(estimate.status.rawValue)")
      if let currency = estimate.currency ?? estimate.client.flatMap({
        books.currency(ofClient: $0.id)
      }) ?? books.defaultCurrency,
        case .success(let totals) = DocumentMath.totals(
          items: estimate.items, discounts: estimate.discounts, defaultTaxes: estimate.taxes,
          inclusive: estimate.taxInclusive, currency: currency, taxes: { books.tax($0) })
      {
        lines.append("- total: \(totals.total.formatted())")
      }
      return lines
    case .purchaseOrder:
      guard books.purchaseOrders.indices.contains(index) else { return [] }
      let order = books.purchaseOrders[index]
      var lines = ["**purchase order** \(code(number)) of \(order.date)", ""]
      if let client = order.client { lines.append("- client: \(code(client.id))") }
      if let limit = order.limit { lines.append("- limit: \(limit.formatted())") }
      return lines
    case .creditNote:
      guard books.creditNotes.indices.contains(index) else { return [] }
      let credit = books.creditNotes[index]
      var lines = ["**credit note** \(code(number)) of \(credit.date)"]
      if let invoice = credit.invoice { lines += ["", "- invoice: \(code(invoice.id))"] }
      return lines
    }
  }

  private func wordLines(_ kind: VocabularyKind, _ word: String) -> [String] {
    if let declared = books.vocabulary.declaration(kind, word) {
      return ["**\(kind.noun)** \(code(word))" + (declared.label.map { " — \(text($0))" } ?? "")]
    }
    if kind.builtIns.contains(word) { return ["**\(kind.noun)** \(code(word)) (built in)"] }
    return ["**\(kind.noun)** \(code(word))"]
  }
}

/// A share as a percentage with one decimal, rounded half away from zero: `part ÷ whole × 100`.
public func percentage(_ part: DecimalNumber, of whole: DecimalNumber) -> DecimalNumber? {
  guard !whole.isZero, let scaled = part.multiplied(by: DecimalNumber(100)) else { return nil }
  return scaled.divided(by: whole, scale: 1)
}

/// What a client has been invoiced and paid, against its contract.
public struct ClientSummary: Sendable {
  public var clientID: String
  public var currency: Currency?
  /// Σ amounts before tax, less credit notes, of the client's invoices that are neither
  /// draft nor void, in its currency: contract values are agreed before tax, so they are
  /// compared before tax.
  public var invoiced: Money?
  /// `invoiced ÷ contract × 100`, one decimal.
  public var contractInvoicedPercent: DecimalNumber?
  /// Σ received payments on those invoices.
  public var paid: Money?
  /// Σ balances due on those invoices.
  public var outstanding: Money?

  /// Summaries of every client, in file order.
  ///
  /// `counts` says which invoice dates count, so a report can leave out invoices issued
  /// after its as-of day or outside its period; `project` keeps one project's invoices.
  /// By default every invoice counts.
  public static func all(
    _ books: Books, _ ledger: InvoiceLedger,
    counting counts: (CalendarDate) -> Bool = { _ in true },
    project: String? = nil
  ) -> [ClientSummary] {
    var byClient: [String: [InvoiceState]] = [:]
    for (invoice, state) in zip(books.invoices, ledger.invoices) {
      guard let client = invoice.client?.id, invoice.status != .draft, invoice.status != .void,
        counts(invoice.date), project.map({ $0 == invoice.project?.id }) ?? true
      else { continue }
      byClient[client, default: []].append(state)
    }
    return books.clients.map { client in
      let currency = client.currency ?? books.defaultCurrency
      var summary = ClientSummary(clientID: client.id, currency: currency)
      guard let currency else { return summary }
      let states = (byClient[client.id] ?? []).filter { $0.currency == currency }
      summary.invoiced = sum(states.compactMap(\.netInvoiced), currency)
      summary.paid = sum(states.compactMap(\.paid), currency)
      summary.outstanding = sum(states.compactMap(\.balance).filter { !$0.isNegative }, currency)
      if let contract = client.contract, contract.currency == currency,
        let invoiced = summary.invoiced
      {
        summary.contractInvoicedPercent = percentage(invoiced.amount, of: contract.amount)
      }
      return summary
    }
  }
}

/// How far along a project is, and how that was measured.
public struct ProjectProgress: Sendable {
  public enum Basis: String, Sendable {
    /// Actual hours ÷ estimated hours.
    case hours
    /// Invoiced ÷ project value.
    case invoicing
    /// Neither an estimate nor a value: completion is unknown.
    case none
  }

  public var projectID: String
  /// Σ time entries on the project and on its services.
  public var actual: TimeSpan
  public var estimate: TimeSpan?
  /// Σ amounts before tax, less credit notes, of non-draft, non-void invoices naming the
  /// project, in the value's currency.
  public var invoiced: Money?
  public var value: Money?
  public var basis: Basis
  /// Percent complete, one decimal; may exceed 100 when over the estimate.
  public var completion: DecimalNumber?

  /// Progress of every project, in file order.
  ///
  /// `counts` says which dates of time entries and invoices count, so a report can measure
  /// progress as it stood on its as-of day; by default everything counts. `billing`, when
  /// the caller has it for these books, saves looking up every time entry's target again.
  public static func all(
    _ books: Books, _ ledger: InvoiceLedger, billing: TimeBilling? = nil,
    counting counts: (CalendarDate) -> Bool = { _ in true }
  ) -> [ProjectProgress] {
    let targets: (slots: [Int32], projects: [String?])
    if let known = billing?.timeTargets, known.slots.count == books.timeEntries.count {
      targets = known
    } else {  // no billing, or one of other books
      let found = TimeTargets(books.timeEntries)
      targets = (found.slots, found.ids.map { books.projectID(ofTimeTarget: $0) })
    }
    // Minutes per time target first: each target's project is looked up once, not per entry.
    var targetMinutes = [Int](repeating: 0, count: targets.projects.count)
    books.timeEntries.forEachAddress { index, entry in
      guard counts(entry.pointee.date), targets.slots.indices.contains(index) else { return }
      let slot = Int(targets.slots[index])
      guard targetMinutes.indices.contains(slot) else { return }
      let (sum, overflow) = targetMinutes[slot].addingReportingOverflow(
        entry.pointee.duration.minutes)
      targetMinutes[slot] = overflow ? Int.max : sum
    }
    var minutes: [String: Int] = [:]
    for (slot, project) in targets.projects.enumerated() {
      guard let project else { continue }
      let (sum, overflow) = minutes[project, default: 0].addingReportingOverflow(
        targetMinutes[slot])
      minutes[project] = overflow ? Int.max : sum
    }
    // Each invoice's fields are read in place: a copy of an invoice or of its state would
    // retain each of their strings and arrays.
    var invoicedStates: [String: [(currency: Currency?, net: Money?)]] = [:]
    for index in books.invoices.indices where ledger.invoices.indices.contains(index) {
      guard let project = books.invoices[index].project?.id,
        books.invoices[index].status != .draft, books.invoices[index].status != .void,
        counts(books.invoices[index].date)
      else { continue }
      invoicedStates[project, default: []].append(
        (ledger.invoices[index].currency, ledger.invoices[index].netInvoiced))
    }
    return books.projects.map { project in
      let actual = TimeSpan(minutes: minutes[project.id] ?? 0)
      let currency = project.value?.currency ?? books.defaultCurrency
      let invoiced = currency.flatMap { currency in
        sum(
          (invoicedStates[project.id] ?? []).filter { $0.currency == currency }.compactMap(
            \.net),
          currency)
      }
      var progress = ProjectProgress(
        projectID: project.id, actual: actual, estimate: project.estimate, invoiced: invoiced,
        value: project.value, basis: .none)
      if let estimate = project.estimate, estimate.minutes > 0 {
        progress.basis = .hours
        progress.completion = percentage(
          DecimalNumber(actual.minutes), of: DecimalNumber(estimate.minutes))
      } else if let value = project.value, !value.isZero, let invoiced {
        progress.basis = .invoicing
        progress.completion = percentage(invoiced.amount, of: value.amount)
      }
      return progress
    }
  }
}

private func sum(_ amounts: [Money], _ currency: Currency) -> Money? {
  var total = Money.zero(currency)
  for amount in amounts {
    guard let next = try? total.adding(amount) else { return nil }
    total = next
  }
  return total
}

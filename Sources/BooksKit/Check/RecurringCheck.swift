/// Recurring invoices are well-formed, and one is issued for every period that has ended.
///
/// A period is issued by an invoice that is not void, names the template with `recurring`
/// and states the period's first day as the first day of its `period` (or, without a
/// `period`, is dated inside it). Periods are invoiced in arrears: a period is due once
/// its last day has passed the day the books are checked on.
enum RecurringCheck {
  static let name = "recurring"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var out: [Diagnostic] = []
    var issued: [String: [Invoice]] = [:]
    // Only invoices drawn from a recurring invoice are copied.
    books.invoices.forEachAddress { _, address in
      guard address.pointee.recurring != nil, address.pointee.status != .void else { return }
      let invoice = address.pointee
      guard let ref = invoice.recurring, let template = books.recurringInvoice(ref.id) else {
        return
      }
      issued[template.id, default: []].append(invoice)
      if let client = invoice.client?.id, let owner = template.client?.id, client != owner {
        out.append(
          .error(
            name,
            "invoice `\(invoice.number)` to `\(client)` is drawn from `\(template.id)`, which invoices `\(owner)`",
            at: ref.range,
            notes: [DiagnosticNote("the recurring invoice is here", at: template.range)],
            fix: "name a recurring invoice of `\(client)`, or address the invoice to `\(owner)`"))
      }
    }
    for template in books.recurringInvoices {
      if let client = template.client?.id, let project = template.project,
        let owner = books.clientID(ofProject: project.id), owner != client
      {
        out.append(
          .error(
            name, "project `\(project.id)` belongs to client `\(owner)`, not `\(client)`",
            at: project.range, fix: "name a project of `\(client)`"))
      }
      if let end = template.end, let start = template.start, end < start {
        out.append(
          .error(
            "dates", "recurring invoice `\(template.id)` ends (\(end)) before it starts (\(start))",
            at: template.range, fix: "end on or after \(start)"))
      }
      if template.includes != nil, template.overage == nil {
        out.append(
          .warning(
            name, "`\(template.id)` includes hours but has no `overage` rate for time beyond them",
            at: template.range, fix: "overage 90 EUR"))
      }
      if template.includes != nil, template.project == nil {
        out.append(
          .error(
            name, "`\(template.id)` includes hours but names no project to count them on",
            at: template.range, fix: "project acme-care"))
      }
      guard let today = context.today else { continue }
      let invoices = issued[template.id] ?? []
      let periods = template.periods(through: today)
      let missing = periods.filter { period in
        period.end < today
          && !invoices.contains { $0.issues(period) }
      }
      guard let first = missing.first else { continue }
      let atLeast = periods.count >= RecurringInvoice.periodLimit ? "at least " : ""
      let more = missing.count > 1 ? " (and \(atLeast)\(missing.count - 1) later)" : ""
      out.append(
        .note(
          name,
          "recurring invoice `\(template.id)` is due for \(first.start) to \(first.end)\(more) but not issued",
          at: template.range,
          fix: "books new invoice --recurring \(template.id) --append FILE"))
    }
    return out
  }
}

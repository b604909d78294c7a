/// Invoices against a purchase order belong to its client and stay within its limit.
enum PurchaseOrderCheck {
  static let name = "po-limit"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var out: [Diagnostic] = []
    var invoiced: [String: Money] = [:]
    for (invoice, state) in zip(books.invoices, context.ledger.invoices) {
      guard let ref = invoice.purchaseOrder, let order = books.purchaseOrder(ref.id),
        invoice.status != .void, invoice.status != .draft, !invoice.hasUnreadItems
      else { continue }
      if let owner = order.client?.id, let client = invoice.client?.id, owner != client {
        out.append(
          .error(
            name, "purchase order `\(order.number)` is from `\(owner)`, not `\(client)`",
            at: ref.range, notes: [DiagnosticNote("the order is here", at: order.range)],
            fix: "name a purchase order of `\(client)`"))
        continue
      }
      guard let limit = order.limit, let total = state.total else { continue }
      guard total.currency == limit.currency else {
        out.append(
          .error(
            name, "invoice in \(total.currency) against a purchase order in \(limit.currency)",
            at: ref.range, fix: "invoice in \(limit.currency)"))
        continue
      }
      let before = invoiced[order.number] ?? Money.zero(limit.currency)
      guard let after = try? before.adding(total) else { continue }
      invoiced[order.number] = after
      if after.amount > limit.amount, before.amount <= limit.amount {
        out.append(
          .error(
            name,
            "invoices against `\(order.number)` reach \(after.formatted()), over its limit of \(limit.formatted())",
            at: ref.range, notes: [DiagnosticNote("the limit is set here", at: order.range)],
            fix: "ask the client for a new or amended purchase order"))
      }
    }
    return out
  }
}

/// Documents in the JSON export: invoices, estimates, purchase orders and credit notes, with
/// their line items and computed totals.
extension JSONExport {
  static func item(_ item: LineItem, _ line: LineTotal? = nil) -> JSONValue {
    var quantity: JSONValue = .null
    var minutes: JSONValue = .null
    switch item.quantity {
    case .count(let count): quantity = decimal(count)
    case .time(let span):
      quantity = decimal(span.hours(scale: 4).normalized)
      minutes = .int(span.minutes)
    case nil: break
    }
    return .object([
      ("description", .string(item.description)), ("quantity", quantity), ("minutes", minutes),
      ("unit", text(item.unit)), ("rate", money(item.rate)), ("amount", money(item.amount)),
      ("taxes", item.taxes.map(refs) ?? .null), ("discount", discount(item.discount)),
      ("gross", money(line?.gross)), ("discountAmount", money(line?.discount)),
      ("net", money(line?.net)),
    ])
  }

  static func items(_ items: [LineItem], _ totals: DocumentTotals?) -> JSONValue {
    let lines = totals?.lines ?? []
    return .array(
      items.indices.map { index in
        item(items[index], lines.indices.contains(index) ? lines[index] : nil)
      })
  }

  static func totals(_ totals: DocumentTotals?) -> JSONValue {
    guard let totals else { return .null }
    return .object([
      ("subtotal", money(totals.subtotal)), ("discount", money(totals.discount)),
      (
        "taxes",
        .array(
          totals.taxes.map { tax in
            .object([
              ("id", .string(tax.id)), ("name", .string(tax.name)),
              ("rate", decimal(tax.rate.value)),
              ("base", money(tax.base)), ("amount", money(tax.amount)),
            ])
          })
      ),
      ("taxTotal", money(totals.taxTotal)), ("taxInclusive", .bool(totals.taxInclusive)),
      ("total", money(totals.total)),
    ])
  }

  static func invoice(_ export: DataExport, _ index: Int) -> JSONValue {
    let invoice = export.books.invoices[index]
    let state = export.invoiceState(index)
    let standing = state?.standing(invoice, asOf: export.asOf)
    let claims = invoice.claims.map { claim in
      JSONValue.object([
        ("target", .string(claim.target.id)), ("from", date(claim.from)),
        ("through", date(claim.through)),
      ])
    }
    let payments = (state?.payments ?? []).map { payment in
      JSONValue.object([
        ("date", date(payment.date)), ("amount", money(payment.amount)),
        ("received", .bool(payment.received)),
      ])
    }
    return .object([
      ("number", .string(invoice.number)), ("date", date(invoice.date)),
      ("client", ref(invoice.client)), ("project", ref(invoice.project)),
      ("status", invoice.status.map { .string($0.rawValue) } ?? .null),
      ("due", date(state?.dueDate ?? invoice.due)), ("termsDays", int(invoice.termsDays)),
      ("send", date(invoice.send)), ("currency", currency(state?.currency)),
      ("purchaseOrder", ref(invoice.purchaseOrder)), ("estimate", ref(invoice.estimate)),
      ("recurring", ref(invoice.recurring)),
      (
        "period",
        invoice.period.map { .object([("start", date($0.start)), ("end", date($0.end))]) } ?? .null
      ),
      ("bills", .array(claims)), ("items", items(invoice.items, state?.totals)),
      ("discounts", .array(invoice.discounts.map { discount($0.value) })),
      ("taxes", refs(invoice.taxes)), ("taxInclusive", .bool(invoice.taxInclusive)),
      ("notes", texts(invoice.notes)), ("terms", texts(invoice.terms)),
      ("approvedBy", ref(invoice.approvedBy)), ("statedTotal", money(invoice.statedTotal?.value)),
      ("tags", texts(invoice.tags)), ("totals", totals(state?.totals)),
      ("totalsProblem", text(state?.problem?.message)), ("total", money(state?.total)),
      ("payments", .array(payments)), ("paid", money(state?.paid)),
      ("credited", money(state?.credited)), ("balance", money(state?.balance)),
      ("standing", standing.map { .string($0.rawValue) } ?? .null),
      ("daysOverdue", .int(state?.daysOverdue(invoice, asOf: export.asOf) ?? 0)),
    ])
  }

  static func estimate(_ export: DataExport, _ estimate: Estimate) -> JSONValue {
    let (computed, problem) = export.totals(of: estimate)
    return .object([
      ("number", .string(estimate.number)), ("date", date(estimate.date)),
      ("client", ref(estimate.client)), ("project", ref(estimate.project)),
      ("validUntil", date(estimate.validUntil)), ("status", .string(estimate.status.rawValue)),
      ("currency", currency(export.currency(of: estimate))),
      ("items", items(estimate.items, computed)),
      ("discounts", .array(estimate.discounts.map { discount($0.value) })),
      ("taxes", refs(estimate.taxes)), ("taxInclusive", .bool(estimate.taxInclusive)),
      ("notes", texts(estimate.notes)), ("approvedBy", ref(estimate.approvedBy)),
      ("tags", texts(estimate.tags)), ("totals", totals(computed)),
      ("totalsProblem", text(problem?.message)), ("total", money(computed?.total)),
    ])
  }

  static func purchaseOrder(_ order: PurchaseOrder) -> JSONValue {
    .object([
      ("number", .string(order.number)), ("date", date(order.date)), ("client", ref(order.client)),
      ("limit", money(order.limit)), ("estimate", ref(order.estimate)),
      ("notes", texts(order.notes)),
    ])
  }

  static func creditNote(_ export: DataExport, _ credit: CreditNote) -> JSONValue {
    let (computed, problem) = export.totals(of: credit)
    let currency = export.invoice(of: credit).flatMap { export.invoiceState($0.0)?.currency }
    return .object([
      ("number", .string(credit.number)), ("date", date(credit.date)),
      ("invoice", ref(credit.invoice)), ("currency", JSONExport.currency(currency)),
      ("items", items(credit.items, computed)), ("taxes", refs(credit.taxes)),
      ("notes", texts(credit.notes)), ("totals", totals(computed)),
      ("totalsProblem", text(problem?.message)), ("total", money(computed?.total)),
    ])
  }
}

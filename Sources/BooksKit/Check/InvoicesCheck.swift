/// Invoices agree with their payments, credits, client and stated values.
enum InvoicesCheck {
  static let name = "invoices"

  /// The check in parts that can run side by side; their diagnostics in this order are
  /// what `run` gives.
  static let parts: [@Sendable (CheckContext) -> [Diagnostic]] = [
    documents,
    { context in
      var out: [Diagnostic] = []
      checkBilledWork(context.books, &out)
      return out
    },
    { context in
      var out: [Diagnostic] = []
      checkClaims(context, &out)
      return out
    },
    estimates,
  ]

  static func run(_ context: CheckContext) -> [Diagnostic] {
    parts.flatMap { $0(context) }
  }

  /// Each invoice's totals, payments, status and client.
  private static func documents(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var out = context.ledger.diagnostics
    // Invoices and their states are read in place: a copy of either retains each of its
    // strings and arrays.
    context.ledger.invoices.withUnsafeBufferPointer { states in
      guard let first = states.baseAddress else { return }
      books.invoices.forEachAddress { index, invoice in
        guard states.indices.contains(index) else { return }
        documents(invoice, first + index, books, &out)
      }
    }
    return out
  }

  private static func documents(
    _ invoice: UnsafePointer<Invoice>, _ state: UnsafePointer<InvoiceState>, _ books: Books,
    _ out: inout [Diagnostic]
  ) {
    if invoice.pointee.hasUnreadItems {
      checkClients(invoice, state, books, &out)
      return
    }
    if let problem = state.pointee.problem {
      out.append(.error(name, problem.message, at: problem.range, fix: problem.fix))
      return
    }
    guard state.pointee.currency != nil else {
      out.append(
        .error(
          name, "invoice `\(invoice.pointee.number)` has no currency", at: invoice.pointee.range,
          fix: "set `currency EUR` in the business block, on the client, or on the invoice"))
      return
    }
    if invoice.pointee.items.isEmpty, state.pointee.payments.isEmpty,
      invoice.pointee.status != .draft,
      invoice.pointee.status != .void
    {
      out.append(
        .error(
          name,
          "invoice `\(invoice.pointee.number)` has no items and no linked income, so no amount",
          at: invoice.pointee.range,
          fix:
            "add `item \"...\" AMOUNT` lines, or link an income with `invoice \(invoice.pointee.number)`"
        )
      )
    }
    checkClients(invoice, state, books, &out)
    checkBalance(invoice, state, books, &out)
    if let stated = invoice.pointee.statedTotal, let total = state.pointee.total,
      stated.value != total
    {
      out.append(
        .error(
          name,
          "stated total \(stated.value.formatted()) differs from the computed total \(total.formatted())",
          at: stated.range, fix: "total \(total)"))
    }
  }

  /// Estimates' totals can be computed.
  private static func estimates(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var out: [Diagnostic] = []
    // One lookup for all estimates: a closure made in the loop copies the books each time.
    let taxes = books.taxLookup
    let defaultCurrency = books.defaultCurrency
    books.estimates.forEachAddress { _, estimate in
      var currency = estimate.pointee.currency
      if currency == nil, let client = estimate.pointee.client?.id {
        currency = books.currency(ofClient: client)
      }
      guard let currency = currency ?? defaultCurrency else { return }
      if case .failure(let problem) = DocumentMath.totals(
        items: estimate.pointee.items, discounts: estimate.pointee.discounts,
        defaultTaxes: estimate.pointee.taxes, inclusive: estimate.pointee.taxInclusive,
        currency: currency, taxes: taxes)
      {
        out.append(.error(name, problem.message, at: problem.range, fix: problem.fix))
      }
    }
    return out
  }

  /// Time and expenses billed on an invoice belong to that invoice's client.
  private static func checkBilledWork(_ books: Books, _ out: inout [Diagnostic]) {
    func check(_ ref: Ref?, owner: String?, what: String) {
      guard let ref, let owner, let index = books.invoiceIndex(ref.id),
        books.invoices.indices.contains(index), let client = books.invoices[index].client?.id,
        client != owner
      else { return }
      let invoice = books.invoices[index]
      out.append(
        .error(
          name, "\(what) of client `\(owner)` is billed on invoice `\(ref.id)` to `\(client)`",
          at: ref.range, notes: [DiagnosticNote("the invoice is here", at: invoice.range)],
          fix: "bill it on an invoice to `\(owner)`"))
    }
    books.timeEntries.forEachAddress { _, entry in
      guard entry.pointee.invoice != nil else { return }
      let owner = books.projectID(ofTimeTarget: entry.pointee.target.id).flatMap {
        books.clientID(ofProject: $0)
      }
      check(entry.pointee.invoice, owner: owner, what: "time")
    }
    books.expenses.forEachAddress { _, expense in
      guard expense.pointee.invoice != nil, let billable = expense.pointee.billable?.id else {
        return
      }
      let owner = books.client(billable) != nil ? billable : books.clientID(ofProject: billable)
      check(expense.pointee.invoice, owner: owner, what: "an expense")
    }
  }

  /// `bills` fields name work of the invoice's client, bill something, and bill the hours
  /// the items charge.
  private static func checkClaims(_ context: CheckContext, _ out: inout [Diagnostic]) {
    let books = context.books
    let billing = context.billing
    // Each invoice is read in place: a copy of one retains each of its strings and arrays.
    books.invoices.forEachAddress { index, invoice in
      let claims = invoice.pointee.claims
      guard !claims.isEmpty, invoice.pointee.status != .void else { return }
      for claim in claims {
        let id = claim.target.id
        let owner =
          books.client(id) != nil
          ? id : books.projectID(ofTimeTarget: id).flatMap { books.clientID(ofProject: $0) }
        if let owner, let client = invoice.pointee.client?.id, owner != client {
          out.append(
            .error(
              name,
              "invoice `\(invoice.pointee.number)` to `\(client)` bills work of `\(owner)`",
              at: claim.target.range, fix: "bill a project or service of `\(client)`"))
        }
      }
      guard let first = claims.first,
        billing.claims.claimedTime.indices.contains(index),
        billing.claims.claimedExpenses.indices.contains(index)
      else { return }
      let time = billing.claims.claimedTime[index]
      if time.isEmpty, billing.claims.claimedExpenses[index].isEmpty {
        out.append(
          .warning(
            name,
            "invoice `\(invoice.pointee.number)` bills nothing: no billable time or expense of `\(first.target.id)` up to \(first.through) is left that another invoice does not bill",
            at: first.range, fix: "check the id and the dates, or delete the `bills` line"))
        return
      }
      guard invoice.pointee.recurring == nil, !invoice.pointee.hasUnreadItems else { return }
      let claimed = billing.valuedTime(ofTimeEntriesAt: time)
      var charged = TimeSpan.zero
      for item in invoice.pointee.items {
        if case .time(let span) = item.quantity { charged = charged.plus(span) }
      }
      if claimed != charged {
        out.append(
          .warning(
            name,
            "invoice `\(invoice.pointee.number)` bills \(claimed) of time but its items charge \(charged)",
            at: first.range,
            fix:
              "time logged after the invoice was drafted? charge it on an item, or end `bills` earlier"
          ))
      }
    }
  }

  private static func checkClients(
    _ invoice: UnsafePointer<Invoice>, _ state: UnsafePointer<InvoiceState>, _ books: Books,
    _ out: inout [Diagnostic]
  ) {
    guard let client = invoice.pointee.client?.id else { return }
    if let projectRef = invoice.pointee.project,
      let owner = books.clientID(ofProject: projectRef.id),
      owner != client
    {
      out.append(
        .error(
          name, "project `\(projectRef.id)` belongs to client `\(owner)`, not `\(client)`",
          at: projectRef.range, fix: "invoice `\(owner)` for it, or name a project of `\(client)`"))
    }
    for payment in state.pointee.payments {
      guard books.incomes.indices.contains(payment.income) else { continue }
      guard let payer = books.incomes[payment.income].client, payer.id != client else { continue }
      out.append(
        .error(
          name,
          "`\(payer.id)` pays invoice `\(invoice.pointee.number)`, which is addressed to `\(client)`",
          at: payer.range,
          notes: [DiagnosticNote("the invoice is here", at: invoice.pointee.range)],
          fix: "client \(client)"))
    }
  }

  private static func checkBalance(
    _ invoice: UnsafePointer<Invoice>, _ state: UnsafePointer<InvoiceState>, _ books: Books,
    _ out: inout [Diagnostic]
  ) {
    // A draft is not issued: the journals leave it out, so money received against it would
    // leave the client's receivable below zero.
    if invoice.pointee.status == .draft,
      let payment = state.pointee.payments.first(where: \.received),
      books.incomes.indices.contains(payment.income)
    {
      out.append(
        .error(
          name, "invoice `\(invoice.pointee.number)` is a draft, but money was received for it",
          at: books.incomes[payment.income].range,
          notes: [DiagnosticNote("the draft is here", at: invoice.pointee.range)],
          fix:
            "issue the invoice (remove `status draft`), or record the money without `invoice \(invoice.pointee.number)`"
        ))
    }
    guard let balance = state.pointee.balance, let total = state.pointee.total else { return }
    if invoice.pointee.status == .paid, !balance.isZero, !balance.isNegative {
      out.append(
        .error(
          name,
          "invoice `\(invoice.pointee.number)` is marked paid but \(balance.formatted()) is still due",
          at: invoice.pointee.statusRange ?? invoice.pointee.range,
          fix:
            "record the missing payment as income with `invoice \(invoice.pointee.number)`, or set `status sent`"
        ))
    }
    if total.isNegative {
      out.append(
        .error(
          name, "invoice `\(invoice.pointee.number)` has a negative total \(total.formatted())",
          at: invoice.pointee.range,
          fix:
            "correct an invoice with a credit note (`DATE credit NUMBER \(invoice.pointee.number)`)"
        ))
    } else if balance.isNegative, state.pointee.paid?.isZero ?? true {
      out.append(
        .error(
          name,
          "credit notes for invoice `\(invoice.pointee.number)` exceed its total \(total.formatted()) by \(balance.negated.formatted())",
          at: invoice.pointee.range,
          fix: "credit at most what was invoiced; refund a payment as a negative income"))
    } else if balance.isNegative {
      let over = balance.negated
      let last = state.pointee.payments.last.flatMap {
        books.incomes.indices.contains($0.income) ? books.incomes[$0.income].range : nil
      }
      out.append(
        .error(
          name,
          "invoice `\(invoice.pointee.number)` is overpaid by \(over.formatted()) (total \(total.formatted()))",
          at: last ?? invoice.pointee.range,
          notes: last == nil
            ? [] : [DiagnosticNote("the invoice is here", at: invoice.pointee.range)],
          fix: "check the payment amounts; record a refund as a negative income"))
    }
    if invoice.pointee.status == .void, let paid = state.pointee.paid, !paid.isZero {
      out.append(
        .error(
          name, "void invoice `\(invoice.pointee.number)` has payments of \(paid.formatted())",
          at: invoice.pointee.statusRange ?? invoice.pointee.range,
          fix: "move the payments to the invoice that replaced it"))
    }
  }
}

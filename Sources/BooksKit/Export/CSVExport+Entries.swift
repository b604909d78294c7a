/// Entries and documents in the CSV export: money in and out, time, invoices and their
/// items, estimates, purchase orders, credit notes and meetings.
extension CSVExport {
  static func incomes(_ books: Books) -> Table {
    Table(
      name: "incomes",
      header: [
        "date", "amount", "currency", "description", "class", "client", "project", "invoices",
        "via", "received",
      ] + moneyHeader("fee") + ["tags", "notes"],
      rows: books.incomes.map { income in
        [
          date(income.date), amount(income.amount), text(income.amount.currency.code),
          text(income.description), text(income.classID), ref(income.client), ref(income.project),
          refs(income.invoices.map(\.invoice)), ref(income.via), bool(income.isReceived),
        ] + money(income.fee) + [words(income.tags), lines(income.notes)]
      })
  }

  /// Payments as applied to invoices (FORMAT.md 2.6): one row per invoice a payment pays.
  static func payments(_ export: DataExport) -> Table {
    var table = Table(
      name: "payments", header: ["date", "invoice", "amount", "currency", "received", "via"])
    for state in export.ledger.invoices {
      guard export.books.invoices.indices.contains(state.index) else { continue }
      let number = export.books.invoices[state.index].number
      for payment in state.payments {
        let income =
          export.books.incomes.indices.contains(payment.income)
          ? export.books.incomes[payment.income] : nil
        table.rows.append([
          date(payment.date), text(number), amount(payment.amount),
          text(payment.amount.currency.code), bool(payment.received), ref(income?.via),
        ])
      }
    }
    return table
  }

  static func expenses(_ export: DataExport) -> Table {
    let claims = export.billing.claims.expenseInvoices
    return Table(
      name: "expenses",
      header: [
        "date", "amount", "currency", "description", "category", "vendor", "via", "billable",
        "invoice", "deductible", "receipt", "taxes", "staff", "approved-by", "billed-on",
        "billed", "tags", "notes",
      ],
      rows: export.books.expenses.enumerated().map { index, expense in
        [
          date(expense.date), amount(expense.amount), text(expense.amount.currency.code),
          text(expense.description), ref(expense.category), text(expense.vendor),
          ref(expense.via), ref(expense.billable), ref(expense.invoice), bool(expense.deductible),
          text(expense.receipt), refs(expense.taxes), ref(expense.staff), ref(expense.approvedBy),
          text(claims.indices.contains(index) ? claims[index] : nil),
          bool(expense.billable != nil && export.billing.isBilled(expense: index)),
          words(expense.tags), lines(expense.notes),
        ]
      })
  }

  static func time(_ export: DataExport) -> Table {
    let claims = export.billing.claims.timeInvoices
    let billing = export.billing
    return Table(
      name: "time",
      header: [
        "date", "target", "project", "client", "minutes", "start", "end", "description", "staff",
        "billable", "approved-by", "invoice", "billed-minutes",
      ] + moneyHeader("rate") + moneyHeader("value") + ["billed-on", "billed", "tags", "notes"],
      rows: export.books.timeEntries.enumerated().map { index, entry in
        [
          date(entry.date), ref(entry.target), text(billing.project(of: entry)),
          text(billing.client(of: entry)), int(entry.duration.minutes),
          text(entry.start?.description), text(entry.end?.description), text(entry.description),
          ref(entry.staff), bool(entry.billable), ref(entry.approvedBy), ref(entry.invoice),
          int(billing.billed(entry).minutes),
        ] + money(entry.billable ? billing.rate(of: entry) : nil)
          + money(entry.billable ? export.value(of: entry) : nil)
          + [
            text(claims.indices.contains(index) ? claims[index] : nil),
            bool(entry.billable && billing.isBilled(timeEntry: index)), words(entry.tags),
            lines(entry.notes),
          ]
      })
  }

  static func invoices(_ export: DataExport) -> Table {
    Table(
      name: "invoices",
      header: [
        "number", "date", "client", "project", "status", "standing", "due", "days-overdue",
        "currency", "subtotal", "discount", "tax", "total", "credited", "paid", "balance",
        "purchase-order", "estimate", "recurring", "period-start", "period-end", "approved-by",
        "tags", "notes",
      ],
      rows: export.books.invoices.enumerated().map { index, invoice in
        let state = export.invoiceState(index)
        return [
          text(invoice.number), date(invoice.date), ref(invoice.client), ref(invoice.project),
          text(invoice.status?.rawValue),
          text(state?.standing(invoice, asOf: export.asOf).rawValue),
          date(state?.dueDate ?? invoice.due), int(state?.daysOverdue(invoice, asOf: export.asOf)),
          text(state?.currency?.code), amount(state?.totals?.subtotal),
          amount(state?.totals?.discount), amount(state?.totals?.taxTotal), amount(state?.total),
          amount(state?.credited), amount(state?.paid), amount(state?.balance),
          ref(invoice.purchaseOrder), ref(invoice.estimate), ref(invoice.recurring),
          date(invoice.period?.start), date(invoice.period?.end), ref(invoice.approvedBy),
          words(invoice.tags), lines(invoice.notes),
        ]
      })
  }

  static let itemHeader = [
    "line", "description", "quantity", "minutes", "unit", "rate", "amount", "taxes",
    "discount-percent", "gross", "discount", "net", "currency",
  ]

  /// The rows of one document's items, after its number.
  static func itemRows(
    _ number: String, _ items: [LineItem], _ totals: DocumentTotals?, _ currency: Currency?
  ) -> [[Cell]] {
    let lines = totals?.lines ?? []
    return items.enumerated().map { index, item in
      let line = lines.indices.contains(index) ? lines[index] : nil
      var quantity: Cell = .number(nil)
      var minutes: Cell = .number(nil)
      switch item.quantity {
      case .count(let count): quantity = decimal(count)
      case .time(let span):
        quantity = decimal(span.hours(scale: 4).normalized)
        minutes = int(span.minutes)
      case nil: break
      }
      var percent: Cell = .number(nil)
      var discount = line?.discount
      switch item.discount {
      case .percent(let value): percent = decimal(value.value)
      case .amount(let value): discount = discount ?? value
      case nil: break
      }
      return [
        text(number), int(index + 1), text(item.description), quantity, minutes, text(item.unit),
        amount(item.rate), amount(item.amount), item.taxes.map(refs) ?? .text(nil), percent,
        amount(line?.gross), amount(discount), amount(line?.net), text(currency?.code),
      ]
    }
  }

  static func invoiceItems(_ export: DataExport) -> Table {
    var table = Table(name: "invoice-items", header: ["invoice"] + itemHeader)
    for (index, invoice) in export.books.invoices.enumerated() {
      let state = export.invoiceState(index)
      table.rows += itemRows(invoice.number, invoice.items, state?.totals, state?.currency)
    }
    return table
  }

  static func estimates(_ export: DataExport) -> Table {
    Table(
      name: "estimates",
      header: [
        "number", "date", "client", "project", "status", "valid-until", "currency", "subtotal",
        "discount", "tax", "total", "approved-by", "tags", "notes",
      ],
      rows: export.books.estimates.map { estimate in
        let (totals, _) = export.totals(of: estimate)
        return [
          text(estimate.number), date(estimate.date), ref(estimate.client), ref(estimate.project),
          text(estimate.status.rawValue), date(estimate.validUntil),
          text(export.currency(of: estimate)?.code), amount(totals?.subtotal),
          amount(totals?.discount), amount(totals?.taxTotal), amount(totals?.total),
          ref(estimate.approvedBy), words(estimate.tags), lines(estimate.notes),
        ]
      })
  }

  static func estimateItems(_ export: DataExport) -> Table {
    var table = Table(name: "estimate-items", header: ["estimate"] + itemHeader)
    for estimate in export.books.estimates {
      let (totals, _) = export.totals(of: estimate)
      table.rows += itemRows(estimate.number, estimate.items, totals, export.currency(of: estimate))
    }
    return table
  }

  static func purchaseOrders(_ books: Books) -> Table {
    Table(
      name: "purchase-orders",
      header: ["number", "date", "client"] + moneyHeader("limit") + ["estimate", "notes"],
      rows: books.purchaseOrders.map { order in
        [text(order.number), date(order.date), ref(order.client)] + money(order.limit)
          + [ref(order.estimate), lines(order.notes)]
      })
  }

  static func creditNotes(_ export: DataExport) -> Table {
    Table(
      name: "credit-notes",
      header: ["number", "date", "invoice", "currency", "subtotal", "tax", "total", "notes"],
      rows: export.books.creditNotes.map { credit in
        let (totals, _) = export.totals(of: credit)
        let currency = export.invoice(of: credit).flatMap { export.invoiceState($0.0)?.currency }
        return [
          text(credit.number), date(credit.date), ref(credit.invoice), text(currency?.code),
          amount(totals?.subtotal), amount(totals?.taxTotal), amount(totals?.total),
          lines(credit.notes),
        ]
      })
  }

  static func creditNoteItems(_ export: DataExport) -> Table {
    var table = Table(name: "credit-note-items", header: ["credit-note"] + itemHeader)
    for credit in export.books.creditNotes {
      let (totals, _) = export.totals(of: credit)
      let currency = export.invoice(of: credit).flatMap { export.invoiceState($0.0)?.currency }
      table.rows += itemRows(credit.number, credit.items, totals, currency)
    }
    return table
  }

  static func meetings(_ books: Books) -> Table {
    Table(
      name: "meetings",
      header: [
        "date", "start", "end", "title", "with", "medium", "link", "location", "priority",
        "agenda", "attachments", "tags", "notes",
      ],
      rows: books.meetings.map { meeting in
        [
          date(meeting.date), text(meeting.start?.description), text(meeting.end?.description),
          text(meeting.title), refs(meeting.with), ref(meeting.medium), text(meeting.link),
          text(meeting.location), text(meeting.priority?.rawValue), lines(meeting.agenda),
          lines(meeting.attachments), words(meeting.tags), lines(meeting.notes),
        ]
      })
  }
}

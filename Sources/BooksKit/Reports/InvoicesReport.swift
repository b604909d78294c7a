/// The invoice board: a column per standing (draft, sent, partially paid, overdue, paid,
/// void) with its count and total, as the seed's invoicing section shows.
public struct InvoicesReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var number: String
    public var client: String?
    public var date: CalendarDate
    public var due: CalendarDate
    public var standing: InvoiceStanding
    public var total: Money?
    public var paid: Money?
    public var balance: Money?
    public var daysOverdue: Int
  }

  public var rows: [Row]

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    rows = zip(books.invoices, context.ledger.invoices).compactMap { invoice, state in
      let client = invoice.client?.id
      guard options.counts(invoice.date),
        context.matches(client: client, project: invoice.project?.id),
        state.currency.map(context.shows) ?? true
      else { return nil }
      return Row(
        number: invoice.number, client: client, date: invoice.date, due: state.dueDate,
        standing: state.standing(invoice, asOf: options.asOf), total: state.total,
        paid: state.paid, balance: invoice.status == .void ? nil : state.balance,
        daysOverdue: state.daysOverdue(invoice, asOf: options.asOf))
    }
  }

  /// Lanes in workflow order, each with its count and total.
  public func lanes() -> [(standing: InvoiceStanding, rows: [Row], total: MoneyTotals)] {
    InvoiceStanding.allCases.map { standing in
      let members = rows.filter { $0.standing == standing }
      var total = MoneyTotals()
      for row in members { if let amount = row.total { total.add(amount) } }
      return (standing, members, total)
    }
  }

  public static func title(_ standing: InvoiceStanding) -> String {
    switch standing {
    case .draft: "Draft"
    case .sent: "Sent"
    case .partiallyPaid: "Partially paid"
    case .overdue: "Overdue"
    case .paid: "Paid"
    case .void: "Void"
    }
  }

  public static let report = Report("invoices", "invoices by status, with counts and totals") {
    context in
    let report = InvoicesReport(context)
    let currency = context.books.defaultCurrency
    let board = Board(
      id: "invoices",
      lanes: report.lanes().map { lane in
        Lane(
          id: lane.standing.rawValue, title: title(lane.standing),
          summary: [
            Metric("count", "Count", .integer(lane.rows.count)),
            Metric("total", "Total", lane.total.cell(default: currency)),
          ],
          cards: lane.rows.map { row in
            Card(
              id: row.number, title: row.number,
              fields: [
                Metric("client", "Client", row.client.map { .id($0) } ?? .empty),
                Metric("date", "Date", .date(row.date)),
                Metric("due", "Due", .date(row.due)),
                Metric("total", "Total", row.total.map { .money($0) } ?? .empty),
                Metric("balance", "Balance", row.balance.map { .money($0) } ?? .empty),
                Metric(
                  "days-overdue", "Days overdue",
                  row.daysOverdue > 0 ? .integer(row.daysOverdue) : .empty),
              ])
          })
      })
    var invoiced = MoneyTotals()
    var outstanding = MoneyTotals()
    for row in report.rows where row.standing != .draft && row.standing != .void {
      if let total = row.total { invoiced.add(total) }
      if let balance = row.balance, !balance.isNegative { outstanding.add(balance) }
    }
    return context.view(
      "invoices", "Invoices",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Invoices", .integer(report.rows.count)),
            Metric("invoiced", "Invoiced", invoiced.cell(default: currency)),
            Metric("outstanding", "Outstanding", outstanding.cell(default: currency)),
          ]),
        .board(board),
      ])
  }
}

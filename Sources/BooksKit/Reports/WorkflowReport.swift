/// The seed's client workflow: every client income, the invoice(s) it pays, how it was paid
/// and whether it is in yet — the bottom of the Notion client portal, where an income
/// becomes an invoice's payment once its payment mode is filled in.
///
/// Definitions:
/// - rows are incomes of class `client` (written, or implied by a `client` or `invoice`
///   field), dated in the period and not after the as-of day, by date then file order;
/// - received means the income has a payment mode (`via`); without one it is expected;
/// - `--client` and `--project` keep that client's or project's incomes; `--currency`
///   keeps the incomes in that currency.
public struct WorkflowReport: Sendable {
  /// The part of an income assigned to one invoice.
  public struct Allocation: Sendable, Equatable {
    public var invoice: String
    /// The part written after the invoice number; nil when the whole income pays it.
    public var amount: Money?
  }

  public struct Row: Sendable, Equatable {
    public var date: CalendarDate
    public var client: String?
    public var project: String?
    public var description: String?
    public var amount: Money
    public var invoices: [Allocation]
    /// The payment mode; nil while the money is expected.
    public var via: String?
    public var received: Bool { via != nil }
  }

  public var rows: [Row] = []
  public var received = MoneyTotals()
  public var expected = MoneyTotals()
  /// Incomes that pay no invoice yet: work the freelancer may still need to invoice.
  public var withoutInvoice = 0

  public init(_ context: ReportContext) {
    let options = context.options
    let incomes = context.books.incomes.filter { income in
      guard income.classID == "client", options.counts(income.date),
        context.shows(income.amount.currency)
      else { return false }
      let party = context.party(of: income)
      return context.matches(client: party.client, project: party.project)
    }
    let sorted = incomes.sorted { a, b in
      (a.date, a.range.file, a.range.start) < (b.date, b.range.file, b.range.start)
    }
    for income in sorted {
      let party = context.party(of: income)
      rows.append(
        Row(
          date: income.date, client: party.client, project: party.project,
          description: income.description, amount: income.amount,
          invoices: income.invoices.map { Allocation(invoice: $0.invoice.id, amount: $0.amount) },
          via: income.via?.id))
      if income.isReceived { received.add(income.amount) } else { expected.add(income.amount) }
      if income.invoices.isEmpty { withoutInvoice += 1 }
    }
  }

  /// One invoice as its id; several as "INV-1 (500.00 EUR), INV-2 (300.00 EUR)".
  static func invoicesCell(_ allocations: [Allocation]) -> Cell {
    if allocations.count == 1, let only = allocations.first, only.amount == nil {
      return .id(only.invoice)
    }
    if allocations.isEmpty { return .empty }
    return .text(
      allocations.map { allocation in
        allocation.invoice + (allocation.amount.map { " (\($0.formatted()))" } ?? "")
      }.joined(separator: ", "))
  }

  public static let report = Report(
    "workflow", aliases: ["flow"], "client income and the invoices it pays"
  ) { context in
    let report = WorkflowReport(context)
    let currency = context.reportCurrency
    var total = report.received
    total.add(report.expected)
    return context.view(
      "workflow", "Workflow",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Client incomes", .integer(report.rows.count)),
            Metric("received", "Received", report.received.cell(default: currency)),
            Metric("expected", "Expected", report.expected.cell(default: currency)),
            Metric("without-invoice", "Paying no invoice", .integer(report.withoutInvoice)),
          ]),
        .table(
          Table(
            id: "workflow", title: nil,
            columns: [
              Column("date", "Date"), Column("client", "Client"), Column("project", "Project"),
              Column("amount", "Amount"), Column("invoices", "Invoice"), Column("via", "Via"),
              Column("received", "Received"), Column("description", "Description"),
            ],
            rows: report.rows.map { row in
              [
                .date(row.date), row.client.map { .id($0) } ?? .empty,
                row.project.map { .id($0) } ?? .empty, .money(row.amount),
                invoicesCell(row.invoices), row.via.map { .text($0) } ?? .empty,
                .text(row.received ? "yes" : "no"), row.description.map { .text($0) } ?? .empty,
              ]
            },
            footer: [
              .text("Total"), .empty, .empty, total.cell(default: currency), .empty, .empty,
              .empty, .empty,
            ])),
        .note("Received: the income has a payment mode (`via`); without one it is expected."),
      ])
  }
}

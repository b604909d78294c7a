/// The estimate board: a column per standing (draft, sent, expired, accepted, declined)
/// with its count and total, and for each estimate the invoices that refer to it.
///
/// Definitions: estimates dated in the period and not after the as-of day; a draft or
/// sent estimate is expired once the as-of day is after its `valid-until`; totals as the
/// estimate document computes them (taxes included); "open" is the total of sent estimates
/// that have not expired, "won" of accepted ones.
public struct EstimatesReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var number: String
    public var client: String?
    public var date: CalendarDate
    public var validUntil: CalendarDate?
    public var standing: EstimateStanding
    public var total: Money?
    /// Invoices (not void) that refer to the estimate.
    public var invoices: [String]
  }

  public var rows: [Row]

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    let invoices = EstimateState.invoicesByEstimate(books)
    let taxes = books.taxLookup
    rows = books.estimates.compactMap { estimate in
      let client = estimate.client?.id
      let state = EstimateState(estimate, in: books, invoices: invoices, taxes: taxes)
      guard options.counts(estimate.date),
        context.matches(client: client, project: estimate.project?.id),
        state.currency.map(context.shows) ?? true
      else { return nil }
      return Row(
        number: estimate.number, client: client, date: estimate.date,
        validUntil: estimate.validUntil,
        standing: EstimateState.standing(estimate, asOf: options.asOf),
        total: state.totals?.total,
        invoices: state.invoices.filter { number in
          books.invoice(number).map { $0.date <= options.asOf } ?? false
        })
    }
  }

  public static func title(_ standing: EstimateStanding) -> String {
    switch standing {
    case .draft: "Draft"
    case .sent: "Sent"
    case .expired: "Expired"
    case .accepted: "Accepted"
    case .declined: "Declined"
    }
  }

  private func total(_ standing: EstimateStanding) -> MoneyTotals {
    var total = MoneyTotals()
    for row in rows where row.standing == standing {
      if let amount = row.total { total.add(amount) }
    }
    return total
  }

  public static let report = Report("estimates", "estimates by standing, expired ones apart") {
    context in
    let report = EstimatesReport(context)
    let currency = context.books.defaultCurrency
    let board = Board(
      id: "estimates",
      lanes: EstimateStanding.allCases.map { standing in
        let members = report.rows.filter { $0.standing == standing }
        return Lane(
          id: standing.rawValue, title: title(standing),
          summary: [
            Metric("count", "Count", .integer(members.count)),
            Metric("total", "Total", report.total(standing).cell(default: currency)),
          ],
          cards: members.map { row in
            Card(
              id: row.number, title: row.number,
              fields: [
                Metric("client", "Client", row.client.map { .id($0) } ?? .empty),
                Metric("date", "Date", .date(row.date)),
                Metric("valid-until", "Valid until", row.validUntil.map { .date($0) } ?? .empty),
                Metric("total", "Total", row.total.map { .money($0) } ?? .empty),
                Metric(
                  "invoices", "Invoiced on",
                  row.invoices.isEmpty ? .empty : .text(row.invoices.joined(separator: ", "))),
              ])
          })
      })
    return context.view(
      "estimates", "Estimates",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Estimates", .integer(report.rows.count)),
            Metric("open", "Open (sent)", report.total(.sent).cell(default: currency)),
            Metric("won", "Accepted", report.total(.accepted).cell(default: currency)),
            Metric("expired", "Expired", report.total(.expired).cell(default: currency)),
          ]),
        .board(board),
      ])
  }
}

/// The services board of the seed: a column per status (not started, in progress,
/// completed, and on hold or cancelled when some service is), each service with its pricing
/// and rate, the hours logged on it and how much of that time has been billed.
///
/// Time is attributed and valued by `TimeBilling`'s rules. Counting the time entries dated
/// in the period and on or before the as-of day:
/// - `hours` = Σ durations of the entries on the service, billable or not;
/// - `billed` = Σ durations of those already on an invoice (not void, dated by the as-of
///   day), and `amount billed` = their hours, rounded up to the client's increment, at
///   their hourly rate — one rounding per rate;
/// - `unbilled` = Σ durations of the billable entries not yet on an invoice.
/// Flat and unit-priced work is billed with invoice items, which name no service, so such a
/// service shows only the billed time logged on it.
public struct ServicesReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var id: String
    public var name: String
    public var project: String?
    public var client: String?
    public var status: WorkStatus
    public var pricing: String?
    public var rate: Money?
    /// The planned length of the work.
    public var duration: TimeSpan?
    public var hours: TimeSpan
    public var billedHours: TimeSpan
    public var billed: MoneyTotals
    public var unbilledHours: TimeSpan
  }

  public var rows: [Row]

  /// The time of one service, added up while reading the entries.
  private struct Sums {
    var hours = TimeSpan.zero
    var billed = TimeSpan.zero
    var rated = RatedTime()
    var unbilled = TimeSpan.zero
  }

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    let billing = context.billing
    var time: [String: Sums] = [:]
    for (index, entry) in books.timeEntries.enumerated() where options.counts(entry.date) {
      guard let service = billing.service(of: entry) else { continue }
      var sums = time[service.id] ?? Sums()
      sums.hours = sums.hours.plus(entry.duration)
      if billing.isBilled(timeEntry: index) {
        sums.billed = sums.billed.plus(entry.duration)
        if let rate = billing.rate(ofTimeEntryAt: index) {
          sums.rated.add(billing.billed(timeEntryAt: index), at: rate)
        }
      } else if entry.billable {
        sums.unbilled = sums.unbilled.plus(entry.duration)
      }
      time[service.id] = sums
    }
    rows = books.services.compactMap { service in
      let project = service.project?.id
      let client = project.flatMap { books.clientID(ofProject: $0) }
      guard context.matches(client: client, project: project),
        service.rate.map({ context.shows($0.currency) }) ?? true
      else { return nil }
      let sums = time[service.id] ?? Sums()
      return Row(
        id: service.id, name: service.name, project: project, client: client,
        status: service.status, pricing: service.pricing?.id, rate: service.rate,
        duration: service.duration, hours: sums.hours, billedHours: sums.billed,
        billed: sums.rated.amount, unbilledHours: sums.unbilled)
    }
  }

  /// Lanes in the order work moves, with on hold and cancelled only when used.
  public func lanes() -> [(status: WorkStatus, rows: [Row])] {
    let always: [WorkStatus] = [.notStarted, .inProgress, .completed]
    return (always + [.onHold, .cancelled]).compactMap { status in
      let members = rows.filter { $0.status == status }
      if members.isEmpty, !always.contains(status) { return nil }
      return (status, members)
    }
  }

  public static let report = Report(
    "services", "services by status: pricing, rate, hours logged and billed"
  ) { context in
    let report = ServicesReport(context)
    let currency = context.books.defaultCurrency
    let board = Board(
      id: "services",
      lanes: report.lanes().map { lane in
        var hours = TimeSpan.zero
        for row in lane.rows { hours = hours.plus(row.hours) }
        return Lane(
          id: lane.status.rawValue, title: ProjectsReport.title(lane.status),
          summary: [
            Metric("count", "Count", .integer(lane.rows.count)),
            Metric("hours", "Hours", .duration(hours)),
          ],
          cards: lane.rows.map { row in
            Card(
              id: row.id, title: row.name,
              fields: [
                Metric("project", "Project", row.project.map { .id($0) } ?? .empty),
                Metric("client", "Client", row.client.map { .id($0) } ?? .empty),
                Metric("pricing", "Pricing", row.pricing.map { .text($0) } ?? .empty),
                Metric("rate", "Rate", row.rate.map { .money($0) } ?? .empty),
                Metric("duration", "Planned", row.duration.map { .duration($0) } ?? .empty),
                Metric("hours", "Hours", .duration(row.hours)),
                Metric("billed-hours", "Billed hours", .duration(row.billedHours)),
                Metric(
                  "billed", "Amount billed",
                  row.billed.amounts.isEmpty ? .empty : row.billed.cell(default: nil)),
                Metric("unbilled-hours", "Unbilled hours", .duration(row.unbilledHours)),
              ])
          })
      })
    var billed = MoneyTotals()
    var hours = TimeSpan.zero
    for row in report.rows {
      billed.add(row.billed)
      hours = hours.plus(row.hours)
    }
    return context.view(
      "services", "Services",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Services", .integer(report.rows.count)),
            Metric("hours", "Hours logged", .duration(hours)),
            Metric("billed", "Amount billed", billed.cell(default: currency)),
          ]),
        .board(board),
      ])
  }
}

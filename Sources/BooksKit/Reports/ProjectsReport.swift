/// The project board of the seed: a column per priority (high, medium, low), each project
/// with its value, dates, status, estimated against actual hours, and how complete it is —
/// by hours when it has an estimate, else by invoicing against its value — saying which.
///
/// Progress is `ProjectProgress`'s, counting the time and invoices dated on or before the
/// as-of day, whatever the period: completion is a running measure. The period chooses the
/// projects instead: those whose start–end dates meet it (a missing end is open).
public struct ProjectsReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var id: String
    public var name: String
    public var client: String?
    public var priority: Priority
    public var status: WorkStatus
    public var start: CalendarDate?
    public var end: CalendarDate?
    public var value: Money?
    public var estimate: TimeSpan?
    public var actual: TimeSpan
    public var invoiced: Money?
    /// Percent complete, one decimal; nil when neither hours nor invoicing can tell.
    public var completion: DecimalNumber?
    public var basis: ProjectProgress.Basis
  }

  public var rows: [Row]

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    let asOf = options.asOf
    let progress = ProjectProgress.all(
      books, context.ledger, billing: context.knownBilling, counting: { $0 <= asOf })
    rows = zip(books.projects, progress).compactMap { project, progress in
      let client = project.client?.id
      guard context.matches(client: client, project: project.id),
        Self.meets(options.period, start: project.start, end: project.end),
        project.value.map({ context.shows($0.currency) }) ?? true
      else { return nil }
      return Row(
        id: project.id, name: project.name, client: client, priority: project.priority,
        status: project.status, start: project.start, end: project.end, value: project.value,
        estimate: project.estimate, actual: progress.actual, invoiced: progress.invoiced,
        completion: progress.completion, basis: progress.basis)
    }
  }

  /// True when a project running from `start` to `end` has a day in `period`.
  static func meets(_ period: DayRange, start: CalendarDate?, end: CalendarDate?) -> Bool {
    if let from = period.from, let end, end < from { return false }
    if let to = period.to, let start, start > to { return false }
    return true
  }

  /// Lanes from the most to the least urgent.
  public func lanes() -> [(priority: Priority, rows: [Row], value: MoneyTotals)] {
    [Priority.high, .medium, .low].map { priority in
      let members = rows.filter { $0.priority == priority }
      var value = MoneyTotals()
      for row in members { if let amount = row.value { value.add(amount) } }
      return (priority, members, value)
    }
  }

  public static func title(_ status: WorkStatus) -> String {
    switch status {
    case .notStarted: "Not started"
    case .inProgress: "In progress"
    case .onHold: "On hold"
    case .completed: "Completed"
    case .cancelled: "Cancelled"
    }
  }

  /// How completion was measured, as a reader would say it; empty when it was not.
  public static func basisText(_ basis: ProjectProgress.Basis) -> Cell {
    switch basis {
    case .hours: .text("hours")
    case .invoicing: .text("invoicing")
    case .none: .empty
    }
  }

  public static let report = Report(
    "projects", "projects by priority: value, dates, hours and completion"
  ) { context in
    let report = ProjectsReport(context)
    let currency = context.books.defaultCurrency
    let board = Board(
      id: "projects",
      lanes: report.lanes().map { lane in
        Lane(
          id: lane.priority.rawValue,
          title: lane.priority.rawValue.prefix(1).uppercased() + lane.priority.rawValue.dropFirst(),
          summary: [
            Metric("count", "Count", .integer(lane.rows.count)),
            Metric("value", "Value", lane.value.cell(default: currency)),
          ],
          cards: lane.rows.map { row in
            Card(
              id: row.id, title: row.name,
              fields: [
                Metric("client", "Client", row.client.map { .id($0) } ?? .empty),
                Metric("status", "Status", .text(row.status.rawValue)),
                Metric("value", "Value", row.value.map { .money($0) } ?? .empty),
                Metric("start", "Start", row.start.map { .date($0) } ?? .empty),
                Metric("end", "End", row.end.map { .date($0) } ?? .empty),
                Metric("estimate", "Estimate", row.estimate.map { .duration($0) } ?? .empty),
                Metric("actual", "Actual", .duration(row.actual)),
                Metric("invoiced", "Invoiced excl. tax", row.invoiced.map { .money($0) } ?? .empty),
                Metric("completion", "Completion", row.completion.map { .percent($0) } ?? .empty),
                Metric("basis", "Measured by", basisText(row.basis)),
              ])
          })
      })
    let active = report.rows.filter { $0.status == .inProgress }.count
    return context.view(
      "projects", "Projects",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Projects", .integer(report.rows.count)),
            Metric("in-progress", "In progress", .integer(active)),
          ]),
        .board(board),
      ])
  }
}

/// The goals board: a column per goal category (health, wealth, relationship, declared),
/// each goal with its target, progress and completion as of the as-of day — the seed's
/// goals section, where completion is computed rather than typed.
///
/// Goals are the freelancer's own, not a client's, and a metric names its own year, so
/// `--client`, `--project` and `--period` do not narrow them; only `--as-of` does
/// (progress and entries dated after it do not count).
public struct GoalsReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var id: String
    public var title: String
    public var category: String?
    public var target: DecimalNumber?
    public var unit: String?
    /// Progress so far in the goal's unit (money metrics: in the business currency).
    public var current: DecimalNumber
    /// `current ÷ target × 100`, one decimal, not capped at 100.
    public var completion: DecimalNumber?
    /// What the books measure for a metric goal; nil for a goal tracked by progress lines.
    public var metric: GoalMetric?
    /// Progress lines counted (dated on or before the as-of day); 0 for a metric goal.
    public var progressCount: Int
    /// The last progress line counted, to show how fresh a hand-tracked goal is.
    public var lastProgress: CalendarDate?

    /// True once the target is met.
    public var isReached: Bool {
      guard let completion else { return false }
      return !(completion < DecimalNumber(100))
    }
  }

  public var rows: [Row]
  /// The board's columns: every goal category, in vocabulary order.
  public var categories: [(id: String, title: String)]

  public init(_ context: ReportContext) {
    let asOf = context.options.asOf
    let statuses = GoalStatus.all(context.books, context.ledger, asOf: asOf)
    rows = zip(context.books.goals, statuses).map { goal, status in
      let counted = goal.metric == nil ? goal.progress.filter { $0.date <= asOf } : []
      return Row(
        id: goal.id, title: goal.title, category: goal.category?.id, target: goal.target,
        unit: goal.unit, current: status.current, completion: status.completion,
        metric: goal.metric, progressCount: counted.count,
        lastProgress: counted.map(\.date).max())
    }
    categories = ToolsReportSupport.lanes(
      .goalCategory, context.books.vocabulary, used: rows.map(\.category), none: "No category")
  }

  /// Lanes in vocabulary order, each with its goals in file order.
  public func lanes() -> [(id: String, title: String, rows: [Row])] {
    categories.map { category in
      (
        category.id, category.title,
        rows.filter { ToolsReportSupport.lane($0.category) == category.id }
      )
    }
  }

  /// "client income received in 2026": what a metric adds up, in the words of FORMAT.md.
  public static func measured(_ metric: GoalMetric) -> String {
    let year = metric.year.map { " in \($0)" } ?? ""
    switch metric.kind {
    case .income:
      return (metric.filter.map { "\($0) income" } ?? "income") + " received" + year
    case .expenses:
      return (metric.filter.map { "\($0) expenses" } ?? "expenses") + year
    case .invoiced:
      return "amounts invoiced" + year
    case .hours:
      return "hours of time logged" + year
    }
  }

  public static let report = Report(
    "goals", "goals by category, with target, progress and completion"
  ) { context in
    let report = GoalsReport(context)
    let board = Board(
      id: "goals",
      lanes: report.lanes().map { lane in
        Lane(
          id: lane.id, title: lane.title,
          summary: [
            Metric("count", "Goals", .integer(lane.rows.count)),
            Metric("reached", "Reached", .integer(lane.rows.filter(\.isReached).count)),
          ],
          cards: lane.rows.map { row in
            Card(
              id: row.id, title: row.title,
              fields: [
                Metric("target", "Target", row.target.map { .number($0) } ?? .empty),
                Metric("unit", "Unit", row.unit.map { .text($0) } ?? .empty),
                Metric("current", "Current", .number(row.current)),
                Metric("completion", "Completion", row.completion.map { .percent($0) } ?? .empty),
                Metric("measured", "Measured", row.metric.map { .text(measured($0)) } ?? .empty),
                Metric(
                  "last-progress", "Last progress", row.lastProgress.map { .date($0) } ?? .empty),
              ])
          })
      })
    return context.view(
      "goals", "Goals",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Goals", .integer(report.rows.count)),
            Metric("reached", "Reached", .integer(report.rows.filter(\.isReached).count)),
          ]),
        .board(board),
      ])
  }
}

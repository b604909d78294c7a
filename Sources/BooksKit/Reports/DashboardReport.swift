/// The one-screen morning overview: what came in and went out this period, who owes what
/// today, what is not billed yet, the pipeline, the work in progress, the week ahead and
/// the goals.
///
/// Two kinds of figures, kept apart on purpose:
/// - flows (income, expenses, net, invoiced, paid) count entries dated in the period —
///   without `--period`, the as-of day's calendar year — and not after the as-of day;
/// - standings (outstanding, overdue, unbilled, pipeline, projects, meetings, goals) are as
///   they stand on the as-of day, whatever the period, because money owed since last
///   December is still owed this January.
public struct DashboardReport: Sendable {
  /// How many clients are at one pipeline stage.
  public struct Stage: Sendable, Equatable {
    public var id: String
    public var title: String
    public var count: Int
  }

  /// A project in progress and how far along it is.
  public struct ActiveProject: Sendable, Equatable {
    public var id: String
    public var name: String
    public var client: String?
    public var priority: Priority
    public var end: CalendarDate?
    /// Percent complete, one decimal; nil when neither hours nor value can measure it.
    public var completion: DecimalNumber?
    public var basis: ProjectProgress.Basis
  }

  public struct UpcomingMeeting: Sendable, Equatable {
    public var date: CalendarDate
    public var start: TimeOfDay?
    public var title: String
    /// Ids of the clients, contacts and staff who attend.
    public var with: [String]
  }

  public struct GoalLine: Sendable, Equatable {
    public var id: String
    public var title: String
    public var current: DecimalNumber
    public var target: DecimalNumber?
    public var unit: String?
    public var completion: DecimalNumber?
  }

  /// How many upcoming meetings the dashboard lists: a morning's glance, not a calendar.
  public static let meetingLimit = 5

  /// The days the flows count: `--period`, else the as-of day's year.
  public var period: DayRange
  public var asOf: CalendarDate

  /// Received income (with `via`), every class.
  public var income = MoneyTotals()
  /// Not yet received income (without `via`) dated in the period: money expected.
  public var expected = MoneyTotals()
  public var expenses = MoneyTotals()
  /// `income - expenses`, per currency.
  public var net = MoneyTotals()
  /// Σ totals of the period's invoices that are neither draft nor void.
  public var invoiced = MoneyTotals()
  /// Σ received payments (up to the as-of day) on those same invoices.
  public var paid = MoneyTotals()

  /// Σ positive balances of every non-draft, non-void invoice dated up to the as-of day.
  public var outstanding = MoneyTotals()
  public var overdueCount = 0
  /// Σ balances of the invoices overdue on the as-of day.
  public var overdue = MoneyTotals()

  /// Billable time not on an invoice, dated up to the as-of day, as logged.
  public var unbilledTime = TimeSpan.zero
  /// The part of `unbilledTime` that has no hourly rate (time on a project, or on a
  /// service priced flat or per unit), so it has no amount.
  public var unvaluedTime = TimeSpan.zero
  /// The rest at its service's hourly rate, each entry rounded up to its client's billing
  /// increment: Σ minutes × rate ÷ 60, rounded once per currency.
  public var unbilledTimeValue = MoneyTotals()
  public var unbilledExpenseCount = 0
  /// Σ billable expenses not on an invoice, dated up to the as-of day.
  public var unbilledExpenses = MoneyTotals()

  /// Built-in stages first, then declared ones; a "no stage" row only when some client
  /// has none.
  public var pipeline: [Stage] = []
  /// Projects with status `in-progress`, in file order.
  public var activeProjects: [ActiveProject] = []
  /// Meetings on or after the as-of day — today's included, it is a morning overview —
  /// by date and start time, at most `meetingLimit`.
  public var meetings: [UpcomingMeeting] = []
  /// Every goal, in file order; left out when a client or project filter is given,
  /// because goals belong to the business, not to one client.
  public var goals: [GoalLine] = []

  public init(_ context: ReportContext) {
    let options = context.options
    let books = context.books
    asOf = options.asOf
    period =
      options.period == DayRange() ? DayRange.year(options.asOf.year) : options.period
    let period = self.period
    let first = context.reportCurrency
    for keyPath in [
      \DashboardReport.income, \.expected, \.expenses, \.invoiced, \.paid, \.outstanding,
      \.overdue, \.unbilledTimeValue, \.unbilledExpenses,
    ] {
      self[keyPath: keyPath] = MoneyTotals(startingWith: first)
    }
    func counts(_ date: CalendarDate) -> Bool { period.contains(date) && date <= options.asOf }

    for income in books.incomes where counts(income.date) && context.shows(income.amount.currency) {
      let party = context.party(of: income)
      guard context.matches(client: party.client, project: party.project) else { continue }
      if income.isReceived { self.income.add(income.amount) } else { expected.add(income.amount) }
    }
    for expense in books.expenses
    where counts(expense.date) && context.shows(expense.amount.currency) {
      let party = context.party(of: expense)
      guard context.matches(client: party.client, project: party.project) else { continue }
      expenses.add(expense.amount)
    }
    net = income.subtracting(expenses)

    for (invoice, state) in zip(books.invoices, context.ledger.invoices)
    where invoice.status != .draft && invoice.status != .void && invoice.date <= options.asOf
      && context.matches(
        client: context.clientOf(client: invoice.client, project: invoice.project),
        project: invoice.project?.id)
    {
      guard let currency = state.currency, context.shows(currency) else { continue }
      if period.contains(invoice.date) {
        if let total = state.total { invoiced.add(total) }
        if let paid = state.paid { self.paid.add(paid) }
      }
      if let balance = state.balance, !balance.isNegative, !balance.isZero {
        outstanding.add(balance)
        if state.standing(invoice, asOf: options.asOf) == .overdue {
          overdueCount += 1
          overdue.add(balance)
        }
      }
    }

    addUnbilled(context)
    addPipeline(context)
    addProjects(context)
    addMeetings(context)
    if options.client == nil, options.project == nil {
      let statuses = GoalStatus.all(books, context.ledger, asOf: options.asOf)
      goals = zip(books.goals, statuses).map { goal, status in
        GoalLine(
          id: goal.id, title: goal.title, current: status.current, target: status.target,
          unit: goal.unit, completion: status.completion)
      }
    }
  }

  /// Unbilled work as the `unbilled` report counts it (same billing rules, same rates),
  /// as of the day whatever the period: work not yet invoiced is still to bill.
  private mutating func addUnbilled(_ context: ReportContext) {
    var standing = context
    standing.options.period = DayRange()
    let unbilled = UnbilledReport(standing)
    for row in unbilled.rows {
      unbilledTime = unbilledTime.adding(row.hours) ?? unbilledTime
      unvaluedTime = unvaluedTime.adding(row.unvaluedHours) ?? unvaluedTime
      unbilledTimeValue.add(row.timeAmount)
      unbilledExpenses.add(row.expenses)
    }
    unbilledExpenseCount = unbilled.expenses.count
  }

  private mutating func addPipeline(_ context: ReportContext) {
    let clients = context.books.clients.filter { context.matches(clientRecord: $0.id) }
    pipeline = context.books.vocabulary.words(.stage).map { word in
      Stage(
        id: word, title: context.label(.stage, word),
        count: clients.filter { $0.stage?.id == word }.count)
    }
    let unstaged = clients.filter { $0.stage == nil }.count
    if unstaged > 0 { pipeline.append(Stage(id: "none", title: "No stage", count: unstaged)) }
  }

  private mutating func addProjects(_ context: ReportContext) {
    let books = context.books
    let asOf = context.options.asOf
    let progress = ProjectProgress.all(
      books, context.ledger, billing: context.knownBilling, counting: { $0 <= asOf })
    activeProjects = zip(books.projects, progress).compactMap { project, progress in
      guard project.status == .inProgress,
        context.matches(client: project.client?.id, project: project.id)
      else { return nil }
      return ActiveProject(
        id: project.id, name: project.name, client: project.client?.id,
        priority: project.priority, end: project.end, completion: progress.completion,
        basis: progress.basis)
    }
  }

  private mutating func addMeetings(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    // The client a meeting's attendee stands for: a client itself, or a contact's client.
    func clientOf(attendee id: String) -> String? {
      guard let definition = books.definition(id) else { return nil }
      switch definition.kind {
      case .client: return id
      case .contact:
        guard books.contacts.indices.contains(definition.index) else { return nil }
        return books.contacts[definition.index].client?.id
      default: return nil
      }
    }
    let wanted = options.client ?? options.project.flatMap { books.clientID(ofProject: $0) }
    let filtered = options.client != nil || options.project != nil
    let upcoming = books.meetings.enumerated().filter { _, meeting in
      guard meeting.date >= options.asOf else { return false }
      guard filtered else { return true }
      guard let wanted else { return false }
      return meeting.with.contains { clientOf(attendee: $0.id) == wanted }
    }
    .sorted { left, right in
      let a = left.element
      let b = right.element
      if a.date != b.date { return a.date < b.date }
      let aStart = a.start ?? TimeOfDay.midnight
      let bStart = b.start ?? TimeOfDay.midnight
      if aStart != bStart { return aStart < bStart }
      return left.offset < right.offset
    }
    meetings = upcoming.prefix(Self.meetingLimit).map { _, meeting in
      UpcomingMeeting(
        date: meeting.date, start: meeting.start, title: meeting.title,
        with: meeting.with.map(\.id))
    }
  }

  /// "2026" or "2026, to 2026-11-22": what the flows cover, said in the metric titles.
  public var periodTitle: String {
    if let to = period.to, to > asOf, period.contains(asOf) {
      return "\(period.label), to \(asOf)"
    }
    return period.label
  }

  public static func title(_ basis: ProjectProgress.Basis) -> String {
    switch basis {
    case .hours: "by hours"
    case .invoicing: "by invoicing"
    case .none: "unknown"
    }
  }

  public static let report = Report(
    "dashboard", aliases: ["dash"],
    "the morning overview: money, receivables, unbilled work, pipeline"
  ) {
    context in
    let report = DashboardReport(context)
    let currency = context.options.currency ?? context.books.defaultCurrency
    var periodContext = context
    periodContext.options.period = report.period
    var blocks: [Block] = [
      .metrics(
        id: "period", title: report.periodTitle,
        [
          Metric("income", "Income received", report.income.cell(default: currency)),
          Metric("expenses", "Expenses", report.expenses.cell(default: currency)),
          Metric("net", "Net", report.net.cell(default: currency)),
          Metric("expected", "Income expected", report.expected.cell(default: currency)),
          Metric("invoiced", "Invoiced", report.invoiced.cell(default: currency)),
          Metric("paid", "Paid on those invoices", report.paid.cell(default: currency)),
        ]),
      .metrics(
        id: "standing", title: "As of \(report.asOf)",
        [
          Metric("outstanding", "Outstanding", report.outstanding.cell(default: currency)),
          Metric("overdue-count", "Overdue invoices", .integer(report.overdueCount)),
          Metric("overdue", "Overdue amount", report.overdue.cell(default: currency)),
          Metric("unbilled-time", "Unbilled time", .duration(report.unbilledTime)),
          Metric(
            "unbilled-time-value", "Unbilled time value",
            report.unbilledTimeValue.cell(default: currency)),
          Metric("unvalued-time", "Unbilled time without a rate", .duration(report.unvaluedTime)),
          Metric(
            "unbilled-expense-count", "Unbilled expenses", .integer(report.unbilledExpenseCount)),
          Metric(
            "unbilled-expenses", "Unbilled expenses amount",
            report.unbilledExpenses.cell(default: currency)),
        ]),
      .metrics(
        id: "pipeline", title: "Pipeline",
        report.pipeline.map { Metric($0.id, $0.title, .integer($0.count)) }),
      .table(
        Table(
          id: "projects", title: "Active projects",
          columns: [
            Column("project", "Project"), Column("client", "Client"),
            Column("priority", "Priority"), Column("end", "End"),
            Column("completion", "Done"), Column("basis", "Measured"),
          ],
          rows: report.activeProjects.map { project in
            [
              .id(project.id), project.client.map { .id($0) } ?? .empty,
              .text(project.priority.rawValue), project.end.map { .date($0) } ?? .empty,
              project.completion.map { .percent($0) } ?? .empty, .text(title(project.basis)),
            ]
          })),
      .table(
        Table(
          id: "meetings", title: "Next meetings",
          columns: [
            Column("date", "Date"), Column("time", "Time"), Column("title", "Meeting"),
            Column("with", "With"),
          ],
          rows: report.meetings.map { meeting in
            [
              .date(meeting.date), meeting.start.map { .time($0) } ?? .empty,
              .text(meeting.title), .text(meeting.with.joined(separator: ", ")),
            ]
          })),
    ]
    if context.options.client == nil, context.options.project == nil {
      blocks.append(
        .table(
          Table(
            id: "goals", title: "Goals",
            columns: [
              Column("goal", "Goal"), Column("current", "So far"), Column("target", "Target"),
              Column("unit", "Unit"), Column("completion", "Done"),
            ],
            rows: report.goals.map { goal in
              [
                .id(goal.id), .number(goal.current), goal.target.map { .number($0) } ?? .empty,
                goal.unit.map { .text($0) } ?? .empty,
                goal.completion.map { .percent($0) } ?? .empty,
              ]
            })))
    }
    blocks.append(.note("Income counts money received (with `via`); without `via` it is expected."))
    blocks.append(
      .note("Outstanding, overdue and unbilled are as of \(report.asOf), whatever the period."))
    var view = periodContext.view(
      "dashboard", "Dashboard", blocks, primary: ReportView.allMetrics)
    if context.options.period == DayRange() {
      // Say which year "this period" fell back to, in the same words as the metric titles.
      view.subtitle = report.period.label + " · " + context.subtitle
    }
    return view
  }
}

/// Work done but not yet invoiced — "what have I not billed yet" — per client and project:
/// billable time at its hourly rate and billable expenses at their amount.
///
/// Counting the entries dated in the period and on or before the as-of day D:
/// - time: billable entries (not `billable no`) not yet on an invoice by D, attributed and
///   valued by `TimeBilling`'s rules: each entry rounded up to its client's `rounding`
///   increment, then per rate `round(billed minutes × rate ÷ 60)`, as the invoice line for
///   those hours would be. The raw hours are kept alongside; time nothing prices is shown
///   as unvalued hours;
/// - expenses: expenses with `billable` not yet on an invoice by D, at their amount; one
///   naming a client directly has no project.
/// "On an invoice by D" is `TimeBilling.isBilled(timeEntry:)`: an invoice that is not void and
/// is dated on or before D.
public struct UnbilledReport: Sendable {
  public struct TimeItem: Sendable, Equatable {
    public var date: CalendarDate
    public var client: String?
    public var project: String?
    public var service: String?
    public var staff: String?
    public var description: String?
    /// As logged.
    public var hours: TimeSpan
    /// Rounded up to the client's increment.
    public var billedHours: TimeSpan
    /// Nil when unvalued.
    public var rate: Money?
  }

  public struct ExpenseItem: Sendable, Equatable {
    public var date: CalendarDate
    public var client: String?
    public var project: String?
    public var description: String?
    public var amount: Money
  }

  /// What is unbilled for one client and project.
  public struct Row: Sendable, Equatable {
    public var client: String?
    public var project: String?
    public var hours = TimeSpan.zero
    public var billedHours = TimeSpan.zero
    /// Raw hours with no rate, left out of `timeAmount`.
    public var unvaluedHours = TimeSpan.zero
    /// The valued time, per rate.
    public var time = RatedTime()
    public var expenses = MoneyTotals()

    public var timeAmount: MoneyTotals { time.amount }

    public var total: MoneyTotals {
      var total = timeAmount
      total.add(expenses)
      return total
    }
  }

  public var time: [TimeItem]
  public var expenses: [ExpenseItem]
  /// By client id, then project id (a client's own expenses first); no client comes last.
  public var rows: [Row]

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    let billing = context.billing
    // Most time is billed: that is asked first, and the rest only of what is not.
    time = books.timeEntries.indices.compactMap { index in
      guard books.timeEntries[index].billable, !billing.isBilled(timeEntry: index),
        options.counts(books.timeEntries[index].date)
      else { return nil }
      let entry = books.timeEntries[index]
      let project = billing.project(ofTimeEntryAt: index)
      let client = billing.client(ofTimeEntryAt: index)
      let rate = billing.rate(ofTimeEntryAt: index)
      guard context.matches(client: client, project: project),
        rate.map({ context.shows($0.currency) }) ?? true
      else { return nil }
      return TimeItem(
        date: entry.date, client: client, project: project,
        service: billing.service(of: entry)?.id, staff: entry.staff?.id,
        description: entry.description, hours: entry.duration,
        billedHours: billing.billed(timeEntryAt: index), rate: rate)
    }
    expenses = books.expenses.enumerated().compactMap { index, expense in
      guard let target = expense.billable, !billing.isBilled(expense: index),
        options.counts(expense.date), context.shows(expense.amount.currency)
      else { return nil }
      // `billable` names a project (whose client pays) or a client directly.
      let isProject = books.project(target.id) != nil
      let project = isProject ? target.id : nil
      let client = isProject ? books.clientID(ofProject: target.id) : target.id
      guard context.matches(client: client, project: project) else { return nil }
      return ExpenseItem(
        date: expense.date, client: client, project: project, description: expense.description,
        amount: expense.amount)
    }
    var byKey: [Key: Row] = [:]
    for item in time {
      let key = Key(client: item.client, project: item.project)
      var row = byKey[key] ?? Row(client: item.client, project: item.project)
      row.hours = row.hours.plus(item.hours)
      row.billedHours = row.billedHours.plus(item.billedHours)
      if let rate = item.rate {
        row.time.add(item.billedHours, at: rate)
      } else {
        row.unvaluedHours = row.unvaluedHours.plus(item.hours)
      }
      byKey[key] = row
    }
    for item in expenses {
      let key = Key(client: item.client, project: item.project)
      var row = byKey[key] ?? Row(client: item.client, project: item.project)
      row.expenses.add(item.amount)
      byKey[key] = row
    }
    rows = byKey.keys.sorted().compactMap { byKey[$0] }
  }

  /// A row's place: client, then project.
  private struct Key: Hashable, Comparable {
    var client: String?
    var project: String?

    static func < (left: Key, right: Key) -> Bool {
      if left.client != right.client { return before(left.client, right.client, nilFirst: false) }
      return before(left.project, right.project, nilFirst: true)
    }

    private static func before(_ a: String?, _ b: String?, nilFirst: Bool) -> Bool {
      switch (a, b) {
      case (let a?, let b?): a < b
      case (nil, nil): false
      case (nil, _): nilFirst
      case (_, nil): !nilFirst
      }
    }
  }

  public static let report = Report(
    "unbilled", "time and billable expenses not yet invoiced, per client and project"
  ) { context in
    let report = UnbilledReport(context)
    let currency = context.books.defaultCurrency
    var hours = TimeSpan.zero
    var unvalued = TimeSpan.zero
    var timeAmount = MoneyTotals()
    var expenses = MoneyTotals()
    var billedHours = TimeSpan.zero
    for row in report.rows {
      hours = hours.plus(row.hours)
      billedHours = billedHours.plus(row.billedHours)
      unvalued = unvalued.plus(row.unvaluedHours)
      timeAmount.add(row.timeAmount)
      expenses.add(row.expenses)
    }
    var total = timeAmount
    total.add(expenses)
    func money(_ totals: MoneyTotals) -> Cell {
      totals.amounts.isEmpty ? .empty : totals.cell(default: nil)
    }
    func span(_ span: TimeSpan) -> Cell { span.minutes == 0 ? .empty : .duration(span) }
    var blocks: [Block] = [
      .metrics(
        id: "totals", title: nil,
        [
          Metric("hours", "Unbilled hours", .duration(hours)),
          Metric("time", "Time", timeAmount.cell(default: currency)),
          Metric("expenses", "Expenses", expenses.cell(default: currency)),
          Metric("total", "Total", total.cell(default: currency)),
        ])
    ]
    if report.rows.isEmpty {
      blocks.append(.note("Nothing left to bill as of \(context.options.asOf)."))
      return context.view("unbilled", "Unbilled work", blocks)
    }
    blocks.append(
      .table(
        Table(
          id: "unbilled", title: "By client and project",
          columns: [
            Column("client", "Client"), Column("project", "Project"), Column("hours", "Hours"),
            Column("billed-hours", "Billed hours"), Column("unvalued-hours", "Unvalued hours"),
            Column("time", "Time"), Column("expenses", "Expenses"), Column("total", "Total"),
          ],
          rows: report.rows.map { row in
            [
              row.client.map { .id($0) } ?? .empty, row.project.map { .id($0) } ?? .empty,
              span(row.hours), span(row.billedHours), span(row.unvaluedHours),
              money(row.timeAmount), money(row.expenses), money(row.total),
            ]
          },
          footer: [
            .text("Total"), .empty, .duration(hours), .duration(billedHours), span(unvalued),
            money(timeAmount), money(expenses), money(total),
          ])))
    if !report.time.isEmpty {
      blocks.append(
        .table(
          Table(
            id: "time", title: "Unbilled time",
            columns: [
              Column("date", "Date"), Column("client", "Client"), Column("project", "Project"),
              Column("service", "Service"), Column("staff", "Staff"),
              Column("description", "Description"), Column("hours", "Hours"),
              Column("billed-hours", "Billed hours"), Column("rate", "Rate"),
            ],
            rows: report.time.map { item in
              [
                .date(item.date), item.client.map { .id($0) } ?? .empty,
                item.project.map { .id($0) } ?? .empty, item.service.map { .id($0) } ?? .empty,
                item.staff.map { .id($0) } ?? .empty,
                item.description.map { .text($0) } ?? .empty, .duration(item.hours),
                .duration(item.billedHours), item.rate.map { .money($0) } ?? .empty,
              ]
            })))
    }
    if !report.expenses.isEmpty {
      blocks.append(
        .table(
          Table(
            id: "expenses", title: "Unbilled expenses",
            columns: [
              Column("date", "Date"), Column("client", "Client"), Column("project", "Project"),
              Column("description", "Description"), Column("amount", "Amount"),
            ],
            rows: report.expenses.map { item in
              [
                .date(item.date), item.client.map { .id($0) } ?? .empty,
                item.project.map { .id($0) } ?? .empty,
                item.description.map { .text($0) } ?? .empty, .money(item.amount),
              ]
            })))
    }
    return context.view("unbilled", "Unbilled work", blocks)
  }
}

/// Time per staff member and client, for a studio that shares its books: the hours each
/// person logged, what they are worth at the person's billing rate and cost at their cost
/// rate, and how many entries still wait for an approval.
///
/// Counting the time entries that name a `staff` member, dated in the period and on or
/// before the as-of day, per staff member and client (the client of the entry's project):
/// - `hours` = Σ durations; `billable` = Σ durations of the billable ones;
/// - `amount` = `round(billable minutes × rate ÷ 60)` with the member's billing `rate`, on
///   the time as logged: this measures the work, not an invoice, so no client rounding;
/// - `cost` = `round(minutes × cost ÷ 60)` over all the hours, with the member's `cost`;
/// - `to approve` = entries without `approved-by` by a member who may not approve (a member
///   with `may-approve yes` approves their own time).
public struct StaffReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var staff: String
    /// Nil in the per-member totals, or for time on a project without a client.
    public var client: String?
    public var hours = TimeSpan.zero
    public var billableHours = TimeSpan.zero
    public var amount: Money?
    public var cost: Money?
    public var toApprove = 0
  }

  /// Per member (in declaration order, unknown ids last) and client (by id).
  public var rows: [Row]
  /// Per member: the sums of their rows.
  public var members: [Row]

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    let billing = context.billing
    var byKey: [Key: Row] = [:]
    for entry in books.timeEntries {
      guard let staff = entry.staff?.id, options.counts(entry.date) else { continue }
      let client = billing.client(of: entry)
      guard context.matches(client: client, project: billing.project(of: entry)) else {
        continue
      }
      let key = Key(staff: staff, client: client)
      var row = byKey[key] ?? Row(staff: staff, client: client)
      row.hours = row.hours.plus(entry.duration)
      if entry.billable { row.billableHours = row.billableHours.plus(entry.duration) }
      if entry.approvedBy == nil, books.staffMember(staff)?.mayApprove != true {
        row.toApprove += 1
      }
      byKey[key] = row
    }
    let order = Dictionary(
      books.staff.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let keys = byKey.keys.sorted { left, right in
      let a = order[left.staff] ?? Int.max
      let b = order[right.staff] ?? Int.max
      if a != b { return a < b }
      if left.staff != right.staff { return left.staff < right.staff }
      switch (left.client, right.client) {
      case (let x?, let y?): return x < y
      case (nil, _): return false
      case (_, nil): return true
      }
    }
    rows = keys.compactMap { key in
      guard var row = byKey[key] else { return nil }
      let member = books.staffMember(key.staff)
      if let rate = member?.billingRate, context.shows(rate.currency) {
        row.amount = TimeBilling.value(row.billableHours, at: rate)
      }
      if let cost = member?.costRate, context.shows(cost.currency) {
        row.cost = TimeBilling.value(row.hours, at: cost)
      }
      return row
    }
    var members: [Row] = []
    for row in rows {
      if members.last?.staff != row.staff { members.append(Row(staff: row.staff, client: nil)) }
      let last = members.count - 1
      members[last].hours = members[last].hours.plus(row.hours)
      members[last].billableHours = members[last].billableHours.plus(row.billableHours)
      members[last].amount = Self.sum(members[last].amount, row.amount)
      members[last].cost = Self.sum(members[last].cost, row.cost)
      members[last].toApprove += row.toApprove
    }
    self.members = members
  }

  private struct Key: Hashable {
    var staff: String
    var client: String?
  }

  /// The sum of two optional amounts; an overflow keeps the first.
  private static func sum(_ a: Money?, _ b: Money?) -> Money? {
    guard let a else { return b }
    guard let b else { return a }
    return (try? a.adding(b)) ?? a
  }

  public static let report = Report(
    "staff", "hours, amounts and costs per staff member and client; entries to approve"
  ) { context in
    let report = StaffReport(context)
    if report.rows.isEmpty {
      return context.view(
        "staff", "Staff", [.note("No time entry names a staff member.")])
    }
    var hours = TimeSpan.zero
    var billable = TimeSpan.zero
    var amount = MoneyTotals()
    var cost = MoneyTotals()
    var toApprove = 0
    for row in report.members {
      hours = hours.plus(row.hours)
      billable = billable.plus(row.billableHours)
      if let value = row.amount { amount.add(value) }
      if let value = row.cost { cost.add(value) }
      toApprove += row.toApprove
    }
    func cells(_ row: Row) -> [Cell] {
      [
        .duration(row.hours), .duration(row.billableHours),
        row.amount.map { .money($0) } ?? .empty, row.cost.map { .money($0) } ?? .empty,
        .integer(row.toApprove),
      ]
    }
    let figures = [
      Column("hours", "Hours"), Column("billable-hours", "Billable"), Column("amount", "Amount"),
      Column("cost", "Cost"), Column("to-approve", "To approve"),
    ]
    let totals: [Cell] = [
      .duration(hours), .duration(billable), amount.cell(default: nil), cost.cell(default: nil),
      .integer(toApprove),
    ]
    return context.view(
      "staff", "Staff",
      [
        .table(
          Table(
            id: "staff", title: "By staff member and client",
            columns: [Column("staff", "Staff"), Column("client", "Client")] + figures,
            rows: report.rows.map { row in
              [.id(row.staff), row.client.map { .id($0) } ?? .empty] + cells(row)
            },
            footer: [.text("Total"), .empty] + totals)),
        .table(
          Table(
            id: "members", title: "By staff member",
            columns: [Column("staff", "Staff"), Column("name", "Name")] + figures,
            rows: report.members.map { row in
              [
                .id(row.staff),
                context.books.staffMember(row.staff).map { .text($0.name) } ?? .empty,
              ] + cells(row)
            },
            footer: [.text("Total"), .empty] + totals)),
      ])
  }
}

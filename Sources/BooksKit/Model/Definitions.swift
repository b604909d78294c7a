/// The business's own settings: identity, defaults and policies. At most one per set of books.
public struct Business: Sendable {
  public var name: String
  public var legalName: String?
  public var address: [String] = []
  public var email: String?
  public var phone: String?
  public var website: String?
  public var taxID: String?
  /// The currency of amounts written without one.
  public var currency: Currency?
  /// Default payment terms in days.
  public var termsDays: Int?
  public var lateFee: LateFeePolicy?
  /// Which entries need an `approved-by`.
  public var approvals: [ApprovalRule] = []
  public var invoiceNumbering: String?
  public var estimateNumbering: String?
  public var bank: [String] = []
  public var paymentLink: String?
  public var locale: String?
  public var logo: String?
  public var range: SourceRange

  public init(name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// How late fees accrue on an overdue invoice.
public struct LateFeePolicy: Hashable, Sendable {
  public enum Period: String, Sendable, CaseIterable { case day, week, month, year }
  /// A one-off fee once the grace period has passed.
  public var flat: Money?
  /// Interest on the balance due, per `period`.
  public var percent: Percentage?
  public var period: Period = .month
  public var graceDays: Int = 0
}

/// A rule of the business's approval policy: `approval invoices over 5000 EUR`,
/// `approval expenses by staff`, `approval time by staff`.
public struct ApprovalRule: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case invoices, estimates, expenses, time
  }

  public var kind: Kind
  /// Entries above this amount need approval (`over AMOUNT`).
  public var over: Money?
  /// Entries recorded for a staff member who may not approve need approval (`by staff`).
  public var byStaff = false
  public var range: SourceRange
}

/// A named tax rate, referenced by invoices, estimates and expenses.
public struct Tax: Sendable {
  public var id: String
  public var name: String
  public var rate: Percentage
  public var range: SourceRange
}

public struct Client: Sendable {
  public var id: String
  public var name: String
  public var stage: Word?
  public var company: String?
  public var contact: String?
  public var position: String?
  public var email: String?
  public var phone: String?
  public var website: String?
  public var address: [String] = []
  public var taxID: String?
  public var contract: Money?
  public var currency: Currency?
  public var termsDays: Int?
  /// Billing increment for time: each entry is rounded up to a multiple of it when billed.
  public var rounding: TimeSpan?
  public var staff: [Ref] = []
  public var notes: [String] = []
  public var tags: [String] = []
  public var range: SourceRange
}

public struct Contact: Sendable {
  public var id: String
  public var name: String
  public var category: Word?
  public var designation: String?
  public var company: String?
  public var client: Ref?
  public var phone: String?
  public var email: String?
  public var address: [String] = []
  public var notes: [String] = []
  public var range: SourceRange
}

public enum Priority: String, Sendable, CaseIterable, Comparable {
  case low, medium, high

  public static func < (lhs: Priority, rhs: Priority) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}

public enum WorkStatus: String, Sendable, CaseIterable {
  case notStarted = "not-started"
  case inProgress = "in-progress"
  case onHold = "on-hold"
  case completed
  case cancelled
}

public struct Milestone: Sendable {
  public var name: String
  public var amount: Money
  public var due: CalendarDate?
  public var range: SourceRange
}

public struct Project: Sendable {
  public var id: String
  public var name: String
  public var client: Ref?
  public var value: Money?
  public var priority: Priority = .medium
  public var status: WorkStatus = .notStarted
  public var start: CalendarDate?
  public var end: CalendarDate?
  public var estimate: TimeSpan?
  public var milestones: [Milestone] = []
  public var notes: [String] = []
  public var tags: [String] = []
  public var range: SourceRange
}

public struct Service: Sendable {
  public var id: String
  public var name: String
  public var project: Ref?
  /// `hourly`, `flat`, or a declared pricing unit such as `page`.
  public var pricing: Word?
  public var rate: Money?
  /// The planned length of the work.
  public var duration: TimeSpan?
  public var status: WorkStatus = .notStarted
  public var notes: [String] = []
  public var range: SourceRange
}

public struct Staff: Sendable {
  public var id: String
  public var name: String
  public var role: String?
  public var email: String?
  public var costRate: Money?
  public var billingRate: Money?
  public var clients: [Ref] = []
  public var mayApprove = false
  public var range: SourceRange
}

public struct Todo: Sendable, Hashable {
  public var text: String
  public var done: Bool
}

public struct Resource: Sendable {
  public var id: String
  public var title: String
  public var kind: Word?
  public var topics: [Word] = []
  public var links: [String] = []
  public var notes: [String] = []
  public var todos: [Todo] = []
  public var range: SourceRange
}

public struct GoalProgress: Sendable {
  public var date: CalendarDate
  public var value: DecimalNumber
  public var range: SourceRange
}

/// A goal's progress computed from the books instead of written down.
public struct GoalMetric: Sendable, Hashable {
  public enum Kind: String, Sendable, CaseIterable { case income, expenses, invoiced, hours }
  public var kind: Kind
  /// For `income`, an income class to restrict to; for `expenses`, a category.
  public var filter: String?
  public var year: Int?
}

public struct Goal: Sendable {
  public var id: String
  public var title: String
  public var category: Word?
  public var target: DecimalNumber?
  public var unit: String?
  public var progress: [GoalProgress] = []
  public var metric: GoalMetric?
  /// Where the metric is written, for diagnostics about it.
  public var metricRange: SourceRange?
  public var notes: [String] = []
  public var range: SourceRange
}

/// How often a recurring invoice is due: every N weeks, months or years.
public struct Frequency: Sendable, Equatable {
  public enum Unit: String, Sendable { case week, month, year }
  public var count: Int
  public var unit: Unit

  public init(count: Int, unit: Unit) {
    self.count = count
    self.unit = unit
  }

  /// The start of period `index` (0 is `start`): months and years keep the start's day of
  /// the month, falling back to the month's last day; nil past the calendar's end.
  public func start(_ index: Int, from start: CalendarDate) -> CalendarDate? {
    let (steps, overflow) = index.multipliedReportingOverflow(by: count)
    guard !overflow, index >= 0 else { return nil }
    switch unit {
    case .week:
      let (days, overflow) = steps.multipliedReportingOverflow(by: 7)
      return overflow ? nil : start.adding(days: days)
    case .month: return start.adding(months: steps)
    case .year:
      let (months, overflow) = steps.multipliedReportingOverflow(by: 12)
      return overflow ? nil : start.adding(months: months)
    }
  }

  /// Period `index`: from its start to the day before the next one starts.
  public func period(_ index: Int, from start: CalendarDate) -> DatePeriod? {
    guard let first = self.start(index, from: start),
      let next = self.start(index + 1, from: start), let last = next.adding(days: -1)
    else { return nil }
    return DatePeriod(start: first, end: last)
  }

  /// `month`, `3 months`, `2 weeks`.
  public var description: String {
    count == 1 ? unit.rawValue : "\(count) \(unit.rawValue)s"
  }
}

/// `recurring ID [NAME]`: a template for an invoice drawn every period, such as a monthly
/// retainer; `books new invoice --recurring ID` drafts the next one.
public struct RecurringInvoice: Sendable {
  public var id: String
  public var name: String
  public var client: Ref?
  public var project: Ref?
  public var every: Frequency?
  /// The first period's first day.
  public var start: CalendarDate?
  /// No period starts after this day.
  public var end: CalendarDate?
  public var currency: Currency?
  public var items: [LineItem] = []
  public var discounts: [Located<Discount>] = []
  public var taxes: [Ref] = []
  public var taxInclusive = false
  public var termsDays: Int?
  public var terms: [String] = []
  /// Hours of the project's time each period that the items already pay for.
  public var includes: TimeSpan?
  /// The hourly rate of time beyond `includes`.
  public var overage: Money?
  public var notes: [String] = []
  public var range: SourceRange

  /// The most periods `periods(through:)` lists.
  public static let periodLimit = 10_000

  /// The periods that started on or before `day`, oldest first (at most `periodLimit`).
  public func periods(through day: CalendarDate) -> [DatePeriod] {
    guard let every, let start else { return [] }
    var periods: [DatePeriod] = []
    var index = 0
    while let period = every.period(index, from: start), period.start <= day,
      end.map({ period.start <= $0 }) ?? true, periods.count < Self.periodLimit
    {
      periods.append(period)
      index += 1
    }
    return periods
  }
}

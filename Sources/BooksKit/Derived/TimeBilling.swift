/// The rules for billing time, shared by the services, unbilled and staff reports so that
/// they value the same hour the same way.
///
/// - An entry counts towards the service it is logged on; time logged on a project directly
///   counts towards the project's only `hourly` service, when it has exactly one (a care
///   plan logged on the project), and towards no service otherwise.
/// - Time is valued by the hour only when its work is sold by the hour. On an `hourly`
///   service it is worth the service's rate, else the billing `rate` of the staff member
///   who logged it. On a flat or unit-priced service, or on a project whose services are
///   all flat or unit-priced, it is fixed-price work, billed by invoice items, and stays
///   unvalued. On a project with no service (or several hourly ones) it is worth the staff
///   member's billing rate. With no rate it is unvalued.
/// - When billed, its minutes are rounded up to the client's `rounding` increment; the
///   logged time stays as written.
/// - It is billed on day D when the invoice that bills it (`Billing`: the invoice it names,
///   else the earliest invoice whose `bills` field claims it) is not void and is dated on
///   or before D (a draft counts: the time is claimed). A number that names no invoice
///   counts as billed too; `books check` reports it. Expenses are billed the same way.
public struct TimeBilling: Sendable {
  public let books: Books
  public let asOf: CalendarDate
  /// Which invoice bills each entry and expense.
  public let claims: Billing
  /// For each project with exactly one `hourly` service, that service's id.
  private let onlyHourlyService: [String: String]
  /// Projects with services, none of them `hourly`: fixed-price work.
  private let fixedPriceProjects: Set<String>

  public init(books: Books, asOf: CalendarDate) {
    self.books = books
    self.asOf = asOf
    self.claims = Billing(books)
    var hourly: [String: [String]] = [:]
    var withServices: Set<String> = []
    for service in books.services {
      guard let project = service.project?.id else { continue }
      withServices.insert(project)
      if service.pricing?.id == "hourly" { hourly[project, default: []].append(service.id) }
    }
    onlyHourlyService = hourly.compactMapValues { $0.count == 1 ? $0.first : nil }
    fixedPriceProjects = withServices.subtracting(hourly.keys)
  }

  /// The project an entry counts towards: its target, or the project of its service.
  public func project(of entry: TimeEntry) -> String? {
    books.projectID(ofTimeTarget: entry.target.id)
  }

  /// The client an entry is billed to: the client of its project.
  public func client(of entry: TimeEntry) -> String? {
    project(of: entry).flatMap { books.clientID(ofProject: $0) }
  }

  /// The service an entry counts towards (see the type's rules).
  public func service(of entry: TimeEntry) -> Service? {
    if let service = books.service(entry.target.id) { return service }
    guard books.project(entry.target.id) != nil,
      let only = onlyHourlyService[entry.target.id]
    else { return nil }
    return books.service(only)
  }

  /// The hourly rate an entry is billed at, or nil when nothing in the books prices it.
  public func rate(of entry: TimeEntry) -> Money? {
    let staffRate = entry.staff.flatMap { books.staffMember($0.id)?.billingRate }
    if let service = service(of: entry) {
      guard service.pricing?.id == "hourly" else { return nil }
      return service.rate ?? staffRate
    }
    if let project = project(of: entry), fixedPriceProjects.contains(project) { return nil }
    return staffRate
  }

  /// The entry's duration rounded up to its client's billing increment.
  public func billed(_ entry: TimeEntry) -> TimeSpan {
    guard let client = client(of: entry), let increment = books.client(client)?.rounding,
      increment.minutes > 0
    else { return entry.duration }
    return entry.duration.roundedUp(toMultipleOf: increment.minutes)
  }

  /// True when the time entry at `index` had been billed by the as-of day.
  public func isBilled(timeEntry index: Int) -> Bool {
    isBilled(by: claims.timeInvoices.indices.contains(index) ? claims.timeInvoices[index] : nil)
  }

  /// True when the expense at `index` had been billed by the as-of day.
  public func isBilled(expense index: Int) -> Bool {
    isBilled(
      by: claims.expenseInvoices.indices.contains(index) ? claims.expenseInvoices[index] : nil)
  }

  private func isBilled(by number: String?) -> Bool {
    guard let number else { return false }
    guard let invoice = books.invoice(number) else { return true }
    return invoice.status != .void && invoice.date <= asOf
  }

  /// `minutes × rate ÷ 60`, rounded once to the currency's minor units, the way an invoice
  /// line of that many hours is; nil on overflow.
  public static func value(_ span: TimeSpan, at rate: Money) -> Money? {
    guard let product = DecimalNumber(span.minutes).multiplied(by: rate.amount),
      let amount = product.divided(by: DecimalNumber(60), scale: rate.currency.minorUnits)
    else { return nil }
    return Money(amount, rate.currency)
  }
}

/// Time added up per hourly rate, so each rate's hours are valued once, as one invoice line.
public struct RatedTime: Sendable, Equatable {
  public struct Part: Sendable, Equatable {
    public var rate: Money
    public var time: TimeSpan
  }

  /// The time at each rate, in the order rates first appear.
  public private(set) var parts: [Part] = []

  public init() {}

  public mutating func add(_ time: TimeSpan, at rate: Money) {
    if let index = parts.firstIndex(where: { $0.rate == rate }) {
      parts[index].time = parts[index].time.plus(time)
    } else {
      parts.append(Part(rate: rate, time: time))
    }
  }

  public mutating func add(_ other: RatedTime) {
    for part in other.parts { add(part.time, at: part.rate) }
  }

  /// Σ over rates of `round(time × rate ÷ 60)`, per currency.
  public var amount: MoneyTotals {
    var totals = MoneyTotals()
    for part in parts {
      if let value = TimeBilling.value(part.time, at: part.rate) { totals.add(value) }
    }
    return totals
  }
}

extension TimeSpan {
  /// The sum for report totals; it stops at `Int.max` minutes rather than trapping, which
  /// no real books reach (a parsed span is at most 10⁷ hours).
  func plus(_ other: TimeSpan) -> TimeSpan {
    adding(other) ?? TimeSpan(minutes: Int.max)
  }
}

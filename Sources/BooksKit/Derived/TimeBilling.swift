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
    rate(target: entry.target.id, staff: entry.staff?.id)
  }

  /// `rate(of:)` of the time entry at `index` of the books, read in place.
  public func rate(ofTimeEntryAt index: Int) -> Money? {
    guard books.timeEntries.indices.contains(index) else { return nil }
    return rate(
      target: books.timeEntries[index].target.id, staff: books.timeEntries[index].staff?.id)
  }

  private func rate(target: String, staff: String?) -> Money? {
    let staffRate = staff.flatMap { id in
      books.index(of: id, .staff).flatMap {
        books.staff.indices.contains($0) ? books.staff[$0].billingRate : nil
      }
    }
    if let service = serviceIndex(ofTarget: target) {
      guard books.services[service].pricing?.id == "hourly" else { return nil }
      return books.services[service].rate ?? staffRate
    }
    if let project = books.projectID(ofTimeTarget: target), fixedPriceProjects.contains(project) {
      return nil
    }
    return staffRate
  }

  /// Where `service(of:)` of an entry on `target` is in the books' services.
  private func serviceIndex(ofTarget target: String) -> Int? {
    if let index = books.index(of: target, .service), books.services.indices.contains(index) {
      return index
    }
    guard let project = books.index(of: target, .project), books.projects.indices.contains(project),
      let only = onlyHourlyService[target], let index = books.index(of: only, .service),
      books.services.indices.contains(index)
    else { return nil }
    return index
  }

  /// The entry's duration rounded up to its client's billing increment.
  public func billed(_ entry: TimeEntry) -> TimeSpan {
    billed(target: entry.target.id, duration: entry.duration)
  }

  /// `billed(_:)` of the time entry at `index` of the books, read in place.
  public func billed(timeEntryAt index: Int) -> TimeSpan {
    guard books.timeEntries.indices.contains(index) else { return .zero }
    return billed(
      target: books.timeEntries[index].target.id, duration: books.timeEntries[index].duration)
  }

  private func billed(target: String, duration: TimeSpan) -> TimeSpan {
    guard
      let client = books.projectID(ofTimeTarget: target).flatMap({ books.clientID(ofProject: $0) }),
      let index = books.index(of: client, .client), books.clients.indices.contains(index),
      let increment = books.clients[index].rounding, increment.minutes > 0
    else { return duration }
    return duration.roundedUp(toMultipleOf: increment.minutes)
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
    guard let index = books.invoiceIndex(number), books.invoices.indices.contains(index) else {
      return true
    }
    return books.invoices[index].status != .void && books.invoices[index].date <= asOf
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

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
  public private(set) var asOf: CalendarDate
  /// Which invoice bills each entry and expense.
  public let claims: Billing
  /// For each project with exactly one `hourly` service, that service's id.
  private let onlyHourlyService: [String: String]
  /// Projects with services, none of them `hourly`: fixed-price work.
  private let fixedPriceProjects: Set<String>
  /// Per time entry, where its target's terms are in `targetTerms`: each target is looked
  /// up once, not at every rate or rounding asked of one of its entries.
  private let entryTarget: [Int32]
  /// Per time entry, where its staff member's rate is in `staffRates`.
  private let entryStaff: [Int32]
  private let targetTerms: [TargetTerms]
  private let staffRates: [Money?]
  /// Per time entry, `billed(timeEntryAt:)` in minutes when `rate(ofTimeEntryAt:)` prices
  /// it, else 0: what an invoice's claimed time adds up, read without touching the entries
  /// (a million of them are far apart in memory; this is 8 bytes each).
  private let valuedMinutes: [Int]

  /// How a target's time is priced and rounded.
  private struct TargetTerms: Sendable {
    enum Pricing: Sendable {
      /// Fixed-price work, or a service sold other than by the hour.
      case unvalued
      /// An hourly service with its own rate.
      case rate(Money)
      /// At the billing rate of whoever logged it.
      case staff
    }
    var pricing: Pricing
    /// The client's `rounding` increment in minutes; 0 for none.
    var rounding: Int
    /// The project the target counts towards, and its client.
    var project: String?
    var client: String?
  }

  public init(books: Books, asOf: CalendarDate) {
    self.books = books
    self.asOf = asOf
    let targets = TimeTargets(books.timeEntries)
    self.claims = Billing(books, targets: targets)
    var hourly: [String: [String]] = [:]
    var withServices: Set<String> = []
    for service in books.services {
      guard let project = service.project?.id else { continue }
      withServices.insert(project)
      if service.pricing?.id == "hourly" { hourly[project, default: []].append(service.id) }
    }
    let onlyHourly = hourly.compactMapValues { $0.count == 1 ? $0.first : nil }
    let fixedPrice = withServices.subtracting(hourly.keys)
    onlyHourlyService = onlyHourly
    fixedPriceProjects = fixedPrice
    var staffSlots = IdSlots()
    var entryStaff = [Int32](repeating: 0, count: books.timeEntries.count)
    var minutes = [Int](repeating: 0, count: books.timeEntries.count)
    books.timeEntries.forEachAddress { index, entry in
      minutes[index] = entry.pointee.duration.minutes
      guard let staff = entry.pointee.staff?.id else { return }
      entryStaff[index] = staffSlots.slot(staff) + 1  // 0: no staff member
    }
    let targetTerms = targets.ids.map {
      Self.terms(of: $0, books, onlyHourly: onlyHourly, fixedPrice: fixedPrice)
    }
    let staffRates = [nil] + staffSlots.ids.map { Self.staffRate($0, books) }
    // Per target, its rounding when its time is priced by itself (1), by the staff member
    // (2) or not at all (0).
    let pricing: [(kind: UInt8, rounding: Int)] = targetTerms.map { terms in
      switch terms.pricing {
      case .unvalued: (0, terms.rounding)
      case .rate: (1, terms.rounding)
      case .staff: (2, terms.rounding)
      }
    }
    let staffPriced = staffRates.map { $0 != nil }
    for index in minutes.indices {
      let target = Int(targets.slots[index])
      let staff = Int(entryStaff[index])
      guard pricing.indices.contains(target), staffPriced.indices.contains(staff) else {
        minutes[index] = 0
        continue
      }
      let (kind, rounding) = pricing[target]
      guard kind == 1 || (kind == 2 && staffPriced[staff]) else {
        minutes[index] = 0
        continue
      }
      minutes[index] = Self.rounded(TimeSpan(minutes: minutes[index]), rounding).minutes
    }
    self.entryTarget = targets.slots
    self.entryStaff = entryStaff
    self.targetTerms = targetTerms
    self.staffRates = staffRates
    self.valuedMinutes = minutes
  }

  /// The same billing seen on another day: only what counts as billed by then changes.
  public func asOf(_ day: CalendarDate) -> TimeBilling {
    var copy = self
    copy.asOf = day
    return copy
  }

  private static func staffRate(_ id: String, _ books: Books) -> Money? {
    books.index(of: id, .staff).flatMap {
      books.staff.indices.contains($0) ? books.staff[$0].billingRate : nil
    }
  }

  private static func terms(
    of target: String, _ books: Books, onlyHourly: [String: String], fixedPrice: Set<String>
  ) -> TargetTerms {
    let pricing: TargetTerms.Pricing
    if let service = serviceIndex(ofTarget: target, books, onlyHourly: onlyHourly) {
      if books.services[service].pricing?.id != "hourly" {
        pricing = .unvalued
      } else if let rate = books.services[service].rate {
        pricing = .rate(rate)
      } else {
        pricing = .staff
      }
    } else if let project = books.projectID(ofTimeTarget: target), fixedPrice.contains(project) {
      pricing = .unvalued
    } else {
      pricing = .staff
    }
    var rounding = 0
    let project = books.projectID(ofTimeTarget: target)
    let client = project.flatMap { books.clientID(ofProject: $0) }
    if let client, let index = books.index(of: client, .client),
      books.clients.indices.contains(index),
      let increment = books.clients[index].rounding, increment.minutes > 0
    {
      rounding = increment.minutes
    }
    return TargetTerms(pricing: pricing, rounding: rounding, project: project, client: client)
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
    rate(
      Self.terms(
        of: entry.target.id, books, onlyHourly: onlyHourlyService, fixedPrice: fixedPriceProjects
      ), staff: entry.staff.flatMap { Self.staffRate($0.id, books) })
  }

  private func rate(_ terms: TargetTerms, staff: @autoclosure () -> Money?) -> Money? {
    switch terms.pricing {
    case .unvalued: return nil
    case .rate(let rate): return rate
    case .staff: return staff()
    }
  }

  /// The terms of the target of the time entry at `index`.
  private func terms(ofTimeEntryAt index: Int) -> TargetTerms? {
    guard entryTarget.indices.contains(index), targetTerms.indices.contains(Int(entryTarget[index]))
    else { return nil }
    return targetTerms[Int(entryTarget[index])]
  }

  /// Per time entry, the index of its target; per target, the project it counts towards.
  var timeTargets: (slots: [Int32], projects: [String?]) {
    (entryTarget, targetTerms.map(\.project))
  }

  /// `project(of:)` of the time entry at `index` of the books.
  public func project(ofTimeEntryAt index: Int) -> String? {
    terms(ofTimeEntryAt: index)?.project
  }

  /// `client(of:)` of the time entry at `index` of the books.
  public func client(ofTimeEntryAt index: Int) -> String? {
    terms(ofTimeEntryAt: index)?.client
  }

  /// `rate(of:)` of the time entry at `index` of the books, its target and staff member
  /// resolved once for all entries.
  public func rate(ofTimeEntryAt index: Int) -> Money? {
    guard entryTarget.indices.contains(index), entryStaff.indices.contains(index),
      targetTerms.indices.contains(Int(entryTarget[index])),
      staffRates.indices.contains(Int(entryStaff[index]))
    else { return nil }
    return rate(targetTerms[Int(entryTarget[index])], staff: staffRates[Int(entryStaff[index])])
  }

  /// Where `service(of:)` of an entry on `target` is in the books' services.
  private static func serviceIndex(
    ofTarget target: String, _ books: Books, onlyHourly: [String: String]
  ) -> Int? {
    if let index = books.index(of: target, .service), books.services.indices.contains(index) {
      return index
    }
    guard let project = books.index(of: target, .project), books.projects.indices.contains(project),
      let only = onlyHourly[target], let index = books.index(of: only, .service),
      books.services.indices.contains(index)
    else { return nil }
    return index
  }

  /// The entry's duration rounded up to its client's billing increment.
  public func billed(_ entry: TimeEntry) -> TimeSpan {
    Self.rounded(
      entry.duration,
      Self.terms(
        of: entry.target.id, books, onlyHourly: onlyHourlyService, fixedPrice: fixedPriceProjects))
  }

  /// `billed(_:)` of the time entry at `index` of the books.
  public func billed(timeEntryAt index: Int) -> TimeSpan {
    guard books.timeEntries.indices.contains(index), entryTarget.indices.contains(index),
      targetTerms.indices.contains(Int(entryTarget[index]))
    else { return .zero }
    return Self.rounded(books.timeEntries[index].duration, targetTerms[Int(entryTarget[index])])
  }

  private static func rounded(_ duration: TimeSpan, _ terms: TargetTerms) -> TimeSpan {
    rounded(duration, terms.rounding)
  }

  private static func rounded(_ duration: TimeSpan, _ rounding: Int) -> TimeSpan {
    rounding > 0 ? duration.roundedUp(toMultipleOf: rounding) : duration
  }

  /// The billed time (`billed(timeEntryAt:)`) of the entries at `indices` that have a rate
  /// (`rate(ofTimeEntryAt:)`); the others add nothing.
  public func valuedTime(ofTimeEntriesAt indices: [Int]) -> TimeSpan {
    var total = TimeSpan.zero
    for index in indices where valuedMinutes.indices.contains(index) {
      total = total.plus(TimeSpan(minutes: valuedMinutes[index]))
    }
    return total
  }

  /// True when the time entry at `index` had been billed by the as-of day.
  public func isBilled(timeEntry index: Int) -> Bool {
    isBilled(
      by: claims.timeInvoiceIndices.indices.contains(index)
        ? claims.timeInvoiceIndices[index] : Billing.unbilled)
  }

  /// True when the expense at `index` had been billed by the as-of day.
  public func isBilled(expense index: Int) -> Bool {
    isBilled(
      by: claims.expenseInvoiceIndices.indices.contains(index)
        ? claims.expenseInvoiceIndices[index] : Billing.unbilled)
  }

  private func isBilled(by invoice: Int32) -> Bool {
    guard invoice != Billing.unbilled else { return false }
    guard books.invoices.indices.contains(Int(invoice)) else { return true }  // unknown number
    let index = Int(invoice)
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

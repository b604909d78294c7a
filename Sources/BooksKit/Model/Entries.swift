/// Part of a payment assigned to one invoice.
public struct PaymentAllocation: Sendable {
  public var invoice: Ref
  /// The part of the payment for this invoice; nil means the whole payment.
  public var amount: Money?
}

/// Money received (or expected: an income without `via` has not been received yet).
public struct Income: Sendable {
  public var date: CalendarDate
  public var amount: Money
  public var description: String?
  public var incomeClass: Word?
  public var client: Ref?
  public var project: Ref?
  public var invoices: [PaymentAllocation] = []
  /// The payment mode; nil means not received yet.
  public var via: Word?
  /// A bank or platform fee withheld from the payment (the invoice is paid by amount + fee).
  public var fee: Money?
  public var notes: [String] = []
  public var tags: [String] = []
  public var range: SourceRange

  /// The income class: as written, else `client` when the income names a client or an
  /// invoice, else `other`.
  public var classID: String {
    incomeClass?.id ?? (client != nil || !invoices.isEmpty ? "client" : "other")
  }

  /// True once the money is in: the payment mode is known.
  public var isReceived: Bool { via != nil }
}

public struct Expense: Sendable {
  public var date: CalendarDate
  public var amount: Money
  public var description: String?
  public var category: Word?
  public var vendor: String?
  public var via: Word?
  /// The client or project this expense may be billed to.
  public var billable: Ref?
  /// The invoice it was billed on.
  public var invoice: Ref?
  public var deductible: Bool?
  public var receipt: String?
  public var taxes: [Ref] = []
  public var staff: Ref?
  public var approvedBy: Ref?
  public var notes: [String] = []
  public var tags: [String] = []
  public var range: SourceRange
}

public struct TimeEntry: Sendable {
  public var date: CalendarDate
  /// A project or a service.
  public var target: Ref
  public var duration: TimeSpan
  public var start: TimeOfDay?
  public var end: TimeOfDay?
  public var description: String?
  public var staff: Ref?
  public var billable = true
  public var approvedBy: Ref?
  /// The invoice this time was billed on.
  public var invoice: Ref?
  public var notes: [String] = []
  public var tags: [String] = []
  public var range: SourceRange
}

public enum Discount: Sendable, Hashable {
  case percent(Percentage)
  case amount(Money)
}

/// How many of something a line item bills: a count, or a time span billed by the hour.
public enum Quantity: Sendable, Hashable {
  case count(DecimalNumber)
  case time(TimeSpan)
}

public struct LineItem: Sendable {
  public var description: String
  public var quantity: Quantity?
  /// A unit word shown on documents (`page`, `day`); `h` for time quantities.
  public var unit: String?
  public var rate: Money?
  /// A flat amount, for items written without quantity and rate.
  public var amount: Money?
  /// Taxes on this line; nil means the document's taxes apply.
  public var taxes: [Ref]?
  public var discount: Discount?
  public var range: SourceRange
}

public enum InvoiceStatus: String, Sendable, CaseIterable {
  case draft, sent, paid, void
}

public enum EstimateStatus: String, Sendable, CaseIterable {
  case draft, sent, accepted, declined
}

/// `bills TARGET [from DATE] through DATE`: the invoice bills the billable time and expenses
/// of a client, project or service in that span that no earlier invoice bills.
public struct BillingClaim: Sendable {
  /// A client, project or service.
  public var target: Ref
  public var from: CalendarDate?
  public var through: CalendarDate
  public var range: SourceRange

  /// True when `date` falls in the claimed span.
  public func covers(_ date: CalendarDate) -> Bool {
    Self.covers(date, from: from, through: through)
  }

  /// True when `date` falls in the span from `from` (open when nil) through `through`.
  static func covers(_ date: CalendarDate, from: CalendarDate?, through: CalendarDate) -> Bool {
    date <= through && (from.map { $0 <= date } ?? true)
  }
}

/// A span of days, both ends included: a service period.
public struct DatePeriod: Sendable, Equatable {
  public var start: CalendarDate
  public var end: CalendarDate

  public init(start: CalendarDate, end: CalendarDate) {
    self.start = start
    self.end = end
  }
}

public struct Invoice: Sendable {
  public var number: String
  public var numberRange: SourceRange
  public var date: CalendarDate
  public var client: Ref?
  public var project: Ref?
  public var due: CalendarDate?
  public var termsDays: Int?
  public var send: CalendarDate?
  public var status: InvoiceStatus?
  public var statusRange: SourceRange?
  public var items: [LineItem] = []
  public var discounts: [Located<Discount>] = []
  public var taxes: [Ref] = []
  /// Prices include the taxes (they are extracted, not added).
  public var taxInclusive = false
  public var currency: Currency?
  public var purchaseOrder: Ref?
  public var estimate: Ref?
  /// What time and expenses the invoice bills (`bills` fields).
  public var claims: [BillingClaim] = []
  /// The service period the invoice covers (`period`).
  public var period: DatePeriod?
  /// The recurring template it was drawn from (`recurring`).
  public var recurring: Ref?
  public var notes: [String] = []
  public var terms: [String] = []
  public var approvedBy: Ref?
  /// A total written in the file, checked against the computed one.
  public var statedTotal: Located<Money>?
  /// True when an item could not be read: the totals are then partial, and the checks
  /// that compare them (balance, status, stated total, limits) stay silent.
  public var hasUnreadItems = false
  public var tags: [String] = []
  public var range: SourceRange
}

extension Invoice {
  /// True when the invoice issues `period` of its recurring template: it states the
  /// period's first day, or, stating none, is dated inside it.
  public func issues(_ period: DatePeriod) -> Bool {
    if let stated = self.period { return stated.start == period.start }
    return period.start <= date && date <= period.end
  }
}

public struct Estimate: Sendable {
  public var number: String
  public var numberRange: SourceRange
  public var date: CalendarDate
  public var client: Ref?
  public var project: Ref?
  public var validUntil: CalendarDate?
  public var status: EstimateStatus = .draft
  public var items: [LineItem] = []
  public var discounts: [Located<Discount>] = []
  public var taxes: [Ref] = []
  public var taxInclusive = false
  public var currency: Currency?
  public var notes: [String] = []
  public var approvedBy: Ref?
  public var tags: [String] = []
  public var range: SourceRange
}

public struct PurchaseOrder: Sendable {
  public var number: String
  public var numberRange: SourceRange
  public var date: CalendarDate
  public var client: Ref?
  public var limit: Money?
  public var estimate: Ref?
  public var notes: [String] = []
  public var range: SourceRange
}

public struct CreditNote: Sendable {
  public var number: String
  public var numberRange: SourceRange
  public var date: CalendarDate
  public var invoice: Ref?
  public var items: [LineItem] = []
  public var taxes: [Ref] = []
  public var notes: [String] = []
  public var range: SourceRange
}

public struct Meeting: Sendable {
  public var date: CalendarDate
  public var start: TimeOfDay?
  public var end: TimeOfDay?
  public var title: String
  public var agenda: [String] = []
  /// Clients, contacts and staff who attend.
  public var with: [Ref] = []
  public var medium: Word?
  public var link: String?
  public var location: String?
  public var attachments: [String] = []
  public var priority: Priority?
  public var notes: [String] = []
  public var tags: [String] = []
  public var range: SourceRange
}

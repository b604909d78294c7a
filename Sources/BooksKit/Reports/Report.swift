/// What a report is computed from: the model, the derived invoice values and the options.
public struct ReportContext: Sendable {
  public let books: Books
  public var ledger: InvoiceLedger
  public var options: ReportOptions
  /// Time billing already worked out for these books (by `books check`), if any: what
  /// reports reuse when working it out afresh would cost more than they save.
  private(set) var knownBilling: TimeBilling?

  /// `billing`: the books' time billing, when the caller has it (it is the same whatever
  /// the day), so reports need not work it out again. `ledger`: an invoice ledger of the
  /// same books on any day, whose invoice totals are reused.
  public init(
    books: Books, options: ReportOptions, billing: TimeBilling? = nil,
    ledger: InvoiceLedger? = nil
  ) {
    self.books = books
    self.ledger =
      ledger?.asOf(options.asOf, in: books) ?? InvoiceLedger(books, asOf: options.asOf)
    self.options = options
    self.knownBilling = billing
  }

  /// How the books' time is billed, as of the report's day.
  public var billing: TimeBilling {
    knownBilling?.asOf(options.asOf) ?? TimeBilling(books: books, asOf: options.asOf)
  }

  /// "2026 · client acme · as of 2026-11-22": what the numbers cover.
  public var subtitle: String {
    var parts: [String] = []
    if options.period != DayRange() { parts.append(options.period.description) }
    if let client = options.client { parts.append("client \(client)") }
    if let project = options.project { parts.append("project \(project)") }
    if let currency = options.currency { parts.append("in \(currency)") }
    parts.append("as of \(options.asOf)")
    return parts.joined(separator: " · ")
  }

  /// The client an entry belongs to, through its project when it names none.
  public func clientOf(client: Ref?, project: Ref?) -> String? {
    client?.id ?? project.flatMap { books.clientID(ofProject: $0.id) }
  }

  /// True when an entry with this client and project passes the `--client`/`--project`
  /// filters.
  public func matches(client: String?, project: String?) -> Bool {
    if let wanted = options.client, client != wanted { return false }
    if let wanted = options.project, project != wanted { return false }
    return true
  }

  /// True when an amount passes the `--currency` filter.
  public func shows(_ currency: Currency) -> Bool {
    options.currency.map { $0 == currency } ?? true
  }

  /// A view with this context's subtitle and dates.
  public func view(_ name: String, _ title: String, _ blocks: [Block], primary: String? = nil)
    -> ReportView
  {
    ReportView(
      name: name, title: title, subtitle: subtitle, asOf: options.asOf, period: options.period,
      blocks: blocks, primary: primary)
  }
}

/// A named report: `books report NAME`.
public struct Report: Sendable {
  public var name: String
  public var aliases: [String]
  public var summary: String
  let build: @Sendable (ReportContext) -> ReportView

  public init(
    _ name: String, aliases: [String] = [], _ summary: String,
    build: @escaping @Sendable (ReportContext) -> ReportView
  ) {
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.build = build
  }

  public func view(_ context: ReportContext) -> ReportView { build(context) }
}

/// Sums of money kept per currency, in the order currencies first appear.
public struct MoneyTotals: Sendable, Equatable {
  public private(set) var amounts: [Money] = []

  public init() {}

  public mutating func add(_ money: Money) {
    if let index = amounts.firstIndex(where: { $0.currency == money.currency }) {
      amounts[index] = (try? amounts[index].adding(money)) ?? amounts[index]
    } else {
      amounts.append(money)
    }
  }

  public mutating func add(_ other: MoneyTotals) {
    for money in other.amounts { add(money) }
  }

  /// The total in one currency (zero when there is none).
  public func total(_ currency: Currency) -> Money {
    amounts.first { $0.currency == currency } ?? Money.zero(currency)
  }

  /// One cell when there is one currency; several amounts are joined as text.
  public func cell(default currency: Currency?) -> Cell {
    if amounts.count == 1, let only = amounts.first { return .money(only) }
    if amounts.isEmpty { return currency.map { .money(Money.zero($0)) } ?? .empty }
    return .amounts(amounts)
  }
}

/// Receivables aging: who owes what, and for how long, on the as-of day D — the question a
/// freelancer asks before chasing payments.
///
/// An invoice is owed on D when it is neither draft nor void, is dated in the period and on
/// or before D, and its balance on D (total − credit notes − payments received, each dated
/// on or before D) is above zero. It falls in a bucket by its days past due, D − due date:
/// `current` when not yet due (0 or fewer), then `1-30`, `31-60`, `61-90` and `90+`.
/// Amounts stay in the invoice's currency: one table per currency, a row per client.
public struct AgingReport: Sendable {
  public enum Bucket: String, Sendable, CaseIterable, Equatable {
    case current
    case upTo30 = "1-30"
    case upTo60 = "31-60"
    case upTo90 = "61-90"
    case over90 = "90+"

    /// The bucket of an invoice this many days past its due date.
    public static func of(daysPastDue days: Int) -> Bucket {
      switch days {
      case ...0: .current
      case 1...30: .upTo30
      case 31...60: .upTo60
      case 61...90: .upTo90
      default: .over90
      }
    }

    public var title: String {
      switch self {
      case .current: "Current"
      case .upTo30: "1–30 days"
      case .upTo60: "31–60 days"
      case .upTo90: "61–90 days"
      case .over90: "Over 90 days"
      }
    }
  }

  /// One invoice with a balance due.
  public struct Item: Sendable, Equatable {
    public var number: String
    public var client: String?
    public var date: CalendarDate
    public var due: CalendarDate
    /// D − due date; 0 or less when not yet due.
    public var daysPastDue: Int
    public var bucket: Bucket
    public var balance: Money
  }

  /// A client's balances in one currency, by bucket.
  public struct Row: Sendable, Equatable {
    public var client: String?
    /// One amount per bucket, in `Bucket.allCases` order.
    public var buckets: [Money]
    public var total: Money

    public func amount(_ bucket: Bucket) -> Money {
      buckets[Bucket.allCases.firstIndex(of: bucket) ?? 0]
    }
  }

  /// The receivables in one currency.
  public struct Group: Sendable, Equatable {
    public var currency: Currency
    /// By client id; an invoice without a client comes last.
    public var rows: [Row]
    /// The footer: Σ of each bucket, then the grand total.
    public var totals: Row
  }

  /// The invoices owed, oldest due date first.
  public var items: [Item]
  /// One group per currency, in the order currencies first appear among `items`.
  public var groups: [Group]

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    var items: [Item] = zip(books.invoices, context.ledger.invoices).compactMap { invoice, state in
      guard invoice.status != .draft, invoice.status != .void, options.counts(invoice.date),
        context.matches(client: invoice.client?.id, project: invoice.project?.id),
        let balance = state.balance, !balance.isZero, !balance.isNegative,
        context.shows(balance.currency)
      else { return nil }
      let days = options.asOf.days(since: state.dueDate)
      return Item(
        number: invoice.number, client: invoice.client?.id, date: invoice.date,
        due: state.dueDate, daysPastDue: days, bucket: Bucket.of(daysPastDue: days),
        balance: balance)
    }
    items.sort { ($0.due, $0.number) < ($1.due, $1.number) }
    var currencies: [Currency] = []
    for item in items where !currencies.contains(item.balance.currency) {
      currencies.append(item.balance.currency)
    }
    self.items = items
    groups = currencies.map { currency in Self.group(currency, items) }
  }

  private static func group(_ currency: Currency, _ items: [Item]) -> Group {
    let zero = Money.zero(currency)
    let empty = Row(
      client: nil, buckets: Array(repeating: zero, count: Bucket.allCases.count), total: zero)
    var byClient: [String?: Row] = [:]
    var totals = empty
    for item in items where item.balance.currency == currency {
      var row = byClient[item.client] ?? empty
      row.client = item.client
      row.add(item)
      byClient[item.client] = row
      totals.add(item)
    }
    let rows = byClient.values.sorted { left, right in
      switch (left.client, right.client) {
      case (let a?, let b?): a < b
      case (nil, _): false
      case (_, nil): true
      }
    }
    return Group(currency: currency, rows: rows, totals: totals)
  }

  public static let report = Report(
    "aging", aliases: ["receivables"], "receivables by client and days past due, as of a day"
  ) { context in
    let report = AgingReport(context)
    let columns =
      [Column("client", "Client")] + Bucket.allCases.map { Column($0.rawValue, $0.title) }
      + [Column("total", "Total")]
    // Rows leave empty buckets blank to read at a glance; the footer shows every total.
    func cells(_ row: Row, zeros: Bool = false) -> [Cell] {
      row.buckets.map { $0.isZero && !zeros ? .empty : .money($0) } + [.money(row.total)]
    }
    var blocks: [Block] = report.groups.map { group in
      .table(
        Table(
          id: "aging-\(group.currency.code)", title: "Receivables in \(group.currency.code)",
          columns: columns,
          rows: group.rows.map { [$0.client.map { .id($0) } ?? .empty] + cells($0) },
          footer: [.text("Total")] + cells(group.totals, zeros: true)))
    }
    if report.items.isEmpty {
      blocks.append(.note("Nothing is owed as of \(context.options.asOf)."))
    } else {
      blocks.append(
        .table(
          Table(
            id: "invoices", title: "Invoices owed",
            columns: [
              Column("number", "Invoice"), Column("client", "Client"), Column("date", "Date"),
              Column("due", "Due"), Column("days-past-due", "Days past due"),
              Column("bucket", "Bucket"), Column("balance", "Balance"),
            ],
            rows: report.items.map { item in
              [
                .id(item.number), item.client.map { .id($0) } ?? .empty, .date(item.date),
                .date(item.due), item.daysPastDue > 0 ? .integer(item.daysPastDue) : .empty,
                .text(item.bucket.rawValue), .money(item.balance),
              ]
            })))
    }
    // CSV exports the invoices owed: one table with every currency, a row per invoice.
    return context.view("aging", "Receivables aging", blocks, primary: "invoices")
  }
}

extension AgingReport.Row {
  /// Adds an invoice's balance to its bucket and to the total; a sum that overflows keeps
  /// the previous amount (no real books come near).
  fileprivate mutating func add(_ item: AgingReport.Item) {
    let index = AgingReport.Bucket.allCases.firstIndex(of: item.bucket) ?? 0
    if buckets.indices.contains(index), let sum = try? buckets[index].adding(item.balance) {
      buckets[index] = sum
    }
    if let sum = try? total.adding(item.balance) { total = sum }
  }
}

/// What the data exports (`csv`, `json`, `ics`) share: the books, the day their derived
/// values are computed for, and those values, computed once.
///
/// Every entry is exported, whatever its date; derived values — invoice balances and
/// standing, client and project totals, goal progress, billed work — are as they stood on
/// `asOf` (payments, credit notes, time and invoices dated later do not count), as in the
/// reports.
public struct DataExport: Sendable {
  public let books: Books
  public let asOf: CalendarDate
  public let ledger: InvoiceLedger
  public let billing: TimeBilling
  public let clients: [ClientSummary]
  public let projects: [ProjectProgress]
  public let goals: [GoalStatus]

  public init(_ books: Books, asOf: CalendarDate) {
    self.books = books
    self.asOf = asOf
    let ledger = InvoiceLedger(books, asOf: asOf)
    self.ledger = ledger
    let billing = TimeBilling(books: books, asOf: asOf)
    self.billing = billing
    clients = ClientSummary.all(books, ledger, counting: { $0 <= asOf })
    projects = ProjectProgress.all(books, ledger, billing: billing, counting: { $0 <= asOf })
    goals = GoalStatus.all(books, ledger, asOf: asOf)
  }

  /// The derived state of the invoice at `index`, if there is one.
  func invoiceState(_ index: Int) -> InvoiceState? {
    ledger.invoices.indices.contains(index) ? ledger.invoices[index] : nil
  }

  /// The currency of an estimate: its own, its client's, else the business's.
  func currency(of estimate: Estimate) -> Currency? {
    estimate.currency ?? estimate.client.flatMap { books.currency(ofClient: $0.id) }
      ?? books.defaultCurrency
      ?? estimate.items.first.flatMap { $0.rate?.currency ?? $0.amount?.currency }
  }

  /// An estimate's totals, or why they cannot be computed.
  func totals(of estimate: Estimate) -> (DocumentTotals?, TotalsProblem?) {
    guard let currency = currency(of: estimate), !estimate.items.isEmpty else { return (nil, nil) }
    switch DocumentMath.totals(
      items: estimate.items, discounts: estimate.discounts, defaultTaxes: estimate.taxes,
      inclusive: estimate.taxInclusive, currency: currency, taxes: { books.tax($0) })
    {
    case .success(let totals): return (totals, nil)
    case .failure(let problem): return (nil, problem)
    }
  }

  /// The invoice a credit note is against, with its index.
  func invoice(of credit: CreditNote) -> (Int, Invoice)? {
    guard let number = credit.invoice?.id, let index = books.invoiceIndex(number),
      books.invoices.indices.contains(index)
    else { return nil }
    return (index, books.invoices[index])
  }

  /// A credit note's totals, in its invoice's currency with the invoice's taxes, as
  /// FORMAT.md 2.6 computes them.
  func totals(of credit: CreditNote) -> (DocumentTotals?, TotalsProblem?) {
    guard let (index, invoice) = self.invoice(of: credit),
      let currency = invoiceState(index)?.currency, !credit.items.isEmpty
    else { return (nil, nil) }
    switch DocumentMath.totals(
      items: credit.items, discounts: [],
      defaultTaxes: credit.taxes.isEmpty ? invoice.taxes : credit.taxes,
      inclusive: invoice.taxInclusive, currency: currency, taxes: { books.tax($0) })
    {
    case .success(let totals): return (totals, nil)
    case .failure(let problem): return (nil, problem)
    }
  }

  /// The value of a time entry at its billing rate, with the billed (rounded) time.
  func value(of entry: TimeEntry) -> Money? {
    guard let rate = billing.rate(of: entry) else { return nil }
    return TimeBilling.value(billing.billed(entry), at: rate)
  }

  /// The amount of money without its currency, padded to the currency's minor units:
  /// `1234.50`, `-5.00`, `1200` for yen.
  static func amount(_ money: Money) -> String {
    money.amount.rendered(minimumScale: money.currency.minorUnits, grouping: false)
  }
}

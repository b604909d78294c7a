/// Where an estimate stands on a day: as its status says, except that a draft or sent
/// estimate whose `valid-until` day has passed is expired.
public enum EstimateStanding: String, Sendable, CaseIterable {
  case draft, sent, expired, accepted, declined
}

/// Everything derived about one estimate.
public struct EstimateState: Sendable {
  public var currency: Currency?
  /// Computed from the items; nil when they cannot be (`invoices` reports why).
  public var totals: DocumentTotals?
  /// The invoices that refer to the estimate and are not void.
  public var invoices: [String]

  public init(_ estimate: Estimate, in books: Books) {
    self.init(
      estimate, in: books, invoices: Self.invoicesByEstimate(books), taxes: books.taxLookup)
  }

  /// `init(_:in:)` for many estimates: the invoices by estimate number
  /// (`invoicesByEstimate`) and the tax lookup are made once for all of them.
  public init(
    _ estimate: Estimate, in books: Books, invoices: [String: [String]],
    taxes: (String) -> Tax?
  ) {
    (currency, totals) = Self.totals(estimate, in: books, taxes: taxes)
    self.invoices = invoices[estimate.number] ?? []
  }

  /// The numbers of the invoices that are not void, in file order, by the estimate number
  /// their `estimate` field names.
  public static func invoicesByEstimate(_ books: Books) -> [String: [String]] {
    var found: [String: [String]] = [:]
    books.invoices.forEachAddress { _, invoice in
      guard let estimate = invoice.pointee.estimate?.id, invoice.pointee.status != .void else {
        return
      }
      found[estimate, default: []].append(invoice.pointee.number)
    }
    return found
  }

  /// The estimate's currency (its own, its client's, the business's) and its totals.
  public static func totals(_ estimate: Estimate, in books: Books) -> (
    currency: Currency?, totals: DocumentTotals?
  ) {
    totals(estimate, in: books, taxes: books.taxLookup)
  }

  private static func totals(_ estimate: Estimate, in books: Books, taxes: (String) -> Tax?)
    -> (currency: Currency?, totals: DocumentTotals?)
  {
    let currency =
      estimate.currency ?? estimate.client.flatMap { books.currency(ofClient: $0.id) }
      ?? books.defaultCurrency
    guard let currency,
      case .success(let computed) = DocumentMath.totals(
        items: estimate.items, discounts: estimate.discounts, defaultTaxes: estimate.taxes,
        inclusive: estimate.taxInclusive, currency: currency, taxes: taxes)
    else { return (currency, nil) }
    return (currency, computed)
  }

  /// The standing on `day`: expired the day after `valid-until`.
  public static func standing(_ estimate: Estimate, asOf day: CalendarDate) -> EstimateStanding {
    switch estimate.status {
    case .accepted: return .accepted
    case .declined: return .declined
    case .draft, .sent:
      if let until = estimate.validUntil, until < day { return .expired }
      return estimate.status == .draft ? .draft : .sent
    }
  }
}

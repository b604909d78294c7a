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
    (currency, totals) = Self.totals(estimate, in: books)
    invoices = books.invoices.filter {
      $0.estimate?.id == estimate.number && $0.status != .void
    }.map(\.number)
  }

  /// The estimate's currency (its own, its client's, the business's) and its totals.
  public static func totals(_ estimate: Estimate, in books: Books) -> (
    currency: Currency?, totals: DocumentTotals?
  ) {
    let currency =
      estimate.currency ?? estimate.client.flatMap { books.currency(ofClient: $0.id) }
      ?? books.defaultCurrency
    guard let currency,
      case .success(let computed) = DocumentMath.totals(
        items: estimate.items, discounts: estimate.discounts, defaultTaxes: estimate.taxes,
        inclusive: estimate.taxInclusive, currency: currency, taxes: { books.tax($0) })
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

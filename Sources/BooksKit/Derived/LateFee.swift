/// The late fee accrued on an invoice as of a day, from the business's `late-fee` policy.
///
/// The rule, for an invoice with balance `B` (what is still open as of day `D`: total less
/// credit notes less payments received up to and including `D`), due date `due` and a
/// policy with a flat fee `F`, a rate `P%` per period and `G` grace days:
///
/// - **When.** A fee is charged only when `B` is more than zero and the invoice is neither a
///   draft nor void, and only once the grace period is over: `D` is later than
///   `due + G days` (the grace period's last day, `grace end`). On `grace end` itself and
///   before it, the late fee is zero.
/// - **Flat fee.** `F` is charged once, whatever the number of periods. It is added only
///   when it is in the invoice's currency (the policy's amount defaults to the business's
///   currency); otherwise it is not added and `skippedFlat` holds it, so a document can
///   say so. No exchange rate is ever applied.
/// - **Started periods.** `n` is the number of periods started from `grace end` to `D`,
///   at least 1 once the fee applies. With `d = D − grace end` in days:
///   `day`: `n = d`; `week`: `n = ⌈d / 7⌉`; `month`: the smallest `n ≥ 1` such that
///   `grace end + n months` is on or after `D` (calendar months, with the day clamped to the
///   end of a shorter month, as `CalendarDate.adding(months:)`); `year`: likewise with
///   `12 × n` months. So with a grace end of 2026-09-09, 2026-09-10 through 2026-10-09 is
///   one started month and 2026-10-10 is two.
/// - **Interest.** Simple interest on `B` as of `D`, never compounded and never on earlier
///   fees: `B × P × n / 100`, computed exactly and rounded once to the currency's minor
///   units, half away from zero.
/// - **Total.** `F` (rounded to the minor units the same way) plus the interest.
///
/// Example: `late-fee 40 EUR + 1% per month after 10 days`, an invoice due 2026-08-30 with
/// 1,377.00 EUR still open on 2026-11-22: grace end 2026-09-09, three started months (to
/// 10-09, 11-09, 12-09), interest 1,377.00 × 1 × 3 / 100 = 41.31 EUR, late fee
/// 40.00 + 41.31 = 81.31 EUR.
public struct LateFee: Sendable, Equatable {
  /// The policy the fee was computed from.
  public var policy: LateFeePolicy
  /// The day the fee is computed for.
  public var asOf: CalendarDate
  /// The invoice's due date.
  public var dueDate: CalendarDate
  /// The last day of the grace period, `dueDate + graceDays`; nil when it falls outside
  /// the calendar (then no fee is ever charged).
  public var graceEnd: CalendarDate?
  /// The balance the interest is computed on.
  public var balance: Money
  /// Started periods since `graceEnd`; 0 while no fee applies.
  public var periods: Int
  /// The flat fee charged, or zero.
  public var flat: Money
  /// The interest charged, rounded, or zero.
  public var interest: Money
  /// A flat fee not charged because it is in another currency than the invoice.
  public var skippedFlat: Money?

  /// `flat + interest`, in the invoice's currency.
  public var total: Money {
    (try? flat.adding(interest)) ?? interest
  }

  /// Whether any fee applies on `asOf`.
  public var applies: Bool { periods > 0 }

  /// The fee for a balance and a due date under `policy` as of `asOf`; see the type's
  /// documentation for the rule. Returns nil only when the arithmetic overflows.
  public static func compute(
    policy: LateFeePolicy, balance: Money, dueDate: CalendarDate, asOf: CalendarDate
  ) -> LateFee? {
    let zero = Money.zero(balance.currency)
    let graceEnd = dueDate.adding(days: max(0, policy.graceDays))
    var fee = LateFee(
      policy: policy, asOf: asOf, dueDate: dueDate, graceEnd: graceEnd, balance: balance,
      periods: 0, flat: zero, interest: zero)
    guard let graceEnd, asOf > graceEnd, !balance.isZero, !balance.isNegative else {
      return fee
    }
    guard let periods = startedPeriods(policy.period, from: graceEnd, to: asOf) else {
      return nil
    }
    fee.periods = periods
    if let flat = policy.flat {
      if flat.currency == balance.currency {
        guard let rounded = try? flat.rounded() else { return nil }
        fee.flat = rounded
      } else {
        fee.skippedFlat = flat
      }
    }
    if let percent = policy.percent {
      guard let rate = percent.value.multiplied(by: DecimalNumber(periods)),
        let exact = Percentage(rate).of(balance.amount),
        let interest = try? Money(exact, balance.currency).rounded()
      else { return nil }
      fee.interest = interest
    }
    guard (try? fee.flat.adding(fee.interest)) != nil else { return nil }
    return fee
  }

  /// The number of periods started from `start` (exclusive) to `end` (inclusive), for
  /// `end > start`; nil when the calendar runs out.
  static func startedPeriods(
    _ period: LateFeePolicy.Period, from start: CalendarDate, to end: CalendarDate
  ) -> Int? {
    let days = end.days(since: start)
    guard days > 0 else { return 0 }
    switch period {
    case .day: return days
    case .week: return (days + 6) / 7
    case .month: return startedMonths(from: start, to: end, step: 1)
    case .year: return startedMonths(from: start, to: end, step: 12)
    }
  }

  /// The smallest `n ≥ 1` with `start + n × step months ≥ end`.
  private static func startedMonths(from start: CalendarDate, to end: CalendarDate, step: Int)
    -> Int?
  {
    let monthsApart = (end.year - start.year) * 12 + (end.month - start.month)
    var count = max(1, monthsApart / step)
    // Step back while the period before also reaches `end`, then forward until one does.
    while count > 1, let earlier = start.adding(months: (count - 1) * step), earlier >= end {
      count -= 1
    }
    while true {
      guard let reached = start.adding(months: count * step) else { return nil }
      if reached >= end { return count }
      count += 1
    }
  }

  /// The late fee on invoice `number` as of `asOf`, from the business's policy and the
  /// balance as it stood on that day; nil when the books have no policy, the invoice is
  /// unknown, a draft or void, or its balance or currency cannot be computed.
  public static func accrued(on number: String, in books: Books, asOf: CalendarDate) -> LateFee? {
    guard let policy = books.business?.lateFee, let index = books.invoiceIndex(number),
      books.invoices.indices.contains(index)
    else { return nil }
    let ledger = InvoiceLedger(books, asOf: asOf)
    guard ledger.invoices.indices.contains(index) else { return nil }
    return accrued(
      state: ledger.invoices[index], invoice: books.invoices[index], policy: policy, asOf: asOf)
  }

  /// The late fee for one invoice's derived state (already computed as of `asOf`).
  static func accrued(
    state: InvoiceState, invoice: Invoice, policy: LateFeePolicy, asOf: CalendarDate
  )
    -> LateFee?
  {
    guard invoice.status != .draft, invoice.status != .void, let balance = state.balance else {
      return nil
    }
    return compute(policy: policy, balance: balance, dueDate: state.dueDate, asOf: asOf)
  }

  /// The policy in words, as written in a books file: `40.00 EUR + 1% per month after
  /// 10 days`.
  public static func describe(_ policy: LateFeePolicy) -> String {
    var parts: [String] = []
    if let flat = policy.flat { parts.append(flat.formatted()) }
    if let percent = policy.percent { parts.append("\(percent) per \(policy.period.rawValue)") }
    var text = parts.isEmpty ? "no fee" : parts.joined(separator: " + ")
    if policy.graceDays > 0 {
      text += " after \(policy.graceDays) day" + (policy.graceDays == 1 ? "" : "s")
    }
    return text
  }
}

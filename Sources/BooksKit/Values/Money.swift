/// Why a money calculation could not produce a result.
public enum MoneyError: Error, Equatable, Sendable {
  /// The two amounts are in different currencies (left, right); converting needs a rate.
  case currencyMismatch(Currency, Currency)
  /// The result does not fit in a `DecimalNumber`.
  case overflow
}

/// An exact amount in one currency, so sums never mix currencies or lose cents.
///
/// Arithmetic is exact; the only place precision is dropped is `rounded()`, which applies
/// the one rounding rule for money: half away from zero at the currency's minor units.
/// Equality compares amounts by value, so `1.5 EUR == 1.50 EUR`.
public struct Money: Hashable, Sendable, CustomStringConvertible {
  /// The exact amount, at whatever scale the calculation produced.
  public var amount: DecimalNumber
  /// The currency the amount is in.
  public var currency: Currency

  /// Pairs an amount with its currency.
  public init(_ amount: DecimalNumber, _ currency: Currency) {
    self.amount = amount
    self.currency = currency
  }

  /// Nothing in `currency`, the start of every total.
  public static func zero(_ currency: Currency) -> Money {
    Money(.zero, currency)
  }

  /// The exact sum; throws if the currencies differ or the sum overflows.
  public func adding(_ other: Money) throws(MoneyError) -> Money {
    guard currency == other.currency else {
      throw .currencyMismatch(currency, other.currency)
    }
    guard let sum = amount.adding(other.amount) else { throw .overflow }
    return Money(sum, currency)
  }

  /// The exact difference; throws if the currencies differ or the difference overflows.
  public func subtracting(_ other: Money) throws(MoneyError) -> Money {
    guard currency == other.currency else {
      throw .currencyMismatch(currency, other.currency)
    }
    guard let difference = amount.subtracting(other.amount) else { throw .overflow }
    return Money(difference, currency)
  }

  /// The exact product with a quantity or rate, not rounded, so a line total can be
  /// rounded once at the end; throws on overflow.
  public func multiplied(by factor: DecimalNumber) throws(MoneyError) -> Money {
    guard let product = amount.multiplied(by: factor) else { throw .overflow }
    return Money(product, currency)
  }

  /// Rounds to the currency's minor units, half away from zero (commercial rounding) — the
  /// one rounding rule for money.
  ///
  /// An amount with fewer decimals is padded, so the result always has exactly the
  /// currency's minor units: 12 EUR becomes 12.00 EUR, 2.345 EUR becomes 2.35 EUR.
  public func rounded() throws(MoneyError) -> Money {
    guard let result = amount.rounded(toScale: currency.minorUnits, .halfAwayFromZero) else {
      throw .overflow
    }
    return Money(result, currency)
  }

  /// Whether the amount is zero.
  public var isZero: Bool { amount.isZero }

  /// Whether the amount is below zero, as for a credit note.
  public var isNegative: Bool { amount.isNegative }

  /// The same amount with its sign flipped, as for reversing an entry.
  public var negated: Money { Money(amount.negated, currency) }

  /// The amount with at least the currency's minor units, then a space and the code:
  /// "1234.50 EUR", "1200 JPY". Extra digits are kept, never dropped: "0.125 EUR".
  public var description: String {
    amount.rendered(minimumScale: currency.minorUnits, grouping: false) + " " + currency.code
  }

  /// Like `description`, with "," between thousands, for people to read: "1,234.50 EUR".
  public func formatted() -> String {
    amount.rendered(minimumScale: currency.minorUnits, grouping: true) + " " + currency.code
  }

  /// This amount shown as taken off a total (a discount, a payment, a credit note):
  /// `-10.00 EUR`; a negative amount (a refund) adds to the total, `+10.00 EUR`, where
  /// putting a minus in front of it would print `--10.00 EUR`.
  public func formattedAsDeduction() -> String {
    isNegative ? "+" + negated.formatted() : "-" + formatted()
  }
}

// Helpers shared by the value types for exact arithmetic on magnitudes wider than the
// values themselves. Everything here works on unsigned magnitudes; callers apply the sign.

/// Powers of ten from 10^0 to 10^38, every one that fits in `UInt128`, so scaling is a lookup.
private let powersOfTen: [UInt128] = {
  var table: [UInt128] = [1]
  var power: UInt128 = 1
  for _ in 1...38 {
    power *= 10
    table.append(power)
  }
  return table
}()

/// Returns 10^exponent so callers can scale magnitudes; nil when it does not fit in `UInt128`.
func powerOfTen(_ exponent: Int) -> UInt128? {
  guard powersOfTen.indices.contains(exponent) else { return nil }
  return powersOfTen[exponent]
}

/// Decides whether a truncated quotient must move one step away from zero under `rule`.
///
/// `remainder` must be smaller than `divisor`; the comparison avoids doubling the remainder
/// so it cannot overflow even for the largest divisors.
func roundsAwayFromZero(
  quotient: UInt128, remainder: UInt128, divisor: UInt128, rule: RoundingRule
) -> Bool {
  guard remainder != 0, remainder < divisor else { return false }
  let rest = divisor - remainder
  switch rule {
  case .towardZero:
    return false
  case .halfAwayFromZero:
    return remainder >= rest
  case .halfEven:
    return remainder > rest || (remainder == rest && quotient & 1 == 1)
  }
}

/// Divides a 256-bit magnitude by `divisor` and rounds by `rule`, so products and scaled
/// dividends never have to fit in 128 bits first; nil when the quotient does not fit.
func roundedQuotient(
  high: UInt128, low: UInt128, divisor: UInt128, rule: RoundingRule
) -> UInt128? {
  guard divisor != 0, high < divisor else { return nil }
  let (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
  guard
    roundsAwayFromZero(
      quotient: quotient, remainder: remainder, divisor: divisor, rule: rule)
  else { return quotient }
  let (next, overflow) = quotient.addingReportingOverflow(1)
  return overflow ? nil : next
}

/// Attaches a sign to a magnitude so results stay within ±Int128.max; nil beyond that.
///
/// `Int128.min` is refused on purpose: it has no positive counterpart, and a
/// `DecimalNumber` must always be negatable.
func signedSignificand(magnitude: UInt128, negative: Bool) -> Int128? {
  guard let value = Int128(exactly: magnitude) else { return nil }
  return negative ? -value : value
}

/// Tells whether an ASCII byte is a decimal digit, the one character class every parser here needs.
func isASCIIDigit(_ byte: UInt8) -> Bool {
  byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

/// How to pick a neighbour when a value has more fraction digits than a result may keep.
public enum RoundingRule: Sendable, CaseIterable {
  /// Ties go away from zero, the commercial rule: 2.345 → 2.35 and -2.345 → -2.35.
  case halfAwayFromZero
  /// Ties go to the even neighbour, the banker's rule: 2.345 → 2.34 and 2.355 → 2.36.
  case halfEven
  /// Extra digits are dropped: 2.349 → 2.34 and -2.349 → -2.34.
  case towardZero
}

/// An exact decimal number, so amounts in the books never pick up binary rounding errors.
///
/// The value is `significand × 10^(-scale)`. The scale is part of how a number is written
/// (`1.50` keeps two places when printed) but not of what it is: equality, hashing and
/// ordering compare values, so `1.50 == 1.5` and both hash the same.
///
/// Every operation that could overflow returns nil instead of trapping, because the
/// operands usually come from files a user typed. The significand is never `Int128.min`,
/// so `negated` and `magnitude` are always representable.
public struct DecimalNumber: Sendable {
  /// The digits of the number as an integer; the value is `significand × 10^(-scale)`.
  public let significand: Int128
  /// How many digits of `significand` are after the decimal point, 0...18.
  public let scale: Int

  /// The largest scale a number may have: 18 fraction digits.
  public static let maximumScale = 18

  /// Builds a number from its parts so callers can carry exact amounts around.
  ///
  /// Returns nil if `scale` is outside 0...18 or `significand` is `Int128.min` (which has no
  /// negation).
  public init?(significand: Int128, scale: Int) {
    guard (0...DecimalNumber.maximumScale).contains(scale), significand != .min else {
      return nil
    }
    self.init(uncheckedSignificand: significand, scale: scale)
  }

  /// Builds a number whose invariants the caller has already checked.
  init(uncheckedSignificand significand: Int128, scale: Int) {
    self.significand = significand
    self.scale = scale
  }

  /// Lifts a whole number into a decimal with scale 0, for counts and literals.
  public init(_ integer: Int) {
    self.init(uncheckedSignificand: Int128(integer), scale: 0)
  }

  /// Zero with scale 0, the start of every sum.
  public static let zero = DecimalNumber(uncheckedSignificand: 0, scale: 0)

  /// Whether the value is zero, whatever its scale.
  public var isZero: Bool { significand == 0 }

  /// Whether the value is below zero; zero is never negative.
  public var isNegative: Bool { significand < 0 }

  /// The value with its sign flipped and the same scale; always representable.
  public var negated: DecimalNumber {
    DecimalNumber(uncheckedSignificand: -significand, scale: scale)
  }

  /// The absolute value with the same scale; always representable.
  public var magnitude: DecimalNumber { isNegative ? negated : self }

  /// The same value without trailing fraction zeros, for the shortest spelling: `1.500`
  /// becomes `1.5` and `0.00` becomes `0`.
  public var normalized: DecimalNumber {
    var digits = significand
    var places = scale
    while places > 0, digits % 10 == 0 {
      digits /= 10
      places -= 1
    }
    return DecimalNumber(uncheckedSignificand: digits, scale: places)
  }
}

// MARK: - Parsing

extension DecimalNumber {
  /// Where the parser is, so it can tell whether a "_" or "." sits between two digits.
  private enum ParseState {
    case start
    case digit
    case separator
    case point
  }

  /// Reads a number exactly as typed in a books file, so amounts never pass through binary
  /// floating point.
  ///
  /// Accepts ASCII bytes: an optional leading "-" or "+", digits, and an optional "."
  /// followed by at least one digit. A "_" may stand between two digits as a group separator
  /// ("1_000.50"). No exponent, commas or spaces. Returns nil on anything else, on more than
  /// 18 fraction digits, or when the value does not fit in `Int128`.
  public static func parse(_ bytes: ArraySlice<UInt8>) -> DecimalNumber? {
    var rest = bytes
    var negative = false
    if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      rest = rest.dropFirst()
    }
    var digits: Int128 = 0
    var fractionDigits = 0
    var inFraction = false
    var state = ParseState.start
    for byte in rest {
      if isASCIIDigit(byte) {
        let (shifted, overflow1) = digits.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = shifted.addingReportingOverflow(Int128(byte - UInt8(ascii: "0")))
        guard !overflow1, !overflow2 else { return nil }
        digits = sum
        if inFraction {
          fractionDigits += 1
          guard fractionDigits <= maximumScale else { return nil }
        }
        state = .digit
      } else if byte == UInt8(ascii: "_") {
        guard state == .digit else { return nil }
        state = .separator
      } else if byte == UInt8(ascii: ".") {
        guard state == .digit, !inFraction else { return nil }
        inFraction = true
        state = .point
      } else {
        return nil
      }
    }
    guard state == .digit else { return nil }
    return DecimalNumber(
      uncheckedSignificand: negative ? -digits : digits, scale: fractionDigits)
  }

  /// Reads a number from text with the same rules as `parse(_:)`, for tests and
  /// command-line arguments.
  public init?(_ text: String) {
    guard let value = DecimalNumber.parse(ArraySlice(text.utf8)) else { return nil }
    self = value
  }
}

extension DecimalNumber: ExpressibleByIntegerLiteral {
  /// Lets whole numbers be written as literals, mostly in tests: `let hours: DecimalNumber = 8`.
  public init(integerLiteral value: Int) {
    self.init(value)
  }
}

// MARK: - Arithmetic

extension DecimalNumber {
  /// The same value written with `newScale` fraction digits, so numbers can be lined up exactly.
  ///
  /// Returns nil if `newScale` is outside 0...18, if dropping digits would lose a non-zero
  /// digit, or if padding with zeros overflows.
  public func rescaled(to newScale: Int) -> DecimalNumber? {
    if newScale == scale { return self }
    guard (0...DecimalNumber.maximumScale).contains(newScale) else { return nil }
    if newScale >= scale {
      guard let factor = powerOfTen(newScale - scale).flatMap({ Int128(exactly: $0) }) else {
        return nil
      }
      let (padded, overflow) = significand.multipliedReportingOverflow(by: factor)
      guard !overflow, padded != .min else { return nil }
      return DecimalNumber(uncheckedSignificand: padded, scale: newScale)
    }
    guard let divisor = powerOfTen(scale - newScale).flatMap({ Int128(exactly: $0) }) else {
      return nil
    }
    let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
    guard remainder == 0 else { return nil }
    return DecimalNumber(uncheckedSignificand: quotient, scale: newScale)
  }

  /// The exact sum, at the larger of the two scales; nil on overflow.
  public func adding(_ other: DecimalNumber) -> DecimalNumber? {
    let resultScale = max(scale, other.scale)
    guard let left = rescaled(to: resultScale), let right = other.rescaled(to: resultScale)
    else { return nil }
    let (sum, overflow) = left.significand.addingReportingOverflow(right.significand)
    guard !overflow, sum != .min else { return nil }
    return DecimalNumber(uncheckedSignificand: sum, scale: resultScale)
  }

  /// The exact difference, at the larger of the two scales; nil on overflow.
  public func subtracting(_ other: DecimalNumber) -> DecimalNumber? {
    adding(other.negated)
  }

  /// The exact product, at the sum of the two scales, so quantities times rates lose nothing.
  ///
  /// When the scales add up to more than 18 the product is rounded to 18 places, half away
  /// from zero. The intermediate product is 256 bits wide, so this returns nil only when
  /// the final result does not fit.
  public func multiplied(by other: DecimalNumber) -> DecimalNumber? {
    multiplied(by: other, extraScale: 0)
  }

  /// The product divided by 10^extraScale, rounded only once, so a percentage can be
  /// applied as `amount × rate / 100` without a second rounding step.
  ///
  /// The result scale is `scale + other.scale + extraScale`, capped at 18 with rounding
  /// half away from zero. `extraScale` must be 0...18.
  func multiplied(by other: DecimalNumber, extraScale: Int) -> DecimalNumber? {
    guard (0...DecimalNumber.maximumScale).contains(extraScale) else { return nil }
    let product = significand.magnitude.multipliedFullWidth(by: other.significand.magnitude)
    let totalScale = scale + other.scale + extraScale
    let excess = totalScale - DecimalNumber.maximumScale
    let magnitude: UInt128
    if excess > 0 {
      guard let divisor = powerOfTen(excess),
        let quotient = roundedQuotient(
          high: product.high, low: product.low, divisor: divisor, rule: .halfAwayFromZero)
      else { return nil }
      magnitude = quotient
    } else {
      guard product.high == 0 else { return nil }
      magnitude = product.low
    }
    guard
      let digits = signedSignificand(
        magnitude: magnitude, negative: isNegative != other.isNegative)
    else { return nil }
    return DecimalNumber(
      uncheckedSignificand: digits, scale: min(totalScale, DecimalNumber.maximumScale))
  }

  /// The value rounded to `newScale` places by `rule`, the one way to drop precision on purpose.
  ///
  /// If `newScale` is at least the current scale the value is only padded with zeros. Returns
  /// nil if `newScale` is outside 0...18 or on overflow.
  public func rounded(toScale newScale: Int, _ rule: RoundingRule = .halfAwayFromZero)
    -> DecimalNumber?
  {
    guard (0...DecimalNumber.maximumScale).contains(newScale) else { return nil }
    if newScale >= scale { return rescaled(to: newScale) }
    guard let divisor = powerOfTen(scale - newScale),
      let quotient = roundedQuotient(
        high: 0, low: significand.magnitude, divisor: divisor, rule: rule),
      let digits = signedSignificand(magnitude: quotient, negative: isNegative)
    else { return nil }
    return DecimalNumber(uncheckedSignificand: digits, scale: newScale)
  }

  /// The quotient correctly rounded to `resultScale` places, for rates and shares.
  ///
  /// The rounding looks at the exact remainder, never at extra computed digits, so
  /// `2 / 3` at scale 2 is `0.67` and `-2 / 3` is `-0.67`. Returns nil on division by
  /// zero, if `resultScale` is outside 0...18, or when the result does not fit.
  public func divided(
    by other: DecimalNumber, scale resultScale: Int, _ rule: RoundingRule = .halfAwayFromZero
  ) -> DecimalNumber? {
    guard (0...DecimalNumber.maximumScale).contains(resultScale), !other.isZero else {
      return nil
    }
    // self / other at resultScale = |a| × 10^exponent / |b|, rounded, with the sign applied.
    let exponent = resultScale + other.scale - scale
    let numerator: (high: UInt128, low: UInt128)
    var divisor = other.significand.magnitude
    if exponent >= 0 {
      guard let factor = powerOfTen(exponent) else { return nil }
      numerator = significand.magnitude.multipliedFullWidth(by: factor)
    } else {
      guard let factor = powerOfTen(-exponent) else { return nil }
      let (scaledDivisor, overflow) = divisor.multipliedReportingOverflow(by: factor)
      if overflow {
        // The divisor is at least 2^128 and the dividend below 2^127, so the exact quotient
        // is under one half and every rule rounds it to zero.
        return DecimalNumber(uncheckedSignificand: 0, scale: resultScale)
      }
      divisor = scaledDivisor
      numerator = (high: 0, low: significand.magnitude)
    }
    guard
      let quotient = roundedQuotient(
        high: numerator.high, low: numerator.low, divisor: divisor, rule: rule),
      let digits = signedSignificand(
        magnitude: quotient, negative: isNegative != other.isNegative)
    else { return nil }
    return DecimalNumber(uncheckedSignificand: digits, scale: resultScale)
  }
}

// MARK: - Comparing by value

extension DecimalNumber: Hashable, Comparable {
  /// 10^exponent for exponents known to be within 0...18, without a lookup that could fail.
  private static func scaleUnit(_ exponent: Int) -> Int128 {
    Int128(truncatingIfNeeded: powerOfTen(min(max(exponent, 0), maximumScale)) ?? 1)
  }

  /// The value split into its truncated integer part and its fraction at scale 18, a form
  /// that is the same for every way of writing the value and never overflows.
  private var parts: (integer: Int128, fraction: Int128) {
    let (integer, fraction) = significand.quotientAndRemainder(
      dividingBy: DecimalNumber.scaleUnit(scale))
    return (integer, fraction * DecimalNumber.scaleUnit(DecimalNumber.maximumScale - scale))
  }

  /// Compares values, not spellings, so `1.50 == 1.5`.
  public static func == (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
    // The common case, one scale: no division needed.
    if lhs.scale == rhs.scale { return lhs.significand == rhs.significand }
    let left = lhs.parts
    let right = rhs.parts
    return left.integer == right.integer && left.fraction == right.fraction
  }

  /// Hashes the value, not the spelling, so `1.50` and `1.5` land in the same bucket.
  public func hash(into hasher: inout Hasher) {
    let value = parts
    hasher.combine(value.integer)
    hasher.combine(value.fraction)
  }

  /// Orders by value; works across scales without any risk of overflow.
  public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
    if lhs.scale == rhs.scale { return lhs.significand < rhs.significand }
    let left = lhs.parts
    let right = rhs.parts
    if left.integer != right.integer { return left.integer < right.integer }
    return left.fraction < right.fraction
  }
}

// MARK: - Text

extension DecimalNumber: CustomStringConvertible {
  /// The number as written in a books file, keeping its scale: "-1234.50", "0.05", "12".
  public var description: String {
    rendered(minimumScale: 0, grouping: false)
  }

  /// The number for people to read: like `description`, with "," between thousands when
  /// `grouping` is true ("-1,234,567.50").
  public func formatted(grouping: Bool) -> String {
    rendered(minimumScale: 0, grouping: grouping)
  }

  /// Renders the digits with at least `minimumScale` fraction digits, padding with zeros
  /// as text so that padding can never overflow.
  func rendered(minimumScale: Int, grouping: Bool) -> String {
    var reversedDigits: [UInt8] = []
    var rest = significand.magnitude
    repeat {
      let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 10)
      reversedDigits.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remainder))
      rest = quotient
    } while rest != 0
    while reversedDigits.count <= scale {
      reversedDigits.append(UInt8(ascii: "0"))
    }
    let digits = Array(reversedDigits.reversed())
    let integerDigits = digits.prefix(digits.count - scale)
    let fractionDigits = digits.suffix(scale)

    let padding = max(0, minimumScale - scale)
    var text: [UInt8] = []
    text.reserveCapacity(digits.count + digits.count / 3 + padding + 2)
    if isNegative { text.append(UInt8(ascii: "-")) }
    for (offset, digit) in integerDigits.enumerated() {
      if grouping, offset > 0, (integerDigits.count - offset) % 3 == 0 {
        text.append(UInt8(ascii: ","))
      }
      text.append(digit)
    }
    if scale + padding > 0 {
      text.append(UInt8(ascii: "."))
      text.append(contentsOf: fractionDigits)
      text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: padding))
    }
    return String(decoding: text, as: UTF8.self)
  }
}

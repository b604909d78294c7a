/// A length of work in whole minutes, the unit time is logged and billed in.
///
/// Named `TimeSpan` so it does not clash with `Swift.Duration`.
public struct TimeSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The length in minutes; negative only when built in code, never when parsed.
  public var minutes: Int

  /// The most a parsed span may be: 10,000,000 hours. Anything longer is a typo, and the
  /// limit keeps every later sum far from overflow.
  public static let maximumMinutes = 600_000_000

  /// No time at all.
  public static let zero = TimeSpan(minutes: 0)

  /// Wraps a number of minutes.
  public init(minutes: Int) {
    self.minutes = minutes
  }

  /// Reads a span as written in a books file, so logged time is always whole minutes.
  ///
  /// Parses "3h30m", "3h", "45m", "90m", "1.5h", "0.25h", "2h05m". Hours may have a decimal
  /// fraction only when used alone ("1.5h", not "1.5h30m") and only if it is a whole number
  /// of minutes (0.1h = 6m ok; 0.01h → nil). Minutes must be an integer. "0m" and "0h" are
  /// valid (zero). nil for "", "h", "1h1h", "30m1h", "1.5m", negative, or more than
  /// 10_000_000 hours (overflow-safe: never trap on huge digit strings).
  ///
  /// After whole hours the minutes must be 0...59 ("1h90m" is nil; write "2h30m" or
  /// "150m"), so every span has one canonical spelling.
  public static func parse(_ bytes: ArraySlice<UInt8>) -> TimeSpan? {
    guard let (first, afterFirst) = component(bytes, from: bytes.startIndex) else { return nil }
    let atEnd = afterFirst == bytes.endIndex
    if first.unit == UInt8(ascii: "m") {
      guard first.fraction == nil, atEnd else { return nil }
      return checked(first.whole)
    }
    let (wholeHours, overflow) = first.whole.multipliedReportingOverflow(by: 60)
    guard !overflow else { return nil }
    if let fraction = first.fraction {
      guard atEnd, let extra = minutes(inHourFraction: bytes[fraction]) else { return nil }
      return checked(wholeHours + extra)
    }
    if atEnd { return checked(wholeHours) }
    guard let (second, afterSecond) = component(bytes, from: afterFirst),
      second.unit == UInt8(ascii: "m"), second.fraction == nil, afterSecond == bytes.endIndex,
      second.whole < 60
    else { return nil }
    return checked(wholeHours + second.whole)
  }

  /// Reads a span from text with the same rules as `parse(_:)`.
  public init?(_ text: String) {
    guard let span = TimeSpan.parse(ArraySlice(text.utf8)) else { return nil }
    self = span
  }

  /// One number-and-unit piece of a span, such as "3h" or "1.5h".
  private struct Component {
    var whole: Int
    /// Where the digits after the "." are, if any.
    var fraction: Range<Int>?
    var unit: UInt8
  }

  /// Reads digits, an optional "." with more digits, and an "h" or "m" from `start` in
  /// `bytes`, stopping as soon as the number passes the limit so huge inputs never overflow;
  /// returns the piece and where it ends. Read by index: a slice cut shorter at every byte
  /// is retained and released at every byte.
  private static func component(_ bytes: ArraySlice<UInt8>, from start: Int) -> (
    Component, Int
  )? {
    var index = start
    var whole = 0
    while index < bytes.endIndex, isASCIIDigit(bytes[index]) {
      let (shifted, overflow1) = whole.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = shifted.addingReportingOverflow(
        Int(bytes[index] - UInt8(ascii: "0")))
      guard !overflow1, !overflow2, sum <= maximumMinutes else { return nil }
      whole = sum
      index += 1
    }
    guard index > start else { return nil }
    var fraction: Range<Int>?
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let digits = index
      while index < bytes.endIndex, isASCIIDigit(bytes[index]) { index += 1 }
      guard index > digits else { return nil }
      fraction = digits..<index
    }
    guard index < bytes.endIndex,
      bytes[index] == UInt8(ascii: "h") || bytes[index] == UInt8(ascii: "m")
    else { return nil }
    return (Component(whole: whole, fraction: fraction, unit: bytes[index]), index + 1)
  }

  /// The whole minutes in the fraction digits of an hour ("5" → 30, "25" → 15, "1" → 6);
  /// nil if they are not a whole number of minutes.
  ///
  /// A fraction is a whole number of minutes only with at most two significant digits
  /// (60 = 2² × 3 × 5), so longer ones are refused before any arithmetic.
  private static func minutes(inHourFraction digits: ArraySlice<UInt8>) -> Int? {
    var significant = digits
    while significant.last == UInt8(ascii: "0") {
      significant = significant.dropLast()
    }
    guard significant.count <= 2 else { return nil }
    var value = 0
    var unit = 1
    for digit in significant {
      value = value * 10 + Int(digit - UInt8(ascii: "0"))
      unit *= 10
    }
    let (quotient, remainder) = (value * 60).quotientAndRemainder(dividingBy: unit)
    return remainder == 0 ? quotient : nil
  }

  /// Wraps a parsed number of minutes if it is within the limit.
  private static func checked(_ minutes: Int) -> TimeSpan? {
    (0...maximumMinutes).contains(minutes) ? TimeSpan(minutes: minutes) : nil
  }

  /// The canonical spelling, without zero padding: "3h30m", "3h", "45m", "0m", "1h5m".
  public var description: String {
    let sign = minutes < 0 ? "-" : ""
    let hours = minutes.magnitude / 60
    let rest = minutes.magnitude % 60
    if hours == 0 { return sign + "\(rest)m" }
    if rest == 0 { return sign + "\(hours)h" }
    return sign + "\(hours)h\(rest)m"
  }

  /// Hours as a decimal, for multiplying by an hourly rate.
  ///
  /// Exact when possible: minutes/60 rounded to `scale` places with the rule. A scale
  /// outside 0...18 is clamped into that range. For example 90 minutes at scale 2 is 1.50,
  /// and 20 minutes at scale 2 is 0.33.
  public func hours(scale: Int, _ rule: RoundingRule = .halfAwayFromZero) -> DecimalNumber {
    let places = min(max(scale, 0), DecimalNumber.maximumScale)
    var numerator = UInt128(minutes.magnitude)
    for _ in 0..<places {
      numerator *= 10  // At most 2^64 × 10^18 < 2^124: cannot overflow.
    }
    let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: 60)
    let roundsUp = roundsAwayFromZero(
      quotient: quotient, remainder: remainder, divisor: 60, rule: rule)
    let magnitude = Int128(truncatingIfNeeded: roundsUp ? quotient + 1 : quotient)
    return DecimalNumber(
      uncheckedSignificand: minutes < 0 ? -magnitude : magnitude, scale: places)
  }

  /// Rounds up to the next multiple of `increment` minutes, for billing increments like 6m
  /// or 15m; an increment <= 0 returns self.
  ///
  /// "Up" means toward positive infinity. A span so large that rounding would overflow
  /// `Int` is returned unchanged.
  public func roundedUp(toMultipleOf increment: Int) -> TimeSpan {
    guard increment > 0 else { return self }
    let remainder = minutes % increment
    guard remainder != 0 else { return self }
    let step = remainder > 0 ? increment - remainder : -remainder
    let (rounded, overflow) = minutes.addingReportingOverflow(step)
    return overflow ? self : TimeSpan(minutes: rounded)
  }

  /// The total of two spans, for summing a day or a project; nil on overflow.
  public func adding(_ other: TimeSpan) -> TimeSpan? {
    let (sum, overflow) = minutes.addingReportingOverflow(other.minutes)
    return overflow ? nil : TimeSpan(minutes: sum)
  }

  /// Orders spans by length.
  public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool {
    lhs.minutes < rhs.minutes
  }
}

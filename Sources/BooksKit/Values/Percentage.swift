/// A rate such as a tax or discount, kept as the exact number before the "%" sign.
public struct Percentage: Hashable, Sendable, CustomStringConvertible {
  /// The number of percent: 20% is stored as 20.
  public var value: DecimalNumber

  /// Wraps a number of percent.
  public init(_ value: DecimalNumber) {
    self.value = value
  }

  /// Reads a rate as written in a books file: an unsigned decimal number directly followed by
  /// "%", such as "20%", "7.5%" or "0%".
  ///
  /// The number follows `DecimalNumber.parse(_:)` except that no sign is allowed, so
  /// negative rates are refused. Returns nil without the trailing "%".
  public static func parse(_ bytes: ArraySlice<UInt8>) -> Percentage? {
    guard bytes.last == UInt8(ascii: "%") else { return nil }
    let number = bytes.dropLast()
    guard let first = number.first, isASCIIDigit(first),
      let value = DecimalNumber.parse(number)
    else { return nil }
    return Percentage(value)
  }

  /// Reads a rate from text with the same rules as `parse(_:)`.
  public init?(_ text: String) {
    guard let percentage = Percentage.parse(ArraySlice(text.utf8)) else { return nil }
    self = percentage
  }

  /// The share of `amount` this rate stands for, as for tax or a discount: `amount × value /
  /// 100`, exact (not rounded).
  ///
  /// The result has scale `amount.scale + value.scale + 2`, so 7.5% of 99.99 is 7.49925.
  /// Only when that scale would pass 18 is the result rounded, once, to 18 places half away
  /// from zero, like `DecimalNumber.multiplied(by:)`. Returns nil on overflow.
  public func of(_ amount: DecimalNumber) -> DecimalNumber? {
    amount.multiplied(by: value, extraScale: 2)
  }

  /// The rate as written: "20%", "7.5%".
  public var description: String {
    value.description + "%"
  }
}

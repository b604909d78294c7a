/// An ISO 4217 currency code, so amounts in different currencies are never mixed by accident.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
  /// The code's three capital letters in one integer, the first in the high byte: a
  /// currency is a plain value (money is copied without retaining anything, and compared
  /// and hashed as an integer).
  private let packed: UInt32

  /// Exactly three ASCII uppercase letters, such as "EUR".
  public var code: String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3) { letters in
      letters[0] = UInt8(truncatingIfNeeded: packed >> 16)
      letters[1] = UInt8(truncatingIfNeeded: packed >> 8)
      letters[2] = UInt8(truncatingIfNeeded: packed)
      return String(decoding: letters, as: UTF8.self)
    }
  }

  /// Checks a code so that only well-formed currencies exist; nil unless three ASCII
  /// uppercase letters.
  public init?(code: String) {
    guard let currency = Currency.parse(ArraySlice(code.utf8)) else { return nil }
    self = currency
  }

  /// Wraps a code the caller has already checked.
  private init(validated code: String) {
    packed = UInt32(truncatingIfNeeded: Self.packed(code))
  }

  /// Reads a currency code from a books file without copying the line; nil unless the
  /// bytes are exactly three ASCII uppercase letters.
  public static func parse(_ bytes: ArraySlice<UInt8>) -> Currency? {
    guard bytes.count == 3,
      bytes.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
    else { return nil }
    var packed: UInt32 = 0
    for byte in bytes { packed = packed << 8 | UInt32(byte) }
    return Currency(packed: packed)
  }

  private init(packed: UInt32) {
    self.packed = packed
  }

  /// How many decimals the currency's smallest unit has (ISO 4217), which is where money
  /// is rounded: 0 for JPY and friends, 3 for BHD and friends, 2 for everything else.
  public var minorUnits: Int {
    // Compared as packed bytes: a `switch` over strings compares the code with each case in
    // turn, and every amount of every document asks.
    let key = UInt64(packed)
    if Self.noMinorUnits.contains(key) { return 0 }
    if Self.threeMinorUnits.contains(key) { return 3 }
    if Self.fourMinorUnits.contains(key) { return 4 }
    return 2
  }

  private static let noMinorUnits = [
    "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG", "RWF", "BIF", "DJF",
    "GNF", "KMF", "VUV", "XPF", "UYI",
  ].map(packed)
  private static let threeMinorUnits = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map(packed)
  private static let fourMinorUnits = ["CLF", "UYW"].map(packed)

  /// A code's bytes in one integer. Every `Currency` holds three capital letters (they are
  /// checked when it is made), so codes pack one to one; past eight bytes, `max`.
  private static func packed(_ code: String) -> UInt64 {
    var key: UInt64 = 0
    var count = 0
    for byte in code.utf8 {
      count += 1
      if count > 8 { return .max }
      key = key << 8 | UInt64(byte)
    }
    return key
  }

  /// The code itself, the way it is written in the books.
  public var description: String { code }

  /// The euro, spelled out once so callers need no optional for a common currency.
  public static let eur = Currency(validated: "EUR")
  /// The US dollar, spelled out once so callers need no optional for a common currency.
  public static let usd = Currency(validated: "USD")
  /// The pound sterling, spelled out once so callers need no optional for a common currency.
  public static let gbp = Currency(validated: "GBP")
  /// The Swiss franc, spelled out once so callers need no optional for a common currency.
  public static let chf = Currency(validated: "CHF")
  /// The yen, spelled out once so callers need no optional for a common currency.
  public static let jpy = Currency(validated: "JPY")
}

/// An ISO 4217 currency code, so amounts in different currencies are never mixed by accident.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
  /// Exactly three ASCII uppercase letters, such as "EUR".
  public let code: String

  /// Checks a code so that only well-formed currencies exist; nil unless three ASCII
  /// uppercase letters.
  public init?(code: String) {
    guard let currency = Currency.parse(ArraySlice(code.utf8)) else { return nil }
    self = currency
  }

  /// Wraps a code the caller has already checked.
  private init(validated code: String) {
    self.code = code
  }

  /// Reads a currency code from a books file without copying the line; nil unless the
  /// bytes are exactly three ASCII uppercase letters.
  public static func parse(_ bytes: ArraySlice<UInt8>) -> Currency? {
    guard bytes.count == 3,
      bytes.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
    else { return nil }
    return Currency(validated: String(decoding: bytes, as: UTF8.self))
  }

  /// How many decimals the currency's smallest unit has (ISO 4217), which is where money
  /// is rounded: 0 for JPY and friends, 3 for BHD and friends, 2 for everything else.
  public var minorUnits: Int {
    // Compared as packed bytes: a `switch` over strings compares the code with each case in
    // turn, and every amount of every document asks.
    let key = Self.packed(code)
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

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
    switch code {
    case "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG", "RWF", "BIF", "DJF",
      "GNF", "KMF", "VUV", "XPF", "UYI":
      return 0
    case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
      return 3
    case "CLF", "UYW":
      return 4
    default:
      return 2
    }
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

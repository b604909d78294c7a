extension Currency {
  /// The active ISO 4217 codes. Only these are read as the currency of an amount, so a
  /// description such as `expense 40 VAT refund` does not turn `VAT` into a currency.
  public static let iso4217: Set<String> = [
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
    "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
    "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW",
    "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR",
    "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL",
    "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY",
    "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES",
    "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR",
    "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG", "ZWL",
  ]

  /// A currency code from a books file, if it is an active ISO 4217 code.
  ///
  /// The bytes are looked up as one packed integer, before any string is made: every amount
  /// asks whether the word after it is a currency.
  public static func parseISO(_ bytes: ArraySlice<UInt8>) -> Currency? {
    guard bytes.count == 3 else { return nil }
    var key: UInt32 = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
      key = key << 8 | UInt32(byte)
    }
    // Binary search of the sorted keys.
    var low = 0
    var high = isoKeys.count
    while low < high {
      let middle = low + (high - low) / 2
      if isoKeys[middle] < key { low = middle + 1 } else { high = middle }
    }
    guard low < isoKeys.count, isoKeys[low] == key else { return nil }
    return parse(bytes)
  }

  /// `iso4217`, each code's three bytes packed into an integer, sorted.
  private static let isoKeys: [UInt32] = iso4217.map { code in
    code.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
  }.sorted()
}

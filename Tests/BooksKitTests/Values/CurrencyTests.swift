import Testing

@testable import BooksKit

@Suite struct CurrencyTests {
  @Test(arguments: ["EUR", "USD", "JPY", "BHD", "XAF", "AAA", "ZZZ"])
  func acceptsThreeUppercaseLetters(_ code: String) throws {
    let currency = try #require(Currency(code: code))
    #expect(currency.code == code)
    #expect(currency.description == code)
    #expect(Currency.parse(ArraySlice(code.utf8)) == currency)
  }

  @Test(arguments: [
    "", "E", "EU", "EURO", "eur", "Eur", "EUr", "E1R", "123", "EU ", " EU", "EU-", "ÉUR",
    "EŪR", "€", "EUR\n",
  ])
  func rejectsEverythingElse(_ code: String) {
    #expect(Currency(code: code) == nil)
    #expect(Currency.parse(ArraySlice(code.utf8)) == nil)
  }

  @Test func parsesFromTheMiddleOfABuffer() throws {
    let bytes = Array("12.50 CHF;".utf8)
    #expect(Currency.parse(bytes[6..<9])?.code == "CHF")
    #expect(Currency.parse(bytes[6..<10]) == nil)
  }

  @Test(arguments: [
    ("JPY", 0), ("KRW", 0), ("VND", 0), ("CLP", 0), ("ISK", 0), ("UGX", 0), ("XAF", 0),
    ("XOF", 0), ("PYG", 0), ("RWF", 0),
    ("BHD", 3), ("IQD", 3), ("JOD", 3), ("KWD", 3), ("LYD", 3), ("OMR", 3), ("TND", 3),
    ("EUR", 2), ("USD", 2), ("GBP", 2), ("CHF", 2), ("SEK", 2), ("XYZ", 2),
  ])
  func minorUnitsFollowISO4217(_ code: String, _ minorUnits: Int) throws {
    #expect(try #require(Currency(code: code)).minorUnits == minorUnits)
  }

  @Test func namedCurrenciesMatchTheirCodes() {
    #expect(Currency.eur == Currency(code: "EUR"))
    #expect(Currency.usd == Currency(code: "USD"))
    #expect(Currency.gbp == Currency(code: "GBP"))
    #expect(Currency.chf == Currency(code: "CHF"))
    #expect(Currency.jpy == Currency(code: "JPY"))
    #expect(Currency.eur != Currency.usd)
  }
}

import Testing

@testable import BooksKit

/// Builds money from text the test knows is valid.
private func money(_ amount: String, _ code: String = "EUR") throws -> Money {
  Money(
    try #require(DecimalNumber(amount), "not a decimal: \(amount)"),
    try #require(Currency(code: code), "not a currency: \(code)"))
}

private let int128Max = "170141183460469231731687303715884105727"

@Suite struct MoneyTests {
  @Test func holdsAmountAndCurrency() throws {
    let value = try money("12.50")
    #expect(value.amount.significand == 1250)
    #expect(value.amount.scale == 2)
    #expect(value.currency == .eur)
    let zero = Money.zero(.jpy)
    #expect(zero.amount.significand == 0)
    #expect(zero.currency == .jpy)
    #expect(zero.isZero)
  }

  @Test func addsAndSubtractsExactly() throws {
    #expect(try money("0.10").adding(money("0.20")).description == "0.30 EUR")
    #expect(try money("1234.5").adding(money("0.005")).description == "1234.505 EUR")
    #expect(try money("10", "JPY").adding(money("5", "JPY")).description == "15 JPY")
    #expect(try money("10.00").subtracting(money("12.50")).description == "-2.50 EUR")
    #expect(try money("1.000", "KWD").subtracting(money("0.001", "KWD")).description == "0.999 KWD")
    #expect(try Money.zero(.usd).adding(money("3", "USD")).description == "3.00 USD")
  }

  @Test func refusesToMixCurrencies() throws {
    let euros = try money("10")
    let dollars = try money("10", "USD")
    #expect(throws: MoneyError.currencyMismatch(.eur, .usd)) {
      try euros.adding(dollars)
    }
    #expect(throws: MoneyError.currencyMismatch(.usd, .eur)) {
      try dollars.subtracting(euros)
    }
    #expect(throws: MoneyError.currencyMismatch(.eur, .jpy)) {
      try Money.zero(.eur).adding(.zero(.jpy))
    }
  }

  @Test func reportsOverflow() throws {
    let huge = try money(int128Max)
    #expect(throws: MoneyError.overflow) { try huge.adding(money("1")) }
    #expect(throws: MoneyError.overflow) { try huge.negated.subtracting(money("1")) }
    #expect(throws: MoneyError.overflow) { try huge.multiplied(by: 2) }
    // Rounding pads to two decimals, which does not fit.
    #expect(throws: MoneyError.overflow) { try huge.rounded() }
  }

  @Test func multipliesWithoutRounding() throws {
    let rate = try money("85.00")
    let hours = try #require(DecimalNumber("3.25"))
    let total = try rate.multiplied(by: hours)
    #expect(total.amount.significand == 276_2500)
    #expect(total.amount.scale == 4)
    #expect(total.description == "276.2500 EUR")
    #expect(try money("0.333").multiplied(by: 3).description == "0.999 EUR")
    #expect(try money("-19.99").multiplied(by: -1).description == "19.99 EUR")
  }

  @Test(arguments: [
    ("2.345", "EUR", "2.35 EUR"),
    ("-2.345", "EUR", "-2.35 EUR"),
    ("2.344", "EUR", "2.34 EUR"),
    ("2.355", "EUR", "2.36 EUR"),
    ("0.125", "EUR", "0.13 EUR"),
    ("0.005", "EUR", "0.01 EUR"),
    ("-0.005", "EUR", "-0.01 EUR"),
    ("0.0049", "EUR", "0.00 EUR"),
    ("12", "EUR", "12.00 EUR"),
    ("12.5", "EUR", "12.50 EUR"),
    ("99.995", "EUR", "100.00 EUR"),
    ("1199.5", "JPY", "1200 JPY"),
    ("1198.4", "JPY", "1198 JPY"),
    ("-0.5", "JPY", "-1 JPY"),
    ("1.2345", "KWD", "1.235 KWD"),
    ("1.23449", "BHD", "1.234 BHD"),
    ("7", "BHD", "7.000 BHD"),
  ])
  func roundsHalfAwayFromZeroToMinorUnits(_ amount: String, _ code: String, _ expected: String)
    throws
  {
    let rounded = try money(amount, code).rounded()
    #expect(rounded.description == expected)
    #expect(rounded.amount.scale == rounded.currency.minorUnits)
  }

  @Test func signs() throws {
    #expect(try money("-3.50").isNegative)
    #expect(try !money("3.50").isNegative)
    #expect(try !money("0.00").isNegative)
    #expect(try money("0.00").isZero)
    #expect(try !money("0.01").isZero)
    #expect(try money("-3.50").negated.description == "3.50 EUR")
    #expect(try money("3.5", "USD").negated.description == "-3.50 USD")
  }

  @Test func equalityComparesAmountsByValue() throws {
    #expect(try money("1.5") == money("1.50"))
    #expect(try money("1.5").hashValue == money("1.50").hashValue)
    #expect(try money("1.5") != money("1.5", "USD"))
    #expect(try money("1.5") != money("1.51"))
  }

  @Test(arguments: [
    ("1234.50", "EUR", "1234.50 EUR", "1,234.50 EUR"),
    ("1234.5", "EUR", "1234.50 EUR", "1,234.50 EUR"),
    ("1234", "EUR", "1234.00 EUR", "1,234.00 EUR"),
    ("1200", "JPY", "1200 JPY", "1,200 JPY"),
    ("1200.5", "JPY", "1200.5 JPY", "1,200.5 JPY"),
    ("0.125", "EUR", "0.125 EUR", "0.125 EUR"),
    ("-1234567.8", "USD", "-1234567.80 USD", "-1,234,567.80 USD"),
    ("0", "EUR", "0.00 EUR", "0.00 EUR"),
    ("-0.5", "KWD", "-0.500 KWD", "-0.500 KWD"),
    ("999", "EUR", "999.00 EUR", "999.00 EUR"),
    (
      int128Max, "EUR", int128Max + ".00 EUR",
      "170,141,183,460,469,231,731,687,303,715,884,105,727.00 EUR"
    ),
  ])
  func rendersText(_ amount: String, _ code: String, _ plain: String, _ grouped: String) throws {
    let value = try money(amount, code)
    #expect(value.description == plain)
    #expect(value.formatted() == grouped)
  }
}

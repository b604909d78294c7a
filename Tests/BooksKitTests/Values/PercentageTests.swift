import Testing

@testable import BooksKit

@Suite struct PercentageTests {
  @Test(arguments: [
    ("20%", 20, 0, "20%"),
    ("7.5%", 75, 1, "7.5%"),
    ("0%", 0, 0, "0%"),
    ("100%", 100, 0, "100%"),
    ("150%", 150, 0, "150%"),
    ("0.25%", 25, 2, "0.25%"),
    ("19.00%", 1900, 2, "19.00%"),
    ("1_000%", 1000, 0, "1000%"),
  ])
  func parsesPercentages(_ text: String, _ significand: Int, _ scale: Int, _ canonical: String)
    throws
  {
    let percentage = try #require(Percentage.parse(ArraySlice(text.utf8)))
    #expect(percentage.value.significand == Int128(significand))
    #expect(percentage.value.scale == scale)
    #expect(percentage.description == canonical)
    #expect(Percentage(text) == percentage)
  }

  @Test(arguments: [
    "", "%", "20", "20 %", " 20%", "20%%", "%20", "-5%", "-0%", "+5%", ".5%", "5.%", "20‰",
    "20 percent", "1e2%", "7,5%", "abc%", "20%x",
  ])
  func rejectsInvalidPercentages(_ text: String) {
    #expect(Percentage.parse(ArraySlice(text.utf8)) == nil)
    #expect(Percentage(text) == nil)
  }

  @Test(arguments: [
    ("20%", "100", "20.00"),
    ("19%", "100.00", "19.0000"),
    ("7.5%", "99.99", "7.49925"),
    ("0%", "1234.56", "0.0000"),
    ("100%", "12.34", "12.3400"),
    ("20%", "-50.00", "-10.0000"),
    ("0.5%", "1", "0.005"),
    ("33%", "0.01", "0.0033"),
    // The exact result would need more than 18 places: rounded once, half away from zero.
    ("5%", "0.000000000000000001", "0.000000000000000000"),
    ("50%", "0.000000000000000001", "0.000000000000000001"),
    ("50%", "-0.000000000000000001", "-0.000000000000000001"),
    ("12.5%", "0.0000000000000001", "0.000000000000000013"),
  ])
  func appliesToAmountsExactly(_ rate: String, _ amount: String, _ expected: String) throws {
    let percentage = try #require(Percentage(rate))
    let value = try #require(DecimalNumber(amount))
    #expect(percentage.of(value)?.description == expected)
  }

  @Test func overflowIsNil() throws {
    let huge = try #require(DecimalNumber("170141183460469231731687303715884105727"))
    #expect(try #require(Percentage("200%")).of(huge) == nil)
    // The result scale is 2, and padding the largest significand overflows.
    #expect(try #require(Percentage("100%")).of(huge) == nil)
    #expect(
      try #require(Percentage("1%")).of(huge)?.description
        == "1701411834604692317316873037158841057.27")
  }

  @Test func equalityIsByValue() throws {
    #expect(Percentage("7.5%") == Percentage("7.50%"))
    #expect(Percentage("7.5%")?.hashValue == Percentage("7.50%")?.hashValue)
    #expect(Percentage("7.5%") != Percentage("7.6%"))
    #expect(Percentage(DecimalNumber(20)).description == "20%")
    #expect(Percentage(DecimalNumber(-5)).description == "-5%")
  }
}

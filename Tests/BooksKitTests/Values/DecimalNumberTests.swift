import Testing

@testable import BooksKit

/// Parses a literal the test knows is valid, so tables can stay short.
private func dec(_ text: String) throws -> DecimalNumber {
  try #require(DecimalNumber(text), "not a decimal: \(text)")
}

/// The text of an optional result, so a nil shows up as "nil" in the comparison.
private func text(_ value: DecimalNumber?) -> String {
  value.map(\.description) ?? "nil"
}

private let int128Max = "170141183460469231731687303715884105727"

@Suite struct DecimalNumberTests {
  // MARK: Construction

  @Test func initFromPartsChecksScaleAndMinimum() throws {
    let value = try #require(DecimalNumber(significand: 12345, scale: 2))
    #expect(value.significand == 12345)
    #expect(value.scale == 2)
    #expect(value.description == "123.45")
    #expect(DecimalNumber(significand: 1, scale: 18)?.description == "0.000000000000000001")
    #expect(DecimalNumber(significand: 1, scale: 19) == nil)
    #expect(DecimalNumber(significand: 1, scale: -1) == nil)
    #expect(DecimalNumber(significand: .min, scale: 0) == nil)
    #expect(DecimalNumber(significand: .max, scale: 0)?.description == int128Max)
    #expect(DecimalNumber(significand: -.max, scale: 0)?.description == "-" + int128Max)
  }

  @Test func initFromIntAndLiteral() {
    let fromInt = DecimalNumber(-42)
    #expect(fromInt.significand == -42)
    #expect(fromInt.scale == 0)
    let literal: DecimalNumber = 7
    #expect(literal.significand == 7)
    #expect(literal.scale == 0)
    #expect(DecimalNumber(Int.min).description == "-9223372036854775808")
    #expect(DecimalNumber(Int.max).description == "9223372036854775807")
    #expect(DecimalNumber.zero.significand == 0)
    #expect(DecimalNumber.zero.scale == 0)
  }

  // MARK: Parsing

  struct ParseCase: Sendable, CustomTestStringConvertible {
    var input: String
    var significand: Int128
    var scale: Int
    var testDescription: String { input }
  }

  @Test(arguments: [
    ParseCase(input: "0", significand: 0, scale: 0),
    ParseCase(input: "12", significand: 12, scale: 0),
    ParseCase(input: "-12", significand: -12, scale: 0),
    ParseCase(input: "+12", significand: 12, scale: 0),
    ParseCase(input: "1234.50", significand: 123450, scale: 2),
    ParseCase(input: "-1234.50", significand: -123450, scale: 2),
    ParseCase(input: "0.05", significand: 5, scale: 2),
    ParseCase(input: "-0.05", significand: -5, scale: 2),
    ParseCase(input: "007", significand: 7, scale: 0),
    ParseCase(input: "1_000.50", significand: 100050, scale: 2),
    ParseCase(input: "1_000_000", significand: 1_000_000, scale: 0),
    ParseCase(input: "1.000_5", significand: 10005, scale: 4),
    ParseCase(input: "-0", significand: 0, scale: 0),
    ParseCase(input: "0.000", significand: 0, scale: 3),
    ParseCase(
      input: "0.123456789012345678", significand: 123_456_789_012_345_678, scale: 18),
    ParseCase(input: int128Max, significand: .max, scale: 0),
    ParseCase(input: "-" + int128Max, significand: -.max, scale: 0),
    ParseCase(
      input: "0000000000000000000000000000000000000000001", significand: 1, scale: 0),
  ])
  func parsesValidNumbers(_ testCase: ParseCase) throws {
    let value = try #require(DecimalNumber.parse(ArraySlice(testCase.input.utf8)))
    #expect(value.significand == testCase.significand)
    #expect(value.scale == testCase.scale)
    let viaString = try #require(DecimalNumber(testCase.input))
    #expect(viaString.significand == testCase.significand)
    #expect(viaString.scale == testCase.scale)
  }

  @Test(arguments: [
    "", "-", "+", ".", ".5", "5.", "-.5", "1..2", "1.2.3", "1,000", "1 000", " 1", "1 ",
    "1e5", "1E5", "0x10", "_1", "1_", "1__0", "1_.5", "1._5", "-_1", "+-1", "--1", "1-",
    "abc", "12a", "½", "１２", "0.1234567890123456789", "1.0000000000000000000",
    "170141183460469231731687303715884105728",
    "-170141183460469231731687303715884105728",
    "1234567890123456789012345678901234567890",
    "99999999999999999999999999999999999999999999999999999999999999",
    "17014118346046923173168730371588410572.8",
  ])
  func rejectsInvalidNumbers(_ input: String) {
    #expect(DecimalNumber.parse(ArraySlice(input.utf8)) == nil)
    #expect(DecimalNumber(input) == nil)
  }

  @Test func parsesFromTheMiddleOfABuffer() throws {
    let bytes = Array("amount 1_234.56 EUR".utf8)
    let value = try #require(DecimalNumber.parse(bytes[7..<15]))
    #expect(value.significand == 123456)
    #expect(value.scale == 2)
    #expect(DecimalNumber.parse(bytes[7..<16]) == nil)
  }

  // MARK: Signs

  @Test func signsAndMagnitude() throws {
    let value = try dec("-12.50")
    #expect(value.isNegative)
    #expect(!value.isZero)
    #expect(value.negated.description == "12.50")
    #expect(value.magnitude.description == "12.50")
    #expect(try dec("12.50").magnitude.description == "12.50")
    #expect(try dec("0.00").isZero)
    #expect(try !dec("0.00").isNegative)
    #expect(try !dec("-0.00").isNegative)
    #expect(try dec("-0.00").negated.description == "0.00")
    let extreme = try #require(DecimalNumber(significand: -.max, scale: 3))
    #expect(extreme.negated.significand == .max)
    #expect(extreme.magnitude.significand == .max)
  }

  // MARK: Equality, hashing, ordering

  @Test func equalityIsByValue() throws {
    #expect(try dec("1.50") == dec("1.5"))
    #expect(try dec("1.500000000000000000") == dec("1.5"))
    #expect(try dec("0.00") == DecimalNumber.zero)
    #expect(try dec("-0") == DecimalNumber.zero)
    #expect(try dec("100") == dec("100.00"))
    #expect(try dec("1.50") != dec("1.51"))
    #expect(try dec("-1.5") != dec("1.5"))
    #expect(try dec("10") != dec("1.0"))
  }

  @Test func equalValuesHashEqual() throws {
    #expect(try dec("1.50").hashValue == dec("1.5").hashValue)
    #expect(try dec("0.000").hashValue == DecimalNumber.zero.hashValue)
    #expect(try dec("-7.250").hashValue == dec("-7.25").hashValue)
    let set: Set<DecimalNumber> = try [dec("1.5"), dec("1.50"), dec("1.500"), dec("2")]
    #expect(set.count == 2)
    #expect(try set.contains(dec("2.00")))
  }

  struct OrderCase: Sendable, CustomTestStringConvertible {
    var smaller: String
    var larger: String
    var testDescription: String { "\(smaller) < \(larger)" }
  }

  @Test(arguments: [
    OrderCase(smaller: "1.49", larger: "1.5"),
    OrderCase(smaller: "-1.5", larger: "-1.49"),
    OrderCase(smaller: "-0.5", larger: "0.3"),
    OrderCase(smaller: "-1.5", larger: "0.5"),
    OrderCase(smaller: "-2", larger: "-1.999999999999999999"),
    OrderCase(smaller: "0.999999999999999999", larger: "1"),
    OrderCase(smaller: "0", larger: "0.000000000000000001"),
    OrderCase(smaller: "-0.000000000000000001", larger: "0"),
    OrderCase(smaller: "9", larger: "10.00"),
    OrderCase(smaller: "170141183460469231731687303715884105726", larger: int128Max),
    OrderCase(smaller: "0.5", larger: int128Max),
    OrderCase(smaller: "-" + int128Max, larger: "-0.000000000000000001"),
  ])
  func ordersByValue(_ testCase: OrderCase) throws {
    let smaller = try dec(testCase.smaller)
    let larger = try dec(testCase.larger)
    #expect(smaller < larger)
    #expect(!(larger < smaller))
    #expect(smaller != larger)
    #expect(max(smaller, larger) == larger)
  }

  @Test func equalValuesAreNotOrdered() throws {
    #expect(try !(dec("1.50") < dec("1.5")))
    #expect(try !(dec("1.5") < dec("1.50")))
    #expect(try dec("1.50") <= dec("1.5"))
    let sorted = try ["3", "-1.5", "0.25", "-10", "0.2"].map(dec).sorted()
    #expect(sorted.map(\.description) == ["-10", "-1.5", "0.2", "0.25", "3"])
  }

  // MARK: Adding and subtracting

  struct BinaryCase: Sendable, CustomTestStringConvertible {
    var left: String
    var right: String
    var result: String
    var testDescription: String { "\(left), \(right) -> \(result)" }
  }

  @Test(arguments: [
    BinaryCase(left: "1.5", right: "2.25", result: "3.75"),
    BinaryCase(left: "1.50", right: "2.5", result: "4.00"),
    BinaryCase(left: "10", right: "0.001", result: "10.001"),
    BinaryCase(left: "-5", right: "2.5", result: "-2.5"),
    BinaryCase(left: "0.1", right: "0.2", result: "0.3"),
    BinaryCase(left: "-0.1", right: "0.1", result: "0.0"),
    BinaryCase(left: "0", right: "0", result: "0"),
    BinaryCase(left: "170141183460469231731687303715884105726", right: "1", result: int128Max),
  ])
  func adds(_ testCase: BinaryCase) throws {
    #expect(try text(dec(testCase.left).adding(dec(testCase.right))) == testCase.result)
    #expect(try text(dec(testCase.right).adding(dec(testCase.left))) == testCase.result)
  }

  @Test(arguments: [
    BinaryCase(left: "3.75", right: "2.25", result: "1.50"),
    BinaryCase(left: "1", right: "0.01", result: "0.99"),
    BinaryCase(left: "-1", right: "0.01", result: "-1.01"),
    BinaryCase(left: "2.5", right: "2.5", result: "0.0"),
    BinaryCase(left: "0", right: "7.5", result: "-7.5"),
    BinaryCase(
      left: "-" + int128Max, right: "-1", result: "-170141183460469231731687303715884105726"),
  ])
  func subtracts(_ testCase: BinaryCase) throws {
    #expect(try text(dec(testCase.left).subtracting(dec(testCase.right))) == testCase.result)
  }

  @Test func addingAndSubtractingReturnNilOnOverflow() throws {
    let nearMax = try dec("170141183460469231731687303715884105000")
    #expect(nearMax.adding(nearMax) == nil)
    #expect(try dec(int128Max).adding(dec("1")) == nil)
    #expect(try dec("-" + int128Max).subtracting(dec("1")) == nil)
    #expect(try dec("-" + int128Max).adding(dec("-" + int128Max)) == nil)
    #expect(nearMax.negated.subtracting(nearMax) == nil)
    // Lining up the scales overflows even though the values are small enough.
    #expect(try dec(int128Max).adding(dec("0.5")) == nil)
    // Opposite signs never overflow.
    #expect(try text(dec(int128Max).adding(dec("-" + int128Max))) == "0")
  }

  // MARK: Multiplying

  @Test(arguments: [
    BinaryCase(left: "1.5", right: "2", result: "3.0"),
    BinaryCase(left: "1.25", right: "0.5", result: "0.625"),
    BinaryCase(left: "-1.25", right: "0.5", result: "-0.625"),
    BinaryCase(left: "-1.25", right: "-0.5", result: "0.625"),
    BinaryCase(left: "7.5", right: "0", result: "0.0"),
    BinaryCase(left: "85.00", right: "3.5", result: "297.500"),
    BinaryCase(left: "1000", right: "0.19", result: "190.00"),
    // Scales adding up to exactly 18 stay exact.
    BinaryCase(left: "0.000000001", right: "0.000000001", result: "0.000000000000000001"),
    // Scales adding up to more than 18 are rounded to 18, half away from zero.
    BinaryCase(left: "0.0000000001", right: "0.000000005", result: "0.000000000000000001"),
    BinaryCase(left: "0.0000000001", right: "0.000000004", result: "0.000000000000000000"),
    BinaryCase(left: "-0.0000000001", right: "0.000000005", result: "-0.000000000000000001"),
    BinaryCase(
      left: "1.000000000000000001", right: "1.000000000000000001",
      result: "1.000000000000000002"),
    // The product of the significands needs more than 128 bits, the result does not.
    BinaryCase(
      left: "12345.123456789012345678", right: "12345.123456789012345678",
      result: "152402073.163362293568028657"),
    BinaryCase(
      left: "1701411834604692317316873037.158841057", right: "1",
      result: "1701411834604692317316873037.158841057"),
  ])
  func multiplies(_ testCase: BinaryCase) throws {
    #expect(try text(dec(testCase.left).multiplied(by: dec(testCase.right))) == testCase.result)
    #expect(try text(dec(testCase.right).multiplied(by: dec(testCase.left))) == testCase.result)
  }

  @Test func multiplyingReturnsNilOnOverflow() throws {
    let big = try dec("100000000000000000000")  // 10^20
    #expect(big.multiplied(by: big) == nil)
    #expect(try dec(int128Max).multiplied(by: dec("2")) == nil)
    #expect(try dec(int128Max).multiplied(by: dec("-1.1")) == nil)
    #expect(try text(dec(int128Max).multiplied(by: dec("-1"))) == "-" + int128Max)
    // Rounding the 256-bit product still leaves too many digits.
    #expect(
      try dec("1701411834604692317316873037.158841057").multiplied(
        by: dec("1000000000.0000000001")) == nil)
  }

  // MARK: Rounding

  struct RoundCase: Sendable, CustomTestStringConvertible {
    var input: String
    var scale: Int
    var rule: RoundingRule
    var result: String
    var testDescription: String { "\(input) to \(scale) \(rule) -> \(result)" }
  }

  @Test(arguments: [
    RoundCase(input: "2.345", scale: 2, rule: .halfAwayFromZero, result: "2.35"),
    RoundCase(input: "-2.345", scale: 2, rule: .halfAwayFromZero, result: "-2.35"),
    RoundCase(input: "2.344", scale: 2, rule: .halfAwayFromZero, result: "2.34"),
    RoundCase(input: "2.3449999", scale: 2, rule: .halfAwayFromZero, result: "2.34"),
    RoundCase(input: "2.345", scale: 2, rule: .halfEven, result: "2.34"),
    RoundCase(input: "2.355", scale: 2, rule: .halfEven, result: "2.36"),
    RoundCase(input: "-2.345", scale: 2, rule: .halfEven, result: "-2.34"),
    RoundCase(input: "-2.355", scale: 2, rule: .halfEven, result: "-2.36"),
    RoundCase(input: "2.3451", scale: 2, rule: .halfEven, result: "2.35"),
    RoundCase(input: "2.349", scale: 2, rule: .towardZero, result: "2.34"),
    RoundCase(input: "-2.349", scale: 2, rule: .towardZero, result: "-2.34"),
    RoundCase(input: "0.5", scale: 0, rule: .halfAwayFromZero, result: "1"),
    RoundCase(input: "-0.5", scale: 0, rule: .halfAwayFromZero, result: "-1"),
    RoundCase(input: "0.5", scale: 0, rule: .halfEven, result: "0"),
    RoundCase(input: "1.5", scale: 0, rule: .halfEven, result: "2"),
    RoundCase(input: "-0.4", scale: 0, rule: .halfAwayFromZero, result: "0"),
    RoundCase(input: "9.995", scale: 2, rule: .halfAwayFromZero, result: "10.00"),
    RoundCase(input: "-9.995", scale: 2, rule: .halfAwayFromZero, result: "-10.00"),
    RoundCase(input: "0.125", scale: 2, rule: .halfAwayFromZero, result: "0.13"),
    RoundCase(input: "0.125", scale: 2, rule: .halfEven, result: "0.12"),
    RoundCase(
      input: "0.000000000000000005", scale: 17, rule: .halfAwayFromZero,
      result: "0.00000000000000001"),
    RoundCase(input: "123.456", scale: 0, rule: .towardZero, result: "123"),
    // Rounding to the same or a larger scale only pads.
    RoundCase(input: "2.345", scale: 3, rule: .towardZero, result: "2.345"),
    RoundCase(input: "2.5", scale: 4, rule: .halfEven, result: "2.5000"),
    RoundCase(input: "-7", scale: 2, rule: .halfAwayFromZero, result: "-7.00"),
  ])
  func rounds(_ testCase: RoundCase) throws {
    let value = try dec(testCase.input)
    #expect(text(value.rounded(toScale: testCase.scale, testCase.rule)) == testCase.result)
  }

  @Test func roundingDefaultsToHalfAwayFromZero() throws {
    #expect(try text(dec("2.345").rounded(toScale: 2)) == "2.35")
    #expect(try text(dec("-2.345").rounded(toScale: 2)) == "-2.35")
  }

  @Test func roundingRejectsBadScalesAndOverflow() throws {
    #expect(try dec("1.5").rounded(toScale: -1) == nil)
    #expect(try dec("1.5").rounded(toScale: 19) == nil)
    #expect(try dec(int128Max).rounded(toScale: 1) == nil)
    // Dropping digits never overflows, even for the largest significand.
    #expect(
      try text(dec("17014118346046923173168730371588410572.7").rounded(toScale: 0))
        == "17014118346046923173168730371588410573")
    #expect(
      try text(dec("-17014118346046923173168730371588410572.7").rounded(toScale: 0, .towardZero))
        == "-17014118346046923173168730371588410572")
  }

  // MARK: Dividing

  struct DivideCase: Sendable, CustomTestStringConvertible {
    var dividend: String
    var divisor: String
    var scale: Int
    var rule: RoundingRule
    var result: String
    var testDescription: String { "\(dividend) / \(divisor) at \(scale) \(rule) -> \(result)" }
  }

  @Test(arguments: [
    DivideCase(dividend: "10", divisor: "3", scale: 2, rule: .halfAwayFromZero, result: "3.33"),
    DivideCase(dividend: "2", divisor: "3", scale: 2, rule: .halfAwayFromZero, result: "0.67"),
    DivideCase(dividend: "-2", divisor: "3", scale: 2, rule: .halfAwayFromZero, result: "-0.67"),
    DivideCase(dividend: "2", divisor: "-3", scale: 2, rule: .halfAwayFromZero, result: "-0.67"),
    DivideCase(dividend: "-2", divisor: "-3", scale: 2, rule: .halfAwayFromZero, result: "0.67"),
    DivideCase(dividend: "2", divisor: "3", scale: 2, rule: .towardZero, result: "0.66"),
    DivideCase(dividend: "-2", divisor: "3", scale: 2, rule: .towardZero, result: "-0.66"),
    DivideCase(dividend: "1", divisor: "8", scale: 2, rule: .halfAwayFromZero, result: "0.13"),
    DivideCase(dividend: "1", divisor: "8", scale: 2, rule: .halfEven, result: "0.12"),
    DivideCase(dividend: "3", divisor: "8", scale: 2, rule: .halfEven, result: "0.38"),
    DivideCase(dividend: "-1", divisor: "8", scale: 2, rule: .halfAwayFromZero, result: "-0.13"),
    DivideCase(
      dividend: "1", divisor: "3", scale: 18, rule: .halfAwayFromZero,
      result: "0.333333333333333333"),
    DivideCase(
      dividend: "2", divisor: "3", scale: 18, rule: .halfAwayFromZero,
      result: "0.666666666666666667"),
    DivideCase(dividend: "7", divisor: "2", scale: 0, rule: .halfAwayFromZero, result: "4"),
    DivideCase(dividend: "7", divisor: "2", scale: 0, rule: .halfEven, result: "4"),
    DivideCase(dividend: "5", divisor: "2", scale: 0, rule: .halfEven, result: "2"),
    DivideCase(dividend: "1.5", divisor: "0.5", scale: 0, rule: .halfAwayFromZero, result: "3"),
    DivideCase(
      dividend: "100", divisor: "0.07", scale: 4, rule: .halfAwayFromZero,
      result: "1428.5714"),
    DivideCase(
      dividend: "0.000000000000000001", divisor: "1000", scale: 2,
      rule: .halfAwayFromZero, result: "0.00"),
    DivideCase(dividend: "0", divisor: "7", scale: 3, rule: .halfAwayFromZero, result: "0.000"),
    DivideCase(
      dividend: "450.00", divisor: "7.5", scale: 2, rule: .halfAwayFromZero,
      result: "60.00"),
    // Exponent below zero and a divisor whose scaled form overflows 128 bits.
    DivideCase(
      dividend: "0.000000000000000001", divisor: int128Max, scale: 0,
      rule: .halfAwayFromZero, result: "0"),
    DivideCase(dividend: int128Max, divisor: "1", scale: 0, rule: .halfEven, result: int128Max),
    DivideCase(
      dividend: int128Max, divisor: int128Max, scale: 18, rule: .halfEven,
      result: "1.000000000000000000"),
  ])
  func divides(_ testCase: DivideCase) throws {
    let result = try dec(testCase.dividend).divided(
      by: dec(testCase.divisor), scale: testCase.scale, testCase.rule)
    #expect(text(result) == testCase.result)
  }

  @Test func divisionDefaultsToHalfAwayFromZero() throws {
    #expect(try text(dec("2").divided(by: dec("3"), scale: 2)) == "0.67")
    #expect(try text(dec("-1").divided(by: dec("8"), scale: 2)) == "-0.13")
  }

  @Test func divisionReturnsNilOnZeroBadScaleOrOverflow() throws {
    #expect(try dec("1").divided(by: .zero, scale: 2) == nil)
    #expect(try dec("1").divided(by: dec("0.00"), scale: 2) == nil)
    #expect(try dec("1").divided(by: dec("3"), scale: 19) == nil)
    #expect(try dec("1").divided(by: dec("3"), scale: -1) == nil)
    #expect(try dec(int128Max).divided(by: dec("0.5"), scale: 0) == nil)
    #expect(try dec(int128Max).divided(by: dec("1"), scale: 1) == nil)
  }

  // MARK: Rescaling and normalizing

  @Test func rescalesExactlyOnly() throws {
    #expect(try text(dec("1.5").rescaled(to: 3)) == "1.500")
    #expect(try text(dec("1.500").rescaled(to: 1)) == "1.5")
    #expect(try text(dec("1.500").rescaled(to: 0)) == "nil")
    #expect(try text(dec("-2.000").rescaled(to: 0)) == "-2")
    #expect(try text(dec("0.000").rescaled(to: 0)) == "0")
    #expect(try dec("1.55").rescaled(to: 1) == nil)
    #expect(try dec("1").rescaled(to: 19) == nil)
    #expect(try dec("1").rescaled(to: -1) == nil)
    #expect(try dec(int128Max).rescaled(to: 1) == nil)
    #expect(try text(dec("12").rescaled(to: 18)) == "12.000000000000000000")
  }

  @Test(arguments: [
    ("1.500", "1.5"), ("1.000", "1"), ("0.00", "0"), ("-0.10", "-0.1"), ("100", "100"),
    ("120.0", "120"), ("0.000000000000000010", "0.00000000000000001"),
  ])
  func normalizes(_ input: String, _ expected: String) throws {
    let normalized = try dec(input).normalized
    #expect(normalized.description == expected)
    #expect(try normalized == dec(input))
  }

  // MARK: Text

  @Test(arguments: [
    ("-1234.50", "-1234.50", "-1,234.50"),
    ("0.05", "0.05", "0.05"),
    ("12", "12", "12"),
    ("123", "123", "123"),
    ("1234", "1234", "1,234"),
    ("-1234567.50", "-1234567.50", "-1,234,567.50"),
    ("100000", "100000", "100,000"),
    ("1000000.000001", "1000000.000001", "1,000,000.000001"),
    ("-0.5", "-0.5", "-0.5"),
    ("1_000.50", "1000.50", "1,000.50"),
    ("0.000", "0.000", "0.000"),
    ("-0.000", "0.000", "0.000"),
    (int128Max, int128Max, "170,141,183,460,469,231,731,687,303,715,884,105,727"),
  ])
  func rendersText(_ input: String, _ plain: String, _ grouped: String) throws {
    let value = try dec(input)
    #expect(value.description == plain)
    #expect(value.formatted(grouping: false) == plain)
    #expect(value.formatted(grouping: true) == grouped)
  }

  @Test func rendersWithMinimumScale() throws {
    #expect(try dec("12").rendered(minimumScale: 2, grouping: false) == "12.00")
    #expect(try dec("12.5").rendered(minimumScale: 2, grouping: false) == "12.50")
    #expect(try dec("0.125").rendered(minimumScale: 2, grouping: false) == "0.125")
    #expect(try dec("-1234").rendered(minimumScale: 2, grouping: true) == "-1,234.00")
    #expect(try dec(int128Max).rendered(minimumScale: 1, grouping: false) == int128Max + ".0")
  }

  @Test func descriptionRoundTripsThroughParse() throws {
    for input in ["0", "-1.25", "0.000000000000000001", "99.90", int128Max, "-" + int128Max] {
      let value = try dec(input)
      let again = try dec(value.description)
      #expect(again.significand == value.significand)
      #expect(again.scale == value.scale)
    }
  }
}

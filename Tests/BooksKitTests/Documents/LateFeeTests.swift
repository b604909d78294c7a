import Testing

@testable import BooksKit

@Suite struct LateFeeTests {
  static func money(_ text: String, _ code: String = "EUR") -> Money? {
    guard let amount = DecimalNumber(text), let currency = Currency(code: code) else {
      return nil
    }
    return Money(amount, currency)
  }

  struct BadDate: Error {}

  static func day(_ text: String) throws -> CalendarDate {
    guard let date = CalendarDate(text) else { throw BadDate() }
    return date
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var flat: String?
    var percent: String?
    var period: LateFeePolicy.Period = .month
    var grace = 0
    var balance: String
    var currency = "EUR"
    var due: String
    var asOf: String
    var periods: Int
    var fee: String
    var testDescription: String { name }
  }

  /// Worked by hand from the rule in `LateFee`'s documentation.
  static let cases: [Case] = [
    // 40 EUR + 1.5% per month after 10 days; due 2026-03-31, grace end 2026-04-10.
    Case(
      name: "on the due date", flat: "40", percent: "1.5", grace: 10, balance: "1000.00",
      due: "2026-03-31", asOf: "2026-03-31", periods: 0, fee: "0"),
    Case(
      name: "last day of grace", flat: "40", percent: "1.5", grace: 10, balance: "1000.00",
      due: "2026-03-31", asOf: "2026-04-10", periods: 0, fee: "0"),
    Case(
      name: "first day after grace: 1 started month", flat: "40", percent: "1.5", grace: 10,
      balance: "1000.00", due: "2026-03-31", asOf: "2026-04-11", periods: 1, fee: "55.00"),
    Case(
      name: "end of the first month", flat: "40", percent: "1.5", grace: 10,
      balance: "1000.00", due: "2026-03-31", asOf: "2026-05-10", periods: 1, fee: "55.00"),
    Case(
      name: "2 started months", flat: "40", percent: "1.5", grace: 10, balance: "1000.00",
      due: "2026-03-31", asOf: "2026-05-11", periods: 2, fee: "70.00"),
    Case(
      name: "3 started months", flat: "40", percent: "1.5", grace: 10, balance: "1000.00",
      due: "2026-03-31", asOf: "2026-06-11", periods: 3, fee: "85.00"),
    Case(
      name: "flat only", flat: "40", grace: 10, balance: "1000.00", due: "2026-03-31",
      asOf: "2026-06-11", periods: 3, fee: "40.00"),
    // Month ends clamp: grace end 01-31, +1 month is 02-28, so 03-01 starts month 2.
    Case(
      name: "month-end clamp", percent: "1", balance: "500.00", due: "2026-01-31",
      asOf: "2026-02-28", periods: 1, fee: "5.00"),
    Case(
      name: "month-end clamp, next day", percent: "1", balance: "500.00", due: "2026-01-31",
      asOf: "2026-03-01", periods: 2, fee: "10.00"),
    // 1234.56 × 0.05 × 7 / 100 = 4.32096 → 4.32.
    Case(
      name: "per day", percent: "0.05", period: .day, balance: "1234.56", due: "2026-01-10",
      asOf: "2026-01-17", periods: 7, fee: "4.32"),
    Case(
      name: "per week, 7 days", percent: "2", period: .week, balance: "100", due: "2026-01-01",
      asOf: "2026-01-08", periods: 1, fee: "2.00"),
    Case(
      name: "per week, 8 days", percent: "2", period: .week, balance: "100", due: "2026-01-01",
      asOf: "2026-01-09", periods: 2, fee: "4.00"),
    Case(
      name: "per year, a year and a day", percent: "10", period: .year, balance: "800",
      due: "2025-06-30", asOf: "2026-07-01", periods: 2, fee: "160.00"),
    // 0.50 × 1 × 1 / 100 = 0.005 → 0.01 (half away from zero).
    Case(
      name: "rounds half away from zero", percent: "1", balance: "0.50", due: "2026-01-01",
      asOf: "2026-01-02", periods: 1, fee: "0.01"),
    // 12345 × 1.5 × 1 / 100 = 185.175 → 185 JPY.
    Case(
      name: "zero-decimal currency", percent: "1.5", balance: "12345", currency: "JPY",
      due: "2026-01-01", asOf: "2026-01-05", periods: 1, fee: "185"),
    Case(
      name: "nothing open", flat: "40", percent: "1.5", balance: "0", due: "2026-01-01",
      asOf: "2026-06-01", periods: 0, fee: "0"),
  ]

  @Test(arguments: cases)
  func lateFee(_ example: Case) throws {
    let policy = LateFeePolicy(
      flat: example.flat.flatMap { Self.money($0) },
      percent: example.percent.flatMap(DecimalNumber.init).map(Percentage.init),
      period: example.period, graceDays: example.grace)
    let balance = try #require(Self.money(example.balance, example.currency))
    let due = try #require(CalendarDate(example.due))
    let asOf = try #require(CalendarDate(example.asOf))
    let fee = try #require(
      LateFee.compute(policy: policy, balance: balance, dueDate: due, asOf: asOf))
    #expect(fee.periods == example.periods)
    #expect(fee.total == Self.money(example.fee, example.currency))
    #expect(fee.applies == (example.periods > 0))
    #expect(fee.skippedFlat == nil)
  }

  @Test func flatFeeInAnotherCurrencyIsNotAdded() throws {
    let policy = LateFeePolicy(
      flat: Self.money("40"), percent: Percentage(1), period: .month, graceDays: 0)
    let balance = try #require(Self.money("1000.00", "USD"))
    let fee = try #require(
      LateFee.compute(
        policy: policy, balance: balance, dueDate: try LateFeeTests.day("2026-01-01"),
        asOf: try LateFeeTests.day("2026-01-02")))
    #expect(fee.flat == Self.money("0", "USD"))
    #expect(fee.skippedFlat == Self.money("40"))
    #expect(fee.interest == Self.money("10.00", "USD"))
    #expect(fee.total == Self.money("10.00", "USD"))
  }

  static let fixture = """
    business "North Studio"
      currency EUR
      late-fee 40 EUR + 1.5% per month after 10 days
    client acme "Acme Corp"
    2026-01-31 invoice INV-1 acme
      due 2026-02-28
      item "Work" 1000
    2026-03-20 income 400 "part"
      client acme
      invoice INV-1
      via bank

    """

  @Test func balanceAfterAPartialPayment() throws {
    let validation = validate(Self.fixture)
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    // Grace end 2026-03-10. On 03-15, one started month on 1000.00: 40 + 15.00.
    let before = try #require(
      LateFee.accrued(
        on: "INV-1", in: validation.books, asOf: try LateFeeTests.day("2026-03-15")))
    #expect(before.balance == Self.money("1000"))
    #expect(before.total == Self.money("55.00"))
    // On 04-15, after 400 paid: two started months on 600.00: 40 + 18.00.
    let after = try #require(
      LateFee.accrued(
        on: "INV-1", in: validation.books, asOf: try LateFeeTests.day("2026-04-15")))
    #expect(after.balance == Self.money("600"))
    #expect(after.periods == 2)
    #expect(after.interest == Self.money("18.00"))
    #expect(after.total == Self.money("58.00"))
    // Before grace ends nothing is due.
    let inGrace = try #require(
      LateFee.accrued(
        on: "INV-1", in: validation.books, asOf: try LateFeeTests.day("2026-03-10")))
    #expect(inGrace.total.isZero)
    #expect(!inGrace.applies)
  }

  @Test func policyInWords() throws {
    let policy = LateFeePolicy(
      flat: Self.money("40"), percent: Percentage(try #require(DecimalNumber("1.5"))),
      period: .month, graceDays: 10)
    #expect(LateFee.describe(policy) == "40.00 EUR + 1.5% per month after 10 days")
  }
}

import Testing

@testable import BooksKit

@Suite struct NumberPatternTests {
  static let date = CalendarDate(year: 2026, month: 3, day: 5) ?? .earliest

  @Test(arguments: [
    ("INV-{yyyy}-{seq:3}", "INV-2026-007", 7), ("INV-{yyyy}-{seq:3}", "INV-2026-1234", 1234),
    ("{client}/{yy}{mm}-{seq}", "acme/2603-12", 12), ("Q{seq:2}", "Q05", 5),
  ])
  func matches(_ pattern: String, _ number: String, _ sequence: Int) throws {
    let parsed = try #require(NumberPattern(pattern))
    #expect(parsed.sequence(of: number, date: Self.date, client: "acme") == sequence)
  }

  @Test(arguments: [
    ("INV-{yyyy}-{seq:3}", "INV-2025-007"), ("INV-{yyyy}-{seq:3}", "INV-2026-"),
    ("INV-{yyyy}-{seq:3}", "INV-2026-00x"), ("{client}-{seq}", "globex-1"),
    ("INV-{yyyy}-{seq:3}", "INV-2026-007b"),
  ])
  func rejects(_ pattern: String, _ number: String) throws {
    let parsed = try #require(NumberPattern(pattern))
    #expect(parsed.sequence(of: number, date: Self.date, client: "acme") == nil)
  }

  @Test func formatsTheNextNumber() throws {
    let pattern = try #require(NumberPattern("INV-{yyyy}-{seq:3}"))
    #expect(pattern.number(date: Self.date, client: nil, sequence: 14) == "INV-2026-014")
  }

  @Test(arguments: ["INV-{year}-{seq}", "INV-{yyyy}", "INV-{seq:0}", "INV-{seq"])
  func invalidPatterns(_ text: String) {
    #expect(NumberPattern(text) == nil)
  }

  @Test func theCheckWarnsAboutNumbersOffThePattern() {
    let validation = validate(
      """
      business "B"
        currency EUR
        invoice-numbers "INV-{yyyy}-{seq:3}"
        estimate-numbers "Q-{seq}"
      client acme
      2026-01-10 invoice INV-2026-001 acme
        item "A" 10
      2026-01-11 invoice INV-2025-002 acme
        item "B" 10
      2026-01-12 estimate E-1 acme

      """)
    #expect(
      describe(validation) == [
        "main.books:8:20 numbering: invoice number `INV-2025-002` does not follow the pattern `INV-{yyyy}-{seq:3}`",
        "main.books:10:21 numbering: estimate number `E-1` does not follow the pattern `Q-{seq}`",
      ])
  }

  @Test func aBadPatternIsAValuesError() {
    let validation = validate("business \"B\"\n  invoice-numbers \"INV-{year}\"\n")
    #expect(
      describe(validation) == [
        "main.books:2:3 values: `INV-{year}` is not a number pattern: use {yyyy}, {yy}, {mm}, {client} and one {seq} or {seq:N}"
      ])
  }
}

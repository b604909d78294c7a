import Testing

@testable import BooksKit

/// Invoice totals computed by hand (see FORMAT.md, "Rounding"), asserted exactly.
@Suite struct DocumentMathTests {
  private func totals(_ fields: String) throws -> (InvoiceState, Validation) {
    let validation = validate(euroHeader + "2026-01-31 invoice INV-1 acme\n" + fields)
    let ledger = InvoiceLedger(validation.books)
    let state = try #require(ledger.invoices.first)
    return (state, validation)
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var fields: String
    var subtotal: String
    var discount: String
    var taxes: [String]
    var total: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "hours at a rate, one tax", fields: "  item \"UX\" 20h @ 95\n  tax vat\n",
      subtotal: "1900.00 EUR", discount: "0.00 EUR", taxes: ["vat 1900.00 EUR 380.00 EUR"],
      total: "2280.00 EUR"),
    Case(
      name: "minutes billed exactly then rounded once per line",
      fields: "  item \"Call\" 20m @ 100\n  item \"Call\" 20m @ 100\n",
      subtotal: "66.66 EUR", discount: "0.00 EUR", taxes: [], total: "66.66 EUR"),
    Case(
      name: "line rounding half away from zero",
      fields: "  item \"Pages\" 3 @ 0.125\n", subtotal: "0.38 EUR", discount: "0.00 EUR",
      taxes: [], total: "0.38 EUR"),
    Case(
      name: "tax rounded once per document, not per line",
      fields: "  item \"A\" 1 @ 0.05\n  item \"B\" 1 @ 0.05\n  item \"C\" 1 @ 0.05\n  tax low\n",
      subtotal: "0.15 EUR", discount: "0.00 EUR", taxes: ["low 0.15 EUR 0.01 EUR"],
      total: "0.16 EUR"),
    Case(
      name: "line discount percent and amount",
      fields: "  item \"A\" 10 @ 33.33 discount 10%\n  item \"B\" 500 discount 50\n  tax vat\n",
      subtotal: "749.97 EUR", discount: "0.00 EUR", taxes: ["vat 749.97 EUR 149.99 EUR"],
      total: "899.96 EUR"),
    Case(
      name: "document discount scales the tax base",
      fields: "  item \"A\" 1000\n  item \"B\" 200 tax none\n  discount 10%\n  tax vat\n",
      subtotal: "1200.00 EUR", discount: "120.00 EUR", taxes: ["vat 900.00 EUR 180.00 EUR"],
      total: "1260.00 EUR"),
    Case(
      name: "per-line taxes override the document's",
      fields: "  item \"Book\" 100 tax low\n  item \"Design\" 100\n  tax vat\n",
      subtotal: "200.00 EUR", discount: "0.00 EUR",
      taxes: ["low 100.00 EUR 5.50 EUR", "vat 100.00 EUR 20.00 EUR"], total: "225.50 EUR"),
    Case(
      name: "inclusive prices extract the tax",
      fields: "  item \"Workshop\" 120\n  tax vat\n  tax-inclusive\n",
      subtotal: "120.00 EUR", discount: "0.00 EUR", taxes: ["vat 100.00 EUR 20.00 EUR"],
      total: "120.00 EUR"),
    Case(
      name: "inclusive with two taxes on one line",
      fields: "  item \"Both\" 125.50\n  tax vat low\n  tax-inclusive\n",
      subtotal: "125.50 EUR", discount: "0.00 EUR",
      taxes: ["vat 100.00 EUR 20.00 EUR", "low 100.00 EUR 5.50 EUR"], total: "125.50 EUR"),
    Case(
      name: "amount discount on the document",
      fields: "  item \"A\" 3 @ 99.99\n  discount 29.97\n  tax vat\n",
      subtotal: "299.97 EUR", discount: "29.97 EUR", taxes: ["vat 270.00 EUR 54.00 EUR"],
      total: "324.00 EUR"),
  ]

  @Test(arguments: cases)
  func computesTotals(_ example: Case) throws {
    let (state, validation) = try totals(example.fields)
    #expect(describe(validation) == [])
    let totals = try #require(state.totals)
    #expect(totals.subtotal.description == example.subtotal)
    #expect(totals.discount.description == example.discount)
    #expect(totals.taxes.map { "\($0.id) \($0.base) \($0.amount)" } == example.taxes)
    #expect(totals.total.description == example.total)
  }

  @Test func japaneseYenHasNoMinorUnits() throws {
    let validation = validate(
      "tax vat \"VAT\" 10%\nclient k \"K\"\n  currency JPY\n2026-01-31 invoice INV-1 k\n  item \"Design\" 3 @ 3333\n  tax vat\n"
    )
    #expect(describe(validation) == [])
    let state = try #require(InvoiceLedger(validation.books).invoices.first)
    #expect(state.total?.description == "10999 JPY")
  }

  @Test func currencyMismatchIsReported() {
    let validation = validate(
      euroHeader + "2026-01-31 invoice INV-1 acme\n  item \"A\" 1 @ 10 USD\n")
    #expect(
      describe(validation) == [
        "main.books:8:3 invoices: this amount is in USD but the document is in EUR"
      ])
  }

  @Test func overflowIsADiagnosticNotATrap() {
    let validation = validate(
      euroHeader
        + "2026-01-31 invoice INV-1 acme\n  item \"A\" 99999999999999999999 @ 99999999999999999999\n"
    )
    #expect(
      describe(validation) == [
        "main.books:8:3 invoices: this amount is too large to compute exactly"
      ])
  }
}

import Testing

@testable import BooksKit

/// Findings of a fresh review: hostile files, wrong results and unclear messages.
@Suite struct FreshReviewTests {
  @Test func devicesAreNotRead() {
    let result = Loader.load(["/dev/zero"], fileSystem: LocalFileSystem())
    #expect(result.diagnostics.map(\.message) == ["cannot read `/dev/zero`: not a regular file"])
  }

  @Test func includeChainsHaveADepthLimit() {
    var files: [String: String] = [:]
    for index in 0..<100 { files["f\(index).books"] = "include f\(index + 1).books\n" }
    let result = Loader.load(["f0.books"], fileSystem: MemoryFileSystem(files))
    #expect(result.files.count == Loader.maximumDepth)
    #expect(result.diagnostics.map(\.message) == ["includes nest more than 64 files deep"])
  }

  @Test func aTaxNamedTwiceIsChargedOnce() throws {
    let validation = validate(
      euroHeader + "2026-01-31 invoice INV-1 acme\n  item \"A\" 100\n  tax vat\n  tax vat\n")
    #expect(describe(validation) == ["main.books:10:7 values: tax `vat` is named twice"])
    let state = try #require(InvoiceLedger(validation.books).invoices.first)
    #expect(state.total?.description == "120.00 EUR")
  }

  @Test func refundsAreNotPartsOverThePayment() {
    let validation = validate(
      euroHeader + """
        2026-01-31 invoice INV-1 acme
          item "A" 100
        2026-02-01 income 130 "paid too much"
          client acme
          invoice INV-1
          via bank
        2026-02-02 income -30 "refund of the excess"
          client acme
          invoice INV-1
          via bank

        """)
    #expect(describe(validation) == [])
  }

  @Test func metricFiltersAreVocabulary() {
    let validation = validate("goal g \"G\"\n  target 10\n  metric income clinet 2026\n")
    #expect(
      describe(validation) == ["main.books:3:3 vocab: `clinet` is not a declared income class"])
    #expect(validation.diagnostics.first?.fix == "did you mean `client`?")
  }

  @Test func invoicesWithUnreadItemsAreNotJudgedOnPartialTotals() {
    let validation = validate(
      euroHeader
        + "2026-01-31 invoice INV-1 acme\n  status paid\n  item \"A\" 10x @ 5\n  item \"B\" 100\n"
    )
    #expect(describe(validation) == ["main.books:9:12 values: `10x` is not a number"])
  }

  @Test func aFieldInColumnOneIsToldToIndent() {
    let validation = validate("business \"B\"\ncurrency EUR\n")
    #expect(describe(validation) == ["main.books:2:1 syntax: unknown entry `currency`"])
    #expect(
      validation.diagnostics.first?.fix
        == "`currency` is a field of `business`, `client`, `recurring`, `invoice`, `estimate`: indent it under its entry"
    )
  }

  @Test func currencySymbolsAndLowercaseCodes() {
    let validation = validate(
      "2026-01-01 expense €30 \"Taxi\"\n2026-01-02 expense 30 eur \"Taxi\"\n")
    #expect(
      describe(validation) == [
        "main.books:1:20 values: `€30` is not a number",
        "main.books:2:23 values: currency codes are written in capitals",
      ])
    #expect(
      validation.diagnostics.map(\.fix) == [
        "write the currency as its code after the amount, e.g. `30 EUR`", "EUR",
      ])
  }

  /// A `currency` field written in lower case is told so, as an amount's code is.
  @Test func aLowercaseCurrencyFieldIsToldToUseCapitals() {
    let validation = validate("business \"B\"\n  currency eur\nclient a \"A\"\n  currency euro\n")
    #expect(
      describe(validation) == [
        "main.books:2:12 values: currency codes are written in capitals",
        "main.books:4:12 values: `euro` is not an ISO 4217 currency code",
      ])
    #expect(validation.diagnostics.first?.fix == "EUR")
  }

  @Test func taxRatesAboveAHundredPercent() {
    let validation = validate("tax x \"X\" 170%\n")
    #expect(
      describe(validation) == [
        "main.books:1:11 values: a tax rate of 170% is above 100%"
      ])
  }

  @Test func emptyCheckNamesAreUsageErrors() {
    let output = CheckCommand.run(
      ["--only", "", "a.books"], environment: Environment(),
      fileSystem: MemoryFileSystem(["a.books": ""]))
    #expect(output.exitCode == 2)
    #expect(output.stderr.hasPrefix("books: --only and --skip take check names"))
  }

  @Test func manyProblemsOnOneLongLineStayLinear() {
    // 20,000 unknown ids on one line: columns come from the ASCII fast path.
    let ids = (0..<20000).map { "x\($0)" }.joined(separator: " ")
    let validation = validate("2026-01-01 meeting \"m\"\n  with \(ids)\n")
    #expect(validation.diagnostics.count == 20000)
    let json = DiagnosticRenderer.json(validation.diagnostics, files: validation.files)
    #expect(json.contains("\"column\": 15"))
  }
}

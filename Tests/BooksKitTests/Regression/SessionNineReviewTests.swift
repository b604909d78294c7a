import Testing

@testable import BooksKit

/// Findings of two helpers who tried `books` as a new user and as an accountant checking
/// its money (session 9): each test is one finding, with the behaviour it now has.
@Suite struct SessionNineReviewTests {
  private func money(_ amount: String, _ code: String) throws -> Money {
    Money(try #require(DecimalNumber(amount)), try #require(Currency(code: code)))
  }

  private static let big = "1000000000000000000000000000000000000"  // 10^36

  /// The `totals` diagnostic for euros, at `line` of main.books, as `describe` gives it.
  private func euroTotals(line: Int) -> String {
    "main.books:\(line):1 totals: the EUR amounts of the books add up to more than can be computed exactly"
  }

  /// Books in euros with `entries` after the business.
  private func euroBooks(_ entries: String) -> String {
    "business \"B\"\n  currency EUR\n" + entries
  }

  @Test func sumsPastTheExactRangeAreReportedNotDropped() {
    // Each total fits; at two decimals, the two add up past 2^127 in their last digit.
    let validation = validate(
      euroHeader + """
        2026-01-31 invoice INV-1 acme
          item "A" \(Self.big)
        2026-02-28 invoice INV-2 acme
          item "B" \(Self.big)
        2026-03-01 expense 10 USD "Small"

        """)
    #expect(
      describe(validation) == [
        "main.books:9:20 totals: the EUR amounts of the books add up to more than can be computed exactly"
      ])
  }

  @Test func theTotalsCheckStopsExactlyAtTheLimit() {
    // 2^127 − 1 in the last digit fits; one more does not, whatever the scales (euros
    // count in cents at least).
    let atTheLimit = euroBooks(
      """
      2026-01-01 income 1701411834604692317316873037158841057.26 EUR "A"
        via bank
      2026-01-02 income 0.01 EUR "B"
        via bank

      """)
    #expect(describe(validate(atTheLimit)) == [])
    let past = atTheLimit + "2026-01-03 expense 0.01 EUR \"C\"\n"
    #expect(describe(validate(past)) == [euroTotals(line: 7)])
    let scaled = euroBooks(
      """
      2026-01-01 income 170141183460469231731687303715884105.726 EUR "A"
        via bank
      2026-01-02 expense 0.001 EUR "B"

      """)
    #expect(describe(validate(scaled)) == [])
    let scaledPast = scaled + "2026-01-03 expense 0.001 EUR \"C\"\n"
    #expect(describe(validate(scaledPast)) == [euroTotals(line: 6)])
  }

  @Test func aZeroWithDecimalsRaisesTheScaleOfTheSum() {
    // `0.000` moves the sum to three places, where 10^36 no longer fits (a report adding
    // the two would drop the income); at two, the cents of euros, it does.
    let books = euroBooks(
      """
      2026-01-01 expense 0.000 EUR "Nothing"
      2026-01-02 income \(Self.big) EUR "Big"
        via bank

      """)
    #expect(describe(validate(books)) == [euroTotals(line: 3)])
    #expect(describe(validate(books.replacingOccurrences(of: "0.000 EUR", with: "0.00 EUR"))) == [])
  }

  @Test func sumsThatFitPassTheTotalsCheck() {
    let validation = validate(
      euroHeader + """
        2026-01-03 income 850000000000000000000000000000000000 EUR "Half"
          via bank
        2026-01-04 income -850000000000000000000000000000000000 EUR "Back"
          via bank

        """)
    #expect(describe(validation) == [])
  }

  @Test func aDeductionOfANegativeAmountIsShownAsAnAddition() throws {
    let refund = try money("-10", "EUR")
    let payment = try money("10", "EUR")
    #expect(refund.formattedAsDeduction() == "+10.00 EUR")
    #expect(payment.formattedAsDeduction() == "-10.00 EUR")
    let books = """
      business "Solo"
        currency EUR
      client acme "Acme"
      2026-01-31 invoice A-2 acme
        item "b" 50 EUR
      2026-02-10 income 50 EUR "pays"
        invoice A-2
        via bank
      2026-02-12 credit C-1 A-2
        item "refund" 10 EUR
      2026-02-13 income -10 EUR "refund"
        client acme
        invoice A-2 -10 EUR
        via bank

      """
    let output = StatementCommand.run(
      ["acme", "main.books", "--as-of", "2026-03-01"], environment: Environment(),
      fileSystem: MemoryFileSystem(["main.books": books]))
    #expect(output.exitCode == 0)
    #expect(!output.stdout.contains("--10"))
    #expect(output.stdout.contains("| +10.00 EUR | 0.00 EUR |"))
  }

  @Test func amountsInSeveralCurrenciesReadAsOneSum() throws {
    let euros = try money("500", "EUR")
    let dollars = try money("-120", "USD")
    let pounds = try money("3", "GBP")
    #expect(CellFormat.sum([euros, dollars, pounds]) == "500.00 EUR - 120.00 USD + 3.00 GBP")
    #expect(CellFormat.sum([dollars]) == "-120.00 USD")
    #expect(CellFormat.sum([]) == "")
  }

  @Test func moneyReceivedForADraftIsAnError() {
    let validation = validate(
      euroHeader + """
        2026-01-31 invoice D-001 acme
          status draft
          item "A" 100
        2026-02-05 income 100 "Deposit"
          invoice D-001
          via bank
        2026-02-06 income 50 "Promised"
          invoice D-001

        """)
    #expect(
      describe(validation) == [
        "main.books:10:1 invoices: invoice `D-001` is a draft, but money was received for it"
      ])
  }

  @Test func discountsAreWrittenWithoutAMinusAndBringNegativeLinesTowardsZero() throws {
    let negative = validate(
      euroHeader + "2026-01-31 invoice I-1 acme\n  item \"a\" 10 discount -5 EUR\n")
    #expect(
      describe(negative) == [
        "main.books:8:24 values: a discount is taken off, so it is written without a minus"
      ])

    let percent = validate(
      euroHeader + "2026-01-31 invoice I-4 acme\n  item \"a\" 10 discount -5%\n")
    #expect(
      describe(percent) == [
        "main.books:8:24 values: a discount is taken off, so it is written without a minus"
      ])
    #expect(percent.diagnostics.first?.fix == "discount 5%")

    let validation = validate(
      euroHeader + """
        2026-01-31 invoice I-2 acme
          item "work" 100
          item "credit line" -10 discount 4 EUR
          item "other credit" -10 discount 10%

        """)
    #expect(describe(validation) == [])
    let totals = try #require(InvoiceLedger(validation.books).invoices.first?.totals)
    #expect(totals.lines.map(\.net.description) == ["100.00 EUR", "-6.00 EUR", "-9.00 EUR"])
    #expect(totals.total.description == "85.00 EUR")

    let tooMuch = validate(
      euroHeader + "2026-01-31 invoice I-3 acme\n  item \"a\" 100\n  item \"c\" -10 discount 150%\n"
    )
    #expect(
      describe(tooMuch) == [
        "main.books:9:3 invoices: the discount is larger than the line's amount"
      ])
  }

  @Test func aDocumentDatedAfterAsOfIsRefused() {
    let books = euroHeader + "2026-03-10 invoice INV-1 acme\n  item \"A\" 100\n"
    let fileSystem = MemoryFileSystem(["main.books": books])
    let before = DocumentCommand.run(
      .invoice, ["INV-1", "main.books", "--as-of", "2026-03-01"], environment: Environment(),
      fileSystem: fileSystem)
    #expect(before.exitCode == 2)
    #expect(before.stdout == "")
    #expect(
      before.stderr
        == "books: invoice INV-1 is dated 2026-03-10, after --as-of 2026-03-01: the books did not have it yet on that day\n  fix: use --as-of 2026-03-10 or later\n"
    )
    let reminder = ReminderCommand.run(
      ["INV-1", "main.books", "--as-of", "2026-03-01"], environment: Environment(),
      fileSystem: fileSystem)
    #expect(reminder.exitCode == 2)
    #expect(reminder.stderr.hasPrefix("books: invoice INV-1 is dated 2026-03-10"))
    // Without --as-of, a draft dated ahead is previewed as of its own date.
    let ahead = DocumentCommand.run(
      .invoice, ["INV-1", "main.books"], environment: Environment(), fileSystem: fileSystem,
      today: CalendarDate(year: 2026, month: 3, day: 1) ?? .latest)
    #expect(ahead.exitCode == 0)
    #expect(ahead.stdout.contains("2026-03-10"))
    let aheadReminder = ReminderCommand.run(
      ["INV-1", "main.books"], environment: Environment(), fileSystem: fileSystem,
      today: CalendarDate(year: 2026, month: 3, day: 1) ?? .latest)
    #expect(aheadReminder.exitCode == 0)
    let onTheDay = DocumentCommand.run(
      .invoice, ["INV-1", "main.books", "--as-of", "2026-03-10"], environment: Environment(),
      fileSystem: fileSystem)
    #expect(onTheDay.exitCode == 0)
  }

  @Test func definingFixesNameWhatTheDefinitionNeeds() {
    let validation = validate(
      euroHeader + """
        2026-01-31 invoice INV-1 acme
          item "A" 100 tax gst
        2026-02-01 time nowhere 1h
        2026-02-02 time somewhere/design 1h

        """)
    #expect(
      validation.diagnostics.map { $0.fix ?? "" } == [
        "define it: `tax gst \"Name\" RATE%`, with its rate",
        "define it: `project nowhere \"Name\"`, with an indented `client CLIENT-ID` line under it",
        "define it: `service somewhere/design \"Name\"` (a service of project `somewhere`)",
      ])
  }

  @Test func quotedDefinitionKeywordsAreSyntaxErrors() {
    let validation = validate("business \"B\"\n  currency EUR\n\"client\" b\n  stag client\n")
    #expect(
      describe(validation) == [
        "main.books:3:1 syntax: entry keywords are written without quotes",
        "main.books:4:3 fields: `client` has no field `stag`",
      ])
    #expect(validation.books.clients.isEmpty)
  }

  @Test func draftingMistakesInTheArgumentsAreUsageErrors() {
    let books =
      euroHeader + """
        project web "Web"
          client acme
        service web/design "Design"
          pricing hourly 95 EUR

        """
    let fileSystem = MemoryFileSystem(["main.books": books])
    let today = CalendarDate(year: 2026, month: 12, day: 2) ?? .latest
    let noQuantity = NewCommand.run(
      ["invoice", "acme", "--service", "web/design", "main.books"], environment: Environment(),
      fileSystem: fileSystem, today: today)
    #expect(noQuantity.exitCode == 2)
    #expect(
      noQuantity.stderr
        == "books: how many hours of `web/design`? write `--service web/design=10h`\n")
    let unknown = NewCommand.run(
      ["invoice", "acne", "--service", "web/design=2h", "main.books"], environment: Environment(),
      fileSystem: fileSystem, today: today)
    #expect(unknown.exitCode == 2)
    let badNumber = NewCommand.run(
      ["invoice", "acme", "--service", "web/design=2h", "--number", "bad number", "main.books"],
      environment: Environment(), fileSystem: fileSystem, today: today)
    #expect(badNumber.exitCode == 2)
    #expect(
      badNumber.stderr.hasPrefix(
        "books: --number takes one word, e.g. INV-2026-014, not `bad number`\n"))
    let nothing = NewCommand.run(
      ["invoice", "acme", "--from-unbilled", "main.books"], environment: Environment(),
      fileSystem: fileSystem, today: today)
    #expect(nothing.exitCode == 1)
  }

  @Test func aBadDurationDoesNotHideAnUnknownTarget() {
    let validation = validate(
      euroHeader + """
        2026-02-28 time nowhere 1h90m "x"
        2026-03-01 time elsewhere 10:00-09:00 "y"
        2026-03-02 time acme-web 1h "fine"

        """)
    #expect(
      describe(validation) == [
        "main.books:7:17 refs: unknown project or service `nowhere`",
        "main.books:7:25 values: `1h90m` is not a duration",
        "main.books:8:17 refs: unknown project or service `elsewhere`",
        "main.books:8:27 dates: the time range ends before it starts",
        "main.books:9:17 refs: unknown project or service `acme-web`",
      ])
  }

  @Test func theSiteIsAsOfTheNewestEntryNotAPromise() {
    let validation = validate(
      euroHeader + """
        2026-03-01 income 100 "Paid"
          client acme
          via bank
        2026-04-15 income 200 "Promised"
          client acme

        """)
    #expect(describe(validation) == [])
    #expect(SiteBuilder.newestEntryDate(validation.books)?.description == "2026-03-01")
  }

  @Test func anInvoiceWithoutItemsIsWorthItsIncomeOnAnyDay() throws {
    let validation = validate(
      euroHeader + """
        2026-01-31 invoice W-001 acme
        2026-02-15 income 1000 "Retainer, February"
          invoice W-001
          via bank

        """)
    #expect(describe(validation) == [])
    let books = validation.books
    let whole = InvoiceLedger(books)
    for day in ["2026-02-01", "2026-02-14"] {
      let date: CalendarDate = try #require(CalendarDate(day))
      let early = whole.asOf(date, in: books)
      let state = try #require(early.invoices.first)
      #expect(state.total?.description == "1000.00 EUR")
      #expect(state.paid?.description == "0.00 EUR")
      #expect(state.balance?.description == "1000.00 EUR")
      let invoice = try #require(books.invoices.first)
      #expect(state.standing(invoice, asOf: date) == .sent)
      // Made afresh for the day, the same.
      let fresh = InvoiceLedger(books, asOf: date)
      #expect(fresh.invoices.first?.total?.description == "1000.00 EUR")
    }
    let paidDay: CalendarDate = try #require(CalendarDate("2026-02-15"))
    let later = whole.asOf(paidDay, in: books)
    #expect(later.invoices.first?.balance?.description == "0.00 EUR")
    // The journal of 1 February has the invoice: the client owes it.
    let output = ExportCommand.run(
      ["hledger", "main.books", "--as-of", "2026-02-01"], environment: Environment(),
      fileSystem: MemoryFileSystem([
        "main.books": euroHeader + """
          2026-01-31 invoice W-001 acme
          2026-02-15 income 1000 "Retainer, February"
            invoice W-001
            via bank

          """
      ]))
    #expect(output.exitCode == 0)
    #expect(output.stdout.contains("    assets:receivable:acme   1000.00 EUR\n"))
  }
}

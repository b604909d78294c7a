import Testing

@testable import BooksKit

private let retainerBooks = """
  business "North Studio"
    currency EUR
  tax vat "VAT" 20%
  client acme "Acme Corp"
  project acme-care "Acme care plan"
    client acme

  recurring acme-retainer "Acme retainer"
    client acme
    project acme-care
    every month
    start 2026-09-01
    terms 14 days
    item "Retainer: design support, 10 hours" 900 EUR
    discount 5%
    tax vat
    includes 10h
    overage 90 EUR
    note "Thank you!"

  2026-09-30 invoice INV-2026-001 acme
    recurring acme-retainer
    period 2026-09-01 through 2026-09-30
    item "Retainer: design support, 10 hours" 900 EUR
    tax vat

  2026-10-02 time acme-care 8h "Design support"
  2026-10-20 time acme-care 4h30m "Design support"
  2026-11-03 time acme-care 2h "Design support"

  """

@Suite struct RecurringTests {
  private func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

  @Test func periodsFollowTheFrequency() throws {
    let quarterly = Frequency(count: 3, unit: .month)
    let start = try day("2026-01-31")
    #expect(
      quarterly.period(0, from: start) == DatePeriod(start: start, end: try day("2026-04-29")))
    #expect(quarterly.period(1, from: start)?.start == (try day("2026-04-30")))
    let fortnight = Frequency(count: 2, unit: .week)
    #expect(
      fortnight.period(1, from: try day("2026-12-21"))
        == DatePeriod(start: try day("2027-01-04"), end: try day("2027-01-17")))
    #expect(Frequency(count: 1, unit: .year).period(Int.max, from: start) == nil)
  }

  @Test func draftsTheOldestPeriodWithoutAnInvoice() throws {
    let books = validate(retainerBooks).books
    let draft = try Drafter(books: books).recurringInvoice(
      "acme-retainer", date: nil, today: try day("2026-11-15"), number: nil
    ).get()
    #expect(
      draft.text == """
        2026-10-31 invoice INV-2026-002 acme
          project acme-care
          status draft
          recurring acme-retainer
          period 2026-10-01 through 2026-10-31
          terms 14 days
          bills acme-care from 2026-10-01 through 2026-10-31
          item "Retainer: design support, 10 hours" 900.00 EUR
          item "Time beyond the 10h included, 1–31 Oct 2026" 2h30m @ 90.00 EUR
          discount 5%
          tax vat
          note "Thank you!"

        """)
    #expect(draft.notes == ["12h30m of `acme-care` logged in the period; 10h included"])
  }

  @Test func theNoteGivesTheTimeAsLoggedAndAsRounded() throws {
    // With a 1h increment, 8h and 4h30m bill as 8h and 5h.
    let rounded = retainerBooks.replacingOccurrences(
      of: "client acme \"Acme Corp\"\n", with: "client acme \"Acme Corp\"\n  rounding 1h\n")
    #expect(rounded != retainerBooks)
    let draft = try Drafter(books: validate(rounded).books).recurringInvoice(
      "acme-retainer", date: nil, today: try day("2026-11-15"), number: nil
    ).get()
    #expect(
      draft.notes == [
        "12h30m of `acme-care` logged in the period, 13h once each entry is rounded up; 10h included"
      ])
    #expect(
      draft.text.contains("item \"Time beyond the 10h included, 1–31 Oct 2026\" 3h @ 90.00 EUR"))
  }

  @Test func checkNotesEndedPeriodsUntilTheyAreInvoiced() throws {
    let before = Validation.run(
      ["main.books"], fileSystem: MemoryFileSystem(["main.books": retainerBooks]),
      today: try day("2026-12-02"))
    #expect(
      describe(before) == [
        "main.books:8:11 recurring: recurring invoice `acme-retainer` is due for 2026-10-01 to 2026-10-31 (and 1 later) but not issued"
      ])
    let books = before.books
    let october = try Drafter(books: books).recurringInvoice(
      "acme-retainer", date: nil, today: try day("2026-12-02"), number: nil
    ).get()
    let text = retainerBooks + "\n" + october.text
    let after = Validation.run(
      ["main.books"], fileSystem: MemoryFileSystem(["main.books": text]),
      today: try day("2026-12-02"))
    #expect(
      describe(after) == [
        "main.books:8:11 recurring: recurring invoice `acme-retainer` is due for 2026-11-01 to 2026-11-30 but not issued"
      ])
    // November: its 2h are within the included hours, so no overage item.
    let november = try Drafter(books: after.books).recurringInvoice(
      "acme-retainer", date: nil, today: try day("2026-12-02"), number: nil
    ).get()
    #expect(november.lines.first == "2026-11-30 invoice INV-2026-003 acme")
    #expect(!november.text.contains("Time beyond"))
    #expect(november.text.contains("  bills acme-care from 2026-11-01 through 2026-11-30\n"))
    let done = Validation.run(
      ["main.books"], fileSystem: MemoryFileSystem(["main.books": text + "\n" + november.text]),
      today: try day("2026-12-02"))
    #expect(describe(done) == [])
  }

  @Test func anEndedTemplateWithEveryPeriodInvoiced() throws {
    let text = retainerBooks.replacingOccurrences(
      of: "  start 2026-09-01\n", with: "  start 2026-09-01\n  end 2026-09-30\n")
    #expect(text != retainerBooks)
    let books = validate(text).books
    #expect(
      Drafter(books: books).recurringInvoice(
        "acme-retainer", date: nil, today: try day("2026-12-02"), number: nil)
        == .failure(
          DraftProblem("every period of `acme-retainer` is invoiced; it ends on 2026-09-30")))
    #expect(
      Drafter(books: books).recurringInvoice(
        "acme-retainr", date: nil, today: try day("2026-12-02"), number: nil)
        == .failure(
          DraftProblem(
            "unknown recurring invoice `acme-retainr` (did you mean `acme-retainer`?)", usage: true
          )))
  }
}

@Suite struct BillingClaimTests {
  private let books = """
    business "S"
      currency EUR
    client acme "Acme"
    project web "Web"
      client acme
    service web/design "Design"
      pricing hourly 100 EUR

    2026-01-05 time web/design 1h "a"
    2026-01-06 time web/design 2h "b"
    2026-01-07 time web/design 4h "c"
      invoice INV-3
    2026-01-08 expense 50 EUR "Cards"
      billable web

    2026-01-31 invoice INV-1 acme
      bills web/design through 2026-01-05
      item "Design" 1h @ 100 EUR
    2026-02-28 invoice INV-2 acme
      bills acme through 2026-02-28
      item "Design" 2h @ 100 EUR
      item "Cards" 50 EUR
    2026-01-31 invoice INV-3 acme
      item "Design" 4h @ 100 EUR
    2026-01-20 invoice INV-0 acme
      status void
      bills web through 2026-01-31
      item "Design" 7h @ 100 EUR

    """

  @Test func theEarliestInvoiceThatIsNotVoidBillsTheWork() {
    let validation = validate(books)
    #expect(describe(validation) == [])
    let billing = Billing(validation.books)
    #expect(billing.timeInvoices == ["INV-1", "INV-2", "INV-3"])
    #expect(billing.expenseInvoices == ["INV-2"])
    #expect(billing.claimedTime == [[0], [1], [], []])
  }

  /// Claims on an entry's service, project and client are one list, earliest invoice
  /// first, whichever id each names; entries on one target share that list.
  @Test func theEarliestClaimWinsWhicheverIdItNames() {
    let validation = validate(
      """
      business "S"
        currency EUR
      client acme "Acme"
      project web "Web"
        client acme
      service web/design "Design"
        pricing hourly 100 EUR

      2026-01-05 time web/design 1h "a"
      2026-01-25 time web/design 2h "b"
      2026-01-26 time web 3h "c"

      2026-02-10 invoice INV-2 acme
        bills web/design through 2026-01-31
        item "Design" 2h @ 100 EUR
      2026-01-20 invoice INV-1 acme
        bills acme through 2026-01-20
        item "Design" 1h @ 100 EUR
      2026-02-11 invoice INV-3 acme
        bills web through 2026-01-31
        item "Web" 3h @ 100 EUR

      """)
    let billing = Billing(validation.books)
    #expect(billing.timeInvoices == ["INV-1", "INV-2", "INV-3"])
    #expect(billing.claimedTime == [[1], [0], [2]])
  }

  /// Whether work is billed is read from the invoice its invoice's number names, as for a
  /// reference: with a number given twice (`numbering` reports it), the first invoice.
  @Test func aRepeatedNumberIsReadAsItsFirstInvoice() throws {
    let validation = validate(
      """
      business "S"
        currency EUR
      client acme "Acme"
      project web "Web"
        client acme

      2026-01-05 time web 1h "a"

      2026-01-01 invoice INV-1 acme
        status void
        item "Old" 1h @ 100 EUR
      2026-02-01 invoice INV-1 acme
        bills web through 2026-01-31
        item "Web" 1h @ 100 EUR

      """)
    let billing = TimeBilling(
      books: validation.books, asOf: try #require(CalendarDate("2026-12-31")))
    #expect(billing.claims.timeInvoices == ["INV-1"])
    #expect(billing.claims.claimedTime == [[], [0]])
    #expect(!billing.isBilled(timeEntry: 0))
  }

  @Test func billedOnTheInvoiceDate() throws {
    let books = validate(books).books
    let early = TimeBilling(books: books, asOf: try #require(CalendarDate("2026-02-01")))
    #expect([0, 1, 2].map { early.isBilled(timeEntry: $0) } == [true, false, true])
    #expect(!early.isBilled(expense: 0))
  }
}

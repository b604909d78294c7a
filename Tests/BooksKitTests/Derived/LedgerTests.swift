import Testing

@testable import BooksKit

/// Payments, credits, balances, standing and the client/project summaries, by hand.
@Suite struct LedgerTests {
  static let books =
    euroHeader + """
      project web "Website"
        client acme
        value 6000
      project app "App"
        client acme
        estimate 10h
      service app/dev "Development"
        pricing hourly 100
      2026-01-05 time app/dev 2h30m
      2026-01-06 time app 1h30m
      2026-01-31 invoice INV-1 acme
        project web
        due 2026-02-28
        item "Design" 2500
        tax vat
      2026-02-10 income 1000 "part"
        class client
        client acme
        invoice INV-1
        via bank
      2026-02-11 income 500 "promised, not received"
        client acme
        invoice INV-1
      2026-02-12 credit CN-1 INV-1
        item "Goodwill" 100
      2026-03-01 invoice INV-2 acme
        project web
        item "Build" 500
      2026-03-02 income 480 "Paid with a fee withheld"
        client acme
        invoice INV-2
        via paypal
        fee 20
      2026-03-03 invoice INV-3 acme
        status draft
        item "Maybe" 999
      2026-03-04 invoice INV-4 acme
      2026-03-05 income 300 "Workflow income gives INV-4 its amount"
        class client
        client acme
        invoice INV-4

      """

  /// A ledger moved to another day gives what a ledger made on that day gives: payments,
  /// credits and balances as they stood, and the workflow invoice's amount by then.
  @Test func aLedgerMovedToAnotherDayIsTheLedgerOfThatDay() {
    let books = validate(Self.books).books
    let whole = InvoiceLedger(books)
    func summary(_ ledger: InvoiceLedger) -> [String] {
      ledger.invoices.map { state in
        [
          state.total, state.paid, state.credited, state.creditedNet, state.balance,
        ].map { $0?.description ?? "-" }.joined(separator: " ")
          + " payments \(state.payments.map { "\($0.income) \($0.amount) \($0.received) \($0.date)" })"
          + " due \(state.dueDate) in \(state.currency?.code ?? "-")"
          + " \(state.problem?.message ?? "computed")"
      } + ledger.diagnostics.map(\.message)
    }
    let days = ["2026-01-31", "2026-02-10", "2026-02-12", "2026-03-02", "2026-03-05"]
    for text in days {
      let day = CalendarDate(text)
      #expect(summary(whole.asOf(day, in: books)) == summary(InvoiceLedger(books, asOf: day)))
    }
    #expect(summary(whole.asOf(nil, in: books)) == summary(whole))
    // A moved ledger moves again as the whole one does: moving undoes every payment and
    // credit it applied.
    for earlier in days {
      let moved = whole.asOf(CalendarDate(earlier), in: books)
      for text in days {
        let day = CalendarDate(text)
        #expect(summary(moved.asOf(day, in: books)) == summary(InvoiceLedger(books, asOf: day)))
      }
    }
    // The first day differs from the last: the comparison sees the day.
    #expect(
      summary(whole.asOf(CalendarDate("2026-01-31"), in: books))
        != summary(whole.asOf(CalendarDate("2026-03-05"), in: books)))
  }

  @Test func balancesAndStanding() throws {
    let validation = validate(Self.books)
    #expect(describe(validation) == [])
    let ledger = InvoiceLedger(validation.books)
    let invoices = validation.books.invoices
    let first = try #require(ledger.invoices.first)
    #expect(first.total?.description == "3000.00 EUR")
    #expect(first.paid?.description == "1000.00 EUR")
    #expect(first.credited?.description == "120.00 EUR")
    #expect(first.balance?.description == "1880.00 EUR")
    #expect(first.dueDate.description == "2026-02-28")
    let asOf = try #require(CalendarDate("2026-03-10"))
    #expect(first.standing(invoices[0], asOf: asOf) == .overdue)
    #expect(first.daysOverdue(invoices[0], asOf: asOf) == 10)
    #expect(
      first.standing(invoices[0], asOf: try #require(CalendarDate("2026-02-20"))) == .partiallyPaid)

    let second = ledger.invoices[1]
    #expect(second.paid?.description == "500.00 EUR")
    #expect(second.balance?.description == "0.00 EUR")
    #expect(second.dueDate.description == "2026-03-31")
    #expect(second.standing(invoices[1], asOf: asOf) == .paid)

    #expect(ledger.invoices[2].standing(invoices[2], asOf: asOf) == .draft)
    let workflow = ledger.invoices[3]
    #expect(workflow.total?.description == "300.00 EUR")
    #expect(workflow.paid?.description == "0.00 EUR")
    #expect(workflow.balance?.description == "300.00 EUR")
  }

  @Test func clientAndProjectSummaries() throws {
    let validation = validate(Self.books)
    let ledger = InvoiceLedger(validation.books)
    let client = try #require(ClientSummary.all(validation.books, ledger).first)
    #expect(client.invoiced?.description == "3200.00 EUR")  // before tax, less the 100 credit
    #expect(client.contractInvoicedPercent?.description == "26.7")
    #expect(client.paid?.description == "1500.00 EUR")
    #expect(client.outstanding?.description == "2180.00 EUR")

    let projects = ProjectProgress.all(validation.books, ledger)
    #expect(projects.map(\.projectID) == ["web", "app"])
    #expect(projects[0].basis == .invoicing)
    #expect(projects[0].invoiced?.description == "2900.00 EUR")
    #expect(projects[0].completion?.description == "48.3")
    #expect(projects[1].basis == .hours)
    #expect(projects[1].actual.description == "4h")
    #expect(projects[1].completion?.description == "40.0")
  }

  /// Work is billed by the invoice it names, else by the earliest invoice (by date) that is
  /// not void and whose `bills` span covers its day, on its project or its client. INV-2 is
  /// dated before INV-1 but starts its span later: January's work is INV-1's.
  @Test func claimsBillTheEarliestCoveringInvoice() {
    let books = validate(
      euroHeader + """
        project web "Web"
          client acme
        2026-01-10 time web 2h "January"
        2026-02-10 time web 2h "February"
        2026-02-15 time web 1h "Not billable"
          billable no
        2026-03-10 time web 3h "March"
        2026-03-12 time web 1h "Named"
          invoice INV-2
        2026-05-10 time web 1h "After every span"
        project app "App"
          client acme
        2026-06-10 time app 2h "In both June spans"
        2026-06-20 time app 1h "In the later-dated span only"
        2026-01-15 invoice INV-0 acme
          status void
          bills web through 2026-12-31
        2026-03-05 invoice INV-1 acme
          bills web through 2026-01-31
        2026-03-01 invoice INV-2 acme
          bills web from 2026-02-01 through 2026-02-28
        2026-04-01 invoice INV-3 acme
          bills acme through 2026-03-31
        2026-07-10 invoice INV-5 acme
          bills app from 2026-06-01 through 2026-06-30
        2026-07-01 invoice INV-4 acme
          bills app from 2026-06-01 through 2026-06-15

        """
    ).books
    let billing = Billing(books)
    // INV-4 is dated before INV-5, which comes first in the file: June 10 is INV-4's.
    #expect(
      billing.timeInvoices == ["INV-1", "INV-2", nil, "INV-3", "INV-2", nil, "INV-4", "INV-5"])
    #expect(billing.claimedTime == [[], [0], [1], [3], [7], [6]])
  }

  /// The claimed time an invoice's items are checked against: each entry's billed time
  /// (rounded up to its client's increment) when a rate prices it, by its service or by
  /// its staff member; fixed-price work and staff without a rate add nothing.
  @Test func valuedTimeIsTheBilledTimeOfPricedEntries() throws {
    let books = validate(
      """
      business "Me"
        currency EUR
      staff ana "Ana"
        rate 80
      staff bo "Bo"
      client acme "Acme"
        rounding 15m
      project web "Web"
        client acme
      service web/dev "Dev"
        pricing hourly 100
      project fixed "Fixed"
        client acme
      service fixed/build "Build"
        pricing flat 5000
      project free "No services"
        client acme
      2026-01-05 time web/dev 1h05m
      2026-01-05 time fixed/build 2h
      2026-01-05 time free 50m
        staff ana
      2026-01-05 time free 3h
        staff bo
      2026-01-05 time free 3h

      """
    ).books
    let billing = TimeBilling(books: books, asOf: try #require(CalendarDate("2026-12-31")))
    let all = Array(books.timeEntries.indices)
    #expect(
      all.map { billing.rate(ofTimeEntryAt: $0)?.amount.description } == [
        "100", nil, "80", nil, nil,
      ])
    #expect(all.map { billing.billed(timeEntryAt: $0).minutes } == [75, 120, 60, 180, 180])
    #expect(billing.valuedTime(ofTimeEntriesAt: all).minutes == 135)
    #expect(billing.valuedTime(ofTimeEntriesAt: [2, 2, 99, -1]).minutes == 120)
    #expect(billing.valuedTime(ofTimeEntriesAt: []).minutes == 0)
  }

  /// Reports hand over the check's time billing, whose targets and their projects are
  /// already worked out: progress is the same with it as without it, on any day.
  @Test func projectProgressWithTheBillingsTargets() throws {
    let books = validate(Self.books).books
    let ledger = InvoiceLedger(books)
    let billing = TimeBilling(books: books, asOf: try #require(CalendarDate("2026-12-31")))
    func figures(_ progress: [ProjectProgress]) -> [String] {
      progress.map {
        "\($0.projectID) \($0.actual) \($0.invoiced?.description ?? "-") \($0.basis)"
          + " \($0.completion?.description ?? "-")"
      }
    }
    for day in ["2026-01-04", "2026-01-05", "2026-12-31"] {
      let asOf = try #require(CalendarDate(day))
      #expect(
        figures(ProjectProgress.all(books, ledger, billing: billing) { $0 <= asOf })
          == figures(ProjectProgress.all(books, ledger) { $0 <= asOf }))
    }
    // A billing of other books is not read: its entries are not these.
    let other = validate(euroHeader + "project p \"P\"\n  client acme\n").books
    let otherBilling = TimeBilling(books: other, asOf: try #require(CalendarDate("2026-12-31")))
    #expect(
      figures(ProjectProgress.all(books, ledger, billing: otherBilling))
        == figures(ProjectProgress.all(books, ledger)))
    let early = try #require(CalendarDate("2026-01-05"))
    #expect(
      figures(ProjectProgress.all(books, ledger, billing: billing) { $0 <= early }).last
        == "app 2h30m 0.00 EUR hours 25.0")
    #expect(
      figures(ProjectProgress.all(books, ledger, billing: billing)).last
        == "app 4h 0.00 EUR hours 40.0")
  }

  @Test func seedExampleHalfInvoicedIsFiftyPercent() throws {
    let validation = validate(
      euroHeader
        + "project p \"P\"\n  client acme\n  value 6000\n2026-01-31 invoice INV-1 acme\n  project p\n  item \"Half\" 3000\n"
    )
    let progress = try #require(
      ProjectProgress.all(validation.books, InvoiceLedger(validation.books)).first)
    #expect(progress.completion?.description == "50.0")
  }

  @Test func paymentProblems() {
    let validation = validate(
      euroHeader + """
        client other "Other"
        2026-01-31 invoice INV-1 acme
          status paid
          item "A" 100
        2026-01-20 income 150 "early, too much, wrong payer"
          client other
          invoice INV-1
          via bank
        2026-02-01 income 10 "two invoices, no parts"
          invoice INV-1
          invoice INV-1
          via bank

        """)
    #expect(
      describe(validation) == [
        "main.books:11:1 invoices: invoice `INV-1` is overpaid by 50.00 EUR (total 100.00 EUR)",
        "main.books:12:10 invoices: `other` pays invoice `INV-1`, which is addressed to `acme`",
        "main.books:13:11 dates: payment on 2026-01-20 for invoice `INV-1` issued later, on 2026-01-31",
        "main.books:16:11 invoices: this payment covers several invoices; give each its part",
        "main.books:17:11 invoices: this payment covers several invoices; give each its part",
      ])
  }
}

import Testing

@testable import BooksKit

/// Books with unbilled work of every kind: hourly services at their rates, time on a
/// project priced by the staff member, a 15-minute billing increment, a billable expense,
/// time already billed, time freed by a void invoice, and time of another client.
private let workBooks = """
  business "North Studio"
    currency EUR
    invoice-numbers "INV-{yyyy}-{seq:3}"
    estimate-numbers "EST-{yyyy}-{seq:2}"
  tax vat "VAT" 20%
  unit page "page"
  client acme "Acme Corp"
    rounding 15m
  client globex "Globex"
  staff mira "Mira"
    rate 80 EUR
  project acme-web "Acme website"
    client acme
    milestone "Launch" 2000 EUR
  project acme-ops "Acme operations"
    client acme
  service acme-web/design "UX design"
    pricing hourly 95 EUR
  service acme-web/audit "Accessibility audit"
    pricing flat 1500 EUR
  service acme-web/pages "Page templates"
    pricing page 120 EUR
  project globex-app "Globex app"
    client globex

  2026-10-30 invoice INV-2026-001 acme
    item "UX design, October" 2h @ 95 EUR
    tax vat
  2026-11-10 invoice INV-2026-002 acme
    status void
    item "Ops support" 1h @ 80 EUR
    tax vat

  2026-10-29 time acme-web/design 2h "Billed already"
    invoice INV-2026-001
  2026-11-02 time acme-web/design 1h10m "Wireframes"
  2026-11-05 time acme-web/design 2h "Checkout flow"
  2026-11-06 time acme-ops 50m "Server check"
    staff mira
  2026-11-07 time acme-ops 1h "On the void invoice"
    staff mira
    invoice INV-2026-002
  2026-11-08 time acme-web/design 1h "Not billable"
    billable no
  2026-12-03 time acme-web/design 3h "After the cut-off"
  2026-11-04 time globex-app 5h "Another client"
    staff mira
  2026-11-12 expense 86.40 EUR "Printed prototype cards"
    billable acme-web

  """

@Suite struct DraftTests {
  private func books(_ text: String = workBooks) throws -> Books {
    let validation = validate(text)
    #expect(describe(validation) == [])
    return validation.books
  }

  @Test func invoiceFromUnbilledWork() throws {
    let drafter = Drafter(books: try books())
    let draft = try drafter.invoice(
      client: "acme", project: nil, fromUnbilled: true,
      through: try #require(CalendarDate("2026-11-30")),
      date: try #require(CalendarDate("2026-11-30")), number: nil, extras: .init()
    ).get()
    // 1h10m and 2h rounded up to 15 minutes: 1h15m + 2h; 50m + 1h (freed) → 2h at 80.
    #expect(
      draft.text == """
        2026-11-30 invoice INV-2026-003 acme
          status draft
          bills acme through 2026-11-30
          item "UX design, 2–5 Nov 2026" 3h15m @ 95.00 EUR
          item "Acme operations, 6–7 Nov 2026" 2h @ 80.00 EUR
          item "Printed prototype cards (12 Nov 2026)" 86.40 EUR tax none
          tax vat

        """)
    #expect(draft.notes == ["taxes as on INV-2026-001: vat"])
  }

  @Test func theDraftBillsItsWorkOnceInTheBooks() throws {
    let drafter = Drafter(books: try books())
    let day = try #require(CalendarDate("2026-11-30"))
    let draft = try drafter.invoice(
      client: "acme", project: nil, fromUnbilled: true, through: day, date: day, number: nil,
      extras: .init()
    ).get()
    let after = validate(workBooks + "\n" + draft.text)
    #expect(describe(after) == [])
    let unbilled = UnbilledReport(
      ReportContext(books: after.books, options: ReportOptions(asOf: day)))
    #expect(unbilled.time.map(\.date.description) == ["2026-11-04"])  // globex only
    #expect(unbilled.expenses.isEmpty)
    // Nothing left for acme: a second draft has nothing to bill.
    let again = Drafter(books: after.books).invoice(
      client: "acme", project: nil, fromUnbilled: true, through: day, date: day, number: nil,
      extras: .init())
    #expect(
      again
        == .failure(
          DraftProblem(
            "nothing to invoice: client `acme` has no unbilled billable time or expenses up to 2026-11-30"
          )))
  }

  @Test func oneProjectUpToADay() throws {
    let drafter = Drafter(books: try books())
    let draft = try drafter.invoice(
      client: "acme", project: "acme-web", fromUnbilled: true,
      through: try #require(CalendarDate("2026-11-03")),
      date: try #require(CalendarDate("2026-11-30")), number: "A-1", extras: .init()
    ).get()
    #expect(
      draft.lines == [
        "2026-11-30 invoice A-1 acme", "  project acme-web", "  status draft",
        "  bills acme-web through 2026-11-03",
        "  item \"UX design, 2 Nov 2026\" 1h15m @ 95.00 EUR", "  tax vat",
      ])
  }

  @Test func servicesAndMilestones() throws {
    let drafter = Drafter(books: try books())
    let extras = Drafter.Extras(
      services: [
        (id: "acme-web/design", quantity: "10"), (id: "acme-web/audit", quantity: nil),
        (id: "acme-web/pages", quantity: "12"),
      ],
      milestones: ["Launch"])
    let draft = try drafter.invoice(
      client: "acme", project: "acme-web", fromUnbilled: false,
      through: try #require(CalendarDate("2026-11-30")),
      date: try #require(CalendarDate("2026-11-30")), number: nil, extras: extras
    ).get()
    #expect(
      Array(draft.lines.dropFirst(3)) == [
        "  item \"UX design\" 10h @ 95.00 EUR", "  item \"Accessibility audit\" 1500.00 EUR",
        "  item \"Page templates\" 12 page @ 120.00 EUR", "  item \"Launch\" 2000.00 EUR",
        "  tax vat",
      ])
    #expect(!draft.lines.contains { $0.contains("bills") })
  }

  @Test func theFirstInvoiceOfAClientTakesTheOnlyTax() throws {
    let text = """
      business "S"
        currency EUR
      tax vat "VAT" 19%
      client acme "Acme"
      project web "Web"
        client acme
      service web/dev "Development"
        pricing hourly 80 EUR
      2026-11-02 time web/dev 2h "Work"
      project ops "Operations"
        client acme
      2026-11-03 time ops 1h "Unpriced: no service, no staff rate"

      """
    let day = try #require(CalendarDate("2026-11-30"))
    let books = validate(text).books
    let draft = try Drafter(books: books).invoice(
      client: "acme", project: nil, fromUnbilled: true, through: day, date: day, number: nil,
      extras: .init()
    ).get()
    #expect(draft.lines.last == "  tax vat")
    #expect(
      draft.notes == [
        "left out 1 time entry (1h) that nothing prices by the hour (fixed-price work); the `bills` line counts it as billed",
        "taxes: vat, the only tax in the books",
      ])
    #expect(draft.lines.contains("  bills acme through 2026-11-30"))
    // Only unpriced time: a sentence that says why, not "nothing to invoice".
    let onlyUnpriced = Drafter(books: books).invoice(
      client: "acme", project: "ops", fromUnbilled: true, through: day, date: day, number: nil,
      extras: .init())
    #expect(
      onlyUnpriced
        == .failure(
          DraftProblem(
            "nothing to invoice at a rate: 1 time entry (1h) of project `ops` up to 2026-11-30 has no hourly rate; give its service `pricing hourly RATE`, or its staff member a `rate`"
          )))
  }

  @Test func problemsAreSentences() throws {
    let drafter = Drafter(books: try books())
    let day = try #require(CalendarDate("2026-11-30"))
    func problem(_ client: String, _ project: String?, _ extras: Drafter.Extras) -> String? {
      if case .failure(let problem) = drafter.invoice(
        client: client, project: project, fromUnbilled: extras.isEmpty, through: day, date: day,
        number: nil, extras: extras)
      {
        return problem.message
      }
      return nil
    }
    #expect(problem("acmee", nil, .init()) == "unknown client `acmee` (did you mean `acme`?)")
    #expect(
      problem("globex", "acme-web", .init())
        == "project `acme-web` belongs to client `acme`, not `globex`")
    #expect(
      problem("acme", nil, .init(services: [(id: "acme-web/design", quantity: nil)]))
        == "how many hours of `acme-web/design`? write `--service acme-web/design=10h`")
    #expect(
      problem("acme", nil, .init(milestones: ["Launch"]))
        == "--milestone needs --project: milestones belong to projects")
    #expect(
      problem("acme", "acme-web", .init(milestones: ["Lunch"]))
        == "project `acme-web` has no milestone \"Lunch\"; its milestones: \"Launch\"")
  }

  @Test func estimateFromServices() throws {
    let drafter = Drafter(books: try books())
    let draft = try drafter.estimate(
      client: "acme", project: nil, date: try #require(CalendarDate("2026-11-30")),
      validUntil: nil, number: nil,
      extras: .init(services: [(id: "acme-web/design", quantity: "30h")])
    ).get()
    #expect(
      draft.text == """
        2026-11-30 estimate EST-2026-01 acme
          project acme-web
          status draft
          valid-until 2026-12-30
          item "UX design" 30h @ 95.00 EUR
          tax vat

        """)
    #expect(describe(validate(workBooks + "\n" + draft.text)) == [])
  }
}

@Suite struct EstimateConversionTests {
  private let text = """
    business "S"
      currency EUR
    tax vat "VAT" 20%
    client acme "Acme"
    project web "Web"
      client acme
    2026-01-02 estimate EST-1 acme
      project web
      status accepted
      item "Design" 30h @ 95 EUR discount 10%
      item "Audit" 1500 EUR tax none
      discount 100 EUR
      tax vat
    2026-01-04 po PO-77 acme
      estimate EST-1
    2026-01-05 estimate EST-2 acme
      status declined
      item "Other" 10 EUR

    """

  @Test func anAcceptedEstimateBecomesAnInvoiceThatRefersToIt() throws {
    let books = validate(text).books
    let day = try #require(CalendarDate("2026-02-01"))
    let draft = try Drafter(books: books).invoice(
      fromEstimate: "EST-1", date: day, invoiceNumber: nil
    ).get()
    #expect(
      draft.text == """
        2026-02-01 invoice INV-2026-001 acme
          project web
          status draft
          estimate EST-1
          po PO-77
          item "Design" 30h @ 95.00 EUR discount 10%
          item "Audit" 1500.00 EUR tax none
          discount 100.00 EUR
          tax vat

        """)
    #expect(draft.notes == [])
    let after = validate(text + draft.text)
    #expect(describe(after) == [])
    // Same totals as the estimate: 2565 + 1500 − 100 discount, VAT on the design line.
    #expect(after.books.invoices.count == 1)
    #expect(
      Drafter(books: books).invoice(fromEstimate: "EST-2", date: day, invoiceNumber: nil)
        == .failure(DraftProblem("estimate `EST-2` was declined")))
  }
}

@Suite struct DocumentNumberTests {
  private func next(_ text: String, _ date: String, client: String = "acme") throws -> String {
    let books = validate(text).books
    return DocumentNumbers.next(
      .invoice, in: books, date: try #require(CalendarDate(date)), client: client)
  }

  @Test func patternCountsPerYear() throws {
    let text = """
      business "S"
        currency EUR
        invoice-numbers "INV-{yyyy}-{seq:3}"
      client acme "Acme"
      2025-12-20 invoice INV-2025-041 acme
        item "x" 1 EUR
      2026-01-10 invoice INV-2026-001 acme
        item "x" 1 EUR

      """
    #expect(try next(text, "2026-02-01") == "INV-2026-002")
    #expect(try next(text, "2027-01-05") == "INV-2027-001")
  }

  @Test func clientCountersWithAClientToken() throws {
    let text = """
      business "S"
        currency EUR
        invoice-numbers "{client}-{seq}"
      client acme "Acme"
      client globex "Globex"
      2026-01-10 invoice acme-1 acme
        item "x" 1 EUR
      2026-01-11 invoice acme-2 acme
        item "x" 1 EUR

      """
    #expect(try next(text, "2026-02-01") == "acme-3")
    #expect(try next(text, "2026-02-01", client: "globex") == "globex-1")
  }

  @Test func withoutAPatternTheLatestSeriesGoesOn() throws {
    let text = """
      business "S"
        currency EUR
      client acme "Acme"
      2026-01-10 invoice 2026/0009 acme
        item "x" 1 EUR
      2026-03-10 invoice 2026/0010 acme
        item "x" 1 EUR

      """
    #expect(try next(text, "2026-04-01") == "2026/0011")
    #expect(
      try next("business \"S\"\n  currency EUR\nclient acme \"A\"\n", "2026-04-01")
        == "INV-2026-001")
  }
}

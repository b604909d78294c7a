import Testing

@testable import BooksKit

@Suite struct ModelBuilderTests {
  @Test func readsEveryKindOfEntry() throws {
    let validation = validate(
      """
      books 1
      business "North Studio"
        legal-name "North Studio SARL"
        address "1 Rue Haute" ; line one
        address "75001 Paris"
        currency EUR
        terms 14 days
        late-fee 40 EUR + 1.5% per month after 10 days
        bank "IBAN FR76 0000"
      class royalties "Royalties"
      category software
      stage lost "Lost"
      tax vat "VAT" 20%
      client acme "Acme Corp" #vip
        stage client
        company Acme Corporation
        address "2 Main St"
        contract USD 12000
        currency USD
        rounding 6m
        staff ana
      staff ana "Ana"
        rate 80
        clients acme
        may-approve yes
      contact jo "Jo Bloggs"
        category finance
        client acme
      project web "Website"
        client acme
        value 6000
        priority high
        status in-progress
        start 2026-01-01
        end 2026-06-30
        estimate 80h
        milestone "Design" 2000 due 2026-03-01
      service web/ux "UX"
        pricing hourly 95
        status completed
      resource taxes "Year-end taxes"
        kind checklist
        topic taxes
        todo [x] "Collect receipts"
        todo [ ] "File the return"
        todo "Pay"
      goal read "Read books"
        category health
        target 12 books
        progress 2026-02-01 2
      goal earn "Earn"
        category wealth
        target 60000
        metric income client 2026
      2026-01-12 time web/ux 09:00-12:30 "Wireframes"
        staff ana
      2026-01-13 time web 1.5h
        billable no
      2026-01-31 invoice INV-1 acme
        due 2026-03-02
        item "UX" 20h @ 95 tax vat
        item "Pages" 3 page @ 40
        item "Hosting" 120 discount 10%
        discount 5%
        terms "Bank transfer only"
      2026-02-20 income 2280 "Acme pays"
        class client
        client acme
        invoice INV-1 2280
        via bank
        fee 4.50
      2026-02-21 expense 49.99 EUR "Figma"
        category software
        billable web
      2026-03-05 meeting 10:00 45m "Kickoff"
        with acme jo
        medium zoom
        agenda "Scope"
      """)
    #expect(describe(validation) == [])
    let books = validation.books
    let business = try #require(books.business)
    #expect(business.address == ["1 Rue Haute", "75001 Paris"])
    #expect(business.termsDays == 14)
    #expect(business.lateFee?.flat?.description == "40.00 EUR")
    #expect(business.lateFee?.percent?.description == "1.5%")
    #expect(business.lateFee?.period == .month)
    #expect(business.lateFee?.graceDays == 10)
    #expect(books.vocabulary.allows(.incomeClass, "royalties"))
    #expect(books.vocabulary.allows(.expenseCategory, "software"))
    #expect(!books.vocabulary.allows(.expenseCategory, "travel"))
    let client = try #require(books.client("acme"))
    #expect(client.company == "Acme Corporation")
    #expect(client.contract?.description == "12000.00 USD")
    #expect(client.rounding?.minutes == 6)
    #expect(client.tags == ["vip"])
    let project = try #require(books.project("web"))
    #expect(project.priority == .high)
    #expect(project.status == .inProgress)
    #expect(project.value?.description == "6000.00 USD")
    #expect(
      project.milestones.map { "\($0.name) \($0.amount) \($0.due?.description ?? "")" } == [
        "Design 2000.00 USD 2026-03-01"
      ])
    #expect(books.service("web/ux")?.project?.id == "web")
    #expect(books.service("web/ux")?.rate?.description == "95.00 USD")
    #expect(books.resources.first?.todos.map(\.done) == [true, false, false])
    #expect(books.goals.map(\.target) == [DecimalNumber(12), DecimalNumber(60000)])
    #expect(books.goals.first?.unit == "books")
    #expect(books.goals.last?.metric == GoalMetric(kind: .income, filter: "client", year: 2026))
    #expect(books.timeEntries.map(\.duration.minutes) == [210, 90])
    #expect(books.timeEntries.map(\.billable) == [true, false])
    let invoice = try #require(books.invoice("INV-1"))
    #expect(invoice.items.count == 3)
    #expect(invoice.items[1].unit == "page")
    #expect(invoice.terms == ["Bank transfer only"])
    #expect(books.incomes.first?.invoices.first?.amount?.description == "2280.00 USD")
    #expect(books.expenses.first?.billable?.id == "web")
    #expect(books.meetings.first?.end?.description == "10:45")
    #expect(books.meetings.first?.with.map(\.id) == ["acme", "jo"])
  }

  @Test func reportsFieldProblemsAndKeepsGoing() {
    let validation = validate(
      """
      business "B"
        currency EUR
      client acme "Acme"
        stag lead
        email a@b.c
        email d@e.f
      project p "P"
        value 10
      Client x
      2026-01-01 invoce INV-1 acme
      2026-01-02 income 10,000 "comma"
      2026-01-03 time p 1h1h
      client Bad_Id
      note "mixed" words

      """)
    #expect(
      describe(validation) == [
        "main.books:4:3 fields: `client` has no field `stag`",
        "main.books:6:3 fields: field `email` is given twice",
        "main.books:7:1 fields: `project` needs a `client` field",
        "main.books:9:1 syntax: unknown entry `Client`",
        "main.books:10:12 syntax: unknown dated entry `invoce`",
        "main.books:11:19 values: `10,000` is not a number",
        "main.books:12:19 values: `1h1h` is not a duration",
        "main.books:13:8 values: `Bad_Id` is not a valid id",
        "main.books:14:1 syntax: unknown entry `note`",
      ])
    let fixes = validation.diagnostics.map { $0.fix ?? "" }
    #expect(fixes[0] == "did you mean `stage`?")
    #expect(fixes[3] == "did you mean `client`?")
    #expect(fixes[4] == "did you mean `invoice`?")
  }

  /// An entry whose head cannot be read (a bad date, duration or id) still has its fields'
  /// names checked; an unknown keyword's fields are not (which fields it takes is unknown).
  @Test func fieldNamesAreCheckedUnderAHeadThatCannotBeRead() {
    let validation = validate(
      """
      business "B"
        currency EUR
      client Bad_Id "X"
        stag lead
      2026-13-01 time p 1h
        staf ana
        staff ana
        staff ana
      2026-01-02 time p 1x
        aproved-by ana
      2026-01-03 expense 12 EUR "Lunch"
        categry meals
      2026-02-30 tim p 1h
        staf ana
      books 1 x
        note "takes none"
      time p 1h
        staf ana
      2026-01-04 client x
        emial a@b.c

      """)
    #expect(
      describe(validation) == [
        "main.books:3:8 values: `Bad_Id` is not a valid id",
        "main.books:4:3 fields: `client` has no field `stag`",
        "main.books:5:1 values: `2026-13-01` is not a date: there is no month 13",
        "main.books:6:3 fields: `time` has no field `staf`",
        "main.books:8:3 fields: field `staff` is given twice",
        "main.books:9:17 refs: unknown project or service `p`",
        "main.books:9:19 values: `1x` is not a duration",
        "main.books:10:3 fields: `time` has no field `aproved-by`",
        "main.books:12:3 fields: `expense` has no field `categry`",
        "main.books:13:1 values: `2026-02-30` is not a date: February 2026 has no day 30",
        "main.books:15:1 syntax: the version marker is `books 1`",
        "main.books:16:3 fields: `books` takes no fields",
        "main.books:17:1 syntax: unknown entry `time`",
        "main.books:19:12 syntax: unknown dated entry `client`",
      ])
    let fixes = validation.diagnostics.map { $0.fix ?? "" }
    #expect(fixes[3] == "did you mean `staff`?")
    #expect(fixes[7] == "did you mean `approved-by`?")
  }

  @Test func amountsNeedACurrency() {
    let validation = validate("client a \"A\"\n  contract 100\n")
    #expect(describe(validation) == ["main.books:2:12 values: no currency for this amount"])
  }

  @Test func duplicateIdsPointAtTheFirst() throws {
    let validation = validate("client acme\nproject acme \"P\"\n  client acme\n")
    #expect(
      describe(validation) == [
        "main.books:2:9 duplicates: `acme` is already defined as a client"
      ])
    let note = try #require(validation.diagnostics.first?.notes.first)
    #expect(note.range == SourceRange(file: 0, start: 7, end: 11))
  }

  @Test func versionMarker() {
    #expect(
      describe(validate("books 2\n")) == [
        "main.books:1:7 syntax: this file is in format version 2; this books reads version 1"
      ])
  }
}

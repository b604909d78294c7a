import Testing

@testable import BooksKit

/// Behaviour settled while writing FORMAT.md, where the first implementation surprised.
@Suite struct ReviewFindingsTests {
  @Test func netTermsAreDays() throws {
    let validation = validate("business \"B\"\n  currency EUR\n  terms net 45\n")
    #expect(describe(validation) == [])
    #expect(validation.books.business?.termsDays == 45)
  }

  @Test func settingsApplyWhateverTheFileOrder() throws {
    let validation = validate(
      """
      include later.books
      project p "P"
        client k
        value 100
      client k "K"
        currency USD
        contract 5000
      2026-02-01 income 50 "pays in the invoice's currency"
        invoice INV-1
        via bank
      2026-01-01 invoice INV-1 k
        item "A" 50

      """, more: ["later.books": "business \"B\"\n  currency EUR\nstaff s \"S\"\n  rate 80\n"])
    #expect(describe(validation) == [])
    #expect(validation.books.project("p")?.value?.description == "100.00 USD")
    #expect(validation.books.client("k")?.contract?.description == "5000.00 USD")
    #expect(validation.books.staff.first?.billingRate?.description == "80.00 EUR")
    #expect(validation.books.incomes.first?.amount.description == "50.00 USD")
  }

  @Test func onlyISOCodesAreCurrencies() {
    let validation = validate(
      "business \"B\"\n  currency EUR\n2026-01-01 expense 40 VAT adjustment\n")
    #expect(describe(validation) == [])
    #expect(validation.books.expenses.first?.description == "VAT adjustment")
    #expect(validation.books.expenses.first?.amount.description == "40.00 EUR")
  }

  @Test func meetingTitlesMayStartWithPunctuatedWords() {
    let validation = validate(
      "2026-01-01 meeting Kick-off with Acme\n2026-01-02 meeting Re: budget\n")
    #expect(describe(validation) == [])
    #expect(validation.books.meetings.map(\.title) == ["Kick-off with Acme", "Re: budget"])
  }

  @Test func amountDiscountsAreRounded() throws {
    let validation = validate(
      euroHeader + "2026-01-31 invoice INV-1 acme\n  item \"A\" 10\n  discount 0.125\n")
    let state = try #require(InvoiceLedger(validation.books).invoices.first)
    #expect(state.total?.description == "9.87 EUR")
  }

  @Test func settledInvoicesAreNotOverdue() throws {
    let validation = validate(
      euroHeader
        + "2026-01-31 invoice INV-1 acme\n  item \"A\" 100\n2026-02-01 credit CN-1 INV-1\n  item \"All\" 100\n"
    )
    #expect(describe(validation) == [])
    let invoice = try #require(validation.books.invoices.first)
    let state = try #require(InvoiceLedger(validation.books).invoices.first)
    #expect(state.standing(invoice, asOf: try #require(CalendarDate("2026-12-31"))) == .paid)
  }

  @Test func paymentPartsCannotExceedThePayment() {
    let validation = validate(
      euroHeader + """
        2026-01-31 invoice INV-1 acme
          item "A" 100
        2026-01-31 invoice INV-2 acme
          item "B" 100
        2026-02-01 income 150
          client acme
          invoice INV-1 100
          invoice INV-2 60
          via bank

        """)
    #expect(
      describe(validation) == [
        "main.books:13:11 invoices: the parts of this payment add up to 160.00 EUR, more than its 150.00 EUR"
      ])
  }

  @Test func estimateTotalsAreChecked() {
    let validation = validate(
      euroHeader + "2026-01-10 estimate EST-1 acme\n  item \"A\" 1 @ 10 USD\n")
    #expect(
      describe(validation) == [
        "main.books:8:3 invoices: this amount is in USD but the document is in EUR"
      ])
  }

  @Test func tagLines() {
    let validation = validate("client a \"A\"\n  #vip #eu\n#orphan\n")
    #expect(
      describe(validation) == ["main.books:3:1 syntax: tags alone on a line belong to no entry"])
    #expect(validation.books.client("a")?.tags == ["vip", "eu"])
  }

  @Test func invalidBytesInStringsAndCommentsAreReported() {
    let bytes: [UInt8] = Array("client a \"x".utf8) + [0xC3, 0x28] + Array("\" ; \u{7}\n".utf8)
    let file = SourceFile(path: "t.books", bytes: bytes)
    #expect(
      Parser.parse(file, fileIndex: 0).diagnostics.map(\.message) == ["invalid UTF-8 byte 0xC3"])
    let control = SourceFile(path: "t.books", text: "client a ; bell \u{7}\n")
    #expect(
      Parser.parse(control, fileIndex: 0).diagnostics.map(\.message) == [
        "control character U+0007 in the text"
      ])
  }

  @Test func meetingEnds() {
    let validation = validate(
      """
      2026-01-01 meeting "No start"
        duration 1h
      2026-01-02 meeting 10:00-11:00 "Twice"
        end 12:00
      2026-01-03 meeting 10:00 "Once"
        duration 90m
        note "bring the contract"

      """)
    #expect(
      describe(validation) == [
        "main.books:2:3 fields: `duration` needs a start time on the meeting's first line",
        "main.books:4:3 fields: the meeting's end is already given",
      ])
    #expect(validation.books.meetings.last?.end?.description == "11:30")
    #expect(validation.books.meetings.last?.notes == ["bring the contract"])
  }

  @Test func serviceProjectMustMatchItsId() {
    let validation = validate(
      "client c\nproject a \"A\"\n  client c\nproject b \"B\"\n  client c\nservice a/x \"X\"\n  project b\n"
    )
    #expect(
      describe(validation) == [
        "main.books:7:11 fields: service `a/x` names project `a` in its id but `b` in its `project` field"
      ])
  }

  @Test func aTaxWithoutARateIsReportedOnce() {
    let validation = validate(
      euroHeader + "tax gst \"GST\"\n2026-01-01 invoice INV-1 acme\n  item \"A\" 1\n  tax gst\n")
    #expect(describe(validation) == ["main.books:7:1 fields: tax `gst` has no rate"])
  }

  @Test func emptyTimeRange() {
    let validation = validate(
      "client c\nproject p \"P\"\n  client c\n2026-01-01 time p 09:00-09:00\n")
    #expect(describe(validation) == ["main.books:4:19 dates: the time range is empty"])
  }
}

@Suite struct BilledWorkTests {
  @Test func billedWorkBelongsToTheInvoicesClient() {
    let validation = validate(
      euroHeader + """
        client other "Other"
        project p "P"
          client other
        2026-01-31 invoice INV-1 acme
          item "A" 100
        2026-01-05 time p 1h
          invoice INV-1
        2026-01-06 expense 10 "Taxi"
          billable other
          invoice INV-1

        """)
    #expect(
      describe(validation) == [
        "main.books:13:11 invoices: time of client `other` is billed on invoice `INV-1` to `acme`",
        "main.books:16:11 invoices: an expense of client `other` is billed on invoice `INV-1` to `acme`",
      ])
  }
}

@Suite struct SecondReviewTests {
  @Test(arguments: [("BIF", 0), ("VUV", 0), ("XPF", 0), ("CLF", 4), ("UYW", 4), ("KWD", 3)])
  func minorUnits(_ code: String, _ units: Int) throws {
    #expect(try #require(Currency(code: code)).minorUnits == units)
  }

  @Test func signedTermsAreNotDays() {
    let validation = validate("business \"B\"\n  currency EUR\n  terms +30 days\n")
    #expect(
      describe(validation) == ["main.books:3:9 values: expected a number of days, from 0 to 3650"])
  }

  @Test func aTaxNamedTwiceOnAnItem() {
    let validation = validate(
      euroHeader + "2026-01-31 invoice INV-1 acme\n  item \"A\" 100 tax vat vat\n")
    #expect(
      describe(validation) == ["main.books:8:24 values: tax `vat` is named twice"])
  }

  @Test func negativeTotals() {
    let validation = validate(
      euroHeader + "2026-01-31 invoice INV-1 acme\n  item \"Refund\" -100\n")
    #expect(
      describe(validation) == [
        "main.books:7:1 invoices: invoice `INV-1` has a negative total -100.00 EUR"
      ])
  }

  @Test func incomeTakesTheInvoiceClientsCurrency() {
    let validation = validate(
      euroHeader
        + "client us \"US\"\n  currency USD\n2026-01-31 invoice INV-1 us\n  item \"A\" 100\n2026-02-01 income 100\n  invoice INV-1\n  via bank\n"
    )
    #expect(describe(validation) == [])
    #expect(validation.books.incomes.first?.amount.description == "100.00 USD")
  }
}

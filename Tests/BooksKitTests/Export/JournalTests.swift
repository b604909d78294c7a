import Testing

@testable import BooksKit

/// The journal behind `books export`, worked out by hand (FORMAT.md, 2.10).
@Suite struct JournalTests {
  /// The journal of `text` (which must have no errors), as of 2026-12-31.
  func journal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Journal
  {
    let validation = validate(text)
    let errors = validation.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(describe(validation))", sourceLocation: sourceLocation)
    return Journal(validation.books, asOf: try exportDay("2026-12-31"))
  }

  /// "entry date: account amount [tags]" per posting, for exact comparisons.
  func lines(_ journal: Journal) -> [String] {
    journal.transactions.flatMap { transaction in
      transaction.postings.map { posting in
        let tags = posting.tags.map { " [\($0.name):\($0.value)]" }.joined()
        return "\(transaction.source) \(transaction.date): "
          + "\(LedgerWriter.name(posting.account)) \(posting.amount)\(tags)"
      }
    }
  }

  static let header = """
    business "North Studio"
      currency EUR
    tax vat "VAT" 19%
    tax vat-reduced "VAT (reduced)" 7%
    client acme "Acme Corp"
    client globex "Globex Inc."
      currency USD

    """

  /// Plain texts and ids take a quick path; it gives what the reading scalar by scalar
  /// gives, and anything else still goes that way.
  @Test func cleaningAndNamingAsScalarByScalar() {
    let texts = [
      "", " ", "a", "a ", " a", "a  b", "a b", "a\tb", "a\u{7F}b", "é", "plain words, here",
      "x\u{2028}y", "  ", "~!", "a\nb",
    ]
    for text in texts {
      #expect(Journal.clean(text) == Journal.clean(slowly: text), "\(text.debugDescription)")
    }
    #expect(Journal.clean("plain words") == "plain words")
    #expect(Journal.clean("a  b ") == "a b")
    #expect(Journal.clean(" ") == nil)
    #expect(
      LedgerWriter.name(Journal.Account("income", "acme-web/design")) == "income:acme-web/design")
    #expect(LedgerWriter.name(Journal.Account("income", "café ok", "")) == "income:caf--ok:none")
    #expect(LedgerWriter.safeDescription("a; b") == "a, b")
    #expect(LedgerWriter.safeDescription("plain") == "plain")
    #expect(LedgerWriter.safeTagValue("a,b") == "a b")
  }

  @Test func invoiceWithTwoTaxes() throws {
    // 1,000 at 19 % and 100 at 7 %: 1,100 net, 190 + 7 tax, 1,297 owed.
    let journal = try journal(
      Self.header + """
        2026-03-01 invoice INV-1 acme
          item "Design" 1000 EUR
          item "Printing" 100 EUR tax vat-reduced
          tax vat
        """)
    #expect(
      lines(journal) == [
        "invoice 2026-03-01: assets:receivable:acme 1297.00 EUR",
        "invoice 2026-03-01: income:client:acme -1100.00 EUR",
        "invoice 2026-03-01: liabilities:tax:vat -190.00 EUR",
        "invoice 2026-03-01: liabilities:tax:vat-reduced -7.00 EUR",
      ])
    let transaction = try #require(journal.transactions.first)
    #expect(transaction.payee == "Acme Corp")
    #expect(transaction.narration == "Invoice INV-1")
    #expect(
      transaction.allTags == [
        Journal.Tag("entry", "invoice"), Journal.Tag("client", "acme"),
        Journal.Tag("invoice", "INV-1"),
      ])
  }

  @Test func partialPaymentsWithAWithheldFee() throws {
    // 1,190 owed. PayPal keeps 10 of the first part of 500; the second part pays the rest,
    // and its fee of 5 counts towards the invoice (no amount on the invoice line).
    let journal = try journal(
      Self.header + """
        2026-03-01 invoice INV-1 acme
          item "Design" 1000 EUR
          tax vat
        2026-03-10 income 490 EUR "First part"
          invoice INV-1 500 EUR
          fee 10 EUR
          via paypal
        2026-03-20 income 685 EUR "The rest"
          invoice INV-1
          fee 5 EUR
          via bank
        """)
    #expect(
      lines(journal) == [
        "invoice 2026-03-01: assets:receivable:acme 1190.00 EUR",
        "invoice 2026-03-01: income:client:acme -1000.00 EUR",
        "invoice 2026-03-01: liabilities:tax:vat -190.00 EUR",
        "income 2026-03-10: assets:bank:paypal 490.00 EUR",
        "income 2026-03-10: expenses:fees 10.00 EUR",
        "income 2026-03-10: assets:receivable:acme -500.00 EUR [invoice:INV-1]",
        "income 2026-03-20: assets:bank:bank 685.00 EUR",
        "income 2026-03-20: expenses:fees 5.00 EUR",
        "income 2026-03-20: assets:receivable:acme -690.00 EUR [invoice:INV-1]",
      ])
  }

  @Test func creditNoteReversesItsShareOfTheInvoice() throws {
    // 100 back, with the invoice's 19 % VAT: 119 less owed.
    let journal = try journal(
      Self.header + """
        2026-03-01 invoice INV-1 acme
          item "Design" 1000 EUR
          tax vat
        2026-03-05 credit CN-1 INV-1
          item "Goodwill" 100 EUR
        """)
    #expect(
      lines(journal).suffix(3) == [
        "credit 2026-03-05: assets:receivable:acme -119.00 EUR",
        "credit 2026-03-05: income:client:acme 100.00 EUR",
        "credit 2026-03-05: liabilities:tax:vat 19.00 EUR",
      ])
    #expect(
      journal.transactions.last?.allTags.map(\.value) == ["credit", "acme", "INV-1", "CN-1"])
  }

  @Test func severalCurrencies() throws {
    // A dollar invoice paid in dollars, one paid from euros (the exchange goes through
    // equity:conversion), and income without an invoice in each currency.
    let journal = try journal(
      Self.header + """
        2026-04-15 invoice INV-2 globex
          item "Research" 12h @ 110
        2026-04-16 invoice INV-3 globex
          item "More research" 1000 USD
        2026-05-10 income 1290 "Globex: INV-2"
          invoice INV-2
          fee 30
          via paypal
        2026-05-11 income 900 EUR "Globex: INV-3, in euros"
          client globex
          invoice INV-3 1000 USD
          via bank
        2026-05-12 income 50 GBP "A talk"
          class other
          via bank
        """)
    #expect(
      lines(journal) == [
        "invoice 2026-04-15: assets:receivable:globex 1320.00 USD",
        "invoice 2026-04-15: income:client:globex -1320.00 USD",
        "invoice 2026-04-16: assets:receivable:globex 1000.00 USD",
        "invoice 2026-04-16: income:client:globex -1000.00 USD",
        "income 2026-05-10: assets:bank:paypal 1290.00 USD",
        "income 2026-05-10: expenses:fees 30.00 USD",
        "income 2026-05-10: assets:receivable:globex -1320.00 USD [invoice:INV-2]",
        "income 2026-05-11: assets:bank:bank 900.00 EUR",
        "income 2026-05-11: assets:receivable:globex -1000.00 USD [invoice:INV-3]",
        "income 2026-05-11: equity:conversion 1000.00 USD",
        "income 2026-05-11: equity:conversion -900.00 EUR",
        "income 2026-05-12: assets:bank:bank 50.00 GBP",
        "income 2026-05-12: income:other -50.00 GBP",
      ])
    #expect(journal.currencies == [.eur, .gbp, .usd])
  }

  @Test func whatIsNotMoneyYetIsLeftOut() throws {
    // A draft, a void invoice and its credit note, expected income: nothing. An expense
    // without `via` is owed; an item-less invoice is worth its (expected) income.
    let journal = try journal(
      Self.header + """
        2026-06-01 invoice INV-1 acme
          status draft
          item "Later" 100 EUR
        2026-06-02 invoice INV-2 acme
          status void
          item "Never" 100 EUR
        2026-06-03 credit CN-1 INV-2
          item "Never" 100 EUR
        2026-06-30 invoice INV-3 acme
        2026-06-30 income 2000 EUR "June retainer"
          invoice INV-3
        2026-07-01 income 10 EUR "Expected, not linked"
        2026-07-02 expense 59 EUR "Figma"
          category software
          tax vat
        """)
    #expect(
      lines(journal) == [
        "invoice 2026-06-30: assets:receivable:acme 2000.00 EUR",
        "invoice 2026-06-30: income:client:acme -2000.00 EUR",
        "expense 2026-07-02: expenses:software 59.00 EUR",
        "expense 2026-07-02: liabilities:payable -59.00 EUR",
      ])
    #expect(
      journal.transactions.last?.tags == [Journal.Tag("category", "software"), .init("tax", "vat")])
  }

  @Test func periodAndAsOfKeepTheirDays() throws {
    let text =
      Self.header + """
        2026-01-10 income 1 EUR "a"
          via bank
        2026-02-10 income 2 EUR "b"
          via bank
        2026-03-10 income 3 EUR "c"
          via bank
        """
    let books = validate(text).books
    let february = try #require(DayRange.period("2026-02"))
    #expect(Journal(books, period: february).transactions.map(\.narration) == ["b"])
    #expect(
      Journal(books, asOf: try exportDay("2026-02-10")).transactions.map(\.narration)
        == ["a", "b"])
  }

  @Test func transactionsAreInDateThenFileOrder() throws {
    let journal = try journal(
      Self.header + """
        2026-02-01 expense 2 EUR "second"
          via bank
        2026-01-01 expense 1 EUR "first"
          via bank
        2026-02-01 expense 3 EUR "third"
          via bank
        """)
    #expect(journal.transactions.map(\.narration) == ["first", "second", "third"])
  }
}

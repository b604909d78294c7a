extension Journal {
  /// The transactions of the books dated in `period` and not after `asOf` (when given),
  /// by date, then in load order (FORMAT.md, 2.10).
  ///
  /// Invoices and credit notes are posted when issued (receivable against income and tax
  /// payable); income is posted when received, expenses when dated. Drafts, void invoices
  /// (and their credit notes) and expected income are left out: they are not money yet.
  public init(_ books: Books, period: DayRange = DayRange(), asOf: CalendarDate? = nil) {
    let ledger = InvoiceLedger(books, asOf: asOf)
    var dated: [(date: CalendarDate, range: SourceRange, transactions: [Transaction])] = []
    func counts(_ date: CalendarDate) -> Bool {
      period.contains(date) && asOf.map { date <= $0 } ?? true
    }
    for (index, invoice) in books.invoices.enumerated() where counts(invoice.date) {
      guard ledger.invoices.indices.contains(index),
        let transaction = Self.invoice(invoice, ledger.invoices[index], books)
      else { continue }
      dated.append((invoice.date, invoice.range, [transaction]))
    }
    for credit in books.creditNotes where counts(credit.date) {
      guard let transaction = Self.credit(credit, ledger, books) else { continue }
      dated.append((credit.date, credit.range, [transaction]))
    }
    for income in books.incomes where income.isReceived && counts(income.date) {
      dated.append((income.date, income.range, Self.income(income, ledger, books)))
    }
    for expense in books.expenses where counts(expense.date) {
      dated.append((expense.date, expense.range, [Self.expense(expense, books)]))
    }
    dated.sort {
      ($0.date, $0.range.file, $0.range.start) < ($1.date, $1.range.file, $1.range.start)
    }
    transactions = dated.flatMap(\.transactions).compactMap { transaction in
      var transaction = transaction
      transaction.postings.removeAll { $0.amount.isZero }
      return transaction.postings.isEmpty ? nil : transaction
    }
  }

  /// Whether an invoice is owed at all: drafts and void invoices are not.
  private static func isIssued(_ invoice: Invoice) -> Bool {
    invoice.status != .draft && invoice.status != .void
  }

  /// An issued invoice: the client owes its total; its net is income, its taxes are owed.
  private static func invoice(_ invoice: Invoice, _ state: InvoiceState, _ books: Books)
    -> Transaction?
  {
    guard isIssued(invoice), let total = state.total else { return nil }
    let client = invoice.client?.id ?? "none"
    let taxes = state.totals?.taxes ?? []
    var net = total
    for tax in taxes { net = (try? net.subtracting(tax.amount)) ?? net }
    var tags = [Tag("client", client)]
    if let project = invoice.project?.id { tags.append(Tag("project", project)) }
    tags.append(Tag("invoice", invoice.number))
    return Transaction(
      date: invoice.date, source: .invoice, payee: clientName(client, books),
      narration: "Invoice \(invoice.number)", tags: tags,
      postings: [
        Posting(.receivable(client), total),
        Posting(.income("client", client: client), net.negated),
      ] + taxes.map { Posting(.tax($0.id), $0.amount.negated) })
  }

  /// A credit note on an issued invoice: the invoice's posting, reversed for its amounts.
  private static func credit(_ credit: CreditNote, _ ledger: InvoiceLedger, _ books: Books)
    -> Transaction?
  {
    guard let number = credit.invoice?.id, let index = books.invoiceIndex(number),
      books.invoices.indices.contains(index), ledger.invoices.indices.contains(index),
      let currency = ledger.invoices[index].currency
    else { return nil }
    let invoice = books.invoices[index]
    guard isIssued(invoice),
      case .success(let totals) = DocumentMath.totals(
        items: credit.items, discounts: [],
        defaultTaxes: credit.taxes.isEmpty ? invoice.taxes : credit.taxes,
        inclusive: invoice.taxInclusive, currency: currency, taxes: { books.tax($0) })
    else { return nil }
    let client = invoice.client?.id ?? "none"
    let net = (try? totals.total.subtracting(totals.taxTotal)) ?? totals.total
    return Transaction(
      date: credit.date, source: .credit, payee: clientName(client, books),
      narration: "Credit note \(credit.number) on invoice \(number)",
      tags: [Tag("client", client), Tag("invoice", number), Tag("credit", credit.number)],
      postings: [
        Posting(.receivable(client), totals.total.negated),
        Posting(.income("client", client: client), net),
      ] + totals.taxes.map { Posting(.tax($0.id), $0.amount) })
  }

  /// Money received: into the account of its mode, less a withheld fee, settling the
  /// invoices it pays; the rest is income of its class. Parts in another currency are
  /// bought with the rest through `equity:conversion`.
  private static func income(_ income: Income, _ ledger: InvoiceLedger, _ books: Books)
    -> [Transaction]
  {
    let currency = income.amount.currency
    let client = clientID(of: income, books)
    let mode = income.via?.id ?? "bank"
    var postings = [Posting(.bank(mode), income.amount)]
    var rest = income.amount
    var foreignFee: Money?
    if let fee = income.fee {
      if fee.currency == currency {
        postings.append(Posting(.fees, fee))
        rest = (try? rest.adding(fee)) ?? rest
      } else {
        foreignFee = fee
      }
    }
    var converted = false
    for allocation in income.invoices {
      guard let index = books.invoiceIndex(allocation.invoice.id),
        books.invoices.indices.contains(index)
      else { continue }
      let part = allocation.amount ?? rest
      let owner = books.invoices[index].client?.id ?? "none"
      postings.append(
        Posting(
          .receivable(owner), part.negated, tags: [Tag("invoice", allocation.invoice.id)]))
      if part.currency == currency {
        rest = (try? rest.subtracting(part)) ?? rest
      } else {
        postings.append(Posting(.conversion, part))
        converted = true
      }
    }
    postings.append(
      Posting(
        converted ? .conversion : .income(income.classID, client: client), rest.negated))
    var tags: [Tag] = []
    if let client { tags.append(Tag("client", client)) }
    if let project = income.project?.id { tags.append(Tag("project", project)) }
    tags.append(Tag("class", income.classID))
    let payee = client.flatMap { clientName($0, books) }
    let narration = clean(income.description) ?? "Income"
    var transactions = [
      Transaction(
        date: income.date, source: .income, payee: payee, narration: narration, tags: tags,
        postings: postings)
    ]
    if let foreignFee {
      transactions.append(
        Transaction(
          date: income.date, source: .fee, payee: payee, narration: "Fee on: " + narration,
          tags: tags,
          postings: [Posting(.fees, foreignFee), Posting(.bank(mode), foreignFee.negated)]
        ))
    }
    return transactions
  }

  /// Money spent, taxes included, out of the account of its mode (or owed, without one).
  private static func expense(_ expense: Expense, _ books: Books) -> Transaction {
    var tags: [Tag] = []
    if let category = expense.category?.id { tags.append(Tag("category", category)) }
    if let target = expense.billable?.id {
      if books.project(target) != nil {
        if let client = books.clientID(ofProject: target) { tags.append(Tag("client", client)) }
        tags.append(Tag("project", target))
      } else {
        tags.append(Tag("client", target))
      }
    }
    if let invoice = expense.invoice?.id { tags.append(Tag("invoice", invoice)) }
    if !expense.taxes.isEmpty {
      tags.append(Tag("tax", expense.taxes.map(\.id).joined(separator: " ")))
    }
    let source: Account = expense.via.map { .bank($0.id) } ?? .payable
    return Transaction(
      date: expense.date, source: .expense, payee: clean(expense.vendor),
      narration: clean(expense.description) ?? clean(expense.vendor) ?? "Expense", tags: tags,
      postings: [
        Posting(.expenses(expense.category?.id), expense.amount),
        Posting(source, expense.amount.negated),
      ])
  }

  /// The client an income belongs to: its own, its project's, else the first invoice's.
  private static func clientID(of income: Income, _ books: Books) -> String? {
    if let client = income.client?.id { return client }
    if let project = income.project?.id, let client = books.clientID(ofProject: project) {
      return client
    }
    return income.invoices.first.flatMap { books.invoice($0.invoice.id)?.client?.id }
  }

  private static func clientName(_ id: String, _ books: Books) -> String? {
    clean(books.client(id)?.name)
  }

  /// Text on one line: control characters (newlines, tabs) become spaces, runs of spaces
  /// one space; nil when nothing is left.
  static func clean(_ text: String?) -> String? {
    guard let text else { return nil }
    // Printable ASCII with single spaces between words, none at either end, is clean as it
    // is (most descriptions).
    var previous = UInt8(ascii: " ")
    var plain = true
    for byte in text.utf8 {
      if byte < 0x20 || byte > 0x7E || (byte == 0x20 && previous == 0x20) {
        plain = false
        break
      }
      previous = byte
    }
    if plain { return previous == 0x20 ? (text.isEmpty ? nil : clean(slowly: text)) : text }
    return clean(slowly: text)
  }

  /// `clean` scalar by scalar, for any text.
  static func clean(slowly text: String) -> String? {
    var result = ""
    var lastWasSpace = true
    for scalar in text.unicodeScalars {
      let isSpace =
        scalar == " " || scalar.properties.generalCategory == .control
        || scalar == "\u{2028}" || scalar == "\u{2029}"
      if isSpace {
        if !lastWasSpace { result.unicodeScalars.append(" ") }
      } else {
        result.unicodeScalars.append(scalar)
      }
      lastWasSpace = isSpace
    }
    while result.hasSuffix(" ") { result.removeLast() }
    return result.isEmpty ? nil : result
  }
}

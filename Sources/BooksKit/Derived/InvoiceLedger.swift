/// A payment (or expected payment) applied to an invoice.
public struct InvoicePayment: Sendable {
  /// Index into `Books.incomes`.
  public var income: Int
  /// The part of the income for this invoice, fee included.
  public var amount: Money
  public var received: Bool
  public var date: CalendarDate
}

/// How an invoice stands, derived from its status, balance and due date.
public enum InvoiceStanding: String, Sendable, CaseIterable {
  case draft, sent
  case partiallyPaid = "partially-paid"
  case overdue, paid, void
}

/// Everything derived about one invoice.
public struct InvoiceState: Sendable {
  public var index: Int
  public var currency: Currency?
  /// Computed from the items; nil when the invoice has none (then the linked income is
  /// the amount) or when they cannot be computed (`problem` says why).
  public var totals: DocumentTotals?
  public var problem: TotalsProblem?
  public var total: Money?
  public var payments: [InvoicePayment] = []
  /// Received payments.
  public var paid: Money?
  /// Credit notes against the invoice.
  public var credited: Money?
  /// The same credit notes before tax.
  public var creditedNet: Money?
  /// `total - credited - paid`.
  public var balance: Money?
  public var dueDate: CalendarDate

  /// Back to the state `InvoiceLedger.documents` made: every field that payments, credit
  /// notes and the ledger's own totals write is cleared here (a field added to them must be
  /// added here too, or `asOf` carries it from one day to the next).
  mutating func undoPaymentsAndCredits() {
    total = totals?.total
    payments = []
    paid = nil
    credited = nil
    creditedNet = nil
    balance = nil
  }

  /// The invoice's standing on a given day.
  public func standing(_ invoice: Invoice, asOf date: CalendarDate) -> InvoiceStanding {
    if invoice.status == .void { return .void }
    if invoice.status == .draft { return .draft }
    guard let balance, total != nil else { return invoice.status == .paid ? .paid : .sent }
    // Nothing left to pay (paid, credited, or a zero invoice) is settled.
    if balance.isZero || balance.isNegative { return .paid }
    if date > dueDate { return .overdue }
    if let paid, !paid.isZero { return .partiallyPaid }
    // A balance is due on the day, whatever the status word says (it may have been
    // written later, when the payment came).
    return .sent
  }

  /// The amount before tax, `total - taxes` (with tax-inclusive prices the taxes are
  /// inside the total); an invoice without items is its linked income.
  public var netTotal: Money? {
    guard let totals else { return total }
    return try? totals.total.subtracting(totals.taxTotal)
  }

  /// What the invoice finally bills before tax: `netTotal` less credit notes before tax.
  public var netInvoiced: Money? {
    guard let net = netTotal else { return nil }
    guard let credits = creditedNet else { return net }
    return try? net.subtracting(credits)
  }

  /// Days past the due date with a balance due, or 0.
  public func daysOverdue(_ invoice: Invoice, asOf date: CalendarDate) -> Int {
    guard standing(invoice, asOf: date) == .overdue else { return 0 }
    return date.days(since: dueDate)
  }
}

/// Derived invoice values for the whole books: totals, payments, credits and balances.
public struct InvoiceLedger: Sendable {
  public static let defaultTermsDays = 30

  /// Read-only outside: `asOf(_:in:)` rebuilds a day's ledger from these states.
  public private(set) var invoices: [InvoiceState]
  /// Problems found while matching payments and credits to invoices (code `invoices`).
  public var diagnostics: [Diagnostic] = []

  /// The currency of an invoice: its own, its client's, else the business's.
  public static func currency(of invoice: Invoice, in books: Books) -> Currency? {
    currency(invoice.currency, client: invoice.client, items: invoice.items, in: books)
  }

  /// `currency(of:in:)` from the invoice's fields, for loops that read an invoice in place.
  private static func currency(
    _ own: Currency?, client: Ref?, items: [LineItem], in books: Books
  ) -> Currency? {
    if let own { return own }
    if let client, let currency = books.currency(ofClient: client.id) { return currency }
    return books.defaultCurrency ?? items.first.flatMap { $0.rate?.currency ?? $0.amount?.currency }
  }

  /// Derives every invoice's values; with `asOf`, payments and credit notes dated after that
  /// day are left out, so balances are as they stood on it.
  public init(_ books: Books, asOf: CalendarDate? = nil) {
    self.init(books, documents: Self.documents(books), asOf: asOf)
  }

  /// The same books' ledger as it stood on `day`: the documents' totals are kept, payments
  /// and credit notes are applied afresh. `books` must be the books this ledger was made
  /// from.
  public func asOf(_ day: CalendarDate?, in books: Books) -> InvoiceLedger {
    guard invoices.count == books.invoices.count else { return InvoiceLedger(books, asOf: day) }
    // Each invoice's currency, due date and totals are the same whatever the day: only what
    // payments and credit notes set is undone.
    var documents = invoices
    for index in documents.indices { documents[index].undoPaymentsAndCredits() }
    return InvoiceLedger(books, documents: documents, asOf: day)
  }

  /// `documents` are the invoices' states before payments and credits (`documents(_:)`);
  /// they are taken over, not copied.
  private init(_ books: Books, documents: consuming [InvoiceState], asOf: CalendarDate?) {
    invoices = documents
    // An invoice without items is worth all the income linked to it, whatever its dates:
    // seen on an earlier day, it is the same document, not yet paid. So a ledger of an
    // earlier day takes those totals from the whole ledger.
    let itemless = { (index: Int) in
      books.invoices.indices.contains(index) && books.invoices[index].items.isEmpty
    }
    let whole: InvoiceLedger? =
      asOf != nil && invoices.indices.contains(where: itemless)
      ? InvoiceLedger(books, documents: invoices, asOf: nil) : nil
    applyPayments(books, asOf: asOf)
    applyCredits(books, asOf: asOf)
    for index in invoices.indices {
      guard let currency = invoices[index].currency else { continue }
      let zero = Money.zero(currency)
      if invoices[index].totals == nil, invoices[index].problem == nil, itemless(index) {
        // The seed's workflow: an invoice without items is worth its linked income.
        if let whole, whole.invoices.indices.contains(index) {
          invoices[index].total = whole.invoices[index].total
        } else {
          invoices[index].total = sum(invoices[index].payments.map(\.amount), zero)
        }
      }
      invoices[index].paid = sum(invoices[index].payments.filter(\.received).map(\.amount), zero)
      let credited = invoices[index].credited ?? zero
      invoices[index].credited = credited
      if let total = invoices[index].total, let paid = invoices[index].paid {
        invoices[index].balance = try? total.subtracting(credited).subtracting(paid)
      }
    }
  }

  /// Each invoice's currency, due date and totals.
  private static func documents(_ books: Books) -> [InvoiceState] {
    var invoices: [InvoiceState] = []
    invoices.reserveCapacity(books.invoices.count)
    // One lookup for all invoices: a closure made in the loop copies the books each time.
    let taxes = books.taxLookup
    let businessTerms = books.business?.termsDays ?? Self.defaultTermsDays
    // Each invoice is read in place: a copy of one retains each of its strings and arrays.
    books.invoices.forEachAddress { index, invoice in
      let currency = Self.currency(
        invoice.pointee.currency, client: invoice.pointee.client, items: invoice.pointee.items,
        in: books)
      var terms = invoice.pointee.termsDays
      if terms == nil, let client = invoice.pointee.client?.id {
        terms = books.termsDays(ofClient: client)
      }
      let days = terms ?? businessTerms
      let date = invoice.pointee.date
      var state = InvoiceState(
        index: index, currency: currency,
        dueDate: invoice.pointee.due ?? date.adding(days: days) ?? date)
      if let currency, !invoice.pointee.items.isEmpty {
        switch DocumentMath.totals(
          items: invoice.pointee.items, discounts: invoice.pointee.discounts,
          defaultTaxes: invoice.pointee.taxes, inclusive: invoice.pointee.taxInclusive,
          currency: currency, taxes: taxes)
        {
        case .success(let totals):
          state.totals = totals
          state.total = totals.total
        case .failure(let problem):
          state.problem = problem
        }
      }
      invoices.append(state)
    }
    return invoices
  }

  private func sum(_ amounts: [Money], _ zero: Money) -> Money? {
    var total = zero
    for amount in amounts {
      guard let next = try? total.adding(amount) else { return nil }
      total = next
    }
    return total
  }

  private mutating func applyPayments(_ books: Books, asOf: CalendarDate?) {
    books.incomes.forEachAddress { incomeIndex, address in
      guard !address.pointee.invoices.isEmpty, asOf.map({ address.pointee.date <= $0 }) ?? true
      else { return }
      let income = address.pointee  // read whole only when it pays invoices
      let several = income.invoices.count > 1
      var gross = income.amount
      if let fee = income.fee, let withFee = try? gross.adding(fee) { gross = withFee }
      let parts = income.invoices.compactMap(\.amount).filter { $0.currency == gross.currency }
      if !parts.isEmpty,
        let sum = try? parts.reduce(Money.zero(gross.currency), { try $0.adding($1) }),
        sum.amount.magnitude > gross.amount.magnitude, let first = income.invoices.first
      {
        diagnostics.append(
          .error(
            "invoices",
            "the parts of this payment add up to \(sum.formatted()), more than its \(gross.formatted())",
            at: first.invoice.range, fix: "check the amounts after each `invoice` number"))
      }
      for allocation in income.invoices {
        guard let invoiceIndex = books.invoiceIndex(allocation.invoice.id),
          invoices.indices.contains(invoiceIndex)
        else { continue }  // unknown numbers are reported by `refs`
        var amount = allocation.amount ?? gross
        if allocation.amount == nil, several {
          diagnostics.append(
            .error(
              "invoices",
              "this payment covers several invoices; give each its part",
              at: allocation.invoice.range,
              fix: "invoice \(allocation.invoice.id) AMOUNT"))
          continue
        }
        if let currency = invoices[invoiceIndex].currency, amount.currency != currency {
          diagnostics.append(
            .error(
              "invoices",
              "payment in \(amount.currency) for invoice `\(allocation.invoice.id)` in \(currency)",
              at: allocation.invoice.range,
              fix: "record the payment in \(currency) (the amount the invoice was settled for)"))
          continue
        }
        if let fee = income.fee, allocation.amount == nil, fee.currency != income.amount.currency {
          amount = income.amount
        }
        invoices[invoiceIndex].payments.append(
          InvoicePayment(
            income: incomeIndex, amount: amount, received: income.isReceived, date: income.date))
      }
    }
  }

  private mutating func applyCredits(_ books: Books, asOf: CalendarDate?) {
    for credit in books.creditNotes where asOf.map({ credit.date <= $0 }) ?? true {
      guard let ref = credit.invoice, let invoiceIndex = books.invoiceIndex(ref.id),
        invoices.indices.contains(invoiceIndex), let currency = invoices[invoiceIndex].currency
      else { continue }
      let invoice = books.invoices[invoiceIndex]
      let taxes = credit.taxes.isEmpty ? invoice.taxes : credit.taxes
      switch DocumentMath.totals(
        items: credit.items, discounts: [], defaultTaxes: taxes, inclusive: invoice.taxInclusive,
        currency: currency, taxes: { books.tax($0) })
      {
      case .success(let totals):
        let previous = invoices[invoiceIndex].credited ?? Money.zero(currency)
        invoices[invoiceIndex].credited = (try? previous.adding(totals.total)) ?? previous
        let net = (try? totals.total.subtracting(totals.taxTotal)) ?? totals.total
        let previousNet = invoices[invoiceIndex].creditedNet ?? Money.zero(currency)
        invoices[invoiceIndex].creditedNet = (try? previousNet.adding(net)) ?? previousNet
      case .failure(let problem):
        diagnostics.append(.error("invoices", problem.message, at: problem.range, fix: problem.fix))
      }
    }
  }
}

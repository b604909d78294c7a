/// Who a document is from or to, as printed on it.
public struct DocumentParty: Sendable, Equatable {
  /// The name printed first: the business's name, or the client's.
  public var name: String
  /// The business's legal name, when it differs from its name.
  public var legalName: String?
  /// The client's company, when it differs from its name.
  public var company: String?
  /// The person to the attention of.
  public var contact: String?
  public var address: [String] = []
  public var taxID: String?
  public var email: String?
  public var phone: String?
  public var website: String?

  public init(name: String) {
    self.name = name
  }
}

extension DocumentParty {
  /// The business as the sender of a document.
  public init(seller business: Business) {
    self.init(name: business.name)
    if let legal = business.legalName, legal != business.name { legalName = legal }
    address = business.address
    taxID = business.taxID
    email = business.email
    phone = business.phone
    website = business.website
  }

  /// A client as the recipient of a document.
  public init(buyer client: Client) {
    self.init(name: client.name)
    if let company = client.company, company != client.name { self.company = company }
    contact = client.contact
    address = client.address
    taxID = client.taxID
    email = client.email
  }
}

/// One line of the items table of a document.
public struct DocumentLine: Sendable, Equatable {
  public var description: String
  /// The quantity as written for people: `20h`, `3 page`; nil for a flat amount.
  public var quantity: String?
  public var unitPrice: Money?
  /// The line's own discount; nil when it has none.
  public var discount: Money?
  /// The line's amount after its discount, before document discounts and taxes.
  public var amount: Money
}

/// One tax on a document, as printed in its totals.
public struct DocumentTax: Sendable, Equatable {
  public var name: String
  public var rate: Percentage
  public var base: Money
  public var amount: Money
}

/// Everything printed on an invoice or an estimate, computed from the books.
///
/// A plain value: the renderers only lay it out, they compute nothing.
public struct Document: Sendable {
  public enum Kind: String, Sendable { case invoice, estimate }

  public var kind: Kind
  public var number: String
  public var currency: Currency
  public var seller: DocumentParty?
  public var buyer: DocumentParty?
  public var issueDate: CalendarDate
  /// Invoices: the day payment is due.
  public var dueDate: CalendarDate?
  /// Estimates: the last day the offer holds.
  public var validUntil: CalendarDate?
  /// The service period an invoice covers (`period`).
  public var servicePeriod: DatePeriod?
  public var purchaseOrder: String?
  public var estimate: String?
  /// The project's name.
  public var project: String?
  public var lines: [DocumentLine] = []
  public var subtotal: Money
  /// The document's discounts together (line discounts are in the lines).
  public var discount: Money
  public var taxes: [DocumentTax] = []
  /// Prices include the taxes: the tax lines are shown but not added.
  public var taxInclusive = false
  public var total: Money
  /// Invoices: received payments, credit notes and what is left, as of `asOf`.
  public var paid: Money?
  public var credited: Money?
  public var balance: Money?
  public var asOf: CalendarDate
  /// Invoices: the standing (`paid`, `overdue`…); estimates: the status word.
  public var status: String
  public var terms: [String] = []
  public var notes: [String] = []
  public var bank: [String] = []
  public var paymentLink: String?

  /// The title printed on the document.
  public var title: String { kind == .invoice ? "Invoice" : "Estimate" }
}

/// Why a document could not be made.
public enum DocumentProblem: Error, Sendable, Equatable {
  /// No invoice or estimate has this number.
  case unknownNumber(String)
  /// Its currency is unknown (no currency anywhere in the books).
  case noCurrency(String)
  /// The totals cannot be computed.
  case totals(String)

  public var message: String {
    switch self {
    case .unknownNumber(let number): "no document numbered `\(number)`"
    case .noCurrency(let number): "`\(number)` has no currency; set the business's currency"
    case .totals(let message): "cannot compute the totals: \(message)"
    }
  }
}

extension Document {
  /// The invoice numbered `number`, with payments and credit notes up to `asOf`.
  ///
  /// `ledger`, when given, is the books' invoice ledger as of `asOf` (a site's pages share
  /// one instead of each making its own).
  public static func invoice(
    _ number: String, in books: Books, asOf: CalendarDate, ledger: InvoiceLedger? = nil
  ) -> Result<Document, DocumentProblem> {
    guard let index = books.invoiceIndex(number), books.invoices.indices.contains(index) else {
      return .failure(.unknownNumber(number))
    }
    let invoice = books.invoices[index]
    let ledger = ledger ?? InvoiceLedger(books, asOf: asOf)
    guard ledger.invoices.indices.contains(index) else { return .failure(.unknownNumber(number)) }
    let state = ledger.invoices[index]
    guard let currency = state.currency else { return .failure(.noCurrency(number)) }
    if let problem = state.problem { return .failure(.totals(problem.message)) }
    let zero = Money.zero(currency)
    var document = Document(
      kind: .invoice, number: invoice.number, currency: currency, issueDate: invoice.date,
      subtotal: state.totals?.subtotal ?? state.total ?? zero,
      discount: state.totals?.discount ?? zero, total: state.total ?? zero, asOf: asOf,
      status: state.standing(invoice, asOf: asOf).rawValue)
    document.dueDate = state.dueDate
    if let totals = state.totals { document.apply(totals, items: invoice.items) }
    document.paid = state.paid ?? zero
    document.credited = state.credited ?? zero
    document.balance = state.balance
    document.purchaseOrder = invoice.purchaseOrder?.id
    document.estimate = invoice.estimate?.id
    document.servicePeriod = invoice.period
    document.terms = invoice.terms
    document.notes = invoice.notes
    document.fill(from: books, client: invoice.client, project: invoice.project)
    return .success(document)
  }

  /// The estimate numbered `number`.
  public static func estimate(_ number: String, in books: Books, asOf: CalendarDate) -> Result<
    Document, DocumentProblem
  > {
    guard let estimate = books.estimate(number) else { return .failure(.unknownNumber(number)) }
    guard
      let currency = estimate.currency
        ?? estimate.client.flatMap({ books.currency(ofClient: $0.id) }) ?? books.defaultCurrency
        ?? estimate.items.first.flatMap({ $0.rate?.currency ?? $0.amount?.currency })
    else { return .failure(.noCurrency(number)) }
    let zero = Money.zero(currency)
    var document = Document(
      kind: .estimate, number: estimate.number, currency: currency, issueDate: estimate.date,
      subtotal: zero, discount: zero, total: zero, asOf: asOf,
      status: EstimateState.standing(estimate, asOf: asOf).rawValue)
    if !estimate.items.isEmpty {
      switch DocumentMath.totals(
        items: estimate.items, discounts: estimate.discounts, defaultTaxes: estimate.taxes,
        inclusive: estimate.taxInclusive, currency: currency, taxes: { books.tax($0) })
      {
      case .success(let totals):
        document.apply(totals, items: estimate.items)
        document.subtotal = totals.subtotal
        document.discount = totals.discount
        document.total = totals.total
      case .failure(let problem):
        return .failure(.totals(problem.message))
      }
    }
    document.validUntil = estimate.validUntil
    document.notes = estimate.notes
    document.fill(from: books, client: estimate.client, project: estimate.project)
    return .success(document)
  }

  /// The quantity of an item for people: `22h30m`, `3 page`, `2`.
  public static func quantityText(_ item: LineItem) -> String? {
    switch item.quantity {
    case .time(let span): return span.description
    case .count(let count):
      let unit = item.unit.map { $0.isEmpty ? "" : " " + $0 } ?? ""
      return count.description + unit
    case nil: return nil
    }
  }

  private mutating func apply(_ totals: DocumentTotals, items: [LineItem]) {
    lines = zip(items, totals.lines).map { item, line in
      DocumentLine(
        description: item.description, quantity: Self.quantityText(item),
        unitPrice: item.amount == nil ? item.rate : nil,
        discount: line.discount.isZero ? nil : line.discount, amount: line.net)
    }
    taxes = totals.taxes.map {
      DocumentTax(name: $0.name, rate: $0.rate, base: $0.base, amount: $0.amount)
    }
    taxInclusive = totals.taxInclusive
  }

  private mutating func fill(from books: Books, client: Ref?, project: Ref?) {
    if let business = books.business {
      seller = DocumentParty(seller: business)
      bank = business.bank
      paymentLink = business.paymentLink
    }
    if let ref = client {
      if let client = books.client(ref.id) {
        buyer = DocumentParty(buyer: client)
      } else {
        buyer = DocumentParty(name: ref.id)
      }
    }
    if let ref = project {
      self.project = books.project(ref.id)?.name ?? ref.id
    }
  }
}

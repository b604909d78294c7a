/// One line of a client statement.
public struct StatementLine: Sendable, Equatable {
  public enum Kind: String, Sendable {
    /// The balance carried from before `--from` (one line per currency).
    case opening
    case invoice, credit, payment
  }

  public var date: CalendarDate
  public var kind: Kind
  /// The invoice's or credit note's number; for a payment, the invoices it pays.
  public var reference: String
  public var description: String
  /// What the line adds to the balance (an invoice's total).
  public var debit: Money?
  /// What the line takes off (a credit note, a payment with its fee).
  public var credit: Money?
  /// The running balance in the line's currency after it.
  public var balance: Money
}

/// One unpaid invoice in the statement's "open invoices" table.
public struct StatementOpenInvoice: Sendable, Equatable {
  public var number: String
  public var date: CalendarDate
  public var dueDate: CalendarDate
  public var daysOverdue: Int
  public var balance: Money
}

/// A client's statement as of a day: every invoice, credit note and payment, with a running
/// balance per currency.
///
/// Definitions (all as of `asOf`, written D):
/// - invoices: the client's invoices that are neither draft nor void, dated ≤ D; debit: the
///   total;
/// - credits: the credit notes against those invoices dated ≤ D; credit: their total (tax
///   included, as `InvoiceLedger` counts them);
/// - payments: received incomes (with `via`) dated ≤ D that name the client or pay one of
///   those invoices; credit: the parts applied to those invoices (the fee included as
///   `InvoiceLedger` applies it); an income naming the client without any invoice is a
///   payment on account: its amount plus its fee;
/// - order: by date; on one day invoices, then credit notes, then payments, each in the
///   order of the books;
/// - with `from`, the lines dated before it are summed into one opening line per currency;
///   otherwise the opening balance is 0;
/// - closing balance per currency = the amount due.
public struct Statement: Sendable {
  public var clientID: String
  public var seller: DocumentParty?
  public var buyer: DocumentParty
  public var asOf: CalendarDate
  public var from: CalendarDate?
  public var lines: [StatementLine] = []
  /// The balance per currency after the last line, in the order the currencies appear.
  public var closing: [Money] = []
  public var openInvoices: [StatementOpenInvoice] = []
  public var bank: [String] = []
  public var paymentLink: String?

  public var title: String { "Statement" }
}

/// Why a statement could not be made.
public enum StatementProblem: Error, Sendable, Equatable {
  case unknownClient(String)
  /// An invoice's or credit note's amount cannot be computed.
  case totals(String)

  public var message: String {
    switch self {
    case .unknownClient(let id): "no client `\(id)`"
    case .totals(let message): "cannot compute the totals: \(message)"
    }
  }
}

extension Statement {
  private struct Entry {
    var date: CalendarDate
    var kind: StatementLine.Kind
    var order: Int
    var reference: String
    var description: String
    var debit: Money?
    var credit: Money?

    var rank: Int {
      switch kind {
      case .opening: 0
      case .invoice: 1
      case .credit: 2
      case .payment: 3
      }
    }
  }

  /// The statement of client `clientID` as of `asOf`, listing from `from` when given.
  public static func make(
    client clientID: String, in books: Books, asOf: CalendarDate, from: CalendarDate? = nil,
    ledger: InvoiceLedger? = nil
  ) -> Result<Statement, StatementProblem> {
    guard let client = books.client(clientID) else { return .failure(.unknownClient(clientID)) }
    var statement = Statement(
      clientID: client.id, buyer: DocumentParty(buyer: client), asOf: asOf, from: from)
    if let business = books.business {
      statement.seller = DocumentParty(seller: business)
      statement.bank = business.bank
      statement.paymentLink = business.paymentLink
    }

    let ledger = ledger ?? InvoiceLedger(books, asOf: asOf)
    var entries: [Entry] = []
    // The client's invoices on the statement, by index.
    var included: Set<Int> = []
    for (index, invoice) in books.invoices.enumerated()
    where invoice.client?.id == client.id && invoice.status != .draft
      && invoice.status != .void && invoice.date <= asOf
    {
      guard ledger.invoices.indices.contains(index) else { continue }
      let state = ledger.invoices[index]
      if let problem = state.problem { return .failure(.totals(problem.message)) }
      guard let total = state.total else { continue }
      included.insert(index)
      entries.append(
        Entry(
          date: invoice.date, kind: .invoice, order: index, reference: invoice.number,
          description: "Invoice, due \(state.dueDate)", debit: total))
      if let balance = state.balance, !balance.isZero, !balance.isNegative {
        statement.openInvoices.append(
          StatementOpenInvoice(
            number: invoice.number, date: invoice.date, dueDate: state.dueDate,
            daysOverdue: state.daysOverdue(invoice, asOf: asOf), balance: balance))
      }
    }

    for (order, credit) in books.creditNotes.enumerated() where credit.date <= asOf {
      guard let ref = credit.invoice, let index = books.invoiceIndex(ref.id),
        included.contains(index), let currency = ledger.invoices[index].currency
      else { continue }
      let invoice = books.invoices[index]
      let taxes = credit.taxes.isEmpty ? invoice.taxes : credit.taxes
      switch DocumentMath.totals(
        items: credit.items, discounts: [], defaultTaxes: taxes, inclusive: invoice.taxInclusive,
        currency: currency, taxes: { books.tax($0) })
      {
      case .success(let totals):
        entries.append(
          Entry(
            date: credit.date, kind: .credit, order: order, reference: credit.number,
            description: "Credit note on \(invoice.number)", credit: totals.total))
      case .failure(let problem):
        return .failure(.totals(problem.message))
      }
    }

    // Payments: the parts the ledger applied to the included invoices, per income.
    var applied: [Int: [(invoice: String, amount: Money)]] = [:]
    for index in included.sorted() {
      for payment in ledger.invoices[index].payments where payment.received {
        applied[payment.income, default: []].append(
          (books.invoices[index].number, payment.amount))
      }
    }
    for (order, income) in books.incomes.enumerated()
    where income.isReceived && income.date <= asOf {
      let via = income.via.map { " via \($0.id)" } ?? ""
      if let parts = applied[order] {
        var byCurrency: [Money] = []
        for part in parts {
          if let at = byCurrency.firstIndex(where: { $0.currency == part.amount.currency }),
            let sum = try? byCurrency[at].adding(part.amount)
          {
            byCurrency[at] = sum
          } else {
            byCurrency.append(part.amount)
          }
        }
        var numbers: [String] = []
        for part in parts where !numbers.contains(part.invoice) { numbers.append(part.invoice) }
        for amount in byCurrency {
          entries.append(
            Entry(
              date: income.date, kind: .payment, order: order,
              reference: numbers.joined(separator: ", "), description: "Payment received" + via,
              credit: amount))
        }
      } else if income.client?.id == client.id, income.invoices.isEmpty {
        var amount = income.amount
        if let fee = income.fee, fee.currency == amount.currency,
          let withFee = try? amount.adding(fee)
        {
          amount = withFee
        }
        entries.append(
          Entry(
            date: income.date, kind: .payment, order: order, reference: "",
            description: "Payment received on account" + via, credit: amount))
      }
    }

    entries.sort { a, b in
      if a.date != b.date { return a.date < b.date }
      if a.rank != b.rank { return a.rank < b.rank }
      return a.order < b.order
    }

    var balances: [Money] = []
    func apply(_ entry: Entry) -> Money? {
      guard let currency = entry.debit?.currency ?? entry.credit?.currency else { return nil }
      var balance = balances.first { $0.currency == currency } ?? Money.zero(currency)
      if let debit = entry.debit {
        guard let next = try? balance.adding(debit) else { return nil }
        balance = next
      }
      if let credit = entry.credit {
        guard let next = try? balance.subtracting(credit) else { return nil }
        balance = next
      }
      if let at = balances.firstIndex(where: { $0.currency == currency }) {
        balances[at] = balance
      } else {
        balances.append(balance)
      }
      return balance
    }

    let earlier = from.map { start in entries.filter { $0.date < start } } ?? []
    let listed = from.map { start in entries.filter { $0.date >= start } } ?? entries
    for entry in earlier where apply(entry) == nil {
      return .failure(.totals("the amounts overflow"))
    }
    if let from {
      var openings = balances
      if openings.isEmpty, let currency = client.currency ?? books.defaultCurrency {
        openings = [Money.zero(currency)]
      }
      if balances.isEmpty { balances = openings }
      let day = from.adding(days: -1) ?? from
      for opening in openings {
        statement.lines.append(
          StatementLine(
            date: day, kind: .opening, reference: "",
            description: "Opening balance", balance: opening))
      }
    }
    for entry in listed {
      guard let balance = apply(entry) else { return .failure(.totals("the amounts overflow")) }
      statement.lines.append(
        StatementLine(
          date: entry.date, kind: entry.kind, reference: entry.reference,
          description: entry.description, debit: entry.debit, credit: entry.credit,
          balance: balance))
    }
    if balances.isEmpty, let currency = client.currency ?? books.defaultCurrency {
      balances = [Money.zero(currency)]
    }
    statement.closing = balances
    return .success(statement)
  }
}

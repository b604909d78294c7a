/// Tax collected on invoices and paid on expenses, per quarter (or per month inside one
/// quarter), with the net payable: the figures a VAT return asks for.
///
/// Definitions:
/// - collected: each tax line of every invoice that is neither draft nor void, by invoice
///   date (the tax point of an accrual-based return), from the invoice's computed totals;
///   a credit note takes its tax back on its own date;
/// - paid: each expense that names taxes (`tax`) includes them in its amount, so each one
///   is `amount × rate ÷ (100 + Σ rates)`, rounded to minor units, half away from zero;
/// - net payable: collected − paid (negative: a refund is due);
/// - rows are per quarter; when the period lies inside one quarter, per month;
/// - one currency, `--currency` else the business's; documents and expenses in other
///   currencies are left out and counted in a note.
public struct TaxReport: Sendable {
  public enum Granularity: String, Sendable, Equatable {
    case month, quarter
  }

  public struct Row: Sendable, Equatable {
    /// `2026-Q1` or `2026-03`.
    public var period: String
    public var tax: String
    public var name: String
    public var rate: Percentage
    public var collected: Money
    public var paid: Money
    /// `collected - paid`.
    public var net: Money
  }

  public var granularity: Granularity
  public var currency: Currency?
  /// Every period from the first to the last with tax, each with a row per tax that
  /// appears anywhere in the report, in the order the taxes are defined.
  public var rows: [Row] = []
  public var collected = MoneyTotals()
  public var paid = MoneyTotals()
  public var net = MoneyTotals()
  public var otherCurrencies = OtherCurrencies()

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    let period = options.period
    if let from = period.from, let to = period.to, QuarterBucket(from) == QuarterBucket(to) {
      granularity = .month
    } else {
      granularity = .quarter
    }
    currency = context.reportCurrency
    let byMonth = granularity == .month
    /// Consecutive numbers for consecutive periods, so the range between two is a loop.
    func key(_ date: CalendarDate) -> Int {
      byMonth ? date.year * 12 + date.month - 1 : date.year * 4 + (date.month - 1) / 3
    }
    func label(_ key: Int) -> String {
      byMonth
        ? MonthBucket(year: key / 12, month: key % 12 + 1).label
        : QuarterBucket(year: key / 4, quarter: key % 4 + 1).label
    }

    var collectedBy: [Int: [String: MoneyTotals]] = [:]
    var paidBy: [Int: [String: MoneyTotals]] = [:]
    var seen: Set<String> = []

    func matches(_ invoice: Invoice) -> Bool {
      invoice.status != .draft && invoice.status != .void
        && context.matches(
          client: context.clientOf(client: invoice.client, project: invoice.project),
          project: invoice.project?.id)
    }
    for (invoice, state) in zip(books.invoices, context.ledger.invoices)
    where options.counts(invoice.date) && matches(invoice) {
      guard let totals = state.totals, !totals.taxes.isEmpty else { continue }
      guard totals.currency == currency else {
        otherCurrencies.add(totals.taxTotal)
        continue
      }
      for line in totals.taxes {
        seen.insert(line.id)
        collectedBy[key(invoice.date), default: [:]][line.id, default: MoneyTotals()].add(
          line.amount)
      }
    }
    for credit in books.creditNotes where options.counts(credit.date) {
      guard let number = credit.invoice?.id, let index = books.invoiceIndex(number),
        books.invoices.indices.contains(index), context.ledger.invoices.indices.contains(index),
        matches(books.invoices[index]),
        let invoiceCurrency = context.ledger.invoices[index].currency
      else { continue }
      let invoice = books.invoices[index]
      // The same computation as the ledger's credit: the credit's taxes, else the invoice's.
      guard
        case .success(let totals) = DocumentMath.totals(
          items: credit.items, discounts: [],
          defaultTaxes: credit.taxes.isEmpty ? invoice.taxes : credit.taxes,
          inclusive: invoice.taxInclusive, currency: invoiceCurrency, taxes: { books.tax($0) }),
        !totals.taxes.isEmpty
      else { continue }
      guard invoiceCurrency == currency else {
        otherCurrencies.add(totals.taxTotal.negated)
        continue
      }
      for line in totals.taxes {
        seen.insert(line.id)
        collectedBy[key(credit.date), default: [:]][line.id, default: MoneyTotals()].add(
          line.amount.negated)
      }
    }
    for expense in books.expenses where options.counts(expense.date) && !expense.taxes.isEmpty {
      let party = context.party(of: expense)
      guard context.matches(client: party.client, project: party.project) else { continue }
      var taxes: [Tax] = []
      for ref in expense.taxes where !taxes.contains(where: { $0.id == ref.id }) {
        if let tax = books.tax(ref.id) { taxes.append(tax) }
      }
      var rateSum = DecimalNumber.zero
      for tax in taxes { rateSum = rateSum.adding(tax.rate.value) ?? rateSum }
      guard expense.amount.currency == currency else {
        otherCurrencies.add(expense.amount)
        continue
      }
      for tax in taxes {
        guard let amount = includedTax(in: expense.amount, rate: tax.rate, rateSum: rateSum)
        else { continue }
        seen.insert(tax.id)
        paidBy[key(expense.date), default: [:]][tax.id, default: MoneyTotals()].add(amount)
      }
    }

    let keys = Array(collectedBy.keys) + Array(paidBy.keys)
    guard let currency, let first = keys.min(), let last = keys.max() else { return }
    let taxes = books.taxes.filter { seen.contains($0.id) }
    for period in first...last {
      for tax in taxes {
        let collected = collectedBy[period]?[tax.id]?.total(currency) ?? Money.zero(currency)
        let paid = paidBy[period]?[tax.id]?.total(currency) ?? Money.zero(currency)
        let net = (try? collected.subtracting(paid)) ?? Money.zero(currency)
        rows.append(
          Row(
            period: label(period), tax: tax.id, name: tax.name, rate: tax.rate,
            collected: collected, paid: paid, net: net))
        self.collected.add(collected)
        self.paid.add(paid)
        self.net.add(net)
      }
    }
  }

  public static let report = Report("tax", "tax collected and paid per quarter, net payable") {
    context in
    let report = TaxReport(context)
    let currency = report.currency
    var blocks: [Block] = [
      .metrics(
        id: "totals", title: nil,
        [
          Metric("collected", "Collected on invoices", report.collected.cell(default: currency)),
          Metric("paid", "Paid on expenses", report.paid.cell(default: currency)),
          Metric("net", "Net payable", report.net.cell(default: currency)),
        ]),
      .table(
        Table(
          id: "tax", title: report.granularity == .month ? "By month" : "By quarter",
          columns: [
            Column("period", report.granularity == .month ? "Month" : "Quarter"),
            Column("tax", "Tax"), Column("rate", "Rate"), Column("collected", "Collected"),
            Column("paid", "Paid"), Column("net", "Net payable"),
          ],
          rows: report.rows.map { row in
            [
              .text(row.period), .id(row.tax), .percent(row.rate.value), .money(row.collected),
              .money(row.paid), .money(row.net),
            ]
          },
          footer: [
            .text("Total"), .empty, .empty, report.collected.cell(default: currency),
            report.paid.cell(default: currency), report.net.cell(default: currency),
          ])),
      .note("Collected by invoice date (credit notes by theirs); paid as included in expenses."),
    ]
    if let note = report.otherCurrencies.note { blocks.append(.note(note)) }
    return context.view("tax", "Tax", blocks)
  }
}

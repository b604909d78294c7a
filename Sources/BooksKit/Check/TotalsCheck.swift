/// The money of each currency adds up within what can be computed exactly.
///
/// Each amount is below 2^127 in its last digit, but the reports add amounts up: the
/// income of a year, the expenses of a category, the invoiced total of a client, a running
/// balance. Every such sum is a sum of some of the books' amounts of one currency, so it
/// fits when the amounts' magnitudes, all added up, fit. This check adds them up per
/// currency — incomes with their fees, expenses, invoice totals and what credit notes take
/// off them — and reports the entry where the sum passes the limit, once per currency.
/// Books that pass it never reach the reports' overflow fallbacks.
enum TotalsCheck {
  static let name = "totals"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var sums: [Currency: DecimalNumber] = [:]
    var reported: Set<Currency> = []
    var out: [Diagnostic] = []

    func add(_ money: Money?, at range: SourceRange) {
      guard let money, !reported.contains(money.currency) else { return }
      let before = sums[money.currency] ?? .zero
      if let after = before.adding(money.amount.magnitude) {
        sums[money.currency] = after
        return
      }
      reported.insert(money.currency)
      out.append(
        .error(
          name,
          "the \(money.currency) amounts of the books add up to more than can be computed exactly",
          at: range,
          fix:
            "amounts are exact up to about 1.7 × 10^38 in their last digit, and reports add them up; check this amount for a typing mistake, or write fewer decimals"
        ))
    }

    books.incomes.forEachAddress { _, income in
      add(income.pointee.amount, at: income.pointee.range)
      add(income.pointee.fee, at: income.pointee.range)
    }
    books.expenses.forEachAddress { _, expense in
      add(expense.pointee.amount, at: expense.pointee.range)
    }
    for (invoice, state) in zip(books.invoices, context.ledger.invoices) {
      add(state.total, at: invoice.numberRange)
      add(state.credited, at: invoice.numberRange)
    }
    return out
  }
}

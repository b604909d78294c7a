/// How far a goal has come: the sum of its progress entries, or a metric of the books.
public struct GoalStatus: Sendable {
  public var goalID: String
  /// Progress so far, in the goal's unit (money goals: in the business currency).
  public var current: DecimalNumber
  public var target: DecimalNumber?
  /// `current ÷ target × 100`, one decimal, not capped at 100.
  public var completion: DecimalNumber?

  /// Every goal's status, in file order, counting progress dated on or before `asOf`.
  public static func all(_ books: Books, _ ledger: InvoiceLedger, asOf: CalendarDate? = nil)
    -> [GoalStatus]
  {
    books.goals.map { goal in
      var current = DecimalNumber.zero
      if let metric = goal.metric {
        current = value(of: metric, books, ledger, asOf: asOf) ?? .zero
      } else {
        for entry in goal.progress where asOf.map({ entry.date <= $0 }) ?? true {
          current = current.adding(entry.value) ?? current
        }
      }
      return GoalStatus(
        goalID: goal.id, current: current, target: goal.target,
        completion: goal.target.flatMap { percentage(current, of: $0) })
    }
  }

  /// A metric's value: money in the business currency, or hours with two decimals.
  static func value(
    of metric: GoalMetric, _ books: Books, _ ledger: InvoiceLedger, asOf: CalendarDate?
  ) -> DecimalNumber? {
    func counts(_ date: CalendarDate) -> Bool {
      (metric.year.map { date.year == $0 } ?? true) && (asOf.map { date <= $0 } ?? true)
    }
    let currency = books.defaultCurrency
    var total = DecimalNumber.zero
    switch metric.kind {
    case .income:
      for income in books.incomes
      where counts(income.date) && income.isReceived && income.amount.currency == currency
        && (metric.filter.map { $0 == income.classID } ?? true)
      {
        total = total.adding(income.amount.amount) ?? total
      }
    case .expenses:
      for expense in books.expenses
      where counts(expense.date) && expense.amount.currency == currency
        && (metric.filter.map { $0 == expense.category?.id } ?? true)
      {
        total = total.adding(expense.amount.amount) ?? total
      }
    case .invoiced:
      for (invoice, state) in zip(books.invoices, ledger.invoices)
      where counts(invoice.date) && invoice.status != .draft && invoice.status != .void
        && state.currency == currency
      {
        total = total.adding(state.total?.amount ?? .zero) ?? total
      }
    case .hours:
      var minutes = 0
      for entry in books.timeEntries where counts(entry.date) {
        minutes = minutes.addingReportingOverflow(entry.duration.minutes).partialValue
      }
      return TimeSpan(minutes: minutes).hours(scale: 2)
    }
    return total
  }
}

extension Resource {
  /// To-do items done, and in all.
  public var progress: (done: Int, total: Int) {
    (todos.filter(\.done).count, todos.count)
  }
}

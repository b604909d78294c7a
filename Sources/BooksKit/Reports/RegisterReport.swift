/// Every money entry in date order with a running balance: hledger's `register`, for
/// checking the books line by line against a bank statement.
///
/// Definitions:
/// - rows are every income (received or not) and every expense dated in the period and not
///   after the as-of day, by date, then in file order;
/// - income adds to the balance, expenses subtract; income without `via` is marked
///   `expected` and left out of the balance, because the money is not in yet;
/// - the balance starts at zero at the first row of the period (hledger's default, without
///   `--historical`) and runs per currency: each row shows the balance in its own currency;
/// - `--client` and `--project` keep the income of that client or project and the expenses
///   billable to it.
public struct RegisterReport: Sendable {
  public enum Kind: String, Sendable, Equatable {
    case income, expense
  }

  public struct Row: Sendable, Equatable {
    public var date: CalendarDate
    public var kind: Kind
    public var description: String?
    /// The client an income comes from; the vendor (else the client or project billed) of
    /// an expense.
    public var party: String?
    /// The income class or expense category (`none` for an expense without one).
    public var account: String
    /// Signed: income positive, expenses negative.
    public var amount: Money
    /// False for income without `via`: expected, not in the balance.
    public var received: Bool
    /// The running balance in the row's currency after it; nil for expected income.
    public var balance: Money?
  }

  public var rows: [Row] = []
  /// Σ received income.
  public var received = MoneyTotals()
  /// Σ expenses, as positive amounts.
  public var expenses = MoneyTotals()
  /// Σ income not received yet.
  public var expected = MoneyTotals()
  /// The balance after the last row, per currency: `received - expenses`.
  public var balance = MoneyTotals()

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    /// A row before it is placed: sorted by date, then by where it is written.
    struct Pending {
      var row: Row
      var file: Int
      var offset: Int
    }
    let first = context.reportCurrency
    received = MoneyTotals(startingWith: first)
    expenses = MoneyTotals(startingWith: first)
    expected = MoneyTotals(startingWith: first)
    balance = MoneyTotals(startingWith: first)
    var pending: [Pending] = []
    for income in books.incomes
    where options.counts(income.date) && context.shows(income.amount.currency) {
      let party = context.party(of: income)
      guard context.matches(client: party.client, project: party.project) else { continue }
      pending.append(
        Pending(
          row: Row(
            date: income.date, kind: .income, description: income.description,
            party: party.client, account: income.classID, amount: income.amount,
            received: income.isReceived, balance: nil),
          file: income.range.file, offset: income.range.start))
    }
    for expense in books.expenses
    where options.counts(expense.date) && context.shows(expense.amount.currency) {
      let party = context.party(of: expense)
      guard context.matches(client: party.client, project: party.project) else { continue }
      pending.append(
        Pending(
          row: Row(
            date: expense.date, kind: .expense, description: expense.description,
            party: expense.vendor ?? expense.billable?.id,
            account: expense.category?.id ?? "none", amount: expense.amount.negated,
            received: true, balance: nil),
          file: expense.range.file, offset: expense.range.start))
    }
    pending.sort { a, b in
      (a.row.date, a.file, a.offset) < (b.row.date, b.file, b.offset)
    }
    for item in pending {
      var row = item.row
      if row.received {
        balance.add(row.amount)
        row.balance = balance.total(row.amount.currency)
        if row.kind == .income {
          received.add(row.amount)
        } else {
          expenses.add(row.amount.negated)
        }
      } else {
        expected.add(row.amount)
      }
      rows.append(row)
    }
  }

  public static let report = Report(
    "register", aliases: ["reg"], "every money entry in date order, with a running balance"
  ) { context in
    let report = RegisterReport(context)
    let currency = context.reportCurrency
    return context.view(
      "register", "Register",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("received", "Income received", report.received.cell(default: currency)),
            Metric("expenses", "Expenses", report.expenses.cell(default: currency)),
            Metric("balance", "Balance", report.balance.cell(default: currency)),
            Metric("expected", "Income expected", report.expected.cell(default: currency)),
          ]),
        .table(
          Table(
            id: "register", title: nil,
            columns: [
              Column("date", "Date"), Column("description", "Description"),
              Column("party", "Who"), Column("account", "Class/category"),
              Column("amount", "Amount"), Column("balance", "Balance"),
              Column("status", "Status"),
            ],
            rows: report.rows.map { row in
              [
                .date(row.date), row.description.map { .text($0) } ?? .empty,
                row.party.map { .text($0) } ?? .empty, .text(row.account), .money(row.amount),
                row.balance.map { .money($0) } ?? .empty,
                row.received ? .empty : .text("expected"),
              ]
            },
            footer: [
              .text("Total"), .empty, .empty, .empty,
              report.balance.cell(default: currency), report.balance.cell(default: currency),
              .empty,
            ])),
        .note(
          "Income adds, expenses subtract; income without `via` is expected, not in the balance. Each row's balance is in its own currency; the total has them all."
        ),
      ])
  }
}

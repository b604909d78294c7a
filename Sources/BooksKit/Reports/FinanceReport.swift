/// Income and expenses by month, income by class and expenses by category, with totals
/// and net — the seed's finance section, with client income kept apart from salary,
/// interest and other income.
///
/// Definitions:
/// - income is money received: an income with `via`, dated in the period and not after the
///   as-of day; income without `via` is expected money and only counted in a note;
/// - expenses are every expense dated in the period and not after the as-of day;
/// - amounts are in one currency, `--currency` else the business's; entries in other
///   currencies are left out and counted in a note, because adding pounds to euros would
///   be wrong and converting them needs rates the books do not hold;
/// - `--client` and `--project` keep the income of that client or project and the expenses
///   billable to it (`billable`).
public struct FinanceReport: Sendable {
  public struct Month: Sendable, Equatable {
    public var month: MonthBucket
    public var income: MoneyTotals
    public var expenses: MoneyTotals
    /// `income - expenses`.
    public var net: MoneyTotals
  }

  /// An income class or expense category and what it adds up to.
  public struct Share: Sendable, Equatable {
    /// The class or category word; `none` for expenses without a category.
    public var id: String
    public var title: String
    public var amount: MoneyTotals
    public var count: Int
  }

  /// The currency every amount is in; nil only when the books hold no money at all.
  public var currency: Currency?
  /// Every month from the first to the last with an entry, quiet months included.
  public var months: [Month] = []
  /// Income classes with received income: `client` first, then salary, interest, other,
  /// then the declared classes, in that order.
  public var incomeByClass: [Share] = []
  /// Declared categories in declaration order, then undeclared ones as they appear, then
  /// the expenses without a category.
  public var expensesByCategory: [Share] = []
  /// Received client income per client ("what did I earn this quarter, by client"), in
  /// file order of the clients, then income whose client is unknown.
  public var incomeByClient: [Share] = []
  public var clientIncome = MoneyTotals()
  /// Received income of every class but `client`.
  public var otherIncome = MoneyTotals()
  public var income = MoneyTotals()
  public var expenses = MoneyTotals()
  /// `income - expenses`.
  public var net = MoneyTotals()
  /// Income without `via` in the period: expected, not counted.
  public var expectedCount = 0
  public var expected = MoneyTotals()
  public var otherCurrencies = OtherCurrencies()

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    currency =
      context.reportCurrency ?? books.incomes.first?.amount.currency
      ?? books.expenses.first?.amount.currency

    var incomeByMonth: [MonthBucket: MoneyTotals] = [:]
    var expensesByMonth: [MonthBucket: MoneyTotals] = [:]
    var classes: [String: Share] = [:]
    var classOrder: [String] = []
    var categories: [String: Share] = [:]
    var categoryOrder: [String] = []
    var byClient: [String: Share] = [:]

    for income in books.incomes where options.counts(income.date) {
      let party = context.party(of: income)
      guard context.matches(client: party.client, project: party.project) else { continue }
      guard income.amount.currency == currency else {
        otherCurrencies.add(income.amount)
        continue
      }
      guard income.isReceived else {
        expectedCount += 1
        expected.add(income.amount)
        continue
      }
      self.income.add(income.amount)
      incomeByMonth[MonthBucket(income.date), default: MoneyTotals()].add(income.amount)
      let classID = income.classID
      if classID == "client" {
        clientIncome.add(income.amount)
        let clientID = party.client ?? "none"
        let title =
          party.client.map { context.books.client($0)?.name ?? $0 } ?? "No client"
        byClient[
          clientID, default: Share(id: clientID, title: title, amount: MoneyTotals(), count: 0)
        ]
        .amount.add(income.amount)
        byClient[clientID]?.count += 1
      } else {
        otherIncome.add(income.amount)
      }
      if classes[classID] == nil {
        classOrder.append(classID)
        classes[classID] = Share(
          id: classID, title: context.label(.incomeClass, classID), amount: MoneyTotals(), count: 0)
      }
      classes[classID]?.amount.add(income.amount)
      classes[classID]?.count += 1
    }
    for expense in books.expenses where options.counts(expense.date) {
      let party = context.party(of: expense)
      guard context.matches(client: party.client, project: party.project) else { continue }
      guard expense.amount.currency == currency else {
        otherCurrencies.add(expense.amount)
        continue
      }
      expenses.add(expense.amount)
      expensesByMonth[MonthBucket(expense.date), default: MoneyTotals()].add(expense.amount)
      let categoryID = expense.category?.id ?? "none"
      if categories[categoryID] == nil {
        categoryOrder.append(categoryID)
        let title =
          expense.category == nil ? "No category" : context.label(.expenseCategory, categoryID)
        categories[categoryID] = Share(
          id: categoryID, title: title, amount: MoneyTotals(), count: 0)
      }
      categories[categoryID]?.amount.add(expense.amount)
      categories[categoryID]?.count += 1
    }
    net = income.subtracting(expenses)

    let active = Array(incomeByMonth.keys) + Array(expensesByMonth.keys)
    if let first = active.min(), let last = active.max() {
      months = MonthBucket.range(first, last).map { month in
        let income = incomeByMonth[month] ?? MoneyTotals()
        let expenses = expensesByMonth[month] ?? MoneyTotals()
        return Month(
          month: month, income: income, expenses: expenses, net: income.subtracting(expenses))
      }
    }
    incomeByClient =
      books.clients.compactMap { byClient[$0.id] } + (byClient["none"].map { [$0] } ?? [])
    incomeByClass = Self.ordered(
      classes, appearance: classOrder, vocabulary: books.vocabulary.words(.incomeClass))
    expensesByCategory = Self.ordered(
      categories, appearance: categoryOrder,
      vocabulary: books.vocabulary.words(.expenseCategory))
  }

  /// Vocabulary order first (so `client` leads and declared words follow in the order the
  /// user wrote them), then words the vocabulary does not know, as they appeared.
  private static func ordered(
    _ shares: [String: Share], appearance: [String], vocabulary: [String]
  ) -> [Share] {
    let known = vocabulary.filter { shares[$0] != nil }
    let unknown = appearance.filter { !vocabulary.contains($0) }
    let noneLast = unknown.filter { $0 != "none" } + unknown.filter { $0 == "none" }
    return (known + noneLast).compactMap { shares[$0] }
  }

  /// A share's part of a total as a percentage with one decimal.
  static func share(_ part: MoneyTotals, of whole: MoneyTotals, _ currency: Currency?) -> Cell {
    guard let currency,
      let value = percentage(part.total(currency).amount, of: whole.total(currency).amount)
    else { return .empty }
    return .percent(value)
  }

  public static let report = Report(
    "finance", aliases: ["fin"], "income and expenses by month, class and category; net"
  ) { context in
    let report = FinanceReport(context)
    let currency = report.currency
    func money(_ totals: MoneyTotals) -> Cell { totals.cell(default: currency) }
    func shareTable(
      _ id: String, _ title: String, _ noun: String, _ shares: [Share], _ total: MoneyTotals
    )
      -> Table
    {
      Table(
        id: id, title: title,
        columns: [
          Column(noun, noun.prefix(1).uppercased() + noun.dropFirst()), Column("title", "Name"),
          Column("count", "Entries"), Column("amount", "Amount"), Column("share", "Share"),
        ],
        rows: shares.map { share in
          [
            .text(share.id), .text(share.title), .integer(share.count), money(share.amount),
            FinanceReport.share(share.amount, of: total, currency),
          ]
        },
        footer: [
          .text("Total"), .empty, .integer(shares.reduce(0) { $0 + $1.count }), money(total),
          .empty,
        ])
    }
    var blocks: [Block] = [
      .metrics(
        id: "totals", title: nil,
        [
          Metric("client-income", "Client income", money(report.clientIncome)),
          Metric("other-income", "Other income", money(report.otherIncome)),
          Metric("income", "Income", money(report.income)),
          Metric("expenses", "Expenses", money(report.expenses)),
          Metric("net", "Net", money(report.net)),
        ]),
      .table(
        Table(
          id: "months", title: "By month",
          columns: [
            Column("month", "Month"), Column("income", "Income"),
            Column("expenses", "Expenses"), Column("net", "Net"),
          ],
          rows: report.months.map { month in
            [
              .text(month.month.label), money(month.income), money(month.expenses),
              money(month.net),
            ]
          },
          footer: [.text("Total"), money(report.income), money(report.expenses), money(report.net)]
        )),
      .table(
        shareTable("classes", "Income by class", "class", report.incomeByClass, report.income)),
      .table(
        shareTable(
          "clients", "Client income by client", "client", report.incomeByClient,
          report.clientIncome)),
      .table(
        shareTable(
          "categories", "Expenses by category", "category", report.expensesByCategory,
          report.expenses)),
      .note(
        "Amounts in \(currency?.code ?? "one currency"); income counts money received "
          + "(with `via`)."),
    ]
    if report.expectedCount > 0 {
      let entries = report.expectedCount == 1 ? "1 income" : "\(report.expectedCount) incomes"
      blocks.append(
        .note(
          "\(entries) not received yet (\(CellFormat.sum(report.expected.amounts))) "
            + (report.expectedCount == 1 ? "is" : "are") + " not counted."))
    }
    if let note = report.otherCurrencies.note { blocks.append(.note(note)) }
    return context.view("finance", "Finance", blocks)
  }
}

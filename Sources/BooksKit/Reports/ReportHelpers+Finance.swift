/// Small pieces shared by the money reports (dashboard, finance, register, tax, workflow),
/// kept in one place so that every report filters and buckets entries the same way.

extension DayRange {
  /// The whole calendar year `year`: what "this period" means on the dashboard when no
  /// `--period` is given.
  public static func year(_ year: Int) -> DayRange {
    DayRange(
      from: CalendarDate(year: year, month: 1, day: 1),
      to: CalendarDate(year: year, month: 12, day: 31))
  }

  /// The period the way it was most likely asked for: `2026`, `2026-Q2`, `2026-03`, or the
  /// days themselves; short labels read better in metric titles than two dates.
  public var label: String {
    guard let from, let to, from.year == to.year, from.day == 1,
      to.day == CalendarDate.daysIn(month: to.month, year: to.year)
    else { return description }
    if from.month == 1, to.month == 12 { return "\(from.year)" }
    if from.month == to.month { return MonthBucket(from).label }
    if (from.month - 1) % 3 == 0, to.month == from.month + 2 {
      return QuarterBucket(from).label
    }
    return description
  }
}

/// A calendar month, the row of the finance report.
public struct MonthBucket: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int

  public init(_ date: CalendarDate) {
    year = date.year
    month = date.month
  }

  public init(year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// `2026-03`: the way `--period` spells a month.
  public var label: String { "\(year)-" + (month < 10 ? "0\(month)" : "\(month)") }

  public var description: String { label }

  /// The month after this one.
  public var next: MonthBucket {
    month == 12 ? MonthBucket(year: year + 1, month: 1) : MonthBucket(year: year, month: month + 1)
  }

  public static func < (lhs: MonthBucket, rhs: MonthBucket) -> Bool {
    (lhs.year, lhs.month) < (rhs.year, rhs.month)
  }

  /// Every month from `first` to `last`, both included, so a quiet month still shows as a
  /// row of zeros instead of silently disappearing.
  public static func range(_ first: MonthBucket, _ last: MonthBucket) -> [MonthBucket] {
    var months: [MonthBucket] = []
    var month = first
    while month <= last {
      months.append(month)
      month = month.next
    }
    return months
  }
}

/// A calendar quarter, the default row of the tax report (VAT is usually filed quarterly).
public struct QuarterBucket: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  /// 1...4.
  public var quarter: Int

  public init(_ date: CalendarDate) {
    year = date.year
    quarter = (date.month - 1) / 3 + 1
  }

  public init(year: Int, quarter: Int) {
    self.year = year
    self.quarter = quarter
  }

  /// `2026-Q1`: the way `--period` spells a quarter.
  public var label: String { "\(year)-Q\(quarter)" }

  public var description: String { label }

  public var next: QuarterBucket {
    quarter == 4
      ? QuarterBucket(year: year + 1, quarter: 1) : QuarterBucket(year: year, quarter: quarter + 1)
  }

  public static func < (lhs: QuarterBucket, rhs: QuarterBucket) -> Bool {
    (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
  }

  public static func range(_ first: QuarterBucket, _ last: QuarterBucket) -> [QuarterBucket] {
    var quarters: [QuarterBucket] = []
    var quarter = first
    while quarter <= last {
      quarters.append(quarter)
      quarter = quarter.next
    }
    return quarters
  }
}

extension MoneyTotals {
  /// Totals that list `currency` first, so the business currency leads "2,952.34 EUR +
  /// 50.00 GBP" however the entries happen to be ordered.
  public init(startingWith currency: Currency?) {
    self.init()
    if let currency { add(Money.zero(currency)) }
  }

  /// `self - other` per currency, for net figures (income − expenses) that must not mix
  /// currencies; a currency only in `other` comes out negative.
  public func subtracting(_ other: MoneyTotals) -> MoneyTotals {
    var result = self
    for money in other.amounts { result.add(money.negated) }
    return result
  }

  /// True when nothing was added, or everything added up to zero.
  public var isZero: Bool { amounts.allSatisfy(\.isZero) }
}

extension ReportContext {
  /// The one currency the money tables are drawn in: `--currency`, else the business's.
  /// Amounts in other currencies are left out and counted in a note, because a column
  /// that adds euros to pounds would be wrong and a converted one would need rates the
  /// books do not hold.
  public var reportCurrency: Currency? {
    options.currency ?? books.defaultCurrency
  }

  /// The client and project an income belongs to, for `--client` and `--project`.
  /// An income without `client` or `project` belongs to those of the first invoice it pays.
  public func party(of income: Income) -> (client: String?, project: String?) {
    let invoice = income.invoices.first.flatMap { books.invoice($0.invoice.id) }
    let project = income.project?.id ?? invoice?.project?.id
    let client =
      clientOf(client: income.client, project: income.project) ?? invoice?.client?.id
      ?? project.flatMap { books.clientID(ofProject: $0) }
    return (client, project)
  }

  /// The client and project an expense is billable to: `billable` names either one.
  /// Expenses that are not billable belong to no client, so a `--client` filter drops them.
  public func party(of expense: Expense) -> (client: String?, project: String?) {
    guard let target = expense.billable?.id else { return (nil, nil) }
    if books.project(target) != nil {
      return (books.clientID(ofProject: target), target)
    }
    return (target, nil)
  }

  /// The client and project a time entry counts towards: its project (directly, or the
  /// service's) and that project's client.
  public func party(of entry: TimeEntry) -> (client: String?, project: String?) {
    let project = books.projectID(ofTimeTarget: entry.target.id)
    return (project.flatMap { books.clientID(ofProject: $0) }, project)
  }

  /// True when a client record itself passes the filters: `--client` names it, or
  /// `--project` names one of its projects.
  public func matches(clientRecord id: String) -> Bool {
    if let wanted = options.client, wanted != id { return false }
    if let project = options.project, books.clientID(ofProject: project) != id { return false }
    return true
  }

  /// The reader-facing name of a vocabulary word: its declared label, else the word with
  /// its first letter capitalised (`salary` → "Salary").
  public func label(_ kind: VocabularyKind, _ word: String) -> String {
    if let label = books.vocabulary.declaration(kind, word)?.label { return label }
    guard let first = word.first else { return word }
    return first.uppercased() + String(word.dropFirst()).replacingOccurrences(of: "-", with: " ")
  }
}

/// Tax included in a gross amount: `amount × rate ÷ (100 + Σ rates)`, rounded once to the
/// currency's minor units, half away from zero — the same rule invoices use for inclusive
/// prices (FORMAT.md, "Rounding"), so a receipt's VAT matches what its vendor printed.
///
/// `rateSum` is the sum of every tax rate included in the amount; nil on overflow.
public func includedTax(in amount: Money, rate: Percentage, rateSum: DecimalNumber) -> Money? {
  guard let denominator = DecimalNumber(100).adding(rateSum), !denominator.isZero,
    let numerator = amount.amount.multiplied(by: rate.value),
    let exact = numerator.divided(by: denominator, scale: DocumentMath.workingScale),
    let rounded = exact.rounded(toScale: amount.currency.minorUnits, .halfAwayFromZero)
  else { return nil }
  return Money(rounded, amount.currency)
}

/// Money left out of a report because it is in another currency than the one shown.
public struct OtherCurrencies: Sendable, Equatable {
  /// How many entries were left out.
  public var count = 0
  /// Their amounts, per currency.
  public var totals = MoneyTotals()

  public init() {}

  public mutating func add(_ money: Money) {
    count += 1
    totals.add(money)
  }

  /// "3 entries in other currencies (GBP) are left out; use --currency GBP to see them."
  /// — nil when nothing was left out. (Their amounts mix incomes, expenses and taxes, so
  /// the note names the currencies, not a sum.)
  public var note: String? {
    guard count > 0 else { return nil }
    let codes = totals.amounts.map(\.currency.code)
    let amounts = codes.joined(separator: ", ")
    let entries = count == 1 ? "1 entry" : "\(count) entries"
    let verb = count == 1 ? "is" : "are"
    return
      "\(entries) in other currencies (\(amounts)) \(verb) left out; use --currency "
      + (codes.first ?? "CODE") + " to see "
      + (codes.count == 1 ? "them" : "one currency at a time") + "."
  }
}

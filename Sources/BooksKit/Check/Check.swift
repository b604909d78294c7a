/// What every check sees: the model and the values derived from it, computed once.
public struct CheckContext: Sendable {
  public var books: Books
  public var ledger: InvoiceLedger
  /// Which invoice bills each time entry and expense.
  public var billing: TimeBilling
  /// The day the books are checked on, for what is due by then (recurring invoices); nil
  /// checks nothing that depends on the day.
  public var today: CalendarDate?

  public init(books: Books, today: CalendarDate? = nil) {
    self.books = books
    (self.ledger, self.billing) = Parallel.pair(
      { InvoiceLedger(books) }, { TimeBilling(books: books, asOf: .latest) })
    self.today = today
  }
}

/// A named rule over the books. The name is the diagnostic code and the word used by
/// `books check --only` and `--skip`.
public struct Check: Sendable {
  public var name: String
  public var summary: String
  /// False for checks done while reading the files (their diagnostics still carry the name).
  public var runsOnModel: Bool
  let body: @Sendable (CheckContext) -> [Diagnostic]

  public func run(_ context: CheckContext) -> [Diagnostic] { body(context) }
}

/// Every check, in the order their diagnostics are reported.
public enum Checks {
  public static let all: [Check] = [
    reading(Parser.code, "the file's lexical structure and entry heads"),
    reading(Loader.code, "included files exist, are readable and form no cycle"),
    reading(ModelBuilder.fieldsCode, "known fields, required fields present, none repeated"),
    reading(
      ModelBuilder.valuesCode, "dates, amounts, durations, ids and other values are well-formed"),
    reading("duplicates", "each id and vocabulary word is defined once"),
    Check(
      name: RefsCheck.name,
      summary: "every reference names an existing entity of the right kind", runsOnModel: true,
      body: RefsCheck.run),
    Check(
      name: VocabCheck.name,
      summary: "stages, classes, categories, modes, media... are built in or declared",
      runsOnModel: true, body: VocabCheck.run),
    Check(
      name: DatesCheck.name,
      summary: "dates are in order: due after issue, payment after invoice, end after start",
      runsOnModel: true, body: DatesCheck.run),
    Check(
      name: InvoicesCheck.name,
      summary: "invoice totals, payments, statuses and currencies agree", runsOnModel: true,
      body: InvoicesCheck.run),
    Check(
      name: RecurringCheck.name,
      summary: "recurring invoices are issued for every period that has ended",
      runsOnModel: true, body: RecurringCheck.run),
    Check(
      name: PurchaseOrderCheck.name,
      summary: "invoices against a purchase order stay within its limit", runsOnModel: true,
      body: PurchaseOrderCheck.run),
    Check(
      name: ApprovalsCheck.name,
      summary: "entries the approval policy covers are approved by someone who may approve",
      runsOnModel: true, body: ApprovalsCheck.run),
    Check(
      name: NumberingCheck.name,
      summary: "document numbers are unique; gaps in a series are warned about",
      runsOnModel: true, body: NumberingCheck.run),
    Check(
      name: MeetingsCheck.name, summary: "meetings on the same day do not overlap",
      runsOnModel: true, body: MeetingsCheck.run),
  ]

  private static func reading(_ name: String, _ summary: String) -> Check {
    Check(name: name, summary: summary, runsOnModel: false) { _ in [] }
  }

  public static var names: [String] { all.map(\.name) }

  /// The diagnostics of every check that runs on the model, side by side on the machine's
  /// cores; in the order of `all`, whichever finishes first.
  public static func runAll(_ context: CheckContext) -> [Diagnostic] {
    let checks = all.filter(\.runsOnModel)
    return Parallel.map(checks.count) { checks[$0].run(context) }.flatMap { $0 }
  }

  public static func named(_ name: String) -> Check? { all.first { $0.name == name } }
}

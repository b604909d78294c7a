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

  init(books: Books, today: CalendarDate?, ledger: InvoiceLedger, billing: TimeBilling) {
    self.books = books
    self.ledger = ledger
    self.billing = billing
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
  /// Whether it reads the context's `ledger` or `billing`; the others run while those are
  /// being computed, and see them empty.
  var usesDerived = false
  /// The check's work, in parts that may run side by side; the diagnostics are theirs in
  /// this order.
  let parts: [@Sendable (CheckContext) -> [Diagnostic]]

  init(
    name: String, summary: String, runsOnModel: Bool,
    body: @escaping @Sendable (CheckContext) -> [Diagnostic]
  ) {
    self.init(name: name, summary: summary, runsOnModel: runsOnModel, parts: [body])
  }

  init(
    name: String, summary: String, runsOnModel: Bool, usesDerived: Bool = false,
    parts: [@Sendable (CheckContext) -> [Diagnostic]]
  ) {
    self.usesDerived = usesDerived
    self.name = name
    self.summary = summary
    self.runsOnModel = runsOnModel
    self.parts = parts
  }

  public func run(_ context: CheckContext) -> [Diagnostic] { parts.flatMap { $0(context) } }
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
      usesDerived: true, parts: InvoicesCheck.parts),
    Check(
      name: TotalsCheck.name,
      summary: "the amounts of each currency add up within what can be computed exactly",
      runsOnModel: true, usesDerived: true, parts: [TotalsCheck.run]),
    Check(
      name: RecurringCheck.name,
      summary: "recurring invoices are issued for every period that has ended",
      runsOnModel: true, body: RecurringCheck.run),
    Check(
      name: PurchaseOrderCheck.name,
      summary: "invoices against a purchase order stay within its limit", runsOnModel: true,
      usesDerived: true, parts: [PurchaseOrderCheck.run]),
    Check(
      name: ApprovalsCheck.name,
      summary: "entries the approval policy covers are approved by someone who may approve",
      runsOnModel: true, usesDerived: true, parts: [ApprovalsCheck.run]),
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

  /// Every check that runs on the model, side by side on the machine's cores: first the
  /// invoice ledger and the billing with the checks that need neither, then the checks that
  /// read them. The diagnostics come in the order of `all`, whichever finishes first.
  public static func run(_ books: Books, today: CalendarDate?) -> (
    context: CheckContext, diagnostics: [Diagnostic]
  ) {
    var clock = PhaseClock()
    let checks = all.filter(\.runsOnModel)
    let tasks = checks.indices.flatMap { index in checks[index].parts.map { (index, $0) } }
    let early = tasks.filter { !checks[$0.0].usesDerived }
    let late = tasks.filter { checks[$0.0].usesDerived }
    let bare = CheckContext(
      books: books, today: today, ledger: InvoiceLedger(Books()),
      billing: TimeBilling(books: Books(), asOf: .latest))
    // The billing is the longest task: first in line.
    let first = Parallel.map(2 + early.count) { task -> EarlyOutcome in
      switch task {
      case 0: .billing(PhaseClock.timed("billing") { TimeBilling(books: books, asOf: .latest) })
      case 1: .ledger(PhaseClock.timed("invoice ledger") { InvoiceLedger(books) })
      default:
        .found(
          PhaseClock.timed("check \(checks[early[task - 2].0].name)") { early[task - 2].1(bare) })
      }
    }
    var ledger = bare.ledger
    var billing = bare.billing
    var found = Array(repeating: [Diagnostic](), count: checks.count)
    for (offset, outcome) in first.enumerated() {
      switch outcome {
      case .billing(let built): billing = built
      case .ledger(let built): ledger = built
      case .found(let diagnostics): found[early[offset - 2].0] += diagnostics
      }
    }
    clock.lap("checks: billing, ledger and the checks that need neither")
    let context = CheckContext(books: books, today: today, ledger: ledger, billing: billing)
    let second = Parallel.map(late.count) { task in
      PhaseClock.timed("check \(checks[late[task].0].name)") { late[task].1(context) }
    }
    for (offset, diagnostics) in second.enumerated() {
      found[late[offset].0] += diagnostics
    }
    clock.lap("checks: the checks that read billing or ledger")
    return (context, found.flatMap { $0 })
  }

  private enum EarlyOutcome: Sendable {
    case billing(TimeBilling)
    case ledger(InvoiceLedger)
    case found([Diagnostic])
  }

  public static func named(_ name: String) -> Check? { all.first { $0.name == name } }
}

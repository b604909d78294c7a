/// Which invoice bills each time entry and each billable expense.
///
/// Work is billed by the invoice its own `invoice` field names, unless that invoice is
/// void (a number that names no invoice still counts, and `books check` reports it).
/// Work without one is billed by the earliest invoice — by date, then file order — that is
/// not void and whose `bills` field covers it: its client, project or service, dated in
/// the claimed span. Void invoices bill nothing, so their work is free to bill again.
public struct Billing: Sendable {
  /// For each time entry, the number of the invoice that bills it.
  public let timeInvoices: [String?]
  /// For each expense, the number of the invoice that bills it.
  public let expenseInvoices: [String?]
  /// For each time entry, where the invoice that bills it is in the books' invoices:
  /// `Billing.unbilled` for none, `Billing.unknown` for a number that names no invoice.
  let timeInvoiceIndices: [Int32]
  /// The same for each expense.
  let expenseInvoiceIndices: [Int32]
  static let unbilled: Int32 = -1
  static let unknown: Int32 = -2
  /// For each invoice, the time entries and expenses its `bills` fields claimed.
  public let claimedTime: [[Int]]
  public let claimedExpenses: [[Int]]

  public init(_ books: Books) {
    self.init(books, targets: TimeTargets(books.timeEntries))
  }

  /// `init(_:)`, with the time entries' targets already told apart.
  init(_ books: Books, targets: TimeTargets) {
    /// Where the invoice an entry names is: unbilled when it names none or a void one.
    func named(_ ref: Ref?) -> Int32 {
      guard let ref else { return Self.unbilled }
      guard let index = books.invoiceIndex(ref.id), books.invoices.indices.contains(index)
      else { return Self.unknown }
      return books.invoices[index].status == .void
        ? Self.unbilled : Int32(truncatingIfNeeded: index)
    }
    /// Per entry, the invoice its own `invoice` field names (`named`) and that number when
    /// it bills the entry.
    func invoices<Entry>(_ entries: [Entry], _ invoice: (UnsafePointer<Entry>) -> Ref?) -> (
      [Int32], [String?]
    ) {
      var indices = [Int32](repeating: Self.unbilled, count: entries.count)
      var numbers = [String?](repeating: nil, count: entries.count)
      entries.forEachAddress { index, entry in
        guard let ref = invoice(entry) else { return }
        indices[index] = named(ref)
        if indices[index] != Self.unbilled { numbers[index] = ref.id }
      }
      return (indices, numbers)
    }
    var (timeIndices, time) = invoices(books.timeEntries) { $0.pointee.invoice }
    var (expenseIndices, expenses) = invoices(books.expenses) { $0.pointee.invoice }
    var claimedTime = Array(repeating: [Int](), count: books.invoices.count)
    var claimedExpenses = Array(repeating: [Int](), count: books.invoices.count)
    // The claims by the id they name, each with its invoice's rank (date, then file order).
    let claimants = books.invoices.indices.filter {
      books.invoices[$0].status != .void && !books.invoices[$0].claims.isEmpty
    }.sorted { (books.invoices[$0].date, $0) < (books.invoices[$1].date, $1) }
    var byTarget: [String: [Claimant]] = [:]
    for (rank, invoice) in claimants.enumerated() {
      for claim in books.invoices[invoice].claims {
        byTarget[claim.target.id, default: []].append(
          Claimant(invoice: invoice, rank: rank, claim: claim))
      }
    }
    if !byTarget.isEmpty {
      // What an invoice's number names, as a reference to it would: the first invoice with
      // that number when numbers repeat (`numbering` reports those).
      var byNumber = [Int32](repeating: Self.unbilled, count: books.invoices.count)
      for invoice in claimants {
        byNumber[invoice] = named(
          Ref(books.invoices[invoice].number, at: books.invoices[invoice].range))
      }
      /// The claims on any of the ids, earliest first.
      func candidates(_ ids: String?...) -> [Claimant] {
        var all: [Claimant] = []
        for id in ids { if let id, let claims = byTarget[id] { all += claims } }
        return all.sorted { $0.rank < $1.rank }
      }
      /// The earliest of `candidates` that covers `date`.
      func earliest(_ candidates: [Claimant], covering date: CalendarDate) -> Claimant? {
        candidates.first { $0.claim.covers(date) }
      }
      // The spans that could bill each time target (claims on it, its project or its
      // client), earliest invoice first, as plain values in one array: each entry scans its
      // target's run without retaining anything.
      var spans: [Span] = []
      var runs: [Range<Int>] = []
      runs.reserveCapacity(targets.ids.count)
      for target in targets.ids {
        let project = books.projectID(ofTimeTarget: target)
        let client = project.flatMap { books.clientID(ofProject: $0) }
        let start = spans.count
        for claimant in candidates(target, project == target ? nil : project, client) {
          spans.append(
            Span(
              from: claimant.claim.from, through: claimant.claim.through,
              invoice: claimant.invoice))
        }
        runs.append(start..<spans.count)
      }
      spans.withUnsafeBufferPointer { spans in
        books.timeEntries.forEachAddress { index, entry in
          guard entry.pointee.billable, time[index] == nil, targets.slots.indices.contains(index),
            runs.indices.contains(Int(targets.slots[index]))
          else { return }
          let date = entry.pointee.date
          guard
            let found = spans[runs[Int(targets.slots[index])]].first(where: {
              $0.covers(date)
            }),
            claimedTime.indices.contains(found.invoice)
          else { return }
          time[index] = books.invoices[found.invoice].number
          timeIndices[index] = byNumber[found.invoice]
          claimedTime[found.invoice].append(index)
        }
      }
      var byExpenseTarget: [String: [Claimant]] = [:]
      books.expenses.forEachAddress { index, expense in
        guard expenses[index] == nil, let target = expense.pointee.billable?.id else { return }
        let claims =
          byExpenseTarget[target]
          ?? candidates(target, books.clientID(ofProject: target))
        byExpenseTarget[target] = claims
        guard let found = earliest(claims, covering: expense.pointee.date),
          claimedExpenses.indices.contains(found.invoice)
        else { return }
        expenses[index] = books.invoices[found.invoice].number
        expenseIndices[index] = byNumber[found.invoice]
        claimedExpenses[found.invoice].append(index)
      }
    }
    self.timeInvoices = time
    self.expenseInvoices = expenses
    self.timeInvoiceIndices = timeIndices
    self.expenseInvoiceIndices = expenseIndices
    self.claimedTime = claimedTime
    self.claimedExpenses = claimedExpenses
  }

  /// A `bills` claim and the rank of its invoice among the claiming ones.
  private struct Claimant {
    var invoice: Int
    var rank: Int
    var claim: BillingClaim
  }

  /// The days a claim covers and its invoice, without the claim's strings.
  private struct Span {
    var from: CalendarDate?
    var through: CalendarDate
    var invoice: Int

    /// `BillingClaim.covers`.
    func covers(_ date: CalendarDate) -> Bool {
      BillingClaim.covers(date, from: from, through: through)
    }
  }
}

/// The distinct targets of the time entries, and which one each entry is on: what depends
/// only on the target (its project, client, claims, rate) is then worked out once per
/// target instead of once per entry.
struct TimeTargets: Sendable {
  /// Per time entry, the index of its target in `ids`.
  let slots: [Int32]
  /// The distinct targets, in the order first logged.
  let ids: [String]

  init(_ entries: [TimeEntry]) {
    var known = IdSlots()
    var slots = [Int32](repeating: 0, count: entries.count)
    entries.forEachAddress { index, entry in
      slots[index] = known.slot(entry.pointee.target.id)
    }
    self.slots = slots
    self.ids = known.ids
  }
}

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
  /// For each invoice, the time entries and expenses its `bills` fields claimed.
  public let claimedTime: [[Int]]
  public let claimedExpenses: [[Int]]

  public init(_ books: Books) {
    func freed(_ ref: Ref?) -> Bool {
      guard let ref else { return true }
      guard let index = books.invoiceIndex(ref.id), books.invoices.indices.contains(index)
      else { return false }
      return books.invoices[index].status == .void
    }
    var time = books.timeEntries.map { freed($0.invoice) ? nil : $0.invoice?.id }
    var expenses = books.expenses.map { freed($0.invoice) ? nil : $0.invoice?.id }
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
      /// The earliest claim on any of the ids that covers `date`.
      func earliest(
        _ first: String, _ second: String?, _ third: String?, covering date: CalendarDate
      )
        -> Claimant?
      {
        var best: Claimant?
        func consider(_ id: String?) {
          guard let id, let candidates = byTarget[id] else { return }
          for candidate in candidates
          where candidate.claim.covers(date) && candidate.rank < (best?.rank ?? .max) {
            best = candidate
          }
        }
        consider(first)
        consider(second)
        consider(third)
        return best
      }
      // The project and client of each time target, looked up once per target.
      var owners: [String: (project: String?, client: String?)] = [:]
      books.timeEntries.forEachInPlace { index, entry in
        guard entry.billable, time[index] == nil else { return }
        let target = entry.target.id
        let owner: (project: String?, client: String?)
        if let known = owners[target] {
          owner = known
        } else {
          let project = books.projectID(ofTimeTarget: target)
          owner = (project, project.flatMap { books.clientID(ofProject: $0) })
          owners[target] = owner
        }
        let project = owner.project == target ? nil : owner.project
        guard let found = earliest(target, project, owner.client, covering: entry.date),
          claimedTime.indices.contains(found.invoice)
        else { return }
        time[index] = books.invoices[found.invoice].number
        claimedTime[found.invoice].append(index)
      }
      books.expenses.forEachInPlace { index, expense in
        guard expenses[index] == nil, let target = expense.billable?.id else { return }
        let client = books.clientID(ofProject: target)
        guard let found = earliest(target, client, nil, covering: expense.date),
          claimedExpenses.indices.contains(found.invoice)
        else { return }
        expenses[index] = books.invoices[found.invoice].number
        claimedExpenses[found.invoice].append(index)
      }
    }
    self.timeInvoices = time
    self.expenseInvoices = expenses
    self.claimedTime = claimedTime
    self.claimedExpenses = claimedExpenses
  }

  /// A `bills` claim and the rank of its invoice among the claiming ones.
  private struct Claimant {
    var invoice: Int
    var rank: Int
    var claim: BillingClaim
  }
}

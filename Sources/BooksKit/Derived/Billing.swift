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
      return books.invoice(ref.id)?.status == .void
    }
    var time = books.timeEntries.map { freed($0.invoice) ? nil : $0.invoice?.id }
    var expenses = books.expenses.map { freed($0.invoice) ? nil : $0.invoice?.id }
    var claimedTime = Array(repeating: [Int](), count: books.invoices.count)
    var claimedExpenses = Array(repeating: [Int](), count: books.invoices.count)
    let claimants = books.invoices.indices.filter {
      books.invoices[$0].status != .void && !books.invoices[$0].claims.isEmpty
    }.sorted { (books.invoices[$0].date, $0) < (books.invoices[$1].date, $1) }
    if !claimants.isEmpty {
      // Work indexed by every id a claim may name: service, project and client.
      var timeBy: [String: [Int]] = [:]
      for (index, entry) in books.timeEntries.enumerated() where entry.billable {
        guard time[index] == nil else { continue }
        var keys = [entry.target.id]
        if let project = books.projectID(ofTimeTarget: entry.target.id) {
          if project != entry.target.id { keys.append(project) }
          if let client = books.clientID(ofProject: project) { keys.append(client) }
        }
        for key in keys { timeBy[key, default: []].append(index) }
      }
      var expensesBy: [String: [Int]] = [:]
      for (index, expense) in books.expenses.enumerated() {
        guard expenses[index] == nil, let target = expense.billable?.id else { continue }
        expensesBy[target, default: []].append(index)
        if let client = books.clientID(ofProject: target) {
          expensesBy[client, default: []].append(index)
        }
      }
      for invoiceIndex in claimants {
        let invoice = books.invoices[invoiceIndex]
        for claim in invoice.claims {
          for index in timeBy[claim.target.id] ?? [] where time[index] == nil {
            guard claim.covers(books.timeEntries[index].date) else { continue }
            time[index] = invoice.number
            claimedTime[invoiceIndex].append(index)
          }
          for index in expensesBy[claim.target.id] ?? [] where expenses[index] == nil {
            guard claim.covers(books.expenses[index].date) else { continue }
            expenses[index] = invoice.number
            claimedExpenses[invoiceIndex].append(index)
          }
        }
      }
    }
    self.timeInvoices = time
    self.expenseInvoices = expenses
    self.claimedTime = claimedTime.map { $0.sorted() }
    self.claimedExpenses = claimedExpenses.map { $0.sorted() }
  }
}

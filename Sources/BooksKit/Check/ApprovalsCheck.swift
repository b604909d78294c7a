/// Entries the business's approval policy covers carry `approved-by` a staff member who may
/// approve, and nobody approves their own entries.
enum ApprovalsCheck {
  static let name = "approvals"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var out: [Diagnostic] = []
    let rules = books.business?.approvals ?? []

    /// Checks one entry: `who` recorded it (staff), `amount` is what thresholds compare. A
    /// draft needs no approval yet: it is approved before it is sent.
    func check(
      _ kind: ApprovalRule.Kind, _ what: String, approvedBy: Ref?, staff: Ref?, amount: Money?,
      draft: Bool = false, at range: SourceRange
    ) {
      if let approver = approvedBy {
        if let member = books.staffMember(approver.id), !member.mayApprove {
          out.append(
            .error(
              name, "`\(clip(approver.id))` may not approve entries", at: approver.range,
              notes: [DiagnosticNote("`\(approver.id)` is defined here", at: member.range)],
              fix: "name a staff member with `may-approve yes`, or give `\(approver.id)` that right"
            ))
        }
        if let staff, staff.id == approver.id {
          out.append(
            .error(
              name, "`\(clip(approver.id))` approves their own \(what)", at: approver.range,
              fix: "have another staff member who may approve sign it off"))
        }
        return
      }
      if draft { return }
      for rule in rules where rule.kind == kind {
        var needs = false
        var reason = ""
        let entries = rule.kind == .time ? "time entries" : rule.kind.rawValue
        if rule.byStaff, let staff, books.staffMember(staff.id)?.mayApprove == false {
          needs = true
          reason = "\(entries) recorded by staff who may not approve"
        }
        if let limit = rule.over, let amount, amount.currency == limit.currency,
          amount.amount > limit.amount
        {
          needs = true
          reason = "\(entries) over \(limit.formatted())"
        }
        guard needs else { continue }
        let approvers = books.staff.filter(\.mayApprove).map(\.id)
        out.append(
          .error(
            name, "this \(what) needs an approval: the policy covers \(reason)", at: range,
            notes: [DiagnosticNote("the policy is set here", at: rule.range)],
            fix: approvers.first.map { "add `approved-by \($0)`" }
              ?? "add `approved-by STAFF`, naming a staff member with `may-approve yes`"))
        return
      }
    }

    let states = context.ledger.invoices
    books.invoices.forEachAddress { index, invoice in
      guard invoice.pointee.status != .void, states.indices.contains(index) else { return }
      check(
        .invoices, "invoice", approvedBy: invoice.pointee.approvedBy, staff: nil,
        amount: states[index].total, draft: invoice.pointee.status == .draft,
        at: invoice.pointee.range)
    }
    // An estimate's total is worked out only when a rule has a threshold to compare it with.
    let estimateThreshold = rules.contains { $0.kind == .estimates && $0.over != nil }
    for estimate in books.estimates {
      let total =
        estimateThreshold ? EstimateState.totals(estimate, in: books).totals?.total : nil
      check(
        .estimates, "estimate", approvedBy: estimate.approvedBy, staff: nil, amount: total,
        draft: estimate.status == .draft, at: estimate.range)
    }
    // An entry with no approver that no rule covers has nothing to check: its fields are
    // not even read (a read retains them).
    let coversExpenses = rules.contains { $0.kind == .expenses }
    let coversTime = rules.contains { $0.kind == .time }
    books.expenses.forEachAddress { _, expense in
      guard coversExpenses || expense.pointee.approvedBy != nil else { return }
      check(
        .expenses, "expense", approvedBy: expense.pointee.approvedBy, staff: expense.pointee.staff,
        amount: expense.pointee.amount, at: expense.pointee.range)
    }
    books.timeEntries.forEachAddress { _, entry in
      guard coversTime || entry.pointee.approvedBy != nil else { return }
      check(
        .time, "time entry", approvedBy: entry.pointee.approvedBy, staff: entry.pointee.staff,
        amount: nil,
        at: entry.pointee.range)
    }
    return out
  }
}

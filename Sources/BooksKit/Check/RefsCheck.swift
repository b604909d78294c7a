/// Every reference resolves to an entity of the kind the field expects.
enum RefsCheck {
  static let name = "refs"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let books = context.books
    func expect(_ ref: Ref?, _ kinds: [DefinitionKind]) {
      guard let ref else { return }
      resolve(ref, kinds, books, &out)
    }
    func expect(_ refs: [Ref], _ kinds: [DefinitionKind]) {
      for ref in refs { resolve(ref, kinds, books, &out) }
    }
    for client in books.clients { expect(client.staff, [.staff]) }
    for contact in books.contacts { expect(contact.client, [.client]) }
    for project in books.projects { expect(project.client, [.client]) }
    for service in books.services { expect(service.project, [.project]) }
    for member in books.staff { expect(member.clients, [.client]) }
    for income in books.incomes {
      expect(income.client, [.client])
      expect(income.project, [.project])
      for allocation in income.invoices { document(allocation.invoice, .invoice, books, &out) }
    }
    for expense in books.expenses {
      expect(expense.billable, [.client, .project])
      expect(expense.staff, [.staff])
      expect(expense.approvedBy, [.staff])
      expect(expense.taxes, [.tax])
      if let invoice = expense.invoice { document(invoice, .invoice, books, &out) }
    }
    for entry in books.timeEntries {
      expect(entry.target, [.project, .service])
      expect(entry.staff, [.staff])
      expect(entry.approvedBy, [.staff])
      if let invoice = entry.invoice { document(invoice, .invoice, books, &out) }
    }
    for invoice in books.invoices {
      expect(invoice.client, [.client])
      expect(invoice.project, [.project])
      expect(invoice.approvedBy, [.staff])
      expect(invoice.taxes, [.tax])
      for item in invoice.items { expect(item.taxes ?? [], [.tax]) }
      if let po = invoice.purchaseOrder { document(po, .purchaseOrder, books, &out) }
      if let estimate = invoice.estimate { document(estimate, .estimate, books, &out) }
    }
    for estimate in books.estimates {
      expect(estimate.client, [.client])
      expect(estimate.project, [.project])
      expect(estimate.approvedBy, [.staff])
      expect(estimate.taxes, [.tax])
      for item in estimate.items { expect(item.taxes ?? [], [.tax]) }
    }
    for order in books.purchaseOrders {
      expect(order.client, [.client])
      if let estimate = order.estimate { document(estimate, .estimate, books, &out) }
    }
    for credit in books.creditNotes {
      expect(credit.taxes, [.tax])
      for item in credit.items { expect(item.taxes ?? [], [.tax]) }
      if let invoice = credit.invoice { document(invoice, .invoice, books, &out) }
    }
    for meeting in books.meetings {
      expect(meeting.with, [.client, .contact, .staff])
    }
    return out
  }

  private static func describe(_ kinds: [DefinitionKind]) -> String {
    let names = kinds.map(\.rawValue)
    guard let last = names.last else { return "" }
    return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
  }

  static func resolve(
    _ ref: Ref, _ kinds: [DefinitionKind], _ books: Books, _ out: inout [Diagnostic]
  ) {
    let definition = books.definition(ref.id)
    if let definition, kinds.contains(definition.kind) { return }
    // Only a failing reference pays for the suggestion search.
    let candidates = books.definitions.filter { kinds.contains($0.value.kind) }.map(\.key)
      .sorted()
    let suggestion = Suggestion.closest(to: ref.id, in: candidates)
    if let definition {
      out.append(
        .error(
          name,
          "`\(ref.id)` is a \(definition.kind.rawValue), but a \(describe(kinds)) is expected here",
          at: ref.range,
          notes: [DiagnosticNote("`\(ref.id)` is defined here", at: definition.range)],
          fix: suggestion.map { "did you mean `\($0)`?" } ?? "name a \(describe(kinds)) here"))
      return
    }
    var notes: [DiagnosticNote] = []
    if let suggestion, let definition = books.definition(suggestion) {
      notes.append(DiagnosticNote("`\(suggestion)` is defined here", at: definition.range))
    }
    out.append(
      .error(
        name, "unknown \(describe(kinds)) `\(ref.id)`", at: ref.range, notes: notes,
        fix: suggestion.map { "did you mean `\($0)`?" }
          ?? "define it: `\(kinds.first?.rawValue ?? "client") \(ref.id) \"Name\"`"))
  }

  static func document(
    _ ref: Ref, _ kind: DocumentKind, _ books: Books, _ out: inout [Diagnostic]
  ) {
    guard books.documents[kind]?[ref.id] == nil else { return }
    let numbers = (books.documents[kind] ?? [:]).keys.sorted()
    out.append(
      .error(
        name, "unknown \(kind.noun) `\(ref.id)`", at: ref.range,
        fix: Suggestion.closest(to: ref.id, in: numbers).map { "did you mean `\($0)`?" }
          ?? "check the number; no \(kind.noun) has it"))
  }
}

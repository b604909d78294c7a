/// Every reference resolves to an entity of the kind the field expects.
enum RefsCheck {
  static let name = "refs"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var check = Resolver(suggester: Suggester(books: books))
    for client in books.clients { check.expect(client.staff, [.staff]) }
    for contact in books.contacts { check.expect(contact.client, [.client]) }
    for project in books.projects { check.expect(project.client, [.client]) }
    for service in books.services { check.expect(service.project, [.project]) }
    for member in books.staff { check.expect(member.clients, [.client]) }
    books.incomes.forEachAddress { _, income in
      check.expect(income.pointee.client, [.client])
      check.expect(income.pointee.project, [.project])
      for allocation in income.pointee.invoices { check.document(allocation.invoice, .invoice) }
    }
    books.expenses.forEachAddress { _, expense in
      check.expect(expense.pointee.billable, [.client, .project])
      check.expect(expense.pointee.staff, [.staff])
      check.expect(expense.pointee.approvedBy, [.staff])
      check.expect(expense.pointee.taxes, [.tax])
      check.document(expense.pointee.invoice, .invoice)
    }
    for unbuilt in books.unbuiltRefs { check.expect(unbuilt.ref, unbuilt.kinds) }
    books.timeEntries.forEachAddress { _, entry in
      check.expect(entry.pointee.target, [.project, .service])
      check.expect(entry.pointee.staff, [.staff])
      check.expect(entry.pointee.approvedBy, [.staff])
      check.document(entry.pointee.invoice, .invoice)
    }
    books.invoices.forEachAddress { _, invoice in
      check.expect(invoice.pointee.client, [.client])
      check.expect(invoice.pointee.project, [.project])
      check.expect(invoice.pointee.approvedBy, [.staff])
      check.expect(invoice.pointee.taxes, [.tax])
      for item in invoice.pointee.items { check.expect(item.taxes ?? [], [.tax]) }
      check.document(invoice.pointee.purchaseOrder, .purchaseOrder)
      check.document(invoice.pointee.estimate, .estimate)
      check.expect(invoice.pointee.recurring, [.recurring])
      check.expect(invoice.pointee.claims.map(\.target), [.client, .project, .service])
    }
    for template in books.recurringInvoices {
      check.expect(template.client, [.client])
      check.expect(template.project, [.project])
      check.expect(template.taxes, [.tax])
      for item in template.items { check.expect(item.taxes ?? [], [.tax]) }
    }
    for estimate in books.estimates {
      check.expect(estimate.client, [.client])
      check.expect(estimate.project, [.project])
      check.expect(estimate.approvedBy, [.staff])
      check.expect(estimate.taxes, [.tax])
      for item in estimate.items { check.expect(item.taxes ?? [], [.tax]) }
    }
    for order in books.purchaseOrders {
      check.expect(order.client, [.client])
      check.document(order.estimate, .estimate)
    }
    for credit in books.creditNotes {
      check.expect(credit.taxes, [.tax])
      for item in credit.items { check.expect(item.taxes ?? [], [.tax]) }
      check.document(credit.invoice, .invoice)
    }
    books.meetings.forEachAddress { _, meeting in
      check.expect(meeting.pointee.with, [.client, .contact, .staff])
    }
    return check.out
  }

  /// The references checked so far and what they found wrong: a value, so checking one
  /// is a plain mutating call (nested functions capturing the state made every call pay
  /// for a run-time exclusivity check).
  private struct Resolver {
    var suggester: Suggester
    var out: [Diagnostic] = []
    /// Every defined id, numbered, with its kind: looked up with `IdSlots`' hash, which
    /// costs a fraction of `Dictionary`'s on the ids of a million entries.
    private let known: IdSlots
    private let kinds: [DefinitionKind]

    init(suggester: Suggester) {
      self.suggester = suggester
      var known = IdSlots()
      var kinds: [DefinitionKind] = []
      for (id, definition) in suggester.books.definitions {
        _ = known.slot(id)
        kinds.append(definition.kind)
      }
      self.known = known
      self.kinds = kinds
    }

    mutating func expect(_ ref: Ref?, _ kinds: [DefinitionKind]) {
      guard let ref else { return }
      check(ref, kinds)
    }

    mutating func expect(_ refs: [Ref], _ kinds: [DefinitionKind]) {
      for ref in refs { check(ref, kinds) }
    }

    /// Fine when the id names one of `expected`; anything else is worked out (and
    /// reported) by `resolve`.
    private mutating func check(_ ref: Ref, _ expected: [DefinitionKind]) {
      if let slot = known.find(ref.id), kinds.indices.contains(Int(slot)),
        expected.contains(kinds[Int(slot)])
      {
        return
      }
      resolve(ref, expected, &suggester, &out)
    }

    mutating func document(_ ref: Ref?, _ kind: DocumentKind) {
      guard let ref else { return }
      RefsCheck.document(ref, kind, &suggester, &out)
    }
  }

  private static func describe(_ kinds: [DefinitionKind]) -> String {
    let names = kinds.map(\.rawValue)
    guard let last = names.last else { return "" }
    return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
  }

  /// "Did you mean" for failing references, with candidate lists built once per kind set
  /// and a bound on the total work, so a file full of broken references cannot hang.
  struct Suggester {
    let books: Books
    private var candidates: [[DefinitionKind]: [String]] = [:]
    private var documents: [DocumentKind: [String]] = [:]
    /// Candidate comparisons left; past it, problems are still reported, without a guess.
    private var budget = 2_000_000

    init(books: Books) { self.books = books }

    mutating func closest(to id: String, kinds: [DefinitionKind]) -> String? {
      let list =
        candidates[kinds]
        ?? books.definitions.filter { kinds.contains($0.value.kind) }.map(\.key).sorted()
      candidates[kinds] = list
      return spend(list.count) ? Suggestion.closest(to: id, in: list) : nil
    }

    mutating func closest(to number: String, kind: DocumentKind) -> String? {
      let list = documents[kind] ?? (books.documents[kind] ?? [:]).keys.sorted()
      documents[kind] = list
      return spend(list.count) ? Suggestion.closest(to: number, in: list) : nil
    }

    private mutating func spend(_ count: Int) -> Bool {
      guard budget >= count else { return false }
      budget -= count
      return true
    }
  }

  static func resolve(
    _ ref: Ref, _ kinds: [DefinitionKind], _ suggester: inout Suggester, _ out: inout [Diagnostic]
  ) {
    let definition = suggester.books.definitions[ref.id]
    if let definition, kinds.contains(definition.kind) { return }
    let books = suggester.books
    let suggestion = suggester.closest(to: ref.id, kinds: kinds)
    if let definition {
      out.append(
        .error(
          name,
          "`\(clip(ref.id))` is a \(definition.kind.rawValue), but a \(describe(kinds)) is expected here",
          at: ref.range,
          notes: [DiagnosticNote("`\(clip(ref.id))` is defined here", at: definition.range)],
          fix: suggestion.map { "did you mean `\($0)`?" } ?? "name a \(describe(kinds)) here"))
      return
    }
    var notes: [DiagnosticNote] = []
    if let suggestion, let definition = books.definition(suggestion) {
      notes.append(DiagnosticNote("`\(suggestion)` is defined here", at: definition.range))
    }
    out.append(
      .error(
        name, "unknown \(describe(kinds)) `\(clip(ref.id))`", at: ref.range, notes: notes,
        fix: suggestion.map { "did you mean `\($0)`?" } ?? definitionFix(ref.id, kinds)))
  }

  /// "define it: `KIND ID ...`" with what the kind needs to pass `check`: a tax its rate
  /// (a placeholder the editor's quick fix leaves to fill in, not a made-up rate), a
  /// project its client (a field of its own, named after the definition line). An id with
  /// a `/` where a service may stand is a service of the project before the `/`.
  private static func definitionFix(_ id: String, _ kinds: [DefinitionKind]) -> String {
    if kinds.contains(.service), let slash = id.firstIndex(of: "/") {
      return "define it: `service \(id) \"Name\"` (a service of project `\(id[..<slash])`)"
    }
    switch kinds.first ?? .client {
    case .tax: return "define it: `tax \(id) \"Name\" RATE%`, with its rate"
    case .project:
      return
        "define it: `project \(id) \"Name\"`, with an indented `client CLIENT-ID` line under it"
    case .service:
      return
        "define it: `service \(id) \"Name\"`, with an indented `project PROJECT-ID` line under it"
    case let other: return "define it: `\(other.rawValue) \(id) \"Name\"`"
    }
  }

  static func document(
    _ ref: Ref, _ kind: DocumentKind, _ suggester: inout Suggester, _ out: inout [Diagnostic]
  ) {
    guard suggester.books.documents[kind]?[ref.id] == nil else { return }
    out.append(
      .error(
        name, "unknown \(kind.noun) `\(clip(ref.id))`", at: ref.range,
        fix: suggester.closest(to: ref.id, kind: kind).map { "did you mean `\($0)`?" }
          ?? "check the number; no \(kind.noun) has it"))
  }
}

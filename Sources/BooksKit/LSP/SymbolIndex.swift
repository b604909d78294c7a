/// What an id, document number or vocabulary word names: the key under which its
/// definition and its references are found.
enum Symbol: Hashable, Sendable {
  /// A definition id (tax, client, contact, project, service, staff, resource, goal,
  /// recurring invoice): one namespace for all of them.
  case id(String)
  /// A document number, one namespace per kind.
  case document(DocumentKind, String)
  /// A vocabulary word, one namespace per vocabulary.
  case word(VocabularyKind, String)
}

/// One place a symbol is written.
struct Occurrence: Sendable {
  var symbol: Symbol
  var range: SourceRange
  var isDefinition: Bool
}

/// Every place an id, number or vocabulary word is defined or referenced in the books,
/// taken from the model (the same references `refs` and `vocab` check), per file.
struct SymbolIndex: Sendable {
  /// Per file index, occurrences sorted by start offset.
  private(set) var byFile: [Int: [Occurrence]] = [:]
  private(set) var bySymbol: [Symbol: [Occurrence]] = [:]

  init(_ books: Books) {
    var all: [Occurrence] = []
    func ref(_ ref: Ref?) {
      guard let ref else { return }
      all.append(Occurrence(symbol: .id(ref.id), range: ref.range, isDefinition: false))
    }
    func refs(_ list: [Ref]) { for item in list { ref(item) } }
    func document(_ ref: Ref?, _ kind: DocumentKind) {
      guard let ref else { return }
      all.append(
        Occurrence(symbol: .document(kind, ref.id), range: ref.range, isDefinition: false))
    }
    func word(_ word: Word?, _ kind: VocabularyKind) {
      guard let word else { return }
      all.append(Occurrence(symbol: .word(kind, word.id), range: word.range, isDefinition: false))
    }
    for (id, definition) in books.definitions {
      all.append(Occurrence(symbol: .id(id), range: definition.range, isDefinition: true))
    }
    for kind in VocabularyKind.allCases {
      for entry in books.vocabulary.declared[kind] ?? [] {
        all.append(
          Occurrence(symbol: .word(kind, entry.word), range: entry.range, isDefinition: true))
      }
    }
    for client in books.clients {
      refs(client.staff)
      word(client.stage, .stage)
    }
    for contact in books.contacts {
      ref(contact.client)
      word(contact.category, .contactCategory)
    }
    for project in books.projects { ref(project.client) }
    for service in books.services {
      ref(service.project)
      word(service.pricing, .pricingUnit)
    }
    for member in books.staff { refs(member.clients) }
    for resource in books.resources {
      word(resource.kind, .resourceKind)
      for topic in resource.topics { word(topic, .topic) }
    }
    for goal in books.goals { word(goal.category, .goalCategory) }
    for template in books.recurringInvoices {
      ref(template.client)
      ref(template.project)
      refs(template.taxes)
      for item in template.items { refs(item.taxes ?? []) }
    }
    for income in books.incomes {
      ref(income.client)
      ref(income.project)
      for allocation in income.invoices { document(allocation.invoice, .invoice) }
      word(income.incomeClass, .incomeClass)
      word(income.via, .paymentMode)
    }
    for expense in books.expenses {
      ref(expense.billable)
      ref(expense.staff)
      ref(expense.approvedBy)
      refs(expense.taxes)
      document(expense.invoice, .invoice)
      word(expense.category, .expenseCategory)
      word(expense.via, .paymentMode)
    }
    for entry in books.timeEntries {
      ref(entry.target)
      ref(entry.staff)
      ref(entry.approvedBy)
      document(entry.invoice, .invoice)
    }
    for invoice in books.invoices {
      all.append(
        Occurrence(
          symbol: .document(.invoice, invoice.number), range: invoice.numberRange,
          isDefinition: true))
      ref(invoice.client)
      ref(invoice.project)
      ref(invoice.approvedBy)
      refs(invoice.taxes)
      for item in invoice.items { refs(item.taxes ?? []) }
      document(invoice.purchaseOrder, .purchaseOrder)
      document(invoice.estimate, .estimate)
      ref(invoice.recurring)
      refs(invoice.claims.map(\.target))
    }
    for estimate in books.estimates {
      all.append(
        Occurrence(
          symbol: .document(.estimate, estimate.number), range: estimate.numberRange,
          isDefinition: true))
      ref(estimate.client)
      ref(estimate.project)
      ref(estimate.approvedBy)
      refs(estimate.taxes)
      for item in estimate.items { refs(item.taxes ?? []) }
    }
    for order in books.purchaseOrders {
      all.append(
        Occurrence(
          symbol: .document(.purchaseOrder, order.number), range: order.numberRange,
          isDefinition: true))
      ref(order.client)
      document(order.estimate, .estimate)
    }
    for credit in books.creditNotes {
      all.append(
        Occurrence(
          symbol: .document(.creditNote, credit.number), range: credit.numberRange,
          isDefinition: true))
      refs(credit.taxes)
      for item in credit.items { refs(item.taxes ?? []) }
      document(credit.invoice, .invoice)
    }
    for meeting in books.meetings {
      refs(meeting.with)
      word(meeting.medium, .medium)
    }
    for occurrence in all {
      byFile[occurrence.range.file, default: []].append(occurrence)
      bySymbol[occurrence.symbol, default: []].append(occurrence)
    }
    for file in byFile.keys {
      byFile[file]?.sort { $0.range.start < $1.range.start }
    }
    for symbol in bySymbol.keys {
      bySymbol[symbol]?.sort {
        ($0.range.file, $0.range.start) < ($1.range.file, $1.range.start)
      }
    }
  }

  /// The occurrence under a byte offset (the cursor may sit just after it); the innermost
  /// one when several overlap, as a service id's project part does.
  func occurrence(file: Int, offset: Int) -> Occurrence? {
    var best: Occurrence?
    for occurrence in byFile[file] ?? [] {
      if occurrence.range.start > offset { break }
      guard occurrence.range.end >= offset else { continue }
      let width = occurrence.range.end - occurrence.range.start
      if let current = best, current.range.end - current.range.start <= width { continue }
      best = occurrence
    }
    return best
  }

  func occurrences(of symbol: Symbol) -> [Occurrence] { bySymbol[symbol] ?? [] }

  func definition(of symbol: Symbol) -> Occurrence? {
    bySymbol[symbol]?.first { $0.isDefinition }
  }
}

/// Vocabulary words (stages, classes, categories, modes, media...) are built in or declared.
enum VocabCheck {
  static let name = "vocab"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var out: [Diagnostic] = []
    var allowedWords: [VocabularyKind: [String]] = [:]
    func check(_ word: Word?, _ kind: VocabularyKind) {
      guard let word, !books.vocabulary.allows(kind, word.id) else { return }
      let allowed = allowedWords[kind] ?? books.vocabulary.words(kind)
      allowedWords[kind] = allowed
      // Guessing among thousands of declared words is neither fast nor helpful.
      let guess = allowed.count <= 500 ? Suggestion.closest(to: word.id, in: allowed) : nil
      out.append(
        .error(
          name, "`\(clip(word.id))` is not a declared \(kind.noun)", at: word.range,
          fix: guess.map { "did you mean `\($0)`?" }
            ?? "declare it once: `\(kind.rawValue) \(word.id) \"Label\"`"
            + (allowed.isEmpty || allowed.count > 12
              ? "" : " (known: \(allowed.joined(separator: ", ")))")))
    }
    for client in books.clients { check(client.stage, .stage) }
    for contact in books.contacts { check(contact.category, .contactCategory) }
    for service in books.services { check(service.pricing, .pricingUnit) }
    for resource in books.resources {
      check(resource.kind, .resourceKind)
      for topic in resource.topics { check(topic, .topic) }
    }
    for goal in books.goals {
      check(goal.category, .goalCategory)
      if let metric = goal.metric, let filter = metric.filter, let range = goal.metricRange {
        check(Word(filter, at: range), metric.kind == .income ? .incomeClass : .expenseCategory)
      }
    }
    // Entries read in place: a loop over the array would copy each one.
    books.incomes.forEachAddress { _, income in
      check(income.pointee.incomeClass, .incomeClass)
      check(income.pointee.via, .paymentMode)
    }
    books.expenses.forEachAddress { _, expense in
      check(expense.pointee.category, .expenseCategory)
      check(expense.pointee.via, .paymentMode)
    }
    books.meetings.forEachAddress { _, meeting in check(meeting.pointee.medium, .medium) }
    return out
  }
}

/// Completion from the text before the cursor, so it works on half-typed lines the parser
/// would reject: entry keywords, dated kinds, field names of the entry the line is in,
/// ids where an id is expected, vocabulary words, closed lists, and the next invoice or
/// estimate number.
extension LanguageServer {
  /// Where completion values come from.
  enum CompletionSource {
    case ids([DefinitionKind])
    case documents(DocumentKind)
    case vocabulary(VocabularyKind)
    case words([String])
  }

  /// LSP CompletionItemKind values.
  enum ItemKind: Int {
    case field = 5
    case value = 12
    case keyword = 14
    case reference = 18
    case enumMember = 20
  }

  func completion(_ params: JSONValue) throws(RequestError) -> JSONValue {
    let (analysis, file, offset) = try target(params)
    guard let source = analysis.file(file) else { return .null }
    let line = source.line(of: offset)
    let lineStart = source.lineRange(line).lowerBound
    let prefix = Array(source.bytes[lineStart..<max(lineStart, min(offset, source.bytes.count))])
    guard let context = LinePrefix(prefix) else { return ["isIncomplete": false, "items": []] }
    let replace = source.lspRange(lineStart + context.partialStart, offset)
    let items = completions(context, line: line, in: source, analysis: analysis)
    return [
      "isIncomplete": false,
      "items": .array(
        items.map { item in
          var members: [(String, JSONValue)] = [
            ("label", .string(item.label)), ("kind", .int(item.kind.rawValue)),
          ]
          if let detail = item.detail { members.append(("detail", .string(detail))) }
          if item.preselect { members.append(("preselect", true)) }
          members.append(("textEdit", ["range": replace, "newText": .string(item.label)]))
          return .object(members)
        }),
    ]
  }

  struct Item {
    var label: String
    var kind: ItemKind
    var detail: String?
    var preselect = false
  }

  private func completions(
    _ context: LinePrefix, line: Int, in source: SourceFile, analysis: Analysis
  ) -> [Item] {
    let books = analysis.books
    let tokens = context.tokens
    if !context.indented {
      guard let first = tokens.first else {
        let keywords =
          EntryKind.allCases.filter { !$0.isDated }.map(\.rawValue)
          + VocabularyKind.allCases.map(\.rawValue)
        return keywords.map { Item(label: $0, kind: .keyword) }
          + [Item(label: today.description, kind: .value, detail: "today")]
      }
      guard let date = CalendarDate(first) else { return [] }
      guard tokens.count >= 2 else {
        return EntryKind.allCases.filter(\.isDated).map { Item(label: $0.rawValue, kind: .keyword) }
      }
      let kind = tokens[1]
      switch (kind, tokens.count) {
      case ("invoice", 2), ("estimate", 2):
        let documentKind: DocumentKind = kind == "invoice" ? .invoice : .estimate
        let number = DocumentNumbers.next(documentKind, in: books, date: date, client: nil)
        return [
          Item(
            label: number, kind: .reference, detail: "the next \(documentKind.noun) number",
            preselect: true)
        ]
      case ("invoice", 3), ("estimate", 3), ("po", 3): return values(.ids([.client]), books)
      case ("credit", 3): return values(.documents(.invoice), books)
      case ("time", 2): return values(.ids([.project, .service]), books)
      default: return []
      }
    }
    guard let entryKind = enclosingEntry(before: line, in: source) else { return [] }
    guard let field = tokens.first else {
      return entryKind.fields.map { Item(label: $0.name, kind: .field, detail: $0.summary) }
    }
    if field == "item", tokens.last == "tax" { return values(.ids([.tax]), books) }
    if field == "bills", tokens.count >= 2 {
      return ["from", "through"].filter { !tokens.dropFirst(2).contains($0) }.map {
        Item(label: $0, kind: .keyword)
      }
    }
    guard let (valueSource, repeats) = Self.valueSource(entryKind, field),
      repeats || tokens.count == 1
    else { return [] }
    return values(valueSource, books)
  }

  /// What a field's value is completed from, and whether it takes several values on one
  /// line.
  static func valueSource(_ kind: EntryKind, _ field: String) -> (CompletionSource, Bool)? {
    let yesNo = CompletionSource.words(["yes", "no"])
    let priority = CompletionSource.words(Priority.allCases.map(\.rawValue))
    let work = CompletionSource.words(WorkStatus.allCases.map(\.rawValue))
    switch (kind, field) {
    case (.client, "stage"): return (.vocabulary(.stage), false)
    case (.client, "staff"): return (.ids([.staff]), true)
    case (.contact, "category"): return (.vocabulary(.contactCategory), false)
    case (.contact, "client"), (.project, "client"), (.recurring, "client"),
      (.income, "client"):
      return (.ids([.client]), false)
    case (.project, "priority"), (.meeting, "priority"): return (priority, false)
    case (.project, "status"), (.service, "status"): return (work, false)
    case (.service, "project"), (.recurring, "project"), (.income, "project"),
      (.invoice, "project"), (.estimate, "project"):
      return (.ids([.project]), false)
    case (.service, "pricing"): return (.vocabulary(.pricingUnit), false)
    case (.staff, "clients"): return (.ids([.client]), true)
    case (.staff, "may-approve"), (.recurring, "tax-inclusive"), (.expense, "deductible"),
      (.time, "billable"), (.invoice, "tax-inclusive"), (.estimate, "tax-inclusive"):
      return (yesNo, false)
    case (.resource, "kind"): return (.vocabulary(.resourceKind), false)
    case (.resource, "topic"): return (.vocabulary(.topic), true)
    case (.goal, "category"): return (.vocabulary(.goalCategory), false)
    case (.goal, "metric"): return (.words(["income", "expenses", "invoiced", "hours"]), false)
    case (.recurring, "every"): return (.words(["week", "month", "quarter", "year"]), false)
    case (_, "tax"): return (.ids([.tax]), true)
    case (.income, "class"): return (.vocabulary(.incomeClass), false)
    case (.income, "invoice"), (.expense, "invoice"), (.time, "invoice"):
      return (.documents(.invoice), false)
    case (.income, "via"), (.expense, "via"): return (.vocabulary(.paymentMode), false)
    case (.expense, "category"): return (.vocabulary(.expenseCategory), false)
    case (.expense, "billable"): return (.ids([.client, .project]), false)
    case (_, "staff"), (_, "approved-by"): return (.ids([.staff]), false)
    case (.invoice, "status"): return (.words(InvoiceStatus.allCases.map(\.rawValue)), false)
    case (.estimate, "status"): return (.words(EstimateStatus.allCases.map(\.rawValue)), false)
    case (.invoice, "po"): return (.documents(.purchaseOrder), false)
    case (.invoice, "estimate"), (.purchaseOrder, "estimate"):
      return (.documents(.estimate), false)
    case (.invoice, "recurring"): return (.ids([.recurring]), false)
    case (.invoice, "bills"): return (.ids([.client, .project, .service]), false)
    case (.meeting, "with"): return (.ids([.client, .contact, .staff]), true)
    case (.meeting, "medium"): return (.vocabulary(.medium), false)
    default: return nil
    }
  }

  private func values(_ source: CompletionSource, _ books: Books) -> [Item] {
    switch source {
    case .ids(let kinds):
      return books.definitions.filter { kinds.contains($0.value.kind) }.sorted { $0.key < $1.key }
        .map { id, definition in
          Item(
            label: id, kind: .reference,
            detail: definition.kind.rawValue
              + (Self.name(of: definition, in: books).map { " — " + $0 } ?? ""))
        }
    case .documents(let kind):
      return (books.documents[kind] ?? [:]).keys.sorted().map {
        Item(label: $0, kind: .reference, detail: kind.noun)
      }
    case .vocabulary(let kind):
      return books.vocabulary.words(kind).map { word in
        Item(
          label: word, kind: .enumMember,
          detail: books.vocabulary.declaration(kind, word)?.label ?? kind.noun)
      }
    case .words(let words):
      return words.map { Item(label: $0, kind: .value) }
    }
  }

  static func name(of definition: Definition, in books: Books) -> String? {
    let index = definition.index
    switch definition.kind {
    case .client: return books.clients.indices.contains(index) ? books.clients[index].name : nil
    case .project:
      return books.projects.indices.contains(index) ? books.projects[index].name : nil
    case .service:
      return books.services.indices.contains(index) ? books.services[index].name : nil
    case .staff: return books.staff.indices.contains(index) ? books.staff[index].name : nil
    case .contact:
      return books.contacts.indices.contains(index) ? books.contacts[index].name : nil
    case .tax: return books.taxes.indices.contains(index) ? books.taxes[index].name : nil
    case .resource:
      return books.resources.indices.contains(index) ? books.resources[index].title : nil
    case .goal: return books.goals.indices.contains(index) ? books.goals[index].title : nil
    case .recurring:
      return books.recurringInvoices.indices.contains(index)
        ? books.recurringInvoices[index].name : nil
    }
  }

  /// The kind of the entry an indented line belongs to: the nearest line above that
  /// starts in column 1 and is not a comment.
  private func enclosingEntry(before line: Int, in source: SourceFile) -> EntryKind? {
    var current = line - 1
    while current >= 1 {
      let bytes = source.bytes[source.lineRange(current)]
      defer { current -= 1 }
      guard let first = bytes.first, first != 0x20, first != 0x09, first != 0x0D,
        first != UInt8(ascii: ";"),
        first != UInt8(ascii: "#")
          || bytes.count > 1
            && bytes[bytes.startIndex + 1] != 0x20
      else { continue }
      guard let words = LinePrefix(Array(bytes))?.tokens, let keyword = words.first else {
        continue
      }
      if keyword.first?.isNumber == true {
        return words.count > 1
          ? EntryKind(rawValue: words[1]).flatMap { $0.isDated ? $0 : nil } : nil
      }
      return EntryKind(rawValue: keyword).flatMap { $0.isDated ? nil : $0 }
    }
    return nil
  }
}

/// The tokens of a line up to the cursor, read the way the parser reads them (strings,
/// tags and comments), with the word being typed kept apart.
struct LinePrefix {
  /// The whole tokens before the one being typed (strings unquoted, tags left out).
  var tokens: [String] = []
  /// Byte offset in the line where the word being typed starts (the cursor when none).
  var partialStart = 0
  var indented = false

  /// Nil when the cursor is in a comment or a string: nothing to complete there.
  init?(_ bytes: [UInt8]) {
    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    indented = bytes.first.map(isBlank) ?? false
    var index = 0
    var words: [(String, Int)] = []
    var lastIsTag = false
    while index < bytes.count {
      let byte = bytes[index]
      if isBlank(byte) {
        index += 1
        continue
      }
      if byte == UInt8(ascii: ";")
        || (byte == UInt8(ascii: "#") && (index + 1 >= bytes.count || isBlank(bytes[index + 1])))
      {
        return nil
      }
      let start = index
      if byte == UInt8(ascii: "\"") {
        index += 1
        var closed = false
        while index < bytes.count {
          if bytes[index] == UInt8(ascii: "\\") {
            index += 2
            continue
          }
          index += 1
          if bytes[index - 1] == UInt8(ascii: "\"") {
            closed = true
            break
          }
        }
        guard closed else { return nil }
        lastIsTag = false
        words.append(("\"\"", start))
        continue
      }
      while index < bytes.count, !isBlank(bytes[index]) { index += 1 }
      lastIsTag = byte == UInt8(ascii: "#")
      if !lastIsTag {
        words.append(
          (String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self), start))
      }
    }
    let typing = bytes.last.map { !isBlank($0) } ?? false
    if typing, lastIsTag { return nil }
    if typing, let last = words.last, last.0 != "\"\"" {
      words.removeLast()
      partialStart = last.1
    } else {
      partialStart = bytes.count
    }
    tokens = words.map(\.0)
  }
}

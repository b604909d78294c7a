/// Document symbols (the outline of entries), folding of entries, and `books fmt`.
extension LanguageServer {
  func documentSymbols(_ params: JSONValue) throws(RequestError) -> JSONValue {
    let (analysis, file) = try document(params)
    guard let tree = analysis.tree(file) else { return [] }
    return .array(
      tree.entries.compactMap { entry in
        let head = tree.head(entry)
        guard let first = head.first else { return nil }
        let keyword = tree.text(first)
        let dated = first.kind == .word && keyword.first?.isNumber == true
        let kindWord = dated ? head.dropFirst().first.map { tree.text($0) } ?? "" : keyword
        let nameCount = dated && ["invoice", "estimate", "po", "credit"].contains(kindWord) ? 3 : 2
        let nameTokens = head.prefix(nameCount)
        let rest = head.dropFirst(nameCount)
        let selection = nameTokens.last ?? first
        var members: [(String, JSONValue)] = [
          ("name", .string(nameTokens.map { tree.text($0) }.joined(separator: " "))),
          ("kind", .int(Self.symbolKind(kindWord))),
          ("range", tree.file.lspRange(entry.start, entry.end)),
          ("selectionRange", tree.file.lspRange(selection.start, selection.end)),
        ]
        if !rest.isEmpty {
          members.insert(
            ("detail", .string(rest.map { tree.text($0) }.joined(separator: " "))), at: 1)
        }
        return .object(members)
      })
  }

  /// LSP's SymbolKind for an entry keyword.
  static func symbolKind(_ keyword: String) -> Int {
    switch keyword {
    case "books", "include": 1  // File
    case "business": 4  // Package
    case "tax": 14  // Constant
    case "client": 5  // Class
    case "contact", "staff": 13  // Variable
    case "project": 3  // Namespace
    case "service": 6  // Method
    case "resource", "goal", "recurring": 19  // Object
    case "income", "expense": 16  // Number
    case "invoice", "estimate", "po", "credit": 23  // Struct
    case "time", "meeting": 24  // Event
    default: 22  // EnumMember: vocabulary declarations
    }
  }

  func foldingRanges(_ params: JSONValue) throws(RequestError) -> JSONValue {
    let (analysis, file) = try document(params)
    guard let tree = analysis.tree(file) else { return [] }
    return .array(
      tree.entries.compactMap { entry in
        let start = tree.file.position(of: entry.start).line
        let end = tree.file.position(of: entry.end).line
        guard end > start else { return nil }
        return ["startLine": .int(start), "endLine": .int(end), "kind": "region"]
      })
  }

  /// `books fmt` as one edit of the whole document; nothing when it is already formatted,
  /// and null when it has syntax errors (`books fmt` leaves such a file alone).
  func formatting(_ params: JSONValue) throws(RequestError) -> JSONValue {
    let (analysis, file) = try document(params)
    guard let source = analysis.file(file) else { return .null }
    guard let text = BooksFormatter.format(source).text else { return .null }
    let current = String(decoding: source.bytes, as: UTF8.self)
    guard text != current else { return [] }
    return [
      ["range": source.lspRange(0, source.bytes.count), "newText": .string(text)]
    ]
  }
}

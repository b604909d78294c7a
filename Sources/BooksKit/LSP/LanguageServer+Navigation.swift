/// Go to definition, find references, hover, diagnostics and their quick fixes.
extension LanguageServer {
  func definition(_ params: JSONValue) throws(RequestError) -> JSONValue {
    let (analysis, file, offset) = try target(params)
    guard let occurrence = analysis.index.occurrence(file: file, offset: offset),
      let definition = analysis.index.definition(of: occurrence.symbol)
    else { return .null }
    return location(definition.range, in: analysis) ?? .null
  }

  func references(_ params: JSONValue) throws(RequestError) -> JSONValue {
    let (analysis, file, offset) = try target(params)
    guard let occurrence = analysis.index.occurrence(file: file, offset: offset) else {
      return .null
    }
    let withDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? true
    return .array(
      analysis.index.occurrences(of: occurrence.symbol)
        .filter { withDeclaration || !$0.isDefinition }
        .compactMap { location($0.range, in: analysis) })
  }

  func hover(_ params: JSONValue) throws(RequestError) -> JSONValue {
    let (analysis, file, offset) = try target(params)
    guard let occurrence = analysis.index.occurrence(file: file, offset: offset),
      let source = analysis.file(file)
    else { return .null }
    let lines = HoverText(analysis: analysis, today: today).lines(occurrence.symbol)
    guard !lines.isEmpty else { return .null }
    return [
      "contents": ["kind": "markdown", "value": .string(lines.joined(separator: "\n"))],
      "range": source.lspRange(occurrence.range.start, occurrence.range.end),
    ]
  }

  // MARK: Diagnostics

  /// A diagnostic as LSP publishes it, with the path of the file it belongs to. One
  /// without a place is shown at the start of the main file.
  func lspDiagnostic(_ diagnostic: Diagnostic, in analysis: Analysis) -> (String, JSONValue)? {
    let range = diagnostic.range ?? SourceRange(file: 0, start: 0, end: 0)
    let path = analysis.file(range.file).map { Path.normalize($0.path) } ?? analysis.root
    let lspRange =
      analysis.file(range.file)?.lspRange(range.start, range.end)
      ?? [
        "start": LSPPosition(line: 0, character: 0).json,
        "end": LSPPosition(line: 0, character: 0).json,
      ]
    let severity: Int =
      switch diagnostic.severity {
      case .error: 1
      case .warning: 2
      case .note: 3
      }
    var message = diagnostic.message
    for note in diagnostic.notes where note.range == nil { message += "\n" + note.message }
    if let fix = diagnostic.fix { message += "\nfix: " + fix }
    var members: [(String, JSONValue)] = [
      ("range", lspRange), ("severity", .int(severity)), ("code", .string(diagnostic.code)),
      ("source", "books"), ("message", .string(message)),
    ]
    let related: [JSONValue] = diagnostic.notes.compactMap { note in
      guard let range = note.range, let location = location(range, in: analysis) else {
        return nil
      }
      return ["location": location, "message": .string(note.message)]
    }
    if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
    return (path, .object(members))
  }

  /// Quick fixes for the diagnostics in the requested range, made from their `fix` text
  /// where it proposes an edit: "did you mean `x`?" replaces the text, "declare it once"
  /// adds the declaration, "define it" adds the definition.
  func codeActions(_ params: JSONValue) throws(RequestError) -> JSONValue {
    let (analysis, file) = try document(params)
    guard let source = analysis.file(file), let start = LSPPosition(params["range"]?["start"]),
      let end = LSPPosition(params["range"]?["end"])
    else { throw RequestError(code: .invalidParams, message: "a range is required") }
    let lower = source.offset(of: start)
    let upper = source.offset(of: end)
    var actions: [JSONValue] = []
    for diagnostic in analysis.diagnostics {
      guard let range = diagnostic.range, range.file == file, range.start <= upper,
        range.end >= lower, let fix = diagnostic.fix,
        let (title, edit) = Self.quickFix(fix, at: range, in: source)
      else { continue }
      let uri = uri(for: source.path)
      guard let (_, json) = lspDiagnostic(diagnostic, in: analysis) else { continue }
      actions.append(
        [
          "title": .string(title), "kind": "quickfix", "diagnostics": [json],
          "isPreferred": true,
          "edit": ["changes": .object([(uri, .array([edit]))])],
        ])
    }
    return .array(actions)
  }

  static func quickFix(_ fix: String, at range: SourceRange, in file: SourceFile) -> (
    String, JSONValue
  )? {
    if let word = backticked(fix, after: "did you mean `") {
      return (
        "Change to `\(word)`",
        ["range": file.lspRange(range.start, range.end), "newText": .string(word)]
      )
    }
    if let declaration = backticked(fix, after: "declare it once: `") {
      let start = file.lspRange(0, 0)
      return ("Add `\(declaration)`", ["range": start, "newText": .string(declaration + "\n")])
    }
    if let definition = backticked(fix, after: "define it: `") {
      let end = file.bytes.count
      let newline = file.bytes.last == 0x0A || file.bytes.isEmpty ? "" : "\n"
      return (
        "Add `\(definition)`",
        ["range": file.lspRange(end, end), "newText": .string(newline + "\n" + definition + "\n")]
      )
    }
    return nil
  }

  /// The text between `prefix` (which ends in a backtick) and the next backtick.
  private static func backticked(_ text: String, after prefix: String) -> String? {
    guard text.hasPrefix(prefix) else { return nil }
    let rest = text.dropFirst(prefix.count)
    guard let close = rest.firstIndex(of: "`") else { return nil }
    let word = String(rest[..<close])
    return word.isEmpty ? nil : word
  }
}

import Testing

@testable import BooksKit

/// Books for the language server tests: a main file that includes a staff file, with a
/// non-ASCII item text before a reference on the same line.
enum LSPFixtures {
  static let main = """
    include "staff.books"

    business "Studio"
      currency EUR

    tax vat "VAT" 20%

    client acme "Acme Corp"
      stage client
      contract 10000

    project acme-web "Website"
      client acme
      estimate 10h

    2026-01-10 time acme-web 4h "Design"

    2026-01-31 invoice INV-2026-001 acme
      project acme-web
      item "Design ☕😀" 10h @ 100 tax vat

    2026-02-15 income 600
      invoice INV-2026-001
      via bank

    2026-03-02 meeting 10:00 "Kick-off"
      with acme lea

    """

  static let staff = """
    staff lea "Léa Durand"
      role designer

    """

  static let mainURI = "file:///books/main.books"
  static let staffURI = "file:///books/staff.books"
  static let today = CalendarDate(year: 2026, month: 4, day: 1) ?? .earliest

  /// A server over an in-memory disk holding the fixtures, initialized.
  static func server() -> LanguageServer {
    let disk = MemoryFileSystem(["/books/main.books": main, "/books/staff.books": staff])
    let server = LanguageServer(fileSystem: disk, today: today)
    _ = server.handle(request(0, "initialize", ["capabilities": [:]]))
    _ = server.handle(notification("initialized", [:]))
    return server
  }

  static func request(_ id: Int, _ method: String, _ params: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
  }

  static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "method": .string(method), "params": params]
  }

  static func didOpen(_ uri: String, _ text: String, version: Int = 1) -> JSONValue {
    notification(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": .string(uri), "languageId": "books", "version": .int(version),
          "text": .string(text),
        ]
      ])
  }

  static func didChange(_ uri: String, _ text: String, version: Int) -> JSONValue {
    notification(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(uri), "version": .int(version)],
        "contentChanges": [["text": .string(text)]],
      ])
  }

  static func at(_ id: Int, _ method: String, _ uri: String, _ line: Int, _ character: Int)
    -> JSONValue
  {
    request(
      id, method,
      [
        "textDocument": ["uri": .string(uri)],
        "position": ["line": .int(line), "character": .int(character)],
      ])
  }

  /// The JSON text parsed, for comparing with what the server sends.
  static func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> JSONValue
  {
    switch JSONParser.parse(text) {
    case .success(let value): return value
    case .failure(let failure):
      Issue.record("bad expected JSON: \(failure)", sourceLocation: sourceLocation)
      return .null
    }
  }

  /// The result of a response, or the response itself when it has none.
  static func result(_ messages: [JSONValue]) -> JSONValue {
    guard messages.count == 1, let only = messages.first else { return .array(messages) }
    return only["result"] ?? only
  }
}

/// Asserts that two JSON values are equal whatever the order of their keys.
func expectJSON(
  _ actual: JSONValue, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let wanted = LSPFixtures.json(expected, sourceLocation: sourceLocation).sortedKeys
  let same = actual.sortedKeys == wanted
  #expect(
    same, "got \(actual.sortedKeys.serialized(pretty: false))", sourceLocation: sourceLocation)
}

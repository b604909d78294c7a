import Testing

@testable import BooksKit

/// The JSON parser, the message framing, positions, and the server's answers to messages
/// that are malformed, unknown, or out of order.
@Suite struct ProtocolTests {
  typealias F = LSPFixtures

  static let valid: [(String, JSONValue)] = [
    ("{}", JSONValue.object([])),
    ("[1, -2, \"a\"]", JSONValue.array([1, -2, "a"])),
    (
      "{\"a\": {\"b\": [true, false, null]}}", JSONValue.object([("a", ["b": [true, false, nil]])])
    ),
    ("\"\\u00e9\\ud83d\\ude00\\n\\\"\"", JSONValue.string("é😀\n\"")),
    ("1.5", JSONValue.string("1.5")),
    ("-0", JSONValue.int(0)),
    ("1e3", JSONValue.string("1e3")),
    ("  \"x\"  ", JSONValue.string("x")),
  ]

  @Test func parsesJSON() {
    for (text, expected) in Self.valid {
      #expect((try? JSONParser.parse(text).get()) == expected, "\(text)")
    }
  }

  @Test(arguments: [
    "", "{", "{\"a\" 1}", "[1,]", "01", "\"\\x\"", "tru", "{} x", "\"\u{01}\"", "-", "1.",
    "[" + String(repeating: "[", count: 600) + String(repeating: "]", count: 601),
  ])
  func rejectsMalformedJSON(_ text: String) {
    guard case .failure = JSONParser.parse(text) else {
      Issue.record("parsed `\(text.prefix(20))`")
      return
    }
  }

  @Test func writerOutputParsesBack() {
    let value: JSONValue = ["a": [1, "x\u{2028}\"\\"], "b": ["c": nil, "d": true]]
    #expect((try? JSONParser.parse(value.serialized(pretty: true)).get()) == value)
  }

  @Test func framingSplitsMessagesWhateverTheChunks() {
    let stream =
      MessageReader.frame(["id": 1]) + Array("Content-Length: 2\n\n{}".utf8)
      + MessageReader.frame(["é": "😀"])
    for chunkSize in [1, 3, 7, stream.count] {
      var reader = MessageReader()
      var events: [MessageReader.Event] = []
      var index = 0
      while index < stream.count {
        reader.append(stream[index..<min(index + chunkSize, stream.count)])
        index += chunkSize
        while let event = reader.next() { events.append(event) }
      }
      #expect(
        events == [
          .message(Array("{\"id\":1}".utf8)), .message(Array("{}".utf8)),
          .message(Array("{\"é\":\"😀\"}".utf8)),
        ], "chunks of \(chunkSize)")
    }
  }

  @Test func framingSkipsBadHeadersAndKeepsReading() {
    var reader = MessageReader()
    reader.append(Array("Content-Type: x\r\n\r\n".utf8))
    reader.append(Array("Content-Length: -5\r\n\r\n".utf8))
    reader.append(Array("Content-Length: 99999999999\r\n\r\n".utf8))
    reader.append(Array("Content-Length: abc\r\n\r\n".utf8))
    reader.append(MessageReader.frame(["ok": true]))
    var events: [MessageReader.Event] = []
    while let event = reader.next() { events.append(event) }
    #expect(
      events == [
        .badHeader("a message without a Content-Length header"),
        .badHeader("Content-Length `-5` is not a length"),
        .badHeader("a message of 99999999999 bytes is larger than the limit"),
      ])
    // The oversized message swallows what follows, as its length said; a client that
    // announced it would send that much. The stream is still usable afterwards.
    var fresh = MessageReader()
    fresh.append(Array("Content-Length: abc\r\n\r\n".utf8) + MessageReader.frame(["ok": true]))
    #expect(fresh.next() == .badHeader("Content-Length `abc` is not a length"))
    #expect(fresh.next() == .message(Array("{\"ok\":true}".utf8)))
    #expect(fresh.next() == nil)
  }

  @Test func positionsCountUTF16CodeUnits() {
    let file = SourceFile(path: "x", text: "\u{FEFF}é😀x\nab\r\ncd")
    // The BOM takes no column; é is one unit, 😀 two.
    #expect(file.position(of: 3) == LSPPosition(line: 0, character: 0))
    #expect(file.position(of: 5) == LSPPosition(line: 0, character: 1))
    #expect(file.position(of: 9) == LSPPosition(line: 0, character: 3))
    #expect(file.offset(of: LSPPosition(line: 0, character: 3)) == 9)
    #expect(file.offset(of: LSPPosition(line: 0, character: 4)) == 10)
    #expect(file.offset(of: LSPPosition(line: 1, character: 9)) == 13)  // before CR LF
    #expect(file.offset(of: LSPPosition(line: 2, character: 1)) == 16)
    #expect(file.offset(of: LSPPosition(line: 7, character: 0)) == 17)
    #expect(file.offset(of: LSPPosition(line: -1, character: 0)) == 0)
  }

  @Test func uris() {
    #expect(
      DocumentURI.path("file:///home/l%C3%A9a/my%20books/a.books") == "/home/léa/my books/a.books")
    #expect(DocumentURI.path("file://localhost/x.books") == "/x.books")
    #expect(DocumentURI.path("untitled:Untitled-1") == nil)
    #expect(DocumentURI.path("file:///bad%zz") == nil)
    #expect(
      DocumentURI.uri("/home/léa/my books/a.books") == "file:///home/l%C3%A9a/my%20books/a.books")
  }

  @Test func refusesRequestsBeforeInitializeAndDropsNotifications() {
    let server = LanguageServer(fileSystem: MemoryFileSystem([:]), today: F.today)
    expectJSON(
      .array(server.handle(F.at(1, "textDocument/hover", F.mainURI, 0, 0))),
      """
      [{"jsonrpc": "2.0", "id": 1,
        "error": {"code": -32002, "message": "the server is not initialized yet"}}]
      """)
    #expect(server.handle(F.didOpen(F.mainURI, "client acme")) == [])
    _ = server.handle(F.request(2, "initialize", [:]))
    #expect(server.idle() == [])  // the early didOpen was dropped
  }

  @Test func answersBadMessagesAndNeverStops() {
    let server = F.server()
    expectJSON(
      .array(server.handle(bytes: Array("{\"id\": 1,".utf8))),
      """
      [{"jsonrpc": "2.0", "id": null,
        "error": {"code": -32700, "message": "invalid JSON at byte 9: expected a member name"}}]
      """)
    expectJSON(
      .array(server.handle([1, 2])),
      """
      [{"jsonrpc": "2.0", "id": null, "error": {"code": -32600, "message": "a message is a JSON object"}}]
      """)
    expectJSON(
      .array(server.handle(F.request(3, "workspace/symbol", [:]))),
      """
      [{"jsonrpc": "2.0", "id": 3, "error": {"code": -32601, "message": "unknown method `workspace/symbol`"}}]
      """)
    #expect(server.handle(F.notification("$/unknown", [:])) == [])
    expectJSON(
      .array(server.handle(F.request(4, "textDocument/hover", [:]))),
      """
      [{"jsonrpc": "2.0", "id": 4, "error": {"code": -32602, "message": "textDocument.uri is required"}}]
      """)
    expectJSON(
      .array(server.handle(["jsonrpc": "2.0", "id": [1], "method": "shutdown"])),
      """
      [{"jsonrpc": "2.0", "id": null, "error": {"code": -32600, "message": "an id is a number or a string"}}]
      """)
    // A request about a document never opened, on a path that does not exist.
    expectJSON(
      .array(server.handle(F.at(5, "textDocument/definition", "file:///nowhere.books", 0, 0))),
      """
      [{"jsonrpc": "2.0", "id": 5,
        "error": {"code": -32602, "message": "`file:///nowhere.books` is neither open nor readable"}}]
      """)
    // A change before the open, positions past the end: still answered.
    _ = server.handle(F.didChange("file:///books/new.books", "client acme \"A\"\n", version: 1))
    expectJSON(
      F.result(
        server.handle(F.at(6, "textDocument/definition", "file:///books/new.books", 99, 99))),
      "null")
    #expect(server.exitCode == nil)
    #expect(F.result(server.handle(F.request(7, "shutdown", .null))) == .null)
    expectJSON(
      .array(server.handle(F.request(8, "textDocument/hover", [:]))),
      """
      [{"jsonrpc": "2.0", "id": 8, "error": {"code": -32600, "message": "the server is shutting down"}}]
      """)
    #expect(server.handle(F.notification("exit", .null)) == [])
    #expect(server.exitCode == 0)
  }

  @Test func exitWithoutShutdownIsAnError() {
    let server = F.server()
    _ = server.handle(F.notification("exit", .null))
    #expect(server.exitCode == 1)
  }

  @Test func halfTypedLinesNeverBreakTheServer() {
    let server = F.server()
    var text = ""
    var version = 1
    _ = server.handle(F.didOpen(F.mainURI, text))
    // Type the fixture one character at a time, asking for everything at every step.
    for character in F.main {
      text.append(character)
      version += 1
      _ = server.handle(F.didChange(F.mainURI, text, version: version))
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let line = lines.count - 1
      let column = lines.last.map { $0.utf16.count } ?? 0
      for method in [
        "textDocument/completion", "textDocument/hover", "textDocument/definition",
        "textDocument/references",
      ] {
        let reply = server.handle(F.at(version, method, F.mainURI, line, column))
        #expect(reply.count == 1 && reply.first?["error"] == nil, "\(method) at \(version)")
      }
      _ = server.idle()
    }
  }
}

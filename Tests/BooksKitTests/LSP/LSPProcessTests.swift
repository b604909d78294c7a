import Foundation
import Testing

@testable import BooksKit

#if canImport(Glibc)
  import Glibc
#endif

/// An editor in a test: runs the built `books lsp`, writes framed messages to its standard
/// input and reads framed messages from its standard output, with a timeout.
final class ScriptedClient {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var reader = MessageReader()

  init(_ arguments: [String], in directory: URL) throws {
    let executable = try #require(BooksProcess.executable, "the `books` executable was not built")
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = [:]
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  func send(_ message: JSONValue) {
    sendRaw(MessageReader.frame(message))
  }

  func sendRaw(_ bytes: [UInt8]) {
    input.fileHandleForWriting.write(Data(bytes))
  }

  /// The next message from the server, or nil after `seconds` without one.
  func receive(seconds: Int = 20) -> JSONValue? {
    let descriptor = output.fileHandleForReading.fileDescriptor
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let deadline = ContinuousClock.now + .seconds(seconds)
    while true {
      while let event = reader.next() {
        if case .message(let bytes) = event, case .success(let value) = JSONParser.parse(bytes) {
          return value
        }
      }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return nil }
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(left.components.seconds * 1000 + 1)
      guard poll(&poller, 1, milliseconds) > 0 else { return nil }
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return nil }
      reader.append(buffer[0..<count])
    }
  }

  /// Waits for the server to end and returns its exit status.
  func waitForExit() -> Int32 {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    return process.terminationStatus
  }
}

/// `books lsp` as a process, driven the way an editor drives it.
@Suite(.serialized) struct LSPProcessTests {
  typealias F = LSPFixtures

  @Test func anEditorSessionFromOpenToExit() throws {
    let workspace = try Workspace(["main.books": F.main, "staff.books": F.staff])
    defer { workspace.remove() }
    let folder = workspace.url.resolvingSymlinksInPath().path
    let main = DocumentURI.uri(folder + "/main.books")
    let staff = DocumentURI.uri(folder + "/staff.books")
    let client = try ScriptedClient(["lsp", "--as-of", "2026-04-01"], in: workspace.url)

    client.send(F.request(1, "initialize", ["processId": nil, "capabilities": [:]]))
    let initialized = try #require(client.receive())
    #expect(initialized["id"] == 1)
    #expect(initialized["result"]?["serverInfo"]?["name"] == "books")
    client.send(F.notification("initialized", [:]))

    // Opening the books shows no diagnostics, in the file or in the file it includes.
    client.send(F.didOpen(main, F.main))
    for uri in [main, staff] {
      expectJSON(
        try #require(client.receive()),
        """
        {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "\(uri)",
          \(uri == main ? "\"version\": 1," : "") "diagnostics": []}}
        """)
    }

    // A wrong client id: one diagnostic at once, with a quick fix that works.
    let typo = F.main.replacingOccurrences(of: "  with acme lea", with: "  with acmee lea")
    client.send(F.didChange(main, typo, version: 2))
    let published = try #require(client.receive())
    let diagnostics = published["params"]?["diagnostics"]?.arrayValue ?? []
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?["code"] == "refs")
    expectJSON(
      diagnostics.first?["range"] ?? .null,
      """
      {"start": {"line": 26, "character": 7}, "end": {"line": 26, "character": 12}}
      """)
    client.send(
      F.request(
        2, "textDocument/codeAction",
        [
          "textDocument": ["uri": .string(main)],
          "range": ["start": ["line": 26, "character": 8], "end": ["line": 26, "character": 8]],
          "context": ["diagnostics": .array(diagnostics)],
        ]))
    let actions = try #require(client.receive())
    expectJSON(
      actions["result"]?.arrayValue?.first?["edit"] ?? .null,
      """
      {"changes": {"\(main)": [{"newText": "acme",
        "range": {"start": {"line": 26, "character": 7}, "end": {"line": 26, "character": 12}}}]}}
      """)
    client.send(F.didChange(main, F.main, version: 3))
    expectJSON(
      try #require(client.receive()),
      """
      {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
        "params": {"uri": "\(main)", "version": 3, "diagnostics": []}}
      """)

    // Garbage on the wire: a parse error for bad JSON, nothing for a header without a
    // length; the session goes on.
    client.sendRaw(Array("Content-Length: 5\r\n\r\n{oops".utf8))
    let parseError = try #require(client.receive())
    #expect(parseError["error"]?["code"] == .int(-32700))
    #expect(parseError["id"] == .null)
    client.sendRaw(Array("X-Nothing: 1\r\n\r\n".utf8))

    // Go to definition across the include, completion and hover.
    client.send(F.at(3, "textDocument/definition", main, 26, 13))
    expectJSON(
      try #require(client.receive()),
      """
      {"jsonrpc": "2.0", "id": 3, "result": {"uri": "\(staff)",
        "range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 9}}}}
      """)
    client.send(F.at(4, "textDocument/completion", main, 12, 9))
    expectJSON(
      try #require(client.receive()),
      """
      {"jsonrpc": "2.0", "id": 4, "result": {"isIncomplete": false, "items": [{"label": "acme",
        "kind": 18, "detail": "client — Acme Corp", "textEdit": {"newText": "acme",
        "range": {"start": {"line": 12, "character": 9}, "end": {"line": 12, "character": 9}}}}]}}
      """)
    client.send(F.at(5, "textDocument/hover", main, 22, 12))
    let hover = [
      "**invoice** `INV-2026-001` of 2026-01-31", "", "- client: `acme`", "- standing: overdue",
      "- total: 1,200.00 EUR", "- paid: 600.00 EUR", "- balance: 600.00 EUR", "- due: 2026-03-02",
      "- days overdue: 30 (as of 2026-04-01)",
    ].joined(separator: "\\n")
    expectJSON(
      try #require(client.receive()),
      """
      {"jsonrpc": "2.0", "id": 5, "result": {"contents": {"kind": "markdown", "value": "\(hover)"},
        "range": {"start": {"line": 22, "character": 10}, "end": {"line": 22, "character": 22}}}}
      """)

    client.send(F.request(6, "shutdown", .null))
    expectJSON(try #require(client.receive()), #"{"jsonrpc": "2.0", "id": 6, "result": null}"#)
    client.send(F.notification("exit", .null))
    #expect(client.waitForExit() == 0)
  }

  /// The samples open without a diagnostic, each quarter file of the studio too: it is
  /// checked with `studio.books`, which includes it.
  @Test func theSamplesOpenClean() throws {
    let root = GrammarKeywordTests.root
    let client = try ScriptedClient(["lsp", "--as-of", "2026-11-22"], in: root)
    client.send(F.request(1, "initialize", ["capabilities": [:]]))
    _ = client.receive()
    let quarters = ["2026-q1", "2026-q2", "2026-q3", "2026-q4"].map {
      root.appendingPathComponent("samples/studio/\($0).books").path
    }
    var expected: [String: Int] = [:]
    for path in [root.appendingPathComponent("samples/freelancer.books").path] + quarters {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      client.send(F.didOpen(DocumentURI.uri(path), text))
      expected[DocumentURI.uri(path)] = 0
    }
    expected[DocumentURI.uri(root.appendingPathComponent("samples/studio.books").path)] = 0
    var published: [String: Int] = [:]
    while published.count < expected.count, let message = client.receive(seconds: 30) {
      guard let uri = message["params"]?["uri"]?.stringValue else { continue }
      published[uri] = message["params"]?["diagnostics"]?.arrayValue?.count
    }
    #expect(published == expected)
    client.send(F.request(2, "shutdown", .null))
    _ = client.receive()
    client.send(F.notification("exit", .null))
    #expect(client.waitForExit() == 0)
  }

  @Test func theEndOfInputWithoutShutdownEndsTheServerWithAnError() throws {
    let workspace = try Workspace([:])
    defer { workspace.remove() }
    let client = try ScriptedClient(["lsp"], in: workspace.url)
    client.sendRaw(Array("Content-Length: 99999999999\r\n\r\n".utf8))
    #expect(client.waitForExit() == 1)
  }

  /// Prints how long re-checking a 10,000-entry file takes after a change; the speed is
  /// measured, not asserted (debug builds are slow and machines differ).
  @Test func recheckTimeOfALargeFile() {
    var text = "business \"Studio\"\n  currency EUR\n\nclient acme \"Acme\"\n\n"
    text += "project acme-web \"Web\"\n  client acme\n\n"
    for day in 0..<9_997 {
      func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
      let date = "2026-\(two(day % 12 + 1))-\(two(day % 28 + 1))"
      text += "\(date) time acme-web 1h30m \"Work \(day)\"\n"
    }
    let server = F.server()
    _ = server.handle(F.didOpen("file:///books/big.books", text))
    _ = server.idle()
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      _ = server.handle(F.didChange("file:///books/big.books", text + "\n", version: 2))
      _ = server.idle()
    }
    print("books lsp: re-checking 10,000 entries took \(elapsed)")
  }
}

import Foundation
import Testing

@testable import BooksKit

/// The language server driven in process, message by message, as an editor drives it.
@Suite struct LanguageServerTests {
  typealias F = LSPFixtures

  @Test func initializeAnnouncesEveryCapability() {
    let server = LanguageServer(fileSystem: MemoryFileSystem([:]), today: F.today)
    let reply = server.handle(F.request(1, "initialize", ["capabilities": [:]]))
    expectJSON(
      .array(reply),
      """
      [{"jsonrpc": "2.0", "id": 1, "result": {
        "capabilities": {
          "textDocumentSync": {"openClose": true, "change": 1, "save": false},
          "definitionProvider": true, "referencesProvider": true, "hoverProvider": true,
          "completionProvider": {"triggerCharacters": [" "], "resolveProvider": false},
          "documentSymbolProvider": true, "documentFormattingProvider": true,
          "foldingRangeProvider": true, "codeActionProvider": {"codeActionKinds": ["quickfix"]}
        },
        "serverInfo": {"name": "books", "version": "\(BooksCLI.version)"}}}]
      """)
  }

  @Test func cleanBooksPublishNoDiagnosticsForEveryFile() {
    let server = F.server()
    #expect(server.handle(F.didOpen(F.mainURI, F.main)) == [])
    expectJSON(
      .array(server.idle()),
      """
      [{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
        "params": {"uri": "file:///books/main.books", "version": 1, "diagnostics": []}},
       {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
        "params": {"uri": "file:///books/staff.books", "diagnostics": []}}]
      """)
    // Nothing changed: nothing is sent again.
    #expect(server.idle() == [])
  }

  @Test func aWrongClientIdIsReportedAndFixedByTheQuickFix() {
    let server = F.server()
    _ = server.handle(F.didOpen(F.mainURI, F.main))
    _ = server.idle()
    let typo = F.main.replacingFirst("  with acme lea", with: "  with acmee lea")
    _ = server.handle(F.didChange(F.mainURI, typo, version: 2))
    let diagnostic = """
      {"range": {"start": {"line": 26, "character": 7}, "end": {"line": 26, "character": 12}},
       "severity": 1, "code": "refs", "source": "books",
       "message": "unknown client, contact or staff `acmee`\\nfix: did you mean `acme`?",
       "relatedInformation": [{"message": "`acme` is defined here", "location": {
         "uri": "file:///books/main.books",
         "range": {"start": {"line": 7, "character": 7}, "end": {"line": 7, "character": 11}}}}]}
      """
    expectJSON(
      .array(server.idle()),
      """
      [{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
        "params": {"uri": "file:///books/main.books", "version": 2, "diagnostics": [\(diagnostic)]}}]
      """)
    let actions = server.handle(
      F.request(
        7, "textDocument/codeAction",
        [
          "textDocument": ["uri": .string(F.mainURI)],
          "range": [
            "start": ["line": 26, "character": 10], "end": ["line": 26, "character": 10],
          ],
          "context": ["diagnostics": []],
        ]))
    expectJSON(
      F.result(actions),
      """
      [{"title": "Change to `acme`", "kind": "quickfix", "isPreferred": true,
        "diagnostics": [\(diagnostic)],
        "edit": {"changes": {"file:///books/main.books": [{"newText": "acme",
          "range": {"start": {"line": 26, "character": 7}, "end": {"line": 26, "character": 12}}}]}}}]
      """)
    _ = server.handle(F.didChange(F.mainURI, F.main, version: 3))
    expectJSON(
      .array(server.idle()),
      """
      [{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
        "params": {"uri": "file:///books/main.books", "version": 3, "diagnostics": []}}]
      """)
  }

  @Test func anUndeclaredCategoryGetsADeclaration() {
    let server = F.server()
    let text =
      "category travel \"Travel\"\n\n2026-03-01 expense 40 EUR \"Lunch\"\n  category food\n"
    _ = server.handle(F.didOpen("file:///books/costs.books", text))
    let actions = server.handle(
      F.request(
        2, "textDocument/codeAction",
        [
          "textDocument": ["uri": "file:///books/costs.books"],
          "range": ["start": ["line": 3, "character": 11], "end": ["line": 3, "character": 11]],
        ]))
    let result = F.result(actions)
    #expect(result.arrayValue?.first?["title"] == "Add `category food \"Label\"`")
    expectJSON(
      result.arrayValue?.first?["edit"] ?? .null,
      """
      {"changes": {"file:///books/costs.books": [{"newText": "category food \\"Label\\"\\n",
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}}]}}
      """)
  }

  @Test func definitionsAcrossIncludedFilesAndUTF16Columns() {
    let server = F.server()
    _ = server.handle(F.didOpen(F.mainURI, F.main))
    // `acme` under `project` → the client.
    expectJSON(
      F.result(server.handle(F.at(1, "textDocument/definition", F.mainURI, 12, 10))),
      """
      {"uri": "file:///books/main.books",
       "range": {"start": {"line": 7, "character": 7}, "end": {"line": 7, "character": 11}}}
      """)
    // `lea` is defined in the included file.
    expectJSON(
      F.result(server.handle(F.at(2, "textDocument/definition", F.mainURI, 26, 13))),
      """
      {"uri": "file:///books/staff.books",
       "range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 9}}}
      """)
    // `vat` after "Design ☕😀": column 34 in UTF-16 code units (the emoji counts two).
    expectJSON(
      F.result(server.handle(F.at(3, "textDocument/definition", F.mainURI, 19, 35))),
      """
      {"uri": "file:///books/main.books",
       "range": {"start": {"line": 5, "character": 4}, "end": {"line": 5, "character": 7}}}
      """)
    // The invoice number an income pays → the invoice.
    expectJSON(
      F.result(server.handle(F.at(4, "textDocument/definition", F.mainURI, 22, 12))),
      """
      {"uri": "file:///books/main.books",
       "range": {"start": {"line": 17, "character": 19}, "end": {"line": 17, "character": 31}}}
      """)
    // Not on an id.
    #expect(F.result(server.handle(F.at(5, "textDocument/definition", F.mainURI, 1, 0))) == .null)
  }

  @Test func referencesOfAClient() {
    let server = F.server()
    _ = server.handle(F.didOpen(F.mainURI, F.main))
    func range(_ line: Int, _ start: Int, _ end: Int) -> String {
      """
      {"uri": "file:///books/main.books", "range": {"start": {"line": \(line), "character": \(start)},
        "end": {"line": \(line), "character": \(end)}}}
      """
    }
    expectJSON(
      F.result(server.handle(F.at(1, "textDocument/references", F.mainURI, 7, 8))),
      "[\(range(7, 7, 11)), \(range(12, 9, 13)), \(range(17, 32, 36)), \(range(26, 7, 11))]")
  }

  @Test func hoverShowsDerivedValues() {
    let server = F.server()
    _ = server.handle(F.didOpen(F.mainURI, F.main))
    let invoice = F.result(server.handle(F.at(1, "textDocument/hover", F.mainURI, 22, 12)))
    #expect(
      invoice["contents"]?["value"]?.stringValue == """
        **invoice** `INV-2026-001` of 2026-01-31

        - client: `acme`
        - standing: overdue
        - total: 1,200.00 EUR
        - paid: 600.00 EUR
        - balance: 600.00 EUR
        - due: 2026-03-02
        - days overdue: 30 (as of 2026-04-01)
        """)
    let client = F.result(server.handle(F.at(2, "textDocument/hover", F.mainURI, 12, 10)))
    #expect(
      client["contents"]?["value"]?.stringValue == """
        **client** `acme` — Acme Corp

        - stage: client
        - invoiced (before tax): 1,000.00 EUR
        - contract: 10,000.00 EUR, 10.0% invoiced
        - paid: 600.00 EUR
        - outstanding: 600.00 EUR
        """)
    let project = F.result(server.handle(F.at(3, "textDocument/hover", F.mainURI, 18, 12)))
    #expect(
      project["contents"]?["value"]?.stringValue == """
        **project** `acme-web` — Website

        - client: `acme`
        - status: not-started, priority medium
        - completion: 40.0% (by hours)
        - hours: 4h of 10h
        """)
    expectJSON(
      project["range"] ?? .null,
      """
      {"start": {"line": 18, "character": 10}, "end": {"line": 18, "character": 18}}
      """)
  }

  @Test func completionOfIdsFieldsWordsAndTheNextInvoiceNumber() {
    let server = F.server()
    _ = server.handle(F.didOpen(F.mainURI, F.main))
    // `  client ac|` under a project: clients, replacing the word being typed.
    expectJSON(
      F.result(server.handle(F.at(1, "textDocument/completion", F.mainURI, 12, 11))),
      """
      {"isIncomplete": false, "items": [{"label": "acme", "kind": 18,
        "detail": "client — Acme Corp", "textEdit": {"newText": "acme",
        "range": {"start": {"line": 12, "character": 9}, "end": {"line": 12, "character": 11}}}}]}
      """)
    // `  |` under a project: its field names.
    let fields = F.result(server.handle(F.at(2, "textDocument/completion", F.mainURI, 13, 2)))
    #expect(
      fields["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } == [
        "client", "value", "priority", "status", "start", "end", "estimate", "milestone", "note",
      ])
    // `  stage |`: the stages.
    let stages = F.result(server.handle(F.at(3, "textDocument/completion", F.mainURI, 8, 8)))
    #expect(
      stages["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } == [
        "lead", "negotiation", "client",
      ])
    // `  with acme |` in a meeting: clients, contacts and staff, from every file.
    let with = F.result(server.handle(F.at(4, "textDocument/completion", F.mainURI, 26, 12)))
    #expect(with["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } == ["acme", "lea"])
    // A new invoice: the next number, then the client.
    let typed = F.main + "2026-04-01 invoice \n"
    _ = server.handle(F.didChange(F.mainURI, typed, version: 2))
    expectJSON(
      F.result(server.handle(F.at(5, "textDocument/completion", F.mainURI, 27, 19))),
      """
      {"isIncomplete": false, "items": [{"label": "INV-2026-002", "kind": 18, "preselect": true,
        "detail": "the next invoice number", "textEdit": {"newText": "INV-2026-002",
        "range": {"start": {"line": 27, "character": 19}, "end": {"line": 27, "character": 19}}}}]}
      """)
    _ = server.handle(
      F.didChange(F.mainURI, F.main + "2026-04-01 invoice INV-2026-002 \n", version: 3))
    let clients = F.result(server.handle(F.at(6, "textDocument/completion", F.mainURI, 27, 32)))
    #expect(clients["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } == ["acme"])
  }

  @Test func outlineFoldingAndFormatting() {
    let server = F.server()
    _ = server.handle(F.didOpen(F.staffURI, F.staff))
    expectJSON(
      F.result(
        server.handle(
          F.request(
            1, "textDocument/documentSymbol", ["textDocument": ["uri": .string(F.staffURI)]]))),
      """
      [{"name": "staff lea", "detail": "Léa Durand", "kind": 13,
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 15}},
        "selectionRange": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 9}}}]
      """)
    expectJSON(
      F.result(
        server.handle(
          F.request(2, "textDocument/foldingRange", ["textDocument": ["uri": .string(F.staffURI)]]))
      ),
      """
      [{"startLine": 0, "endLine": 1, "kind": "region"}]
      """)
    let messy = "staff   lea  \"Léa Durand\"\n      role designer\n"
    _ = server.handle(F.didChange(F.staffURI, messy, version: 2))
    let format = F.request(
      3, "textDocument/formatting",
      [
        "textDocument": ["uri": .string(F.staffURI)],
        "options": ["tabSize": 2, "insertSpaces": true],
      ])
    expectJSON(
      F.result(server.handle(format)),
      """
      [{"newText": "staff lea \\"Léa Durand\\"\\n  role designer\\n",
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 2, "character": 0}}}]
      """)
    _ = server.handle(F.didChange(F.staffURI, F.staff, version: 3))
    expectJSON(F.result(server.handle(format)), "[]")
  }

  @Test func anIncludedFileOpenedAloneIsCheckedWithTheFileThatIncludesIt() {
    let server = F.server()
    _ = server.handle(F.didOpen(F.staffURI, F.staff))
    expectJSON(
      .array(server.idle()),
      """
      [{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
        "params": {"uri": "file:///books/main.books", "diagnostics": []}},
       {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
        "params": {"uri": "file:///books/staff.books", "version": 1, "diagnostics": []}}]
      """)
    // References from the main file are found from the staff file.
    expectJSON(
      F.result(server.handle(F.at(1, "textDocument/references", F.staffURI, 0, 7))),
      """
      [{"uri": "file:///books/main.books",
        "range": {"start": {"line": 26, "character": 12}, "end": {"line": 26, "character": 15}}},
       {"uri": "file:///books/staff.books",
        "range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 9}}}]
      """)
  }

  @Test func aDocumentOpenedBeforeItsMainFileIsCheckedThroughIt() {
    let server = F.server()
    _ = server.handle(F.didOpen(F.staffURI, F.staff))
    _ = server.idle()
    _ = server.handle(F.didOpen(F.mainURI, F.main))
    // `lea` resolves in the main file's books; the staff file is part of them.
    let hover = F.result(server.handle(F.at(1, "textDocument/hover", F.staffURI, 0, 7)))
    #expect(
      hover["contents"]?["value"]?.stringValue == """
        **staff** `lea` — Léa Durand

        - role: designer
        - may approve: no
        """)
  }
}

extension String {
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}

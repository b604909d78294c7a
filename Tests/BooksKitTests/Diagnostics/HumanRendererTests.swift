import Testing

@testable import BooksKit

@Suite struct HumanRendererTests {
  private static let acme = SourceFile(
    path: "samples/acme.books",
    text: """
      # Acme account

      client acme "Acme Corp"
        email billing@acme.example
        terms net 30

      project website for acme
        rate 95.00 EUR/h

      invoice 2026-001
        date 2026-01-31
        client acmee
        line "Design" 12h

      """)

  private func render(_ diagnostics: [Diagnostic], _ files: [SourceFile]) -> String {
    DiagnosticRenderer.human(diagnostics, files: files, color: false)
  }

  @Test func specExample() {
    let files = [Self.acme]
    let diagnostic = Diagnostic.error(
      "refs", "unknown client `acmee`", at: sourceRange(of: "acmee", in: files),
      notes: [
        DiagnosticNote(
          "client `acme` is defined here", at: sourceRange(of: "acme \"", in: files, length: 4))
      ],
      fix: "did you mean `acme`? write: client acme")
    let expected = """
      samples/acme.books:12:10: error[refs]: unknown client `acmee`
         |
      12 |   client acmee
         |          ^^^^^
         = fix: did you mean `acme`? write: client acme
      samples/acme.books:3:8: note: client `acme` is defined here
         |
       3 | client acme "Acme Corp"
         |        ^^^^


      """
    #expect(render([diagnostic], files) == expected)
    assertSnapshot(render([diagnostic], files), named: "human-spec-example.txt")
  }

  @Test func simpleError() {
    let files = [Self.acme]
    let diagnostic = Diagnostic.error(
      "refs", "unknown client `acmee`", at: sourceRange(of: "acmee", in: files))
    assertSnapshot(render([diagnostic], files), named: "human-simple-error.txt")
  }

  @Test func warningWithFix() {
    let files = [Self.acme]
    let diagnostic = Diagnostic.warning(
      "terms", "payment terms `net 30` are longer than the default `net 14`",
      at: sourceRange(of: "net 30", in: files),
      fix: "write: terms net 14")
    assertSnapshot(render([diagnostic], files), named: "human-warning-with-fix.txt")
  }

  @Test func multiLineFix() {
    let files = [Self.acme]
    let diagnostic = Diagnostic.error(
      "invoice", "invoice 2026-001 has no due date",
      at: sourceRange(of: "invoice 2026-001", in: files),
      fix: "add a due date after the invoice date:\n  date 2026-01-31\n  due 2026-03-02\n")
    assertSnapshot(render([diagnostic], files), named: "human-multi-line-fix.txt")
  }

  @Test func noteInAnotherFile() {
    let clients = SourceFile(
      path: "clients.books", text: "client acme \"Acme Corp\"\nclient globex \"Globex\"\n")
    let invoices = SourceFile(
      path: "2026/invoices.books",
      text: "invoice 2026-001\n  client acme\n\ninvoice 2026-002\n  client globex\n")
    let files = [invoices, clients]
    let diagnostic = Diagnostic.warning(
      "duplicate", "client `globex` is also defined in another file",
      at: sourceRange(of: "globex", in: files, file: 0),
      notes: [
        DiagnosticNote(
          "first defined here", at: sourceRange(of: "globex", in: files, file: 1)),
        DiagnosticNote("clients are global across all loaded files"),
      ])
    assertSnapshot(render([diagnostic], files), named: "human-note-in-another-file.txt")
  }

  @Test func rangePastLineEnd() {
    let files = [Self.acme]
    let start = sourceRange(of: "project website", in: files)
    let end = sourceRange(of: "EUR/h", in: files)
    let diagnostic = Diagnostic.error(
      "project", "project block is never used",
      at: SourceRange(file: 0, start: start.start, end: end.end))
    assertSnapshot(render([diagnostic], files), named: "human-range-past-line-end.txt")
  }

  @Test func rangeAtEndOfLine() {
    let file = SourceFile(path: "rates.books", text: "project site for acme\n  rate\n  hours 3\n")
    let files = [file]
    let atEnd = sourceRange(of: "\n  hours", in: files, length: 0)
    let diagnostic = Diagnostic.error(
      "syntax", "`rate` needs an amount", at: atEnd, fix: "write: rate 95.00 EUR/h")
    // A range that covers only the line break is still drawn after the last character.
    let lineBreak = sourceRange(of: "\n  hours", in: files, length: 1)
    let second = Diagnostic.error("syntax", "expected an amount", at: lineBreak)
    assertSnapshot(render([diagnostic, second], files), named: "human-range-at-end-of-line.txt")
  }

  @Test func tabsBeforeRange() {
    let file = SourceFile(
      path: "tabs.books", text: "invoice 2026-004\n\tline\t\"Hosting\"\t12x\n")
    let files = [file]
    let diagnostic = Diagnostic.error(
      "amount", "`12x` is not a quantity", at: sourceRange(of: "12x", in: files))
    // A range that starts on a tab gets four carets for it.
    let tab = Diagnostic.warning(
      "style", "tab used for alignment", at: sourceRange(of: "\t\"", in: files, length: 1))
    assertSnapshot(render([diagnostic, tab], files), named: "human-tabs-before-range.txt")
  }

  @Test func multibyteCharactersBeforeRange() {
    let file = SourceFile(
      path: "intl.books",
      text: "client café \"日本 Trading 🚀 שלום\" ref XYZ\n")
    let files = [file]
    let diagnostic = Diagnostic.error(
      "refs", "unknown reference `XYZ`", at: sourceRange(of: "XYZ", in: files))
    let hebrew = Diagnostic.warning(
      "names", "right-to-left text in a client name", at: sourceRange(of: "שלום", in: files))
    // Wide characters (CJK, emoji) take two columns each: the carets under them and under
    // what follows them line up with what a terminal draws.
    let wide = Diagnostic.note(
      "names", "a client name in Japanese", at: sourceRange(of: "日本", in: files))
    assertSnapshot(render([diagnostic, hebrew, wide], files), named: "human-multibyte.txt")
  }

  @Test func crlfFile() {
    let file = SourceFile(
      path: "windows.books", text: "client acme \"Acme\"\r\n  terms net 3O\r\n  email x@y\r\n")
    let files = [file]
    let diagnostic = Diagnostic.error(
      "terms", "`3O` is not a number of days", at: sourceRange(of: "3O", in: files),
      fix: "write: terms net 30")
    let atEnd = Diagnostic.error(
      "syntax", "range reaching into the CRLF",
      at: sourceRange(of: "x@y\r\n", in: files))
    assertSnapshot(render([diagnostic, atEnd], files), named: "human-crlf.txt")
  }

  @Test func lineNumberWidths() {
    let text = (1...12).map { "entry \($0)" }.joined(separator: "\n") + "\n"
    let files = [SourceFile(path: "lines.books", text: text)]
    let nine = Diagnostic.error(
      "numbering", "entry 9 is out of order", at: sourceRange(of: "entry 9", in: files))
    let ten = Diagnostic.error(
      "numbering", "entry 10 repeats entry 9", at: sourceRange(of: "entry 10", in: files),
      notes: [
        DiagnosticNote("entry 9 is here", at: sourceRange(of: "entry 9", in: files))
      ],
      fix: "renumber from here")
    assertSnapshot(render([nine, ten], files), named: "human-line-number-widths.txt")
  }

  @Test func noRange() {
    let diagnostic = Diagnostic.error(
      "config", "no `.books` files found", at: nil,
      notes: [DiagnosticNote("looked in the current directory")],
      fix: "create one:\n  books init")
    let bare = Diagnostic.warning("config", "nothing to check", at: nil)
    assertSnapshot(render([diagnostic, bare], []), named: "human-no-range.txt")
  }

  @Test func outOfRangeLocationsDoNotTrap() {
    let files = [Self.acme]
    let diagnostics = [
      Diagnostic.error(
        "refs", "file index past the end", at: SourceRange(file: 5, start: 0, end: 1),
        notes: [
          DiagnosticNote("note in a missing file", at: SourceRange(file: -1, start: 0, end: 0))
        ]
      ),
      Diagnostic.error(
        "refs", "offsets past the end of the file",
        at: SourceRange(file: 0, start: 10_000, end: 10_005),
        notes: [
          DiagnosticNote("backwards range", at: SourceRange(file: 0, start: 9, end: 3)),
          DiagnosticNote("negative offset", at: SourceRange(file: 0, start: -4, end: 2)),
          DiagnosticNote("valid note", at: sourceRange(of: "acmee", in: files)),
        ]),
      Diagnostic.warning(
        "refs", "range ending exactly at the end of the file",
        at: SourceRange(file: 0, start: Self.acme.bytes.count, end: Self.acme.bytes.count)),
    ]
    assertSnapshot(render(diagnostics, files), named: "human-out-of-range.txt")
  }

  @Test func emptyLineBOMAndNoteSeverity() {
    let file = SourceFile(
      path: "bom.books", bytes: [0xEF, 0xBB, 0xBF] + Array("client é\n\nend\n".utf8))
    let files = [file]
    let first = Diagnostic(
      .note, "style", "file starts with a byte order mark", at: sourceRange(of: "client", in: files)
    )
    // "\nend" starts with the line break that is all of (empty) line 2.
    let onEmptyLine = Diagnostic.warning(
      "style", "empty line", at: sourceRange(of: "\nend", in: files, length: 0))
    assertSnapshot(render([first, onEmptyLine], files), named: "human-bom-and-empty-line.txt")
  }

  @Test func colour() {
    let files = [Self.acme]
    let diagnostics = [
      Diagnostic.error(
        "refs", "unknown client `acmee`", at: sourceRange(of: "acmee", in: files),
        notes: [
          DiagnosticNote("defined here", at: sourceRange(of: "acme \"", in: files, length: 4)),
          DiagnosticNote("clients are global"),
        ],
        fix: "write: client acme"),
      Diagnostic.warning("config", "nothing to check", at: nil),
    ]
    let esc = "\u{1B}["
    let blue = "\(esc)1;34m"
    let reset = "\(esc)0m"
    let expected =
      "samples/acme.books:12:10: \(esc)1;31merror[refs]\(reset): \(esc)1munknown client `acmee`\(reset)\n"
      + "\(blue)   |\(reset)\n"
      + "\(blue)12 |\(reset)   client acmee\n"
      + "\(blue)   |\(reset)          \(blue)^^^^^\(reset)\n"
      + "\(blue)   =\(reset) fix: write: client acme\n"
      + "\(blue)   =\(reset) \(esc)1;36mnote\(reset): clients are global\n"
      + "samples/acme.books:3:8: \(esc)1;36mnote\(reset): \(esc)1mdefined here\(reset)\n"
      + "\(blue)   |\(reset)\n"
      + "\(blue) 3 |\(reset) client acme \"Acme Corp\"\n"
      + "\(blue)   |\(reset)        \(blue)^^^^\(reset)\n"
      + "\n"
      + "books: \(esc)1;33mwarning[config]\(reset): \(esc)1mnothing to check\(reset)\n"
      + "\n"
    #expect(DiagnosticRenderer.human(diagnostics, files: files, color: true) == expected)
  }

  @Test func noDiagnosticsRenderNothing() {
    #expect(render([], [Self.acme]) == "")
  }
}

@Suite struct HumanRendererControlCharacterTests {
  @Test func controlCharactersAreShownNotSent() {
    let file = SourceFile(path: "x.books", text: "client \u{1B}[31mred\u{7F} x\n")
    let diagnostic = Diagnostic.error(
      "syntax", "bad `\u{1B}[31m`", at: SourceRange(file: 0, start: 7, end: 8))
    let output = DiagnosticRenderer.human([diagnostic], files: [file], color: false)
    #expect(
      output == """
        x.books:1:8: error[syntax]: bad `␛[31m`
          |
        1 | client ␛[31mred␡ x
          |        ^


        """)
  }
}

@Suite struct HumanRendererLongLineTests {
  @Test func longLinesAreQuotedAroundTheCaret() {
    let text =
      "client " + String(repeating: "a", count: 1000) + " Bad" + String(repeating: "b", count: 1000)
    let file = SourceFile(path: "x.books", text: text + "\n")
    let diagnostic = Diagnostic.error(
      "values", "bad", at: SourceRange(file: 0, start: 1008, end: 1011))
    let lines = DiagnosticRenderer.human([diagnostic], files: [file], color: false)
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "x.books:1:1009: error[values]: bad")
    #expect(
      lines[2] == "1 | …" + String(repeating: "a", count: 59) + " Bad"
        + String(repeating: "b", count: 57) + "…")
    #expect(lines[3] == "  | " + String(repeating: " ", count: 61) + "^^^")
  }
}

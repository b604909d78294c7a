import Testing

@testable import BooksKit

@Suite struct JSONRendererTests {
  @Test func fullDocument() {
    let acme = SourceFile(
      path: "samples/acme.books",
      text: "client acme \"Acme Corp\"\n\ninvoice 2026-001\n  client acmee\n")
    let other = SourceFile(path: "other.books", text: "")
    let files = [acme, other]
    let diagnostics = [
      Diagnostic.error(
        "refs", "unknown client `acmee`", at: sourceRange(of: "acmee", in: files),
        notes: [
          DiagnosticNote(
            "client `acme` is defined here", at: sourceRange(of: "acme \"", in: files, length: 4)),
          DiagnosticNote("clients are global"),
        ],
        fix: "did you mean `acme`? write: client acme"),
      Diagnostic.warning(
        "style", "range over two lines",
        at: SourceRange(
          file: 0, start: 0, end: sourceRange(of: "\n\ninvoice", in: files, length: 1).end)),
      Diagnostic(.note, "info", "no location", at: nil),
    ]
    let expected = """
      {
        "version": 1,
        "summary": {
          "errors": 1,
          "warnings": 1,
          "notes": 1,
          "files": 2
        },
        "diagnostics": [
          {
            "severity": "error",
            "code": "refs",
            "message": "unknown client `acmee`",
            "file": "samples/acme.books",
            "line": 4,
            "column": 10,
            "endLine": 4,
            "endColumn": 15,
            "fix": "did you mean `acme`? write: client acme",
            "notes": [
              {
                "message": "client `acme` is defined here",
                "file": "samples/acme.books",
                "line": 1,
                "column": 8
              },
              {
                "message": "clients are global",
                "file": null,
                "line": null,
                "column": null
              }
            ]
          },
          {
            "severity": "warning",
            "code": "style",
            "message": "range over two lines",
            "file": "samples/acme.books",
            "line": 1,
            "column": 1,
            "endLine": 2,
            "endColumn": 1,
            "fix": null,
            "notes": []
          },
          {
            "severity": "note",
            "code": "info",
            "message": "no location",
            "file": null,
            "line": null,
            "column": null,
            "endLine": null,
            "endColumn": null,
            "fix": null,
            "notes": []
          }
        ]
      }

      """
    #expect(DiagnosticRenderer.json(diagnostics, files: files) == expected)
  }

  @Test func emptyList() {
    let expected = """
      {
        "version": 1,
        "summary": {
          "errors": 0,
          "warnings": 0,
          "notes": 0,
          "files": 0
        },
        "diagnostics": []
      }

      """
    #expect(DiagnosticRenderer.json([], files: []) == expected)
  }

  @Test func escapesStrings() {
    let file = SourceFile(path: #"C:\books\"q".books"#, text: "x\n")
    let diagnostic = Diagnostic.error(
      "syntax", "bad \"quote\" and \\ backslash\tand\u{01}\u{1F} control\u{2028}sep\u{2029}end é",
      at: SourceRange(file: 0, start: 0, end: 1),
      fix: "line one\r\nline two")
    let output = DiagnosticRenderer.json([diagnostic], files: [file])
    #expect(output.contains(#""file": "C:\\books\\\"q\".books","#))
    #expect(
      output.contains(
        #""message": "bad \"quote\" and \\ backslash\tand\u0001\u001f control\u2028sep\u2029end é","#
      ))
    #expect(output.contains(#""fix": "line one\r\nline two","#))
    #expect(!output.unicodeScalars.contains("\u{2028}"))
  }

  @Test func badLocationsBecomeNull() {
    let file = SourceFile(path: "a.books", text: "abc\n")
    let diagnostics = [
      Diagnostic.error("refs", "bad file", at: SourceRange(file: 3, start: 0, end: 1)),
      Diagnostic.error("refs", "bad offsets", at: SourceRange(file: 0, start: 2, end: 99)),
    ]
    let output = DiagnosticRenderer.json(diagnostics, files: [file])
    #expect(output.contains(#""message": "bad file",\#n      "file": null,\#n      "line": null,"#))
    #expect(
      output.contains(
        #""message": "bad offsets",\#n      "file": "a.books",\#n      "line": null,"#))
  }
}

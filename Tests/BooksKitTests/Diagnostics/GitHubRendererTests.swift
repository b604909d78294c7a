import Testing

@testable import BooksKit

@Suite struct GitHubRendererTests {
  @Test func oneCommandPerDiagnostic() {
    let acme = SourceFile(
      path: "samples/acme.books",
      text: "client acme \"Acme Corp\"\n\ninvoice 2026-001\n  client acmee\n")
    let files = [acme]
    let diagnostics = [
      Diagnostic.error(
        "refs", "unknown client `acmee`", at: sourceRange(of: "acmee", in: files),
        notes: [
          DiagnosticNote(
            "client `acme` is defined here", at: sourceRange(of: "acme \"", in: files, length: 4)),
          DiagnosticNote("clients are global"),
        ],
        fix: "write: client acme"),
      Diagnostic.warning("terms", "long terms", at: sourceRange(of: "invoice", in: files)),
      Diagnostic(.note, "info", "no location", at: nil),
    ]
    let expected =
      "::error file=samples/acme.books,line=4,col=10,endLine=4,endColumn=15,title=books refs"
      + "::unknown client `acmee`%0Afix: write: client acme"
      + "%0Anote: client `acme` is defined here (samples/acme.books:1:8)"
      + "%0Anote: clients are global\n"
      + "::warning file=samples/acme.books,line=3,col=1,endLine=3,endColumn=8,title=books terms"
      + "::long terms\n"
      + "::notice title=books info::no location\n"
    #expect(DiagnosticRenderer.github(diagnostics, files: files) == expected)
  }

  @Test func escapesDataAndProperties() {
    let file = SourceFile(path: "C:/books,2026/100%.books", text: "abc\n")
    let diagnostic = Diagnostic.error(
      "my:code,x", "100% wrong:\r\nsee, here", at: SourceRange(file: 0, start: 1, end: 2),
      fix: "a\nb")
    let expected =
      "::error file=C%3A/books%2C2026/100%25.books,line=1,col=2,endLine=1,endColumn=3,"
      + "title=books my%3Acode%2Cx::100%25 wrong:%0D%0Asee, here%0Afix: a%0Ab\n"
    #expect(DiagnosticRenderer.github([diagnostic], files: [file]) == expected)
  }

  @Test func badLocationsKeepWhatIsKnown() {
    let file = SourceFile(path: "a.books", text: "abc\n")
    let diagnostics = [
      Diagnostic.error("refs", "bad file", at: SourceRange(file: -1, start: 0, end: 1)),
      Diagnostic.warning(
        "refs", "bad offsets", at: SourceRange(file: 0, start: 5, end: 4),
        notes: [DiagnosticNote("bad note", at: SourceRange(file: 0, start: 0, end: 50))]),
    ]
    let expected =
      "::error title=books refs::bad file\n"
      + "::warning file=a.books,title=books refs::bad offsets%0Anote: bad note (a.books)\n"
    #expect(DiagnosticRenderer.github(diagnostics, files: [file]) == expected)
    #expect(DiagnosticRenderer.github([], files: [file]) == "")
  }
}

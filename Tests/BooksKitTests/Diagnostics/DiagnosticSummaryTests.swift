import Testing

@testable import BooksKit

@Suite struct DiagnosticSummaryTests {
  @Test(arguments: [
    (2, 1, 3, "2 errors, 1 warning in 3 files"),
    (1, 0, 1, "1 error in 1 file"),
    (0, 0, 2, "no problems in 2 files"),
    (0, 3, 1, "3 warnings in 1 file"),
    (0, 1, 1, "1 warning in 1 file"),
    (1, 2, 0, "1 error, 2 warnings in 0 files"),
    (0, 0, 1, "no problems in 1 file"),
    (0, 0, 0, "no problems in 0 files"),
    (12, 10, 40, "12 errors, 10 warnings in 40 files"),
  ])
  func line(errors: Int, warnings: Int, files: Int, expected: String) {
    let diagnostics =
      Array(repeating: Diagnostic.error("e", "e", at: nil), count: errors)
      + Array(repeating: Diagnostic.warning("w", "w", at: nil), count: warnings)
    let summary = DiagnosticSummary(diagnostics: diagnostics.shuffled(), files: files)
    #expect(summary.errors == errors)
    #expect(summary.warnings == warnings)
    #expect(summary.notes == 0)
    #expect(summary.files == files)
    #expect(summary.line == expected)
  }

  @Test(arguments: [
    (0, 1, "no problems in 1 file (1 note)"),
    (2, 3, "2 warnings in 1 file (3 notes)"),
  ])
  func notesFollowInParentheses(warnings: Int, notes: Int, expected: String) {
    let diagnostics =
      Array(repeating: Diagnostic.warning("w", "w", at: nil), count: warnings)
      + Array(repeating: Diagnostic.note("recurring", "due", at: nil), count: notes)
    let summary = DiagnosticSummary(diagnostics: diagnostics, files: 1)
    #expect(summary.notes == notes)
    #expect(summary.line == expected)
  }
}

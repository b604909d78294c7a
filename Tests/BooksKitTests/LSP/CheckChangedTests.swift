import Foundation
import Testing

/// `books check --changed`: the check is skipped while the books are as they were when a
/// check passed, and runs again as soon as a file, an included file or a pattern's matches
/// change.
@Suite(.serialized) struct CheckChangedTests {
  @Test func skipsUnchangedBooksAndNoticesEveryChange() throws {
    let workspace = try Workspace([
      "main.books": "include \"clients/*.books\"\n\nproject web \"Web\"\n  client acme\n",
      "clients/acme.books": "client acme \"Acme\"\n",
    ])
    defer { workspace.remove() }
    let check = ["check", "--changed", "main.books", "--as-of", "2026-04-01"]
    let skipped = BooksProcess.Output(
      stdout: "no change since the last check that passed\n", stderr: "", exitCode: 0)
    let passed = BooksProcess.Output(stdout: "no problems in 2 files\n", stderr: "", exitCode: 0)

    #expect(try BooksProcess.run(check, in: workspace.url) == passed)
    #expect(try BooksProcess.run(check, in: workspace.url) == skipped)

    // An included file changes: checked again; a failing check leaves the cache alone.
    let acme = workspace.url.appendingPathComponent("clients/acme.books")
    try Data("client acme \"Acme\"\n  stage prospect\n".utf8).write(to: acme)
    let failed = try BooksProcess.run(check, in: workspace.url)
    #expect(failed.exitCode == 1)
    #expect(failed.stdout.contains("error[vocab]"))
    try Data("client acme \"Acme\"\n".utf8).write(to: acme)
    #expect(try BooksProcess.run(check, in: workspace.url) == skipped)

    // A new file that the include pattern matches is a change too.
    try Data("client beta \"Beta\"\n".utf8).write(
      to: workspace.url.appendingPathComponent("clients/beta.books"))
    #expect(
      try BooksProcess.run(check, in: workspace.url)
        == BooksProcess.Output(stdout: "no problems in 3 files\n", stderr: "", exitCode: 0))
    #expect(try BooksProcess.run(check, in: workspace.url) == skipped)
    // Another day is another check (recurring invoices fall due).
    #expect(
      try BooksProcess.run(Array(check.dropLast()) + ["2026-04-02"], in: workspace.url)
        == BooksProcess.Output(stdout: "no problems in 3 files\n", stderr: "", exitCode: 0))
  }
}

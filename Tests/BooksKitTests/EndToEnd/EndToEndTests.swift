import Foundation
import Testing

@testable import BooksKit

/// The books the end-to-end tests check, written to a fresh temporary folder per test.
private let fixtures: [String: String] = [
  "clean.books": """
  books 1

  business "North Studio"
    currency EUR
    terms 30 days

  client acme "Acme Corp"
    stage client

  project acme-web "Acme website"
    client acme

  2026-01-12 time acme-web 3h30m "Wireframes"

  2026-01-31 invoice INV-2026-001 acme
    item "UX design, January" 20h @ 95 EUR

  2026-02-20 income 1900 EUR "Acme, January"
    client acme
    invoice INV-2026-001
    via bank

  """,
  // The acceptance test: an unknown client, a duplicate invoice number and an
  // invalid date in one file.
  "acceptance.books": """
  business "North Studio"
    currency EUR

  client acme "Acme Corp"
    stage client

  2026-01-31 invoice INV-2026-001 acme
    item "UX design, January" 20h @ 95 EUR

  2026-02-28 invoice INV-2026-001 acmee
    item "UX design, February" 12h @ 95 EUR

  2026-02-30 expense 49 EUR "Figma"

  """,
  // A numbering warning (INV-2026-002 is missing) and a refs error.
  "mixed.books": """
  business "North Studio"
    currency EUR

  client acme "Acme Corp"
    stage client

  2026-01-31 invoice INV-2026-001 acme
    item "UX design, January" 20h @ 95 EUR

  2026-03-31 invoice INV-2026-003 acme
    item "UX design, March" 10h @ 95 EUR
    project acme-app

  """,
  // Only a warning: a gap in the invoice numbers.
  "warning.books": """
  business "North Studio"
    currency EUR

  client acme "Acme Corp"
    stage client

  2026-01-31 invoice INV-2026-001 acme
    item "UX design, January" 20h @ 95 EUR

  2026-03-31 invoice INV-2026-003 acme
    item "UX design, March" 10h @ 95 EUR

  """,
  // Two halves of one set of books, for `-f` twice.
  "clients.books": """
  business "North Studio"
    currency EUR

  client acme "Acme Corp"
    stage client

  """,
  "work.books": """
  2026-01-31 invoice INV-2026-001 acme
    item "UX design, January" 20h @ 95 EUR

  """,
]

/// Runs the built `books` in a fresh folder holding `fixtures`.
private func books(_ arguments: String..., environment: [String: String] = [:]) throws
  -> BooksProcess.Output
{
  let workspace = try Workspace(fixtures)
  defer { workspace.remove() }
  return try BooksProcess.run(arguments, in: workspace.url, environment: environment)
}

private let escape = "\u{1B}["

/// `books` as a user runs it: the built executable in a child process, checking exact
/// standard output, standard error and exit status.
@Suite struct EndToEndTests {
  @Test func executableIsFound() throws {
    let executable = try #require(BooksProcess.executable)
    #expect(executable.lastPathComponent == "books")
  }

  @Test func help() throws {
    let output = try books("--help")
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    assertSnapshot(output.stdout, named: "e2e-help.txt")
    #expect(output.stdout == BooksCLI.help)
    #expect(try books("help") == output)
    #expect(try books("-h") == output)
  }

  @Test func checkHelp() throws {
    let output = try books("check", "--help")
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    assertSnapshot(output.stdout, named: "e2e-check-help.txt")
    #expect(output.stdout == CheckCommand.help)
    #expect(try books("help", "check") == output)
    #expect(try books("check", "-h", "clean.books") == output)
  }

  @Test func version() throws {
    #expect(try books("--version") == .init(stdout: "books 0.1.0\n", stderr: "", exitCode: 0))
  }

  /// What a usage error prints after its message: the usage lines and a pointer to --help.
  static let checkUsage =
    "USAGE: books check [FILE...] [-f FILE]... [options]\nRun with --help for every option.\n"
  static let cliUsage =
    "books — a freelancer's whole business in plain-text .books files\n"
    + "Run with --help for every option.\n"

  @Test func noArgumentsIsAUsageError() throws {
    let output = try books()
    #expect(output == .init(stdout: "", stderr: BooksCLI.help, exitCode: 2))
    #expect(output.stderr.hasPrefix("books — a freelancer's whole business"))
  }

  @Test func unknownCommandSuggestsTheClosest() throws {
    let output = try books("chek", "clean.books")
    #expect(output.exitCode == 2)
    #expect(output.stdout == "")
    #expect(
      output.stderr == "books: unknown command `chek` (did you mean `check`?)\n" + Self.cliUsage)
    let far = try books("frobnicate")
    #expect(far.stderr == "books: unknown command `frobnicate`\n" + Self.cliUsage)
    #expect(far.exitCode == 2)
  }

  @Test func checkWithoutFilesIsAUsageError() throws {
    let output = try books("check")
    #expect(output.exitCode == 2)
    #expect(output.stdout == "")
    #expect(
      output.stderr
        == "books: no books to check: name a file, use -f FILE, or set BOOKS_FILE\n"
        + Self.checkUsage)
    // An empty BOOKS_FILE counts as unset.
    #expect(try books("check", environment: ["BOOKS_FILE": ""]) == output)
  }

  @Test func otherUsageErrors() throws {
    let cases: [([String], String)] = [
      (
        ["check", "--format", "xml", "clean.books"],
        "unknown format `xml`; use text, json or github"
      ),
      (
        ["check", "--only", "ref", "clean.books"],
        "unknown check `ref` (did you mean `refs`?); `books check --list` shows them"
      ),
      (["check", "--color", "sometimes", "clean.books"], "--color takes auto, always or never"),
      (["check", "clean.books", "-f"], "-f needs a value"),
      (["check", "--verbose", "clean.books"], "unknown option `--verbose`"),
    ]
    for (arguments, message) in cases {
      let workspace = try Workspace(fixtures)
      defer { workspace.remove() }
      let output = try BooksProcess.run(arguments, in: workspace.url)
      #expect(
        output == .init(stdout: "", stderr: "books: \(message)\n" + Self.checkUsage, exitCode: 2),
        "\(arguments)")
    }
  }

  @Test func cleanFile() throws {
    let output = try books("check", "clean.books")
    #expect(output == .init(stdout: "no problems in 1 file\n", stderr: "", exitCode: 0))
    #expect(try books("check", "--strict", "clean.books") == output)
  }

  @Test func acceptanceAllThreeProblemsOfOneFile() throws {
    let output = try books("check", "--color", "never", "acceptance.books")
    #expect(output.exitCode == 1)
    #expect(output.stderr == "")
    let headlines = output.stdout.split(separator: "\n").filter { $0.contains(": error[") }
    #expect(
      headlines == [
        "acceptance.books:10:20: error[numbering]: invoice number `INV-2026-001` is used twice",
        "acceptance.books:10:33: error[refs]: unknown client `acmee`",
        "acceptance.books:13:1: error[values]: `2026-02-30` is not a date: February 2026 has no day 30",
      ])
    #expect(output.stdout.hasSuffix("\n3 errors in 1 file\n"))
    assertSnapshot(output.stdout, named: "e2e-acceptance.txt")
  }

  @Test func booksFileFromTheEnvironment() throws {
    let output = try books(
      "check", "--color", "never", environment: ["BOOKS_FILE": "acceptance.books"])
    #expect(output == (try books("check", "--color", "never", "acceptance.books")))
    #expect(output.exitCode == 1)
    // Files named on the command line win over BOOKS_FILE.
    let named = try books("check", "clean.books", environment: ["BOOKS_FILE": "acceptance.books"])
    #expect(named == .init(stdout: "no problems in 1 file\n", stderr: "", exitCode: 0))
  }

  @Test func fileOptionTwice() throws {
    // Each half alone has unknown references; together they are clean.
    let both = try books("check", "-f", "clients.books", "-f", "work.books")
    #expect(both == .init(stdout: "no problems in 2 files\n", stderr: "", exitCode: 0))
    #expect(try books("check", "--file=clients.books", "work.books") == both)
    let half = try books("check", "--color", "never", "-f", "work.books")
    #expect(half.exitCode == 1)
    #expect(half.stdout.contains("work.books:1:33: error[refs]: unknown client `acme`\n"))
  }

  @Test func jsonFormat() throws {
    let output = try books("check", "--format", "json", "acceptance.books")
    #expect(output.exitCode == 1)
    #expect(output.stderr == "")
    #expect(output.stdout.hasSuffix("}\n"))
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    let document = try #require(object as? [String: Any])
    #expect(document["version"] as? Int == 1)
    let summary = try #require(document["summary"] as? [String: Any])
    #expect(summary["errors"] as? Int == 3)
    #expect(summary["warnings"] as? Int == 0)
    #expect(summary["files"] as? Int == 1)
    let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.map { $0["code"] as? String } == ["numbering", "refs", "values"])
    #expect(diagnostics.allSatisfy { $0["severity"] as? String == "error" })
    #expect(diagnostics.allSatisfy { $0["file"] as? String == "acceptance.books" })
    #expect(diagnostics.map { $0["line"] as? Int } == [10, 10, 13])
    #expect(diagnostics.map { $0["column"] as? Int } == [20, 33, 1])
    #expect(diagnostics.map { $0["endColumn"] as? Int } == [32, 38, 11])
    let refs = diagnostics[1]
    #expect(refs["message"] as? String == "unknown client `acmee`")
    #expect(refs["fix"] as? String == "did you mean `acme`?")
    let notes = try #require(refs["notes"] as? [[String: Any]])
    #expect(notes.count == 1)
    #expect(notes.first?["message"] as? String == "`acme` is defined here")
    #expect(notes.first?["line"] as? Int == 4)
    #expect(notes.first?["column"] as? Int == 8)
    // Colour never applies to JSON.
    #expect(!output.stdout.contains(escape))
    #expect(
      try books("check", "--format", "json", "--color", "always", "acceptance.books") == output)
  }

  @Test func githubFormat() throws {
    let output = try books("check", "--format=github", "mixed.books")
    #expect(output.exitCode == 1)
    #expect(output.stderr == "")
    #expect(
      output.stdout
        == "::warning file=mixed.books,line=10,col=20,endLine=10,endColumn=32,title=books numbering"
        + "::invoice numbers jump from `INV-2026-001` to `INV-2026-003`; missing `INV-2026-002`"
        + "%0Afix: number invoices without gaps; record a cancelled one with `status void`\n"
        + "::error file=mixed.books,line=12,col=11,endLine=12,endColumn=19,title=books refs"
        + "::unknown project `acme-app`%0Afix: define it: `project acme-app \"Name\"`, with an indented `client CLIENT-ID` line under it\n"
    )
  }

  @Test func onlyAndSkip() throws {
    let refsOnly =
      "::error file=mixed.books,line=12,col=11,endLine=12,endColumn=19,title=books refs"
      + "::unknown project `acme-app`%0Afix: define it: `project acme-app \"Name\"`, with an indented `client CLIENT-ID` line under it\n"
    let only = try books("check", "--format", "github", "--only", "refs", "mixed.books")
    #expect(only == .init(stdout: refsOnly, stderr: "", exitCode: 1))
    let skip = try books("check", "--format", "github", "--skip", "numbering", "mixed.books")
    #expect(skip == only)
    // Only the warning left: exit 0.
    let warningOnly = try books("check", "--color", "never", "--skip", "refs", "mixed.books")
    #expect(warningOnly.exitCode == 0)
    #expect(warningOnly.stdout.hasSuffix("\n1 warning in 1 file\n"))
    // Comma-separated and repeated lists.
    let nothing = try books("check", "--only", "values,dates", "--only", "syntax", "mixed.books")
    #expect(nothing == .init(stdout: "no problems in 1 file\n", stderr: "", exitCode: 0))
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let lenient = try books("check", "--color", "never", "warning.books")
    #expect(lenient.exitCode == 0)
    #expect(lenient.stderr == "")
    #expect(
      lenient.stdout.hasPrefix(
        "warning.books:10:20: warning[numbering]: invoice numbers jump from `INV-2026-001` to "
          + "`INV-2026-003`; missing `INV-2026-002`\n"))
    #expect(lenient.stdout.hasSuffix("\n1 warning in 1 file\n"))

    let strict = try books("check", "--color", "never", "--strict", "warning.books")
    #expect(strict.exitCode == 1)
    #expect(strict.stderr == "")
    #expect(
      strict.stdout
        == lenient.stdout.replacingOccurrences(
          of: ": warning[numbering]:", with: ": error[numbering]:"
        )
        .replacingOccurrences(of: "1 warning in 1 file", with: "1 error in 1 file"))
  }

  @Test func list() throws {
    let output = try books("check", "--list")
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    assertSnapshot(output.stdout, named: "e2e-list.txt")
    let names = output.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
    #expect(names == Checks.names)
  }

  @Test func colorAlwaysUsesEscapes() throws {
    let output = try books("check", "--color", "always", "acceptance.books")
    #expect(output.exitCode == 1)
    #expect(output.stdout.contains(escape))
    // The same report, once the escapes are taken out.
    let plain = try books("check", "--color", "never", "acceptance.books")
    #expect(stripEscapes(output.stdout) == plain.stdout)
    #expect(try books("check", "--colour=always", "acceptance.books") == output)
  }

  @Test func noColorWithColorAuto() throws {
    let output = try books(
      "check", "--color", "auto", "acceptance.books", environment: ["NO_COLOR": "1"])
    #expect(output.exitCode == 1)
    #expect(!output.stdout.contains("\u{1B}"))
    #expect(output == (try books("check", "--color", "never", "acceptance.books")))
    // Standard output is a file here, not a terminal: no colour either way.
    #expect(!(try books("check", "acceptance.books")).stdout.contains("\u{1B}"))
  }

  @Test func missingFile() throws {
    let output = try books("check", "nowhere.books")
    #expect(
      output
        == .init(
          stdout: "books: error[includes]: cannot read `nowhere.books`: no such file\n"
            + "  = fix: check the path\n\n1 error in 1 file\n", stderr: "", exitCode: 1))
  }
}

/// `text` without ANSI escape sequences (`ESC [ ... m`).
private func stripEscapes(_ text: String) -> String {
  var result = ""
  var inEscape = false
  for scalar in text.unicodeScalars {
    if inEscape {
      if scalar == "m" { inEscape = false }
    } else if scalar == "\u{1B}" {
      inEscape = true
    } else {
      result.unicodeScalars.append(scalar)
    }
  }
  return result
}

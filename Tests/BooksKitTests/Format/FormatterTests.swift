import Foundation
import Testing

@testable import BooksKit

/// `books fmt` never changes what the books mean, and formatting twice changes nothing.
@Suite struct FormatRoundTripTests {
  /// Checks one text: it formats, the result is a fixed point, and reads the same.
  func expectRoundTrip(
    _ text: String, sort: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let once = formatted(text, sort: sort) else {
      Issue.record("does not format", sourceLocation: sourceLocation)
      return
    }
    #expect(formatted(once, sort: sort) == once, "not idempotent", sourceLocation: sourceLocation)
    let before = meaning(validate(text), unordered: sort)
    let after = meaning(validate(once), unordered: sort)
    #expect(before == after, "the meaning changed", sourceLocation: sourceLocation)
  }

  @Test func meaningSeesAChangedValueButNotAMovedOne() {
    let base = "business B\n  currency EUR\n2026-01-05 expense 40 EUR \"Figma\"\n  via card\n"
    let moved =
      "\n\nbusiness B\n    currency EUR\n\n2026-01-05 expense 40 EUR \"Figma\"\n via card\n"
    #expect(meaning(validate(base)) == meaning(validate(moved)))
    for changed in [
      base.replacingOccurrences(of: "40 EUR", with: "40.01 EUR"),
      base.replacingOccurrences(of: "via card", with: "via bank"),
      base.replacingOccurrences(of: "Figma", with: "figma"),
      base + "recurring r\n  client c\n  every month\n  start 2026-01-01\n",
    ] {
      #expect(meaning(validate(base)) != meaning(validate(changed)))
    }
  }

  @Test func samplesKeepTheirMeaning() throws {
    let originals = sampleFiles()
    try #require(originals.count == 6)
    for sort in [false, true] {
      var formattedFiles: [String: String] = [:]
      for (path, text) in originals {
        let once = try #require(formatted(text, sort: sort), "\(path) does not format")
        #expect(formatted(once, sort: sort) == once, "\(path) is not a fixed point")
        formattedFiles[path] = once
      }
      for main in ["samples/freelancer.books", "samples/studio.books"] {
        let before = Validation.run([main], fileSystem: MemoryFileSystem(originals))
        let after = Validation.run([main], fileSystem: MemoryFileSystem(formattedFiles))
        #expect(before.books.invoices.count > 10)
        #expect(meaning(before, unordered: sort) == meaning(after, unordered: sort), "\(main)")
      }
    }
  }

  @Test func samplesAreCanonical() {
    for (path, text) in sampleFiles() {
      #expect(formatted(text) == text, "run `books fmt --write \(path)`")
    }
  }

  @Test(arguments: DocumentExamplesTests.all)
  func documentExamplesKeepTheirMeaning(_ example: DocumentExamplesTests.Example) {
    guard BooksFormatter.format(example.text).text != nil else {
      // Only an example of a `syntax` error may be refused.
      #expect(example.expectedCode == "syntax")
      return
    }
    expectRoundTrip(example.text)
  }

  @Test func robustnessSampleKeepsItsMeaning() {
    expectRoundTrip(robustnessSample)
    expectRoundTrip(robustnessSample, sort: true)
  }

  @Test(arguments: 0..<300)
  func generatedBooksKeepTheirMeaning(_ seed: Int) {
    var generator = BookGenerator(seed: UInt64(seed))
    let book = generator.book()
    expectRoundTrip(book)
    expectRoundTrip(book, sort: true)
  }

  @Test func generatedBooksAreValid() {
    // The generator is only useful if its books get through to the model untouched.
    for seed in 0..<50 {
      var generator = BookGenerator(seed: UInt64(seed))
      let validation = validate(generator.book())
      #expect(describe(validation) == [], "seed \(seed)")
    }
  }
}

/// The canonical layout, rule by rule (FORMAT.md, 2.11).
@Suite struct FormatterTests {
  static let fixtures = repositoryRoot.appendingPathComponent(
    "Tests/BooksKitTests/Snapshots/format")

  @Test func messyFileComesOutCanonicalWithEveryComment() throws {
    let messy = try String(
      contentsOf: Self.fixtures.appendingPathComponent("messy.books"), encoding: .utf8)
    let expected = try String(
      contentsOf: Self.fixtures.appendingPathComponent("messy.expected"), encoding: .utf8)
    let once = try #require(formatted(messy))
    #expect(once == expected)
    #expect(formatted(once) == once)
    let commentsBefore = Parser.parse(SourceFile(path: "a", text: messy), fileIndex: 0).comments
    let commentsAfter = Parser.parse(SourceFile(path: "b", text: once), fileIndex: 0).comments
    #expect(commentsBefore.count == commentsAfter.count)
    for comment in commentsBefore {
      let text = String(
        decoding: messy.utf8.dropFirst(comment.token.start).prefix(
          comment.token.end - comment.token.start), as: UTF8.self)
      #expect(once.contains(text), "lost comment \(text)")
    }
    #expect(meaning(validate(messy)) == meaning(validate(once)))
  }

  @Test func specExampleBeforeAndAfter() throws {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("FORMAT.md"), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let marker = try #require(lines.firstIndex(of: "Before and after:"))
    let pair = DocumentExamplesTests.examples(in: "FORMAT.md").filter { $0.line > marker }
    try #require(pair.count >= 2)
    #expect(formatted(pair[0].text) == pair[1].text)
    #expect(formatted(pair[1].text) == pair[1].text)
  }

  @Test func fileThatDoesNotParseIsRefused() {
    let result = BooksFormatter.format("client acme \"Acme\n  stage lead\n")
    #expect(result.text == nil)
    #expect(result.diagnostics.map(\.message) == ["this string has no closing quote"])
    // An entry the model cannot read is a `syntax` error too.
    let unknown = BooksFormatter.format("cliente acme\n  stage lead\n")
    #expect(unknown.text == nil)
    #expect(unknown.diagnostics.map(\.code) == ["syntax"])
  }

  @Test(arguments: [
    // Fields in the schema's order; two spaces of indentation; one space between tokens.
    (
      "client acme   \"Acme\"\n\tnote  \"n\"\n    stage\tlead\n",
      "client acme \"Acme\"\n  stage lead\n  note \"n\"\n"
    ),
    // Lines of tags first; fields of one name keep their order.
    (
      "client acme\n  note \"b\"\n  #eu\n  note \"a\"\n",
      "client acme\n  #eu\n  note \"b\"\n  note \"a\"\n"
    ),
    // A comment line moves with the field below it; a trailing comment stays on its line.
    (
      "client acme ;head\n  ; about the note\n  note \"n\"   ; why\n  stage lead\n",
      "client acme  ;head\n  stage lead\n  ; about the note\n  note \"n\"  ; why\n"
    ),
    // Durations and amounts spelled one way.
    ("2026-01-05 time web 90m \"Design\"\n", "2026-01-05 time web 1h30m \"Design\"\n"),
    ("2026-01-05 time web 1.5h Design\n", "2026-01-05 time web 1h30m Design\n"),
    ("2026-01-05 meeting 10:00 2h05m \"Call\"\n", "2026-01-05 meeting 10:00 2h5m \"Call\"\n"),
    ("2026-01-05 income EUR 40.50 \"Pay\"\n", "2026-01-05 income 40.50 EUR \"Pay\"\n"),
    (
      "project web\n  client acme\n  value USD 1_000.0\n  estimate 600m\n",
      "project web\n  client acme\n  value 1_000.0 USD\n  estimate 10h\n"
    ),
    // Item amounts aligned.
    (
      "2026-01-05 invoice INV-1 acme\n  item \"A\" 3h @ 90\n  item \"Longer\" 100\n",
      "2026-01-05 invoice INV-1 acme\n  item \"A\"      3h @ 90\n  item \"Longer\" 100\n"
    ),
    // ... and only items: other fields of the entry keep one space.
    (
      "2026-01-05 invoice INV-1 acme\n  bills acme through 2026-01-05\n  item \"A\" 3h @ 90\n  item \"Longer\" 100\n  note \"n\"\n",
      "2026-01-05 invoice INV-1 acme\n  bills acme through 2026-01-05\n  item \"A\"      3h @ 90\n  item \"Longer\" 100\n  note \"n\"\n"
    ),
    // Blank lines: one-line entries written together stay together; an entry of several
    // lines stands apart; runs of blank lines become one; none at the start or end.
    (
      "\n\ncategory a\ncategory b\nclient acme\n  stage lead\nclient b\n\n\n\nclient c\n\n",
      "category a\ncategory b\n\nclient acme\n  stage lead\n\nclient b\n\nclient c\n"
    ),
    // Comments between entries stay at the left margin, where they were; indented comments
    // right after an entry's fields stay in it; blank lines inside an entry go.
    (
      "client a\n  stage lead\n  ; still a\n; about b\nclient b\n\n  stage lead\n",
      "client a\n  stage lead\n  ; still a\n\n; about b\nclient b\n  stage lead\n"
    ),
    // CRLF, a byte-order mark and trailing blanks go.
    ("\u{FEFF}client a \r\n  stage lead\t\r\n", "client a\n  stage lead\n"),
  ])
  func layoutRule(_ input: String, _ expected: String) {
    #expect(formatted(input) == expected)
    #expect(formatted(expected) == expected)
  }

  @Test(arguments: [
    // A meeting's end given twice: the first wins, so the order stays.
    "2026-01-05 meeting 10:00 \"Call\"\n  duration 1h\n  end 11:30\n",
    // `rate` and a rate in `pricing`: the last wins.
    "service web/x\n  rate 90\n  pricing hourly 95 EUR\n",
    // An unknown field, a repeated field, tags on a field line.
    "client a\n  note \"x\"\n  colour red\n  stage lead\n",
    "client a\n  stage lead\n  email a@b\n  stage client\n",
    "client a\n  note \"x\" #t\n  stage lead\n",
  ])
  func fieldsKeepTheirOrderWhenItCouldMatter(_ input: String) {
    #expect(formatted(input) == input)
  }

  @Test func sortPutsDatedEntriesInDateOrderAndLeavesDefinitions() {
    let input = """
      client a

      ; March
      2026-03-01 expense 10 EUR x
      client b
      ; the January one
      2026-01-01 expense 20 EUR y
      2026-02-01 expense 30 EUR z

      """
    let expected = """
      client a

      ; the January one
      2026-01-01 expense 20 EUR y
      client b
      2026-02-01 expense 30 EUR z
      ; March
      2026-03-01 expense 10 EUR x

      """
    #expect(formatted(input, sort: true) == expected)
    #expect(formatted(expected, sort: true) == expected)
  }

  @Test func emptyAndCommentOnlyFiles() {
    #expect(formatted("") == "")
    #expect(formatted("\n\n  \n") == "")
    #expect(formatted("; just a note\n\n\n# another\n\n") == "; just a note\n\n# another\n")
  }
}

/// `books fmt` on the command line, with files in memory.
@Suite struct FmtCommandTests {
  static let tidy = "client a\n  stage lead\n"
  static let messy = "client a\n    stage   lead\n"
  static let broken = "client a \"A\n"

  func run(_ arguments: [String], files: [String: String] = [:]) -> (
    CommandOutput, [String: String]
  ) {
    nonisolated(unsafe) var written: [String: String] = [:]
    let output = FmtCommand.run(
      arguments, environment: Environment(), fileSystem: MemoryFileSystem(files),
      write: { text, path in
        written[path] = text
        return .success(())
      })
    return (output, written)
  }

  @Test func printsTheFormattedText() {
    let (output, written) = run(["a.books"], files: ["a.books": Self.messy])
    #expect(output == CommandOutput(stdout: Self.tidy))
    #expect(written == [:])
  }

  @Test func checkListsFilesThatWouldChange() {
    let files = ["a.books": Self.messy, "b.books": Self.tidy]
    let (output, _) = run(["--check", "a.books", "b.books"], files: files)
    #expect(output == CommandOutput(stdout: "a.books\n", exitCode: 1))
    let (clean, _) = run(["--check", "b.books"], files: files)
    #expect(clean == CommandOutput())
  }

  @Test func writeRewritesOnlyFilesThatChangeAndNeverOnesThatDoNotParse() {
    let files = ["a.books": Self.messy, "b.books": Self.tidy, "c.books": Self.broken]
    let (output, written) = run(["--write", "a.books", "b.books", "c.books"], files: files)
    #expect(written == ["a.books": Self.tidy])
    #expect(output.stdout == "a.books\n")
    #expect(output.exitCode == 1)
    #expect(output.stderr.contains("c.books:1:10: error[syntax]: this string has no closing quote"))
    #expect(output.stderr.hasSuffix("books: c.books was not formatted: it does not parse\n"))
  }

  @Test func diffShowsTheChange() {
    let (output, _) = run(["--diff", "a.books"], files: ["a.books": Self.messy])
    #expect(
      output
        == CommandOutput(
          stdout: """
            --- a.books
            +++ a.books (formatted)
            @@ -1,2 +1,2 @@
             client a
            -    stage   lead
            +  stage lead

            """))
    let (checked, _) = run(["--diff", "--check", "a.books"], files: ["a.books": Self.messy])
    #expect(checked.exitCode == 1)
    #expect(checked.stdout == output.stdout)
  }

  @Test func usageErrors() {
    #expect(run([]).0.exitCode == 2)
    #expect(run(["--write", "--check", "a.books"]).0.exitCode == 2)
    #expect(run(["--frob", "a.books"]).0.exitCode == 2)
    let (missing, _) = run(["nope.books"])
    #expect(missing == CommandOutput(stderr: "books: nope.books: no such file\n", exitCode: 1))
  }

  @Test func dispatchedFromTheMainCommand() {
    let output = BooksCLI.run(["help", "fmt"], environment: Environment())
    #expect(output.stdout == FmtCommand.help)
  }
}

@Suite struct LineDiffTests {
  @Test func hunksWithContext() {
    let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n")
      .replacingOccurrences(of: "line 12\n", with: "line 12\nline 13\n")
    #expect(
      LineDiff.unified(old, new, path: "f")
        == """
        --- f
        +++ f (formatted)
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +line two
         line 3
         line 4
         line 5
        @@ -10,3 +10,4 @@
         line 10
         line 11
         line 12
        +line 13

        """)
    #expect(LineDiff.unified(old, old, path: "f") == "")
    #expect(
      LineDiff.unified("", "a\n", path: "f") == "--- f\n+++ f (formatted)\n@@ -0,0 +1,1 @@\n+a\n")
  }
}

/// Broken books too: whatever `fmt` accepts it formats to a fixed point that reads the
/// same, diagnostics included.
@Suite struct FormatMutationTests {
  private static let pieces = [
    "\n", "\n  ", " ", "\t", "\r\n", "\"", ";", "# ", "#t", "@", "%", "EUR", "USD", "90m",
    "1.5h", "acme", "client", "item", "note", "stage", "tax", "end", "duration", "rate",
    "2026-03-01", "10:00", "meeting", "time", "income", "\n2026-02-02 expense USD 5 x\n",
    "\n  note \"n\"\n", "\n; c\n", "\n\n",
  ]

  @Test func mutatedBooksKeepTheirMeaning() {
    var accepted = 0
    for seed in 0..<400 {
      let text = Self.mutated(seed: seed)
      guard let once = formatted(text) else { continue }
      accepted += 1
      #expect(formatted(once) == once, "seed \(seed): not idempotent")
      #expect(meaning(validate(text)) == meaning(validate(once)), "seed \(seed): meaning changed")
    }
    // Most mutations still parse, so the property is tested on many broken books.
    #expect(accepted >= 200)
  }

  static func mutated(seed: Int) -> String {
    var random = SplitMix64(seed: UInt64(seed) &+ 7_000)
    var bytes = Array(robustnessSample.utf8)
    for _ in 0..<(1 + random.below(6)) {
      let at = random.below(bytes.count + 1)
      switch random.below(3) {
      case 0:
        bytes.insert(contentsOf: Array(pieces[random.below(pieces.count)].utf8), at: at)
      case 1:
        bytes.removeSubrange(at..<min(bytes.count, at + random.below(8)))
      default:
        // Swap two lines, which shuffles fields between and within entries.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let (a, b) = (random.below(lines.count), random.below(lines.count))
        lines.swapAt(a, b)
        bytes = Array(lines.joined(separator: [0x0A]))
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

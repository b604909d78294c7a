import Foundation
import Synchronization
import Testing

@testable import BooksKit

/// The parallel paths (pieces of a file parsed side by side, dated entries built in
/// slices, checks run side by side) must give exactly what one pass gives.
@Suite struct ParallelTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test func mapKeepsTheOrderOfItsInputs() {
    #expect(Parallel.map(100) { $0 * $0 } == (0..<100).map { $0 * $0 })
    #expect(Parallel.map(0) { $0 }.isEmpty)
    #expect(Parallel.map(1) { $0 + 7 } == [7])
    let (a, b) = Parallel.pair({ "left" }, { 42 })
    #expect(a == "left" && b == 42)
  }

  @Test func concatenateKeepsOrderAndEmptiesTheParts() {
    var parts = [[1, 2], [], [3], [4, 5, 6]]
    let all = Parallel.concatenate(&parts)
    #expect(all == [1, 2, 3, 4, 5, 6])
    #expect(parts.allSatisfy { $0.isEmpty })
    var none: [[String]] = []
    let nothing = Parallel.concatenate(&none)
    #expect(nothing.isEmpty)
  }

  @Test func piecesStartOnlyWhereAnEntryStarts() {
    let text = "client a \"A\"\n  note x\n; c\n\n2026-01-01 time a 1h\n  note y\n#t\n<<<<<<< HEAD\n"
    let bytes = Array(text.utf8)
    let pieces = Parser.chunks(bytes, pieceSize: 1, most: 64)
    #expect(pieces.first?.lowerBound == 0 && pieces.last?.upperBound == bytes.count)
    for piece in pieces.dropFirst() {
      let first = bytes[piece.lowerBound]
      #expect(bytes[piece.lowerBound - 1] == UInt8(ascii: "\n"))
      #expect(first == UInt8(ascii: "c") || first == UInt8(ascii: "2"))
    }
    #expect(pieces.count == 2)
  }

  /// Every way of cutting a file into pieces parses to the same tree as one pass.
  @Test(arguments: [
    "samples/freelancer.books", "samples/studio.books", "samples/studio/2026-q3.books",
  ])
  func piecesParseLikeOnePass(_ path: String) throws {
    let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent(path)))
    // Hostile lines between the entries: comments, tags alone, a conflict marker, CRLF,
    // an unclosed string and an indented line before any entry.
    let extra = Array(
      "  stray field\n#alone\n<<<<<<< HEAD\n2026-01-01 income 5 \"open\r\n\t  note \"x\"\n"
        .utf8)
    for input in [bytes, extra + bytes + extra] {
      let file = SourceFile(path: "t.books", bytes: input)
      let whole = describe(Parser.parse(file, fileIndex: 0, pieces: [0..<input.count]))
      for size in [1, 7, 300, 4096] {
        let pieces = Parser.chunks(input, pieceSize: size, most: 16)
        #expect(describe(Parser.parse(file, fileIndex: 0, pieces: pieces)) == whole)
      }
    }
  }

  /// Dated entries built in slices give the books one pass gives, in the same order.
  @Test(arguments: ["samples/freelancer.books", "samples/studio.books"])
  func slicesBuildLikeOnePass(_ path: String) {
    let loaded = Loader.load([Self.root.appendingPathComponent(path).path])
    Self.expectChunksBuildLikeOneChunk(loaded.trees)
  }

  /// A slice reads a copy of its own entries' tokens: the tags of its last entry (stored
  /// when the entry ends) are among them, whatever follows it.
  @Test func theLastEntryOfASliceKeepsItsTags() {
    let file = SourceFile(
      path: "t.books",
      text: """
        business "B"
          currency EUR
        project web "Web"
        2026-01-05 time web 1h "a" #x
          note "n"
        2026-01-06 time web 1h "b" #y
          note "m" #field
          #z
        client acme "A" #client
        2026-01-07 expense 5 EUR "c" #w
        2026-01-08 meeting 10:00-11:00 "d"
          #v
        client zed "Z"

        """)
    let tree = Parser.parse(file, fileIndex: 0)
    Self.expectChunksBuildLikeOneChunk([tree])
    let (sliced, _) = ModelBuilder.build([tree], chunkMinimum: 1)
    #expect(sliced.timeEntries.map(\.tags) == [["x"], ["y", "z", "field"]])
    #expect(sliced.expenses.map(\.tags) == [["w"]])
    #expect(sliced.meetings.map(\.tags) == [["v"]])
  }

  /// Entries that cannot be built leave their chunk's region short: the gaps are closed,
  /// and every chunk size builds what one pass builds, in the same order.
  @Test func unbuildableEntriesLeaveNoGap() {
    var text = "business \"B\"\n  currency EUR\nproject web \"Web\"\n"
    for day in 1...28 {
      let date = "2026-02-\(day < 10 ? "0" : "")\(day)"
      // Every third time entry, expense and meeting is broken (no duration, no amount, no
      // title), and every fourth day has an entry of no known kind.
      // A broken time entry still names its project: half have no duration, half a bad one.
      text +=
        day % 6 == 0
        ? "\(date) time web 1x\n"
        : day % 3 == 0 ? "\(date) time web\n" : "\(date) time web \(day)m \"t\(day)\"\n"
      text += day % 3 == 1 ? "\(date) expense\n" : "\(date) expense \(day) EUR \"e\(day)\"\n"
      text += day % 3 == 2 ? "\(date) meeting\n" : "\(date) meeting \"m\(day)\"\n"
      if day % 4 == 0 { text += "\(date) \"tme\" web 1h\n" }
    }
    let tree = Parser.parse(SourceFile(path: "gaps.books", text: text), fileIndex: 0)
    Self.expectChunksBuildLikeOneChunk([tree])
    let (oneBooks, onePass) = ModelBuilder.build([tree], chunkMinimum: Int.max)
    #expect(oneBooks.unbuiltRefs.map(\.ref.id) == Array(repeating: "web", count: 9))
    #expect(onePass.count == 28 + 7 + 1)  // and the project names no client
    // On two cores: 16, 11, 3, 2 and 1 chunks.
    for minimum in [1, 8, 30, 45, 200] {
      let (books, diagnostics) = ModelBuilder.build([tree], chunkMinimum: minimum)
      #expect(
        books.timeEntries.map(\.description) == (1...28).filter { $0 % 3 != 0 }.map { "t\($0)" })
      #expect(books.expenses.map(\.description) == (1...28).filter { $0 % 3 != 1 }.map { "e\($0)" })
      #expect(books.meetings.map(\.title) == (1...28).filter { $0 % 3 != 2 }.map { "m\($0)" })
      #expect(Validation.sorted(diagnostics) == Validation.sorted(onePass))
      #expect(books.unbuiltRefs.map(\.ref.range) == oneBooks.unbuiltRefs.map(\.ref.range))
    }
  }

  /// Classifying through buffers, in parts side by side, says what reading each entry's
  /// head one at a time says: keywords bare and quoted, with escapes, as tags, unknown, and
  /// entries that are only a date.
  @Test func classifyingReadsKeywordsAsTheBuilderDoes() {
    let heads = [
      "client acme \"Acme\"", "\"client\" acme", "project web", "\"proj\\u{65}ct\" web",
      "service web/x", "contact ana", "staff lin", "resource r", "goal g", "recurring r",
      "tax vat 20%", "business \"B\"", "stage lead", "#client acme", "clients x", "\"client",
      "2026-01-01", "2026-01-01 time web 1h", "2026-01-01 \"time\" web 1h",
      "2026-01-01 \"t\\u{69}me\" web 1h", "2026-01-01 expense 5 EUR", "2026-01-01 meeting \"m\"",
      "2026-01-01 invoice I-1 acme", "2026-01-01 \"estimate\" E-1 acme", "2026-01-01 po P-1 acme",
      "2026-01-01 credit C-1 I-1", "2026-01-01 income 5", "2026-01-01 #time web",
      "2026-01-01 timer web", "2026-01-01 \"time", "2026x time web 1h", "x2026 time",
    ]
    let small = heads.joined(separator: "\n") + "\n"
    // Past 65,536 entries a tree is classified in parts side by side.
    let big = String(repeating: small, count: 65536 / heads.count + 1)
    for text in [small, big] {
      let tree = Parser.parse(SourceFile(path: "heads.books", text: text), fileIndex: 0)
      let reference = ModelBuilder.classifyOneByOne(tree)
      #expect(reference.count == tree.entries.count)
      // In as many parts as the cores say, and in 1, 3 and 7 whatever the cores.
      for parts in [nil, 1, 3, 7] {
        let classes = ModelBuilder.classify(tree, parts: parts)
        #expect(classes.count == tree.entries.count)
        // The first entry classified otherwise, if any (not the whole arrays when they differ).
        #expect(classes.indices.first { classes[$0] != reference[$0] } == nil)
      }
    }
    let tree = Parser.parse(SourceFile(path: "heads.books", text: small), fileIndex: 0)
    #expect(
      ModelBuilder.classify(tree).map(\.phase) == [
        1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 4, 4, 4, 5, 7, 6, 6, 6,
        6, 0,
      ])
  }

  @Test func workersTakeEveryIndexOnceInOrder() {
    let ran = Mutex(0)
    let calls = Mutex([Int](repeating: 0, count: 37))
    let first: @Sendable () -> Void = { ran.withLock { $0 += 1 } }
    let results = Parallel.mapTaking(37, first: first) { worker, index in
      calls.withLock { $0[index] += 1 }
      #expect((0..<Parallel.cores).contains(worker))
      return index * index
    }
    #expect(results == (0..<37).map { $0 * $0 })
    #expect(calls.withLock { $0 } == [Int](repeating: 1, count: 37))
    #expect(ran.withLock { $0 } == 1)
    #expect(Parallel.mapTaking(0, first: first) { _, index in index }.isEmpty)
    #expect(ran.withLock { $0 } == 2)  // `first` runs even with nothing to take
  }

  @Test func valuesMoveIntoTheirRegionsAndCloseUp() {
    let storage = UnsafeMutableBufferPointer<String>.allocate(capacity: 10)
    defer { storage.deallocate() }
    var first = ["a", "b"]
    var second = ["c"]
    var third = ["d", "e", "f"]
    var tooMany = ["x", "y"]
    // Regions at 0 (room 3), 3 (room 2), 5 (room 3), 8 (room 1).
    #expect(storage.moveAll(&first, to: 0, room: 3) == 2)
    #expect(storage.moveAll(&second, to: 3, room: 2) == 1)
    #expect(storage.moveAll(&third, to: 5, room: 3) == 3)
    #expect(storage.moveAll(&tooMany, to: 8, room: 1) == 0)
    #expect(first.isEmpty && second.isEmpty && third.isEmpty)
    #expect(tooMany == ["x", "y"])  // left as it was: the caller keeps it
    #expect(storage.moveAll(&first, to: 9, room: 5) == 0)  // nothing to move, past the end
    let count = storage.compact([0, 3, 5, 8], [2, 1, 3, 0])
    #expect(count == 6)
    #expect(Array(storage[0..<count]) == ["a", "b", "c", "d", "e", "f"])
    _ = storage.baseAddress.map { $0.deinitialize(count: count) }
  }

  @Test func runsStartWhereTheOnesBeforeThemEnd() {
    #expect([2, 0, 3, 1].runStarts == [0, 2, 2, 5])
    #expect([Int]().runStarts == [])
  }

  /// Values that did not fit their chunk's region follow that chunk's moved values.
  @Test func leftOversFollowTheirChunk() {
    #expect(ModelBuilder.inChunkOrder([1, 2, 3], [1, 2], [[], []]) == [1, 2, 3])
    #expect(
      ModelBuilder.inChunkOrder([1, 4, 5], [1, 0, 2], [[], [2, 3], [6]]) == [1, 2, 3, 4, 5, 6])
    #expect(ModelBuilder.inChunkOrder([Int](), [0, 0], [[1], [2]]) == [1, 2])
  }

  static func expectChunksBuildLikeOneChunk(_ trees: [SyntaxTree]) {
    let (one, oneDiagnostics) = ModelBuilder.build(trees, chunkMinimum: Int.max)
    let (sliced, slicedDiagnostics) = ModelBuilder.build(trees, chunkMinimum: 1)
    #expect(Validation.sorted(oneDiagnostics) == Validation.sorted(slicedDiagnostics))
    #expect(one.timeEntries.map(\.tags) == sliced.timeEntries.map(\.tags))
    #expect(one.timeEntries.map(\.notes) == sliced.timeEntries.map(\.notes))
    #expect(one.timeEntries.map(\.description) == sliced.timeEntries.map(\.description))
    #expect(one.timeEntries.map(\.target.id) == sliced.timeEntries.map(\.target.id))
    #expect(one.timeEntries.map(\.staff?.id) == sliced.timeEntries.map(\.staff?.id))
    #expect(one.incomes.map(\.tags) == sliced.incomes.map(\.tags))
    #expect(one.expenses.map(\.tags) == sliced.expenses.map(\.tags))
    #expect(one.expenses.map(\.description) == sliced.expenses.map(\.description))
    #expect(one.meetings.map(\.tags) == sliced.meetings.map(\.tags))
    #expect(one.meetings.map(\.title) == sliced.meetings.map(\.title))
    #expect(one.timeEntries.map(\.range) == sliced.timeEntries.map(\.range))
    #expect(one.timeEntries.map(\.duration) == sliced.timeEntries.map(\.duration))
    #expect(one.incomes.map(\.range) == sliced.incomes.map(\.range))
    #expect(one.incomes.map(\.amount) == sliced.incomes.map(\.amount))
    #expect(one.expenses.map(\.range) == sliced.expenses.map(\.range))
    #expect(one.meetings.map(\.range) == sliced.meetings.map(\.range))
    #expect(one.invoices.map(\.number) == sliced.invoices.map(\.number))
    #expect(one.creditNotes.map(\.number) == sliced.creditNotes.map(\.number))
    #expect(one.unbuiltReferenceRanges == sliced.unbuiltReferenceRanges)
    #expect(!one.timeEntries.isEmpty)
  }

  /// Included files are read and parsed side by side, then numbered in include order: their
  /// diagnostics point at the right file.
  @Test func prefetchedIncludesKeepTheirPlaceAndTheirDiagnostics() {
    let main = "books 1\ninclude \"a.books\"\ninclude \"parts/*.books\"\ninclude \"c.books\"\n"
    var fileSystem = MemoryFileSystem([
      "main.books": main,
      "a.books": "include \"nested.books\"\n",
      "nested.books": "client n \"N\n",
      "parts/p1.books": "client p \"P\"\n  stray \"x\n",
      "parts/p2.books": "<<<<<<< HEAD\n",
    ])
    fileSystem.files["c.books"] = [0x63, 0x6C, 0x69, 0x65, 0x6E, 0x74, 0x20, 0xFF, 0x0A]
    let validation = Validation.run(["main.books"], fileSystem: fileSystem)
    #expect(
      validation.files.map { $0.path } == [
        "main.books", "a.books", "nested.books", "parts/p1.books", "parts/p2.books", "c.books",
      ])
    #expect(
      BooksKitTests.describe(validation).filter {
        !$0.contains("fields:") && !$0.contains(" values:")
      } == [
        "nested.books:1:10 syntax: this string has no closing quote",
        "parts/p1.books:2:9 syntax: this string has no closing quote",
        "parts/p2.books:1:1 syntax: merge conflict marker `<<<<<<<` left in the file",
        "c.books:1:8 syntax: invalid UTF-8 byte 0xFF",
      ])
  }

  /// Checks run side by side (those that need neither ledger nor billing while those are
  /// computed) find what each check finds run alone on the full context: a check that
  /// reads the ledger or the billing without saying so would find less.
  @Test func checksSideBySideFindWhatEachFindsAlone() throws {
    let folder = Self.root.appendingPathComponent("Tests/BooksKitTests/Catalogue")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".books") }.sorted()
    #expect(names.count >= 10)
    let paths =
      names.map { folder.appendingPathComponent($0).path } + [
        Self.root.appendingPathComponent("samples/freelancer.books").path,
        Self.root.appendingPathComponent("samples/studio.books").path,
      ]
    let today = CalendarDate(year: 2027, month: 6, day: 30)
    for path in paths {
      let loaded = Loader.load([path])
      let (books, _) = ModelBuilder.build(loaded.trees)
      let full = CheckContext(books: books, today: today)
      let alone = Checks.all.filter(\.runsOnModel).flatMap { $0.run(full) }
      let (_, together) = Checks.run(books, today: today)
      #expect(together == alone, "\(path)")
    }
  }

  private func describe(_ tree: SyntaxTree) -> [String] {
    func tokens(_ list: some Sequence<Token>) -> String {
      list.map { "\($0.kind):\($0.start)-\($0.end)" }.joined(separator: ",")
    }
    func comment(_ token: Token?) -> String { token.map { "\($0.start)-\($0.end)" } ?? "-" }
    var lines = tree.entries.map { entry in
      "entry \(entry.start)-\(entry.end) [\(tokens(tree.head(entry)))] #[\(tokens(tree.tags(entry)))] "
        + comment(entry.comment)
        + tree.fields(entry).map { field in
          " {\(tokens([field.key])) [\(tokens(tree.values(field)))] #[\(tokens(tree.tags(field)))] "
            + "\(field.start)-\(field.end) \(comment(field.comment))}"
        }.joined()
    }
    lines += tree.comments.map { "comment \($0.token.start) \($0.ownLine) \($0.indented)" }
    lines += tree.diagnostics.map { "\($0.code) \($0.message) \(String(describing: $0.range))" }
    return lines
  }
}

/// The parser checks bytes eight at a time while they are printable ASCII; every odd byte,
/// wherever it falls in a word, is still found at its column.
@Suite struct ByteValidationTests {
  @Test func everyOddByteAtEveryPositionIsFound() {
    // Not a newline, a quote or a backslash, which end the line or the string.
    for byte in UInt8.min...UInt8.max where byte != 0x0A && byte != 0x22 && byte != 0x5C {
      for position in 0..<20 {
        var line = Array("note \"aaaaaaaaaaaaaaaaaaaaaaaa\"".utf8)
        line[min(6 + position, line.count - 2)] = byte
        let column = min(6 + position, line.count - 2) + 1
        let text: [UInt8] = Array("client a \"A\"\n  ".utf8) + line + [0x0A]
        let tree = Parser.parse(SourceFile(path: "t.books", bytes: text), fileIndex: 0)
        let found = tree.diagnostics.map { diagnostic -> String in
          let start = diagnostic.range?.start ?? -1
          return "\(diagnostic.message) @\(start - 15 + 1)"
        }
        let expected: [String]
        switch byte {
        case 0x09, 0x0D, 0x20...0x7E: expected = []
        case 0x00...0x1F, 0x7F:
          let hex = String(byte, radix: 16, uppercase: true)
          expected = [
            "control character U+00\(hex.count == 1 ? "0" + hex : hex) in the text @\(column)"
          ]
        default:
          let hex = String(byte, radix: 16, uppercase: true)
          expected = ["invalid UTF-8 byte 0x\(hex) @\(column)"]
        }
        #expect(found == expected, "byte \(byte) at \(position)")
      }
    }
  }
}

/// Found by review of the parallel build: behaviour the sequential build had.
@Suite struct ParallelBuildRegressionTests {
  /// A document keyword in quotes is text, not a keyword: it is reported where the
  /// documents are built (before, in a slice, it was silently dropped; later it was read as
  /// the keyword).
  @Test func aQuotedDocumentKeywordIsReportedNotDropped() {
    let validation = validate(
      euroHeader + """
        2026-01-05 "invoice" INV-9 acme
          item "Work" 100

        2026-01-06 "credit" CN-1 INV-9 10

        2026-01-20 income 90
          invoice INV-9

        """)
    #expect(validation.books.invoices.isEmpty)
    #expect(validation.books.creditNotes.isEmpty)
    #expect(
      describe(validation) == [
        "main.books:7:12 syntax: entry keywords are written without quotes",
        "main.books:10:12 syntax: entry keywords are written without quotes",
        "main.books:13:11 refs: unknown invoice `INV-9`",
      ])
  }

  /// A payment takes its invoice's currency, else the currency the invoice's client sets,
  /// else its own client's, and only then the business's.
  @Test func aPaymentTakesItsOwnClientsCurrencyBeforeTheBusinesss() {
    let validation = validate(
      euroHeader + """
        client us "US Inc"
          currency USD

        2026-01-01 invoice INV-1 acme
          item "Work" 100

        2026-02-01 income 100
          invoice INV-1
          client us

        """)
    #expect(validation.books.incomes.map(\.amount.currency.code) == ["USD"])
  }

  /// A code span in a hover holds any id or number: backticks are counted as Markdown
  /// sees them, with a combining mark or not.
  @Test func hoverCodeSpansFitTheirBackticks() {
    #expect(HoverText.codeSpan("acme") == "`acme`")
    #expect(HoverText.codeSpan("a`b") == "`` a`b ``")
    #expect(HoverText.codeSpan("a``b`") == "``` a``b` ```")
    #expect(HoverText.codeSpan("a`\u{301}[x](https://e)") == "`` a`\u{301}[x](https://e) ``")
    #expect(HoverText.codeSpan("a\u{7}b") == "`a\u{FFFD}b`")
    #expect(MarkdownRenderer.escape("`\u{301}x") == "\\`\u{301}x")
  }
}

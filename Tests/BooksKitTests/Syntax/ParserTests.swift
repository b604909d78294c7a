import Testing

@testable import BooksKit

@Suite struct ParserTests {
  private func parse(_ text: String) -> SyntaxTree {
    Parser.parse(SourceFile(path: "t.books", text: text), fileIndex: 0)
  }

  @Test func entriesFieldsCommentsAndTags() {
    let tree = parse(
      """
      ; a comment line
      client acme "Acme Corp" #vip ; trailing
        stage client

        email billing@acme.example
      # hash comment
      2026-01-12 time acme-web 3h30m "Wire;frames"
      """)
    #expect(tree.diagnostics.isEmpty)
    #expect(tree.entries.count == 2)
    let client = tree.entries[0]
    #expect(tree.head(client).map { tree.text($0) } == ["client", "acme", "Acme Corp"])
    #expect(tree.tags(client).map { tree.text($0) } == ["vip"])
    #expect(tree.fields(client).map { tree.text($0.key) } == ["stage", "email"])
    #expect(tree.values(tree.fields(client)[1]).map { tree.text($0) } == ["billing@acme.example"])
    let time = tree.entries[1]
    #expect(
      tree.head(time).map { tree.text($0) } == [
        "2026-01-12", "time", "acme-web", "3h30m", "Wire;frames",
      ])
    #expect(
      tree.comments.map { tree.raw($0.token) } == [
        "; a comment line", "; trailing", "# hash comment",
      ])
    #expect(tree.comments.map(\.ownLine) == [true, false, true])
  }

  /// Tokens of every entry share one array: each entry, field and tag line reads its own.
  @Test func tagsFieldsAndHeadsKeepTheirOwnTokens() {
    let tree = parse(
      """
      client a "A" #one
        stage lead #two
        #three #four
        email x@a.example
        #five
      client b
        stage won #six
      """)
    #expect(tree.diagnostics.isEmpty)
    let (a, b) = (tree.entries[0], tree.entries[1])
    #expect(tree.head(a).map { tree.text($0) } == ["client", "a", "A"])
    #expect(tree.tags(a).map { tree.text($0) } == ["one", "three", "four", "five"])
    #expect(tree.fields(a).map { tree.text($0.key) } == ["stage", "email"])
    #expect(
      tree.fields(a).map { tree.values($0).map { tree.text($0) } } == [["lead"], ["x@a.example"]])
    #expect(tree.fields(a).map { tree.tags($0).map { tree.text($0) } } == [["two"], []])
    #expect(tree.head(b).map { tree.text($0) } == ["client", "b"])
    #expect(tree.tags(b).isEmpty)
    #expect(tree.fields(b).map { tree.tags($0).map { tree.text($0) } } == [["six"]])
    #expect(tree.values(tree.fields(b)[0])[0] == tree.values(tree.fields(b)[0]).first)
  }

  @Test func crlfBomAndTabs() {
    let tree = parse("\u{FEFF}client a\r\n\tstage lead\r\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(tree.entries.count == 1)
    #expect(tree.fields(tree.entries[0]).map { tree.text(tree.values($0)[0]) } == ["lead"])
  }

  @Test func stringEscapes() {
    let tree = parse(#"note "a \"quoted\" \\ word\n\u{1F600}""#)
    #expect(tree.diagnostics.isEmpty)
    #expect(tree.text(tree.head(tree.entries[0])[1]) == "a \"quoted\" \\ word\n😀")
  }

  @Test func reportsAndRecovers() {
    let tree = parse(
      """
        stage lead
      client a "unterminated
      client b "bad \\q escape"
      <<<<<<< HEAD
      client c
      """)
    #expect(
      tree.diagnostics.map(\.message) == [
        "indented line outside an entry",
        "this string has no closing quote",
        "invalid escape in string",
        "merge conflict marker `<<<<<<<` left in the file",
      ])
    #expect(tree.diagnostics.allSatisfy { $0.code == "syntax" })
    #expect(tree.entries.count == 3)
  }

  @Test func invalidUTF8AndControlBytes() {
    let bytes: [UInt8] = Array("client a\n".utf8) + [0x63, 0xFF, 0x0A] + Array("x\u{0}y\n".utf8)
    let tree = Parser.parse(SourceFile(path: "t.books", bytes: bytes), fileIndex: 3)
    #expect(
      tree.diagnostics.map(\.message) == [
        "invalid UTF-8 byte 0xFF", "control character U+0000 in the text",
      ])
    #expect(tree.diagnostics.map { $0.range?.start } == [10, 13])
    #expect(tree.diagnostics.map { $0.range?.file } == [3, 3])
  }

  @Test(arguments: [
    "", "\u{FEFF}", "\n\n\n", ";", "\"", "  ", "#", "\\", "\"\\", "a \"\\u{110000}\"", "\r",
    "=======",
  ])
  func oddInputsDoNotTrap(_ text: String) {
    _ = parse(text)
  }

  /// Syntax nodes are kept for every line of the books: a token is eight bytes, its kind in
  /// the top bits of its offsets, and a node's optional comment takes no extra byte.
  @Test func nodesAreCompact() {
    #expect(MemoryLayout<Token>.size == 8)
    #expect(MemoryLayout<FieldNode>.stride == 36)
    #expect(MemoryLayout<EntryNode>.stride == 40)
  }

  @Test func tokensKeepTheirKindAndOffsets() {
    let limit = (1 << 31) - 1
    for kind in [TokenKind.word, .string, .tag] {
      for (start, end) in [(0, 0), (3, 9), (0, limit), (limit, limit), (1 << 30, (1 << 30) + 1)] {
        var token = Token(kind: kind, start: start, end: end)
        #expect(token.kind == kind && token.start == start && token.end == end)
        token.start = end
        token.end = start
        #expect(token.kind == kind && token.start == end && token.end == start)
        for other in [TokenKind.word, .string, .tag] {
          var changed = token
          changed.kind = other
          #expect(changed.kind == other && changed.start == end && changed.end == start)
        }
      }
    }
    // Offsets out of range are clamped, and never spill into the kind.
    let clamped = Token(kind: .word, start: -5, end: limit + 10)
    #expect(clamped.kind == .word && clamped.start == 0 && clamped.end == limit)
  }

  @Test func aNodeWithoutACommentHasNone() {
    let tree = parse("client acme \"Acme\" ; head\n  email a@b.example\n  note \"x\" ; field\n")
    let entry = tree.entries[0]
    #expect(entry.comment.map { tree.raw($0) } == "; head")
    #expect(tree.fields(entry).map { $0.comment.map { tree.raw($0) } } == [nil, "; field"])
    var field = tree.fields(entry)[0]
    field.comment = Token(kind: .string, start: 1, end: 2)
    #expect(field.comment == Token(kind: .string, start: 1, end: 2))
    field.comment = nil
    #expect(field.comment == nil)
    // The one bit pattern that means "none" is not a token any file can produce: the kind
    // takes two bits, and the fourth value is no kind.
    #expect(TokenKind(rawValue: 3) == nil)
    let widest = Token(kind: .tag, start: Int.max, end: Int.max)
    #expect(Token.stored(widest).unstored == widest)
  }
}

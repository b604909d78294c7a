/// What a token is, as far as the lexer can tell without knowing the entry it is in.
public enum TokenKind: UInt8, Sendable {
  /// A run of non-blank bytes: a keyword, id, date, amount, duration, currency...
  case word
  /// A double-quoted string; the token's range includes the quotes.
  case string
  /// `#name`: a tag; the range includes the `#`.
  case tag
}

/// A token on one line of a file, as a byte range into that file.
public struct Token: Hashable, Sendable {
  public var kind: TokenKind
  public var start: Int
  public var end: Int

  public init(kind: TokenKind, start: Int, end: Int) {
    self.kind = kind
    self.start = start
    self.end = end
  }
}

/// An indented `key value...` line under an entry.
public struct FieldNode: Sendable {
  /// The first token of the line: the field name.
  public var key: Token
  /// The rest of the line's tokens, excluding tags and the comment.
  public var values: [Token]
  /// Tags written on this line.
  public var tags: [Token]
  /// Byte range of the line's content (indentation and comment excluded).
  public var start: Int
  public var end: Int
  /// A trailing `; comment` on this line, if any.
  public var comment: Token?
}

/// One entry: a line starting in column 1 (its head) and the indented field lines under it.
public struct EntryNode: Sendable {
  /// The tokens of the head line, excluding tags and the comment.
  public var head: [Token]
  public var tags: [Token]
  public var fields: [FieldNode]
  /// Byte range from the start of the head to the end of the last field line.
  public var start: Int
  public var end: Int
  public var comment: Token?
}

/// A comment line (or trailing comment) kept so that `books fmt` can put it back.
public struct CommentNode: Sendable {
  public var token: Token
  /// True when the comment is alone on its line.
  public var ownLine: Bool
  /// True when the comment line is indented (it then belongs inside the preceding entry).
  public var indented: Bool
}

/// The syntax of one file: its entries in order, and its comment lines.
public struct SyntaxTree: Sendable {
  public var file: SourceFile
  /// Index of `file` in the load's file list; every range made from this tree uses it.
  public var fileIndex: Int
  public var entries: [EntryNode]
  public var comments: [CommentNode]
  public var diagnostics: [Diagnostic]

  /// The source range of a token.
  /// The same tree as file `index` of a set of books: its diagnostics point there.
  func renumbered(_ index: Int) -> SyntaxTree {
    func moved(_ range: SourceRange?) -> SourceRange? {
      range.map { SourceRange(file: index, start: $0.start, end: $0.end) }
    }
    var tree = self
    tree.fileIndex = index
    tree.diagnostics = diagnostics.map { diagnostic in
      var copy = diagnostic
      copy.range = moved(diagnostic.range)
      copy.notes = diagnostic.notes.map { DiagnosticNote($0.message, at: moved($0.range)) }
      return copy
    }
    return tree
  }

  public func range(_ token: Token) -> SourceRange {
    SourceRange(file: fileIndex, start: token.start, end: token.end)
  }

  public func range(start: Int, end: Int) -> SourceRange {
    SourceRange(file: fileIndex, start: start, end: end)
  }

  /// The bytes of a token, as written.
  public func bytes(_ token: Token) -> ArraySlice<UInt8> {
    let lower = min(max(token.start, 0), file.bytes.count)
    let upper = min(max(token.end, lower), file.bytes.count)
    return file.bytes[lower..<upper]
  }

  /// The raw text of a token, as written (quotes included for strings).
  public func raw(_ token: Token) -> String {
    String(decoding: bytes(token), as: UTF8.self)
  }

  /// The value of a token: strings unquoted and unescaped, tags without `#`, words as written.
  public func text(_ token: Token) -> String {
    switch token.kind {
    case .word: return raw(token)
    case .tag:
      return String(decoding: bytes(token).dropFirst(), as: UTF8.self)
    case .string:
      return StringLiteral.unescape(bytes(token)) ?? raw(token)
    }
  }

  /// True when the token is a word spelled exactly `keyword`.
  public func isWord(_ token: Token, _ keyword: StaticString) -> Bool {
    guard token.kind == .word, token.end - token.start == keyword.utf8CodeUnitCount else {
      return false
    }
    return keyword.withUTF8Buffer { expected in
      var offset = 0
      for byte in bytes(token) {
        guard offset < expected.count, expected[offset] == byte else { return false }
        offset += 1
      }
      return true
    }
  }
}

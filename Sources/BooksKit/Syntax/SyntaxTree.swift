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
  // Eight bytes, as a file has ten of them per entry: offsets take 31 bits (files are at
  // most 1 GiB), and the kind's two bits ride on top of them, the high bit on the start's.
  private var startBits: UInt32
  private var endBits: UInt32

  private static let offsetMask: UInt32 = 0x7FFF_FFFF
  private static let kindBit: UInt32 = 0x8000_0000

  private static func offset(_ value: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: Swift.min(Swift.max(value, 0), Int(offsetMask)))
  }

  public var kind: TokenKind {
    get {
      let code = (startBits >> 31) << 1 | endBits >> 31
      return TokenKind(rawValue: UInt8(truncatingIfNeeded: code)) ?? .word
    }
    set {
      let code = UInt32(newValue.rawValue)
      startBits = startBits & Self.offsetMask | (code >> 1) << 31
      endBits = endBits & Self.offsetMask | (code & 1) << 31
    }
  }

  public var start: Int {
    get { Int(startBits & Self.offsetMask) }
    set { startBits = startBits & Self.kindBit | Self.offset(newValue) }
  }
  public var end: Int {
    get { Int(endBits & Self.offsetMask) }
    set { endBits = endBits & Self.kindBit | Self.offset(newValue) }
  }

  public init(kind: TokenKind, start: Int, end: Int) {
    let code = UInt32(kind.rawValue)
    startBits = (code >> 1) << 31 | Self.offset(start)
    endBits = (code & 1) << 31 | Self.offset(end)
  }

  /// No token: both kind bits set, a kind that does not exist. Nodes keep their optional
  /// comment as a token or this, in eight bytes where `Token?` takes twelve.
  private static let absent = Token(startBits: UInt32.max, endBits: UInt32.max)

  private init(startBits: UInt32, endBits: UInt32) {
    self.startBits = startBits
    self.endBits = endBits
  }

  static func stored(_ token: Token?) -> Token { token ?? absent }

  var unstored: Token? { self == Self.absent ? nil : self }
}

/// Where a run of tokens (or fields) sits in its tree's flat storage.
public struct StoreSpan: Hashable, Sendable {
  // 32 bits: a file of at most 1 GiB has fewer tokens than that.
  var storedStart: Int32
  var storedCount: Int32

  var start: Int { Int(storedStart) }
  var count: Int { Int(storedCount) }

  init(start: Int, count: Int) {
    storedStart = Int32(clamping: start)
    storedCount = Int32(clamping: count)
  }

  static let empty = StoreSpan(start: 0, count: 0)

  /// The same span in storage that has `offset` more elements before it.
  func moved(by offset: Int) -> StoreSpan {
    StoreSpan(start: start + offset, count: count)
  }

  /// Moves the span past `offset` more elements.
  mutating func move(by offset: Int) {
    self = moved(by: offset)
  }
}

/// Where a run of tokens or fields sits in its store, clamped to the store.
struct RunBounds: Sendable {
  let offset: Int
  let count: Int

  init(_ span: StoreSpan, within total: Int) {
    // A span is always inside its storage; clamped all the same, so a bad one reads less.
    offset = Swift.min(Swift.max(span.start, 0), total)
    count = Swift.min(Swift.max(span.count, 0), total - offset)
  }
}

/// A run of a tree's tokens, indexed from zero like an array of its own.
///
/// Trees keep every token of a file in one array and every field line in another; an entry
/// or field names its runs by offset, so parsing allocates nothing per line and copying a
/// node copies no reference. A run holds its store, not the store's array: threads that
/// read one tree through stores of their own (`TreeStore.view`) then never write to a
/// reference count that another thread writes too.
public struct Tokens: RandomAccessCollection, Sendable {
  let store: TreeStore
  private let bounds: RunBounds

  init(_ store: TreeStore, _ span: StoreSpan) {
    self.store = store
    bounds = RunBounds(span, within: store.tokens.count)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { bounds.count }

  public subscript(position: Int) -> Token {
    store.tokens[bounds.offset + position]
  }
}

/// A run of a tree's field lines (see `Tokens`).
public struct FieldNodes: RandomAccessCollection, Sendable {
  let store: TreeStore
  private let bounds: RunBounds

  init(_ store: TreeStore, _ span: StoreSpan) {
    self.store = store
    bounds = RunBounds(span, within: store.fields.count)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { bounds.count }

  public subscript(position: Int) -> FieldNode {
    store.fields[bounds.offset + position]
  }
}

/// An indented `key value...` line under an entry.
public struct FieldNode: Sendable {
  /// The first token of the line: the field name.
  public var key: Token
  /// The rest of the line's tokens, excluding tags and the comment (`SyntaxTree.values`).
  var valueSpan: StoreSpan
  /// Tags written on this line (`SyntaxTree.tags(_:)`).
  var tagSpan: StoreSpan
  private var storedEnd: Int32
  private var storedComment: Token

  /// A trailing `; comment` on this line, if any.
  public var comment: Token? {
    get { storedComment.unstored }
    set { storedComment = .stored(newValue) }
  }

  /// Byte range of the line's content (indentation and comment excluded): from its key.
  public var start: Int { key.start }
  public var end: Int { Int(storedEnd) }

  init(
    key: Token, values: StoreSpan, tags: StoreSpan, end: Int, comment: Token?
  ) {
    self.key = key
    self.valueSpan = values
    self.tagSpan = tags
    self.storedEnd = Int32(clamping: end)
    self.storedComment = .stored(comment)
  }
}

/// One entry: a line starting in column 1 (its head) and the indented field lines under it.
public struct EntryNode: Sendable {
  /// The tokens of the head line, excluding tags and the comment (`SyntaxTree.head`).
  var headSpan: StoreSpan
  /// The entry's own tags: on its head line and on lines of tags alone under it.
  var tagSpan: StoreSpan
  /// Its field lines, in the tree's field storage (`SyntaxTree.fields`).
  var fieldSpan: StoreSpan
  private var storedStart: Int32
  private var storedEnd: Int32
  private var storedComment: Token

  /// A trailing `; comment` on the head line, if any.
  public var comment: Token? {
    get { storedComment.unstored }
    set { storedComment = .stored(newValue) }
  }

  /// Byte range from the start of the head to the end of the last field line.
  public var start: Int { Int(storedStart) }
  public var end: Int {
    get { Int(storedEnd) }
    set { storedEnd = Int32(clamping: newValue) }
  }

  init(head: StoreSpan, start: Int, end: Int, comment: Token?) {
    headSpan = head
    tagSpan = .empty
    fieldSpan = .empty
    storedStart = Int32(clamping: start)
    storedEnd = Int32(clamping: end)
    storedComment = .stored(comment)
  }
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
  public var entries: [EntryNode]
  public var comments: [CommentNode]
  public var diagnostics: [Diagnostic]
  /// The entries' tokens, fields and bytes.
  let store: TreeStore

  init(
    file: SourceFile, fileIndex: Int, entries: [EntryNode], comments: [CommentNode],
    diagnostics: [Diagnostic], tokens: [Token], fields: [FieldNode]
  ) {
    self.file = file
    self.entries = entries
    self.comments = comments
    self.diagnostics = diagnostics
    self.store = TreeStore(
      fileIndex: fileIndex, tokens: tokens, fields: fields, bytes: file.bytes, byteOrigin: 0)
  }

  private init(
    file: SourceFile, entries: [EntryNode], comments: [CommentNode],
    diagnostics: [Diagnostic], store: TreeStore
  ) {
    self.file = file
    self.entries = entries
    self.comments = comments
    self.diagnostics = diagnostics
    self.store = store
  }

  /// Index of `file` in the load's file list; every range made from this tree uses it.
  public var fileIndex: Int { store.fileIndex }

  /// The tokens of an entry's head line (tags and comment excluded).
  public func head(_ entry: EntryNode) -> Tokens { store.head(entry) }

  /// An entry's own tags (its fields' tags not included).
  public func tags(_ entry: EntryNode) -> Tokens { store.tags(entry) }

  /// An entry's field lines.
  public func fields(_ entry: EntryNode) -> FieldNodes { store.fields(entry) }

  /// A field line's values: its tokens after the key, tags and comment excluded.
  public func values(_ field: FieldNode) -> Tokens { store.values(field) }

  /// The tags written on a field line.
  public func tags(_ field: FieldNode) -> Tokens { store.tags(field) }

  /// The source range of a token.
  public func range(_ token: Token) -> SourceRange { store.range(token) }

  public func range(start: Int, end: Int) -> SourceRange { store.range(start: start, end: end) }

  /// The bytes of a token, as written.
  public func bytes(_ token: Token) -> ArraySlice<UInt8> { store.bytes(token) }

  /// The raw text of a token, as written (quotes included for strings).
  public func raw(_ token: Token) -> String { store.raw(token) }

  /// The value of a token: strings unquoted and unescaped, tags without `#`, words as written.
  public func text(_ token: Token) -> String { store.text(token) }

  /// True when the token is a word spelled exactly `keyword`.
  public func isWord(_ token: Token, _ keyword: StaticString) -> Bool {
    store.isWord(token, keyword)
  }

  /// The same tree as file `index` of a set of books: its diagnostics point there.
  func renumbered(_ index: Int) -> SyntaxTree {
    func moved(_ range: SourceRange?) -> SourceRange? {
      range.map { SourceRange(file: index, start: $0.start, end: $0.end) }
    }
    return SyntaxTree(
      file: file, entries: entries, comments: comments,
      diagnostics: diagnostics.map { diagnostic in
        var copy = diagnostic
        copy.range = moved(diagnostic.range)
        copy.notes = diagnostic.notes.map { DiagnosticNote($0.message, at: moved($0.range)) }
        return copy
      },
      store: TreeStore(
        fileIndex: index, tokens: store.tokens, fields: store.fields, bytes: store.bytes,
        byteOrigin: store.byteOrigin))
  }
}

/// What reading an entry needs of its tree, behind one reference: a reader is made for
/// every entry, and copying a whole tree into it would retain each of the tree's arrays.
final class TreeStore: Sendable {
  let fileIndex: Int
  /// Every token of the entries, in runs named by the nodes' spans.
  let tokens: [Token]
  /// Every field line, in runs named by the entries' spans.
  let fields: [FieldNode]
  /// The bytes tokens are read from: the file's own, or (in a private copy) those of a
  /// range of it that starts at `byteOrigin`.
  let bytes: [UInt8]
  let byteOrigin: Int

  init(fileIndex: Int, tokens: [Token], fields: [FieldNode], bytes: [UInt8], byteOrigin: Int) {
    self.fileIndex = fileIndex
    self.tokens = tokens
    self.fields = fields
    self.bytes = bytes
    self.byteOrigin = byteOrigin
  }

  /// A store of the same tokens and fields over a copy of the bytes from file offset
  /// `range`, for a thread of its own to read the entries that lie in that range: reading a
  /// token's bytes retains the array they are in, and threads that retain one array take
  /// turns on its reference count.
  func view(of range: Range<Int>) -> TreeStore {
    let lower = min(max(range.lowerBound - byteOrigin, 0), bytes.count)
    let upper = min(max(range.upperBound - byteOrigin, lower), bytes.count)
    return TreeStore(
      fileIndex: fileIndex, tokens: tokens, fields: fields,
      bytes: bytes[lower..<upper].privateCopy(), byteOrigin: byteOrigin + lower)
  }

  func head(_ entry: EntryNode) -> Tokens { Tokens(self, entry.headSpan) }

  func tags(_ entry: EntryNode) -> Tokens { Tokens(self, entry.tagSpan) }

  func fields(_ entry: EntryNode) -> FieldNodes { FieldNodes(self, entry.fieldSpan) }

  func values(_ field: FieldNode) -> Tokens { Tokens(self, field.valueSpan) }

  func tags(_ field: FieldNode) -> Tokens { Tokens(self, field.tagSpan) }

  func range(_ token: Token) -> SourceRange {
    SourceRange(file: fileIndex, start: token.start, end: token.end)
  }

  func range(start: Int, end: Int) -> SourceRange {
    SourceRange(file: fileIndex, start: start, end: end)
  }

  func bytes(_ token: Token) -> ArraySlice<UInt8> {
    let lower = min(max(token.start - byteOrigin, 0), bytes.count)
    let upper = min(max(token.end - byteOrigin, lower), bytes.count)
    return bytes[lower..<upper]
  }

  func raw(_ token: Token) -> String {
    String(decoding: bytes(token), as: UTF8.self)
  }

  func text(_ token: Token) -> String {
    switch token.kind {
    case .word: return raw(token)
    case .tag:
      return String(decoding: bytes(token).dropFirst(), as: UTF8.self)
    case .string:
      return StringLiteral.unescape(bytes(token)) ?? raw(token)
    }
  }

  func isWord(_ token: Token, _ keyword: StaticString) -> Bool {
    guard token.kind == .word, token.end - token.start == keyword.utf8CodeUnitCount else {
      return false
    }
    let lower = token.start - byteOrigin
    guard lower >= 0, lower + keyword.utf8CodeUnitCount <= bytes.count else { return false }
    // Compared in place: slicing the bytes would retain them, at every keyword of every
    // entry.
    return bytes.withUnsafeBufferPointer { buffer in
      keyword.withUTF8Buffer { expected in
        for offset in expected.indices where buffer[lower + offset] != expected[offset] {
          return false
        }
        return true
      }
    }
  }
}

extension ArraySlice {
  /// A copy in a buffer of its own (a plain copy would share this one until written).
  func privateCopy() -> [Element] {
    withUnsafeBufferPointer { Array($0) }
  }
}

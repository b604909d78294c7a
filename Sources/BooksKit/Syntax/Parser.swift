#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the bytes of one file into a `SyntaxTree` in a single pass.
///
/// The parser knows lines, indentation, tokens, comments and tags, nothing about what
/// entries mean. It never stops early: a bad line gets a `syntax` diagnostic and the next
/// line is parsed as usual.
public struct Parser {
  public static let code = "syntax"

  private let file: SourceFile
  private let fileIndex: Int
  private var entries: [EntryNode] = []
  private var comments: [CommentNode] = []
  private var diagnostics: [Diagnostic] = []
  /// Every token of the entries: a head's, then each field's values and tags, then the
  /// entry's own tags (held in `entryTags` until the entry ends, as lines of tags alone may
  /// follow its fields).
  private var tokens: [Token] = []
  private var fields: [FieldNode] = []
  private var entryTags: [Token] = []

  private init(file: SourceFile, fileIndex: Int) {
    self.file = file
    self.fileIndex = fileIndex
  }

  /// Parses one file. `fileIndex` is the index ranges will carry.
  public static func parse(_ file: SourceFile, fileIndex: Int) -> SyntaxTree {
    parse(file, fileIndex: fileIndex, pieces: chunks(file.bytes))
  }

  /// Parses `file` in pieces of about `pieceSize` bytes (at most `pieces` of them), side by
  /// side; the tree is the one `parse(_:fileIndex:)` gives. For tests and the fuzzer,
  /// which compare the two on small inputs.
  public static func parse(
    _ file: SourceFile, fileIndex: Int, pieceSize: Int, pieces: Int
  ) -> SyntaxTree {
    parse(
      file, fileIndex: fileIndex, pieces: chunks(file.bytes, pieceSize: pieceSize, most: pieces))
  }

  /// Parses `file` in the given pieces (see `chunks`), side by side.
  static func parse(_ file: SourceFile, fileIndex: Int, pieces: [Range<Int>]) -> SyntaxTree {
    var parsed = Parallel.map(pieces.count) { piece in
      var parser = Parser(file: file, fileIndex: fileIndex)
      // About one token per 8 bytes, one field per 30, one entry per 90. The first piece
      // makes room for the whole file, so that the others are appended to its arrays
      // without moving them (pages never written are never touched).
      let size = piece == 0 ? file.bytes.count : pieces[piece].count
      parser.tokens.reserveCapacity(size / 8)
      parser.fields.reserveCapacity(size / 30)
      parser.entries.reserveCapacity(size / 90)
      file.bytes.withUnsafeBufferPointer { buffer in
        parser.run(buffer, pieces[piece])
      }
      return Parsed(
        entries: parser.entries, comments: parser.comments, diagnostics: parser.diagnostics,
        tokens: parser.tokens, fields: parser.fields)
    }
    if parsed.count == 1, let only = parsed.first {  // one piece: nothing to join
      return SyntaxTree(
        file: file, fileIndex: fileIndex, entries: only.entries, comments: only.comments,
        diagnostics: only.diagnostics, tokens: only.tokens, fields: only.fields)
    }
    return PhaseClock.timed("parse: join pieces") { join(file, fileIndex, &parsed) }
  }

  /// The pieces' trees as one.
  private static func join(_ file: SourceFile, _ fileIndex: Int, _ parsed: inout [Parsed])
    -> SyntaxTree
  {
    // Each piece's spans count from its own storage: they move past the pieces before it.
    let tokenBases = parsed.map(\.tokens.count).runStarts
    let fieldBases = parsed.map(\.fields.count).runStarts
    let tokens = Pieces(parsed.map(\.tokens))
    let fields = Pieces(parsed.map(\.fields))
    let entries = Pieces(parsed.map(\.entries))
    var comments = parsed.map(\.comments)
    var diagnostics = parsed.map(\.diagnostics)
    parsed = []  // the pieces' arrays are now held once, and move
    let ((joinedTokens, joinedEntries), joinedFields) = Parallel.pair(
      {
        let tokens = Parallel.concatenate(&tokens.parts)
        for piece in entries.parts.indices where tokenBases[piece] > 0 || fieldBases[piece] > 0 {
          for index in entries.parts[piece].indices {
            entries.parts[piece][index].headSpan.move(by: tokenBases[piece])
            entries.parts[piece][index].tagSpan.move(by: tokenBases[piece])
            entries.parts[piece][index].fieldSpan.move(by: fieldBases[piece])
          }
        }
        return (tokens, Parallel.concatenate(&entries.parts))
      },
      {
        for piece in fields.parts.indices where tokenBases[piece] > 0 {
          for index in fields.parts[piece].indices {
            fields.parts[piece][index].valueSpan.move(by: tokenBases[piece])
            fields.parts[piece][index].tagSpan.move(by: tokenBases[piece])
          }
        }
        return Parallel.concatenate(&fields.parts)
      })
    return SyntaxTree(
      file: file, fileIndex: fileIndex, entries: joinedEntries,
      comments: Parallel.concatenate(&comments),
      diagnostics: Parallel.concatenate(&diagnostics), tokens: joinedTokens,
      fields: joinedFields)
  }

  /// The pieces' arrays of one kind, handed to the one thread that joins them.
  private final class Pieces<Element>: @unchecked Sendable {
    var parts: [[Element]]

    init(_ parts: [[Element]]) { self.parts = parts }
  }

  private struct Parsed: Sendable {
    var entries: [EntryNode]
    var comments: [CommentNode]
    var diagnostics: [Diagnostic]
    var tokens: [Token]
    var fields: [FieldNode]
  }

  /// Big files are parsed in pieces side by side. A piece starts at a line that starts
  /// with a letter or digit in column 1: such a line always opens an entry, so every line
  /// of an entry falls in the piece of its first line, and the pieces give the same tree
  /// as one pass.
  static func chunks(
    _ bytes: [UInt8], pieceSize: Int = 1 << 18, most: Int = Parallel.cores
  ) -> [Range<Int>] {
    let wanted = min(most, bytes.count / max(pieceSize, 1))
    guard wanted > 1 else { return [0..<bytes.count] }
    var starts = [0]
    for piece in 1..<wanted {
      var index = max(bytes.count * piece / wanted, starts[starts.count - 1])
      while index < bytes.count {
        // The next line start after `index`.
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        index += 1
        if index < bytes.count, isEntryStart(bytes[index]) { break }
      }
      guard index < bytes.count else { break }
      starts.append(index)
    }
    starts.append(bytes.count)
    return (0..<starts.count - 1).map { starts[$0]..<starts[$0 + 1] }
  }

  private static func isEntryStart(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A)
  }

  private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    var position = range.lowerBound
    if position == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      position = 3
    }
    let end = min(range.upperBound, bytes.count)
    var tags: [Token] = []
    // Where the next byte a line's check would look at closely is (see `firstSuspect`):
    // lines before it are printable text, and are not checked byte by byte.
    var suspect = position - 1
    while position < end {
      var lineEnd = end
      if let base = bytes.baseAddress, let found = memchr(base + position, 0x0A, end - position) {
        lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      }
      if suspect < position { suspect = Self.firstSuspect(bytes, from: position, to: end) }
      parseLine(bytes, start: position, end: lineEnd, tags: &tags, check: suspect < lineEnd)
      position = lineEnd + 1
    }
    closeEntry(tagsAt: tokens.count)
  }

  /// Ends the last entry: its own tags go after its fields' tokens, at `position` (the
  /// end of the storage, or where the next entry's head starts: they move it along), so
  /// that all of an entry's tokens lie before the next entry's.
  private mutating func closeEntry(tagsAt position: Int) {
    guard !entries.isEmpty else { return }
    let last = entries.count - 1
    entries[last].fieldSpan = StoreSpan(
      start: entries[last].fieldSpan.start, count: fields.count - entries[last].fieldSpan.start)
    if !entryTags.isEmpty {
      entries[last].tagSpan = StoreSpan(start: position, count: entryTags.count)
      tokens.insert(contentsOf: entryTags, at: position)
      entryTags.removeAll(keepingCapacity: true)
    }
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D
  }

  /// Where the first blank (space, tab or carriage return) at or after `start` is, or
  /// `end` when there is none before it. The bytes flagged are those below 0x21: a blank,
  /// or a control character that belongs to the word (the line's check reports it).
  @inline(__always)
  static func firstBlank(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    -> Int
  {
    firstFlagged(bytes, from: start, to: end, wanted: isBlank) { word in
      // No borrow reaches a byte below the lowest one under 0x21, and a byte of 0x80 or
      // more is never flagged.
      (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
    }
  }

  /// Where the first `"` or `\\` at or after `start` is, or `end` when there is none
  /// before it.
  @inline(__always)
  static func firstQuoteOrBackslash(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    firstFlagged(
      bytes, from: start, to: end, wanted: { $0 == 0x22 || $0 == 0x5C },
      flags: { zeroBytes($0 ^ 0x2222_2222_2222_2222) | zeroBytes($0 ^ 0x5C5C_5C5C_5C5C_5C5C) })
  }

  /// Where the first byte at or after `start` is that is not printable ASCII, a tab, a
  /// carriage return or a line feed (a control character, DEL, or part of a multibyte
  /// UTF-8 character), or `end`. It scans a whole piece of a file at once, so its words
  /// need no mask: eight bytes at a time up to the last whole word, the lowest flagged byte
  /// of each exact (as in `firstFlagged`), tabs and line breaks among them stepped over.
  static func firstSuspect(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    -> Int
  {
    func suspect(_ byte: UInt8) -> Bool {
      !(byte >= 0x20 && byte < 0x7F || byte == 0x09 || byte == 0x0A || byte == 0x0D)
    }
    let last = min(end, bytes.count)
    var index = max(start, 0)
    if let base = bytes.baseAddress {
      while index + 8 <= last {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base).loadUnaligned(
            fromByteOffset: index, as: UInt64.self))
        // Bytes of 0x80 or more, below 0x20 (tabs and line breaks too), DEL.
        let flagged =
          (word & 0x8080_8080_8080_8080)
          | ((word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080)
          | zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F)
        guard flagged != 0 else {
          index += 8
          continue
        }
        let at = index + flagged.trailingZeroBitCount >> 3
        if suspect(bytes[at]) { return at }
        index = at + 1
      }
    }
    while index < last, !suspect(bytes[index]) { index += 1 }
    return index
  }

  /// The high bit of each zero byte of `x`. A bit above the lowest zero byte may be set
  /// too (a borrow), never one below it: the lowest set bit is exact.
  @inline(__always)
  private static func zeroBytes(_ x: UInt64) -> UInt64 {
    (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
  }

  /// Where the first byte at or after `start` that `wanted` accepts is, or `end`. Eight
  /// bytes are read at a time while eight can be read from the buffer; `flags` marks the
  /// high bit of candidate bytes, and must mark the lowest candidate of a word exactly
  /// (marks above it may be wrong). The lowest mark is read again: a byte `wanted`
  /// refuses is stepped over. Marks past `end` are masked off, so a word near the end of
  /// a line takes one step too.
  @inline(__always)
  private static func firstFlagged(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
    wanted: (UInt8) -> Bool, flags: (UInt64) -> UInt64
  ) -> Int {
    let end = min(end, bytes.count)
    var index = max(start, 0)
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index < end, index + 8 <= bytes.count {
        let word = UInt64(
          littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        var found = flags(word)
        let left = end - index
        if left < 8 { found &= (1 << UInt64(left &* 8)) &- 1 }
        if found != 0 {
          let at = index + found.trailingZeroBitCount >> 3
          if wanted(bytes[at]) { return at }
          index = at + 1
          continue
        }
        if left <= 8 { return end }
        index += 8
      }
    }
    while index < end, !wanted(bytes[index]) { index += 1 }
    return index
  }

  /// Reads one line. Its words and strings go straight onto the end of the token storage
  /// (taken back off when the line turns out to hold none the tree keeps); its tags go to
  /// `tags`, as they are stored after the words.
  private mutating func parseLine(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, tags: inout [Token], check: Bool
  ) {
    var index = start
    while index < end, Self.isBlank(bytes[index]) { index += 1 }
    guard index < end else { return }  // blank line
    let indented = index > start

    if !indented, let marker = conflictMarker(bytes, start: start, end: end) {
      diagnostics.append(
        .error(
          Self.code, "merge conflict marker `\(marker)` left in the file",
          at: range(start, min(end, start + marker.utf8.count)),
          fix:
            "resolve the conflict: keep the lines you want between the markers, then delete the `<<<<<<<`, `=======` and `>>>>>>>` lines"
        ))
      return
    }

    if check { validateBytes(bytes, from: index, to: end) }
    let first = tokens.count
    if !tags.isEmpty { tags.removeAll(keepingCapacity: true) }
    var comment: Token?
    // An indented line's first token is its field's key: the field node keeps it, so it
    // never goes into the storage.
    var key: Token?
    while index < end {
      let byte = bytes[index]
      if Self.isBlank(byte) {
        index += 1
        continue
      }
      if byte == UInt8(ascii: ";")
        || (byte == UInt8(ascii: "#") && (index + 1 >= end || Self.isBlank(bytes[index + 1])))
      {
        var commentEnd = end
        while commentEnd > index, Self.isBlank(bytes[commentEnd - 1]) { commentEnd -= 1 }
        comment = Token(kind: .word, start: index, end: commentEnd)
        break
      }
      let tokenStart = index
      if byte == UInt8(ascii: "\"") {
        index += 1
        var closed = false
        var escaped = false
        while true {
          index = Self.firstQuoteOrBackslash(bytes, from: index, to: end)
          guard index < end else { break }
          if bytes[index] == UInt8(ascii: "\\") {
            escaped = true
            index += 2  // the escaped byte is skipped, even a quote
            continue
          }
          index += 1
          closed = true
          break
        }
        index = min(index, end)
        var tokenEnd = index
        if !closed {
          while tokenEnd > tokenStart, Self.isBlank(bytes[tokenEnd - 1]) { tokenEnd -= 1 }
          diagnostics.append(
            .error(
              Self.code, "this string has no closing quote", at: range(tokenStart, tokenEnd),
              fix: "add a `\"` at the end of the text; write `\\\"` for a quote inside it"))
        } else if escaped, !validEscapes(bytes, tokenStart + 1, tokenEnd - 1) {
          diagnostics.append(
            .error(
              Self.code, "invalid escape in string", at: range(tokenStart, tokenEnd),
              fix: "the escapes are \\\" \\\\ \\n \\t and \\u{XXXX}; write `\\\\` for a backslash"
            ))
        }
        let token = Token(kind: .string, start: tokenStart, end: tokenEnd)
        if indented, key == nil { key = token } else { tokens.append(token) }
        continue
      }
      index = Self.firstBlank(bytes, from: index, to: end)
      if byte == UInt8(ascii: "#") {
        tags.append(Token(kind: .tag, start: tokenStart, end: index))
      } else {
        let token = Token(kind: .word, start: tokenStart, end: index)
        if indented, key == nil { key = token } else { tokens.append(token) }
      }
    }
    // The line's tokens, its key among them; the values are those in the storage.
    let values = tokens.count - first
    let count = values + (key == nil ? 0 : 1)
    let last = values > 0 ? tokens[tokens.count - 1] : key

    if count == 0 && tags.isEmpty {
      if let comment {
        comments.append(CommentNode(token: comment, ownLine: true, indented: indented))
      }
      return
    }
    if let comment {
      comments.append(CommentNode(token: comment, ownLine: false, indented: indented))
    }
    let contentEnd = last.map { max($0.end, tags.last?.end ?? 0) } ?? (tags.last?.end ?? index)

    if count == 0 {
      // A line of tags alone: under an entry they tag it; in column 1 they tag nothing.
      if indented, !entries.isEmpty {
        entryTags += tags
        entries[entries.count - 1].end = contentEnd
      } else {
        diagnostics.append(
          .error(
            Self.code, "tags alone on a line belong to no entry",
            at: range(tags.first?.start ?? index, contentEnd),
            fix: "put the tags on the first line of the entry they belong to"))
      }
      return
    }
    if !indented {
      let head = tokens[first]
      let moved = entryTags.count
      closeEntry(tagsAt: first)
      var entry = EntryNode(
        head: StoreSpan(start: first + moved, count: count), start: head.start, end: contentEnd,
        comment: comment)
      entry.fieldSpan = StoreSpan(start: fields.count, count: 0)
      entries.append(entry)
      if !tags.isEmpty { entryTags += tags }
      return
    }
    guard let key else { return }  // an indented line with tokens has a key
    guard !entries.isEmpty else {
      tokens.removeLast(values)
      diagnostics.append(
        .error(
          Self.code, "indented line outside an entry", at: range(key.start, contentEnd),
          fix: "start entries in column 1; indent only the fields under an entry"))
      return
    }
    guard key.kind == .word else {
      tokens.removeLast(values)
      diagnostics.append(
        .error(
          Self.code, "a field line starts with the field name", at: range(key.start, key.end),
          fix: "write `name value`, e.g. `note \"...\"`"))
      return
    }
    let valueSpan = StoreSpan(start: first, count: values)
    var tagSpan = StoreSpan.empty
    if !tags.isEmpty {
      tagSpan = StoreSpan(start: tokens.count, count: tags.count)
      tokens += tags
    }
    fields.append(
      FieldNode(key: key, values: valueSpan, tags: tagSpan, end: contentEnd, comment: comment))
    entries[entries.count - 1].end = contentEnd
  }

  /// Reports the first control character or invalid UTF-8 sequence of a line, anywhere in
  /// it (words, strings and comments alike); the rest of the line is still parsed.
  private mutating func validateBytes(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) {
    var index = start
    // Eight bytes at a time while they are printable ASCII: no byte 0x80 or above, none
    // below 0x20 and no DEL. A word with any of those goes through the byte loop.
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while index + 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let below = (word &- 0x20 &* ones) & ~word & highs
        let notDEL = word ^ (0x7F &* ones)
        let del = (notDEL &- ones) & ~notDEL & highs
        if (word & highs) | below | del != 0 { break }
        index += 8
      }
    }
    while index < end {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F || byte == 0x09 || byte == 0x0D {
        index += 1
      } else if byte >= 0x80 {
        let length = Self.utf8SequenceLength(bytes, at: index, end: end)
        guard length > 0 else {
          diagnostics.append(
            .error(
              Self.code, "invalid UTF-8 byte 0x\(hex2(byte))", at: range(index, index + 1),
              fix: "save the file as UTF-8"))
          return
        }
        index += length
      } else {
        diagnostics.append(
          .error(
            Self.code, "control character U+\(hex4(byte)) in the text", at: range(index, index + 1),
            fix: "delete it; it is invisible in most editors"))
        return
      }
    }
  }

  private func range(_ start: Int, _ end: Int) -> SourceRange {
    SourceRange(file: fileIndex, start: start, end: end)
  }

  private func conflictMarker(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int)
    -> String?
  {
    guard end - start >= 7 else { return nil }
    let first = bytes[start]
    guard
      first == UInt8(ascii: "<") || first == UInt8(ascii: "=") || first == UInt8(ascii: ">")
        || first == UInt8(ascii: "|")
    else { return nil }
    for offset in 1..<7 where bytes[start + offset] != first { return nil }
    if end - start > 7, !Self.isBlank(bytes[start + 7]) { return nil }
    return String(repeating: Character(Unicode.Scalar(first)), count: 7)
  }

  private func validEscapes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var index = start
    while index < end {
      if bytes[index] == UInt8(ascii: "\\") {
        let slice = ArraySlice(bytes[start..<end])
        return StringLiteral.unescape([UInt8(ascii: "\"")] + slice + [UInt8(ascii: "\"")]) != nil
      }
      index += 1
    }
    return true
  }

  /// Length of the valid UTF-8 sequence at `index`, or 0 when it is not valid UTF-8.
  static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int)
    -> Int
  {
    let lead = bytes[index]
    let length: Int
    let lowest: UInt32
    switch lead {
    case 0xC2...0xDF:
      length = 2
      lowest = 0x80
    case 0xE0...0xEF:
      length = 3
      lowest = 0x800
    case 0xF0...0xF4:
      length = 4
      lowest = 0x10000
    default: return 0
    }
    guard index + length <= end else { return 0 }
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return 0 }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    if value < lowest || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return 0 }
    return length
  }
}

func hex2(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

func hex4(_ byte: UInt8) -> String { "00" + hex2(byte) }

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
    while position < end {
      var lineEnd = end
      if let base = bytes.baseAddress, let found = memchr(base + position, 0x0A, end - position) {
        lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      }
      parseLine(bytes, start: position, end: lineEnd, tags: &tags)
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

  /// Reads one line. Its words and strings go straight onto the end of the token storage
  /// (taken back off when the line turns out to hold none the tree keeps); its tags go to
  /// `tags`, as they are stored after the words.
  private mutating func parseLine(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, tags: inout [Token]
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

    validateBytes(bytes, from: index, to: end)
    let first = tokens.count
    if !tags.isEmpty { tags.removeAll(keepingCapacity: true) }
    var comment: Token?
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
        while index < end {
          let current = bytes[index]
          if current == UInt8(ascii: "\\") {
            index += 2
            continue
          }
          index += 1
          if current == UInt8(ascii: "\"") {
            closed = true
            break
          }
        }
        index = min(index, end)
        var tokenEnd = index
        if !closed {
          while tokenEnd > tokenStart, Self.isBlank(bytes[tokenEnd - 1]) { tokenEnd -= 1 }
          diagnostics.append(
            .error(
              Self.code, "this string has no closing quote", at: range(tokenStart, tokenEnd),
              fix: "add a `\"` at the end of the text; write `\\\"` for a quote inside it"))
        } else if !validEscapes(bytes, tokenStart + 1, tokenEnd - 1) {
          diagnostics.append(
            .error(
              Self.code, "invalid escape in string", at: range(tokenStart, tokenEnd),
              fix: "the escapes are \\\" \\\\ \\n \\t and \\u{XXXX}; write `\\\\` for a backslash"
            ))
        }
        tokens.append(Token(kind: .string, start: tokenStart, end: tokenEnd))
        continue
      }
      while index < end, !Self.isBlank(bytes[index]) {
        index += 1
      }
      if byte == UInt8(ascii: "#") {
        tags.append(Token(kind: .tag, start: tokenStart, end: index))
      } else {
        tokens.append(Token(kind: .word, start: tokenStart, end: index))
      }
    }
    let count = tokens.count - first
    let last = count > 0 ? tokens[tokens.count - 1] : nil

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
    let key = tokens[first]
    guard !entries.isEmpty else {
      tokens.removeLast(count)
      diagnostics.append(
        .error(
          Self.code, "indented line outside an entry", at: range(key.start, contentEnd),
          fix: "start entries in column 1; indent only the fields under an entry"))
      return
    }
    guard key.kind == .word else {
      tokens.removeLast(count)
      diagnostics.append(
        .error(
          Self.code, "a field line starts with the field name", at: range(key.start, key.end),
          fix: "write `name value`, e.g. `note \"...\"`"))
      return
    }
    // The key is kept in the field node itself: its values move down over it.
    tokens.remove(at: first)
    let values = StoreSpan(start: first, count: count - 1)
    var tagSpan = StoreSpan.empty
    if !tags.isEmpty {
      tagSpan = StoreSpan(start: tokens.count, count: tags.count)
      tokens += tags
    }
    fields.append(
      FieldNode(key: key, values: values, tags: tagSpan, end: contentEnd, comment: comment))
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

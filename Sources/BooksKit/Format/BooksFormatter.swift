/// The canonical layout of one `.books` file: what `books fmt` writes (FORMAT.md, 2.11).
///
/// Works from the parser's tokens and comments, never from a re-reading of values: each
/// token is written back exactly as it was, unless a rule in `BooksFormatter+Values.swift`
/// knows a spelling that reads the same. Only the blanks between tokens, the line breaks,
/// the indentation and the order of the fields inside an entry change.
public enum BooksFormatter {
  /// Formats a file. A file with a `syntax` error (from the parser, or an entry head the
  /// model cannot read) is not formatted: the text is nil and the errors say why.
  public static func format(_ file: SourceFile, sort: Bool = false) -> (
    text: String?, diagnostics: [Diagnostic]
  ) {
    let tree = Parser.parse(file, fileIndex: 0)
    guard tree.diagnostics.isEmpty else { return (nil, tree.diagnostics) }
    let syntax = Validation.sorted(ModelBuilder.build([tree]).1.filter { $0.code == Parser.code })
    guard syntax.isEmpty else { return (nil, syntax) }
    var layout = Layout(tree: tree)
    if sort { layout.sortDatedEntries() }
    return (layout.render(), [])
  }

  /// Formats text read from a file at `path` (used in the diagnostics).
  public static func format(_ text: String, path: String = "books.books", sort: Bool = false)
    -> (text: String?, diagnostics: [Diagnostic])
  {
    format(SourceFile(path: path, text: text), sort: sort)
  }
}

/// One physical line of the file, as the parser saw it.
struct LayoutLine {
  enum Kind: Equatable {
    case blank
    case comment(indented: Bool)
    case head
    case field(Int)
    case tags
  }

  var kind: Kind = .blank
  /// Words, strings and tags of the line, in the order written.
  var tokens: [Token] = []
  /// The comment at the end of the line, or the whole line for a comment line.
  var comment: Token?
}

/// A field line or a line of tags, with the comment lines written just above it.
struct LayoutUnit {
  var comments: [Token]
  var line: LayoutLine
}

/// The lines between two entries: blank lines and comment lines at the left margin.
enum GapLine: Equatable {
  case blank
  case comment(Token)
}

/// An entry with everything that belongs to it.
struct LayoutEntry {
  var node: EntryNode
  var head: LayoutLine
  var units: [LayoutUnit] = []
  /// Indented comment lines right after the last field.
  var tail: [Token] = []
}

/// A file split into entries and the gaps around them; `gaps[i]` comes before `entries[i]`
/// and the last gap ends the file.
struct Layout {
  let tree: SyntaxTree
  var entries: [LayoutEntry] = []
  var gaps: [[GapLine]] = []

  init(tree: SyntaxTree) {
    self.tree = tree
    let lines = Self.lines(of: tree)
    var pending: [LayoutLine] = []
    var current: LayoutEntry?
    var nextEntry = 0
    for line in lines {
      switch line.kind {
      case .blank, .comment:
        pending.append(line)
      case .head:
        gaps.append(finish(&current, pending))
        pending = []
        // Heads come in the order of the parser's entries.
        if tree.entries.indices.contains(nextEntry) {
          current = LayoutEntry(node: tree.entries[nextEntry], head: line)
          nextEntry += 1
        }
      case .field, .tags:
        let comments = pending.compactMap { $0.kind == .blank ? nil : $0.comment }
        pending = []
        current?.units.append(LayoutUnit(comments: comments, line: line))
      }
    }
    gaps.append(finish(&current, pending))
  }

  /// Closes the entry being read: its tail, and what is left for the gap after it.
  private mutating func finish(_ entry: inout LayoutEntry?, _ pending: [LayoutLine])
    -> [GapLine]
  {
    var rest = pending[...]
    if var open = entry {
      while let first = rest.first, first.kind == .comment(indented: true),
        let comment = first.comment
      {
        open.tail.append(comment)
        rest = rest.dropFirst()
      }
      entries.append(open)
      entry = nil
    }
    return rest.compactMap { line in
      line.kind == .blank ? .blank : line.comment.map { .comment($0) }
    }
  }

  /// Sorts the parser's tokens and comments back onto the lines they were written on.
  private static func lines(of tree: SyntaxTree) -> [LayoutLine] {
    let file = tree.file
    var lines = [LayoutLine](repeating: LayoutLine(), count: file.lineCount)
    func place(_ token: Token, _ kind: LayoutLine.Kind?) {
      let index = file.line(of: token.start) - 1
      guard lines.indices.contains(index) else { return }
      if let kind { lines[index].kind = kind }
      lines[index].tokens.append(token)
    }
    func attach(_ comment: Token) {
      let index = file.line(of: comment.start) - 1
      if lines.indices.contains(index) { lines[index].comment = comment }
    }
    for entry in tree.entries {
      for token in tree.head(entry) { place(token, .head) }
      if let comment = entry.comment { attach(comment) }
      for (index, field) in tree.fields(entry).enumerated() {
        place(field.key, .field(index))
        for token in tree.values(field) { place(token, nil) }
        for token in tree.tags(field) { place(token, nil) }
        if let comment = field.comment { attach(comment) }
      }
      for tag in tree.tags(entry) {
        let index = file.line(of: tag.start) - 1
        place(tag, lines.indices.contains(index) && lines[index].kind == .blank ? .tags : nil)
      }
    }
    for comment in tree.comments where comment.ownLine {
      let index = file.line(of: comment.token.start) - 1
      guard lines.indices.contains(index) else { continue }
      lines[index].comment = comment.token
      lines[index].kind = .comment(indented: comment.indented)
    }
    // A comment after the tags of a line of tags alone belongs to no field or head.
    for comment in tree.comments where !comment.ownLine { attach(comment.token) }
    for index in lines.indices {
      lines[index].tokens.sort { $0.start < $1.start }
    }
    return lines
  }

  // MARK: Sorting

  /// Puts the dated entries in date order (stable), each with the comment lines right
  /// above it; definitions, and the other gap lines, keep their places.
  mutating func sortDatedEntries() {
    let slots = entries.indices.filter { date(of: entries[$0]) != nil }
    let order = slots.enumerated().sorted { left, right in
      let leftDate = date(of: entries[left.element]) ?? ""
      let rightDate = date(of: entries[right.element]) ?? ""
      return leftDate != rightDate ? leftDate < rightDate : left.offset < right.offset
    }.map(\.element)
    var attached: [Int: [GapLine]] = [:]
    for slot in slots {
      let gap = gaps[slot]
      let loose = gap.lastIndex(of: .blank).map { gap.index(after: $0) } ?? gap.startIndex
      attached[slot] = Array(gap[loose...])
      gaps[slot].removeSubrange(loose...)
    }
    let original = entries
    for (slot, source) in zip(slots, order) {
      entries[slot] = original[source]
      gaps[slot] += attached[source] ?? []
    }
  }

  /// The date of a dated entry, as written.
  private func date(of entry: LayoutEntry) -> String? {
    guard let first = tree.head(entry.node).first, first.kind == .word,
      tree.bytes(first).first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true
    else { return nil }
    return tree.raw(first)
  }

  // MARK: Rendering

  /// The canonical text of the file.
  func render() -> String {
    var out: [String] = []
    var previousLines = 0
    for (index, gap) in gaps.enumerated() {
      let entry = entries.indices.contains(index) ? renderEntry(entries[index]) : nil
      var lines: [String] = []
      for line in gap {
        switch line {
        case .blank: if lines.last != "" { lines.append("") }
        case .comment(let token): lines.append(tree.raw(token))
        }
      }
      if index == 0 {
        while lines.first == "" { lines.removeFirst() }
      } else if !lines.contains("") {
        // An entry of more than one line stands apart from its neighbours and from the
        // comments after it; one-line entries written together stay together.
        let apart = entry.map { previousLines > 1 || $0.count > 1 } ?? (previousLines > 1)
        if apart && (entry != nil || !lines.isEmpty) { lines.insert("", at: 0) }
      }
      if entry == nil {
        while lines.last == "" { lines.removeLast() }
      }
      out += lines
      if let entry {
        out += entry
        previousLines = entry.count
      }
    }
    return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
  }
}

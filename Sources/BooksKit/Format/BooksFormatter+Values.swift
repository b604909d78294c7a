/// How one entry is laid out: its fields in the schema's order when that is safe, each
/// line's tokens one space apart, and the spellings that read the same normalised.
extension Layout {
  static let indent = "  "

  /// The lines of an entry, head first.
  func renderEntry(_ entry: LayoutEntry) -> [String] {
    let kind = kind(of: entry.node)
    var lines = [renderLine(entry.head, head: true, kind: kind, field: nil)]
    let units = ordered(entry.units, node: entry.node, kind: kind)
    let itemColumn = self.itemColumn(units, node: entry.node, kind: kind)
    for unit in units {
      for comment in unit.comments { lines.append(Self.indent + tree.raw(comment)) }
      var field: FieldNode?
      if case .field(let index) = unit.line.kind, tree.fields(entry.node).indices.contains(index) {
        field = tree.fields(entry.node)[index]
      }
      lines.append(
        Self.indent
          + renderLine(unit.line, head: false, kind: kind, field: field, itemColumn: itemColumn))
    }
    for comment in entry.tail { lines.append(Self.indent + tree.raw(comment)) }
    return lines
  }

  /// The kind of an entry, when its head names one (a dated kind only after a date).
  func kind(of node: EntryNode) -> EntryKind? {
    guard let first = tree.head(node).first, first.kind == .word else { return nil }
    if tree.bytes(first).first.map(isDigit) == true {
      guard let second = tree.head(node).dropFirst().first, second.kind == .word,
        let kind = EntryKind(rawValue: tree.raw(second)), kind.isDated
      else { return nil }
      return kind
    }
    guard let kind = EntryKind(rawValue: tree.raw(first)), !kind.isDated else { return nil }
    return kind
  }

  // MARK: Field order

  /// Lines of tags first, then the fields in the order of `EntryKind.fields`; fields of
  /// one name keep their order. Entries where the order could matter keep theirs.
  func ordered(_ units: [LayoutUnit], node: EntryNode, kind: EntryKind?) -> [LayoutUnit] {
    guard let kind, reorderIsSafe(node, kind) else { return units }
    let names = kind.fields.map(\.name)
    func rank(_ unit: LayoutUnit) -> Int {
      guard case .field(let index) = unit.line.kind, tree.fields(node).indices.contains(index),
        let position = names.firstIndex(of: tree.raw(tree.fields(node)[index].key))
      else { return -1 }
      return position
    }
    return units.enumerated().sorted { left, right in
      let (leftRank, rightRank) = (rank(left.element), rank(right.element))
      return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
    }.map(\.element)
  }

  /// True when reading the fields in another order gives the same entry: every field is
  /// known and given at most once unless repeatable, no field line carries tags (their
  /// order is kept in the model), and no two fields set the same value.
  func reorderIsSafe(_ node: EntryNode, _ kind: EntryKind) -> Bool {
    let specs = kind.fields
    var seen: Set<String> = []
    for field in tree.fields(node) {
      let name = tree.raw(field.key)
      guard field.key.kind == .word, tree.tags(field).isEmpty,
        let spec = specs.first(where: { $0.name == name })
      else { return false }
      if !spec.repeatable, seen.contains(name) { return false }
      seen.insert(name)
    }
    switch kind {
    case .meeting:
      // Both set the end; the first one written wins.
      return !(seen.contains("end") && seen.contains("duration"))
    case .service:
      // `pricing hourly 95 EUR` and `rate` both set the rate; the last one written wins.
      let pricedInline = tree.fields(node).contains {
        tree.raw($0.key) == "pricing" && tree.values($0).count > 1
      }
      return !(pricedInline && seen.contains("rate"))
    default:
      return true
    }
  }

  // MARK: Lines

  /// A line's tokens one space apart, then two spaces and its comment.
  func renderLine(
    _ line: LayoutLine, head: Bool, kind: EntryKind?, field: FieldNode?, itemColumn: Int? = nil
  ) -> String {
    let values: [Token]
    if head {
      values = line.tokens.filter { $0.kind != .tag }
    } else {
      values = field.map { Array(tree.values($0)) } ?? []
    }
    let replacements =
      head
      ? headReplacements(values, kind: kind)
      : fieldReplacements(values, kind: kind, name: field.map { tree.raw($0.key) } ?? "")
    var text = ""
    var width = 0
    // Only items line up, after their quoted description.
    let description =
      itemColumn == nil || field.map({ tree.raw($0.key) }) != "item"
      ? nil : field.flatMap { tree.values($0).first }.flatMap { $0.kind == .string ? $0 : nil }
    for (index, token) in line.tokens.enumerated() {
      let spelled = replacements[token.start] ?? tree.raw(token)
      if index > 0 {
        text += " "
        width += 1
      }
      text += spelled
      width += spelled.count
      if let itemColumn, token == description, index + 1 < line.tokens.count {
        let padding = max(0, itemColumn - width - 1)
        text += String(repeating: " ", count: padding)
        width += padding
      }
    }
    if let comment = line.comment {
      text += (text.isEmpty ? "" : "  ") + tree.raw(comment)
    }
    return text
  }

  /// The column (after the indentation) where what follows an item's description starts,
  /// so the quantities and amounts of an entry's items line up; nil for fewer than two.
  func itemColumn(_ units: [LayoutUnit], node: EntryNode, kind: EntryKind?) -> Int? {
    guard let kind, [.invoice, .estimate, .creditNote, .recurring].contains(kind) else {
      return nil
    }
    var widths: [Int] = []
    for unit in units {
      guard case .field(let index) = unit.line.kind, tree.fields(node).indices.contains(index)
      else { continue }
      let field = tree.fields(node)[index]
      guard tree.raw(field.key) == "item", let description = tree.values(field).first,
        description.kind == .string,
        let position = unit.line.tokens.firstIndex(of: description),
        position + 1 < unit.line.tokens.count
      else { continue }
      let before = unit.line.tokens[...position].map { tree.raw($0).count }
      widths.append(before.reduce(0, +) + before.count - 1)
    }
    guard widths.count >= 2, let widest = widths.max() else { return nil }
    return widest + 1
  }

  // MARK: Values

  /// New spellings for head tokens, by token start: the duration of a time entry or of a
  /// meeting, and an income or expense amount written currency first.
  func headReplacements(_ tokens: [Token], kind: EntryKind?) -> [Int: String] {
    var replacements: [Int: String] = [:]
    switch kind {
    case .time:
      if tokens.count > 3 { normaliseDuration(tokens[3], into: &replacements) }
    case .meeting:
      if tokens.count > 3, tokens[2].kind == .word {
        let start = tree.bytes(tokens[2])
        if start.first.map(isDigit) == true, start.contains(UInt8(ascii: ":")),
          !start.contains(UInt8(ascii: "-"))
        {
          normaliseDuration(tokens[3], into: &replacements)
        }
      }
    case .income, .expense:
      if tokens.count > 3 { amountNumberFirst(tokens[2], tokens[3], into: &replacements) }
    default: break
    }
    return replacements
  }

  /// New spellings for a field's value tokens: durations, and amounts currency first.
  func fieldReplacements(_ values: [Token], kind: EntryKind?, name: String) -> [Int: String] {
    var replacements: [Int: String] = [:]
    guard let kind else { return replacements }
    switch (kind, name) {
    case (.client, "rounding"), (.project, "estimate"), (.service, "duration"),
      (.meeting, "duration"), (.recurring, "includes"):
      if values.count == 1, let only = values.first { normaliseDuration(only, into: &replacements) }
    case (.client, "contract"), (.project, "value"), (.service, "rate"), (.staff, "cost"),
      (.staff, "rate"), (.income, "fee"), (.purchaseOrder, "limit"), (.invoice, "total"),
      (.recurring, "overage"):
      if values.count == 2 { amountNumberFirst(values[0], values[1], into: &replacements) }
    default: break
    }
    return replacements
  }

  /// `90m` → `1h30m`, `1.5h` → `1h30m`, `2h05m` → `2h5m`: the spelling `TimeSpan` gives,
  /// used only when it reads back as the same span.
  func normaliseDuration(_ token: Token, into replacements: inout [Int: String]) {
    guard token.kind == .word, let span = TimeSpan.parse(tree.bytes(token)) else { return }
    let canonical = span.description
    guard TimeSpan.parse(ArraySlice(canonical.utf8)) == span, canonical != tree.raw(token)
    else { return }
    replacements[token.start] = canonical
  }

  /// `EUR 40` → `40 EUR`: the number first, the way amounts are written everywhere else.
  func amountNumberFirst(_ first: Token, _ second: Token, into replacements: inout [Int: String]) {
    guard first.kind == .word, second.kind == .word,
      Currency.parseISO(tree.bytes(first)) != nil,
      DecimalNumber.parse(tree.bytes(second)) != nil
    else { return }
    replacements[first.start] = tree.raw(second)
    replacements[second.start] = tree.raw(first)
  }
}

/// Reads typed values out of one entry's tokens, reporting what it cannot read.
///
/// Every accessor returns nil after reporting a `values` (malformed) or `fields`
/// (missing, unknown, repeated) diagnostic pointing at the exact token.
struct EntryReader {
  let tree: TreeStore
  let entry: EntryNode
  /// The entry's kind once the builder knows it (saves reading the keyword again).
  var kind: EntryKind?

  init(tree: SyntaxTree, entry: EntryNode) {
    self.init(store: tree.store, entry: entry)
  }

  /// A reader of `entry` through `store` (a tree's own, or a `view` of it).
  init(store: TreeStore, entry: EntryNode) {
    self.tree = store
    self.entry = entry
  }

  var headRange: SourceRange {
    tree.range(start: entry.start, end: head.last?.end ?? entry.start)
  }

  /// The tokens of the entry's head line.
  var head: Tokens { tree.head(entry) }

  /// The entry's field lines.
  var fieldNodes: FieldNodes { tree.fields(entry) }

  /// A field's values.
  func values(_ field: FieldNode) -> Tokens { tree.values(field) }

  /// The entry's tags, then its fields' tags.
  var tags: [String] {
    let fields = fieldNodes
    guard !tree.tags(entry).isEmpty || fields.contains(where: { !tree.tags($0).isEmpty }) else {
      return []  // most entries have no tags: nothing to allocate
    }
    var texts = tree.tags(entry).map { tree.text($0) }
    for field in fields { texts += tree.tags(field).map { tree.text($0) } }
    return texts
  }

  private var fieldKeyword: String {
    guard let first = head.first else { return "entry" }
    if let second = head.dropFirst().first, tree.bytes(first).first.map(isDigit) == true {
      return tree.text(second)
    }
    return tree.text(first)
  }

  // MARK: Heads

  /// The id after a definition keyword (`client ID ...`).
  func id(_ builder: ModelBuilder) -> (String, SourceRange)? {
    guard head.count >= 2 else {
      builder.report(
        .error(
          Parser.code, "`\(fieldKeyword)` needs an id", at: headRange,
          fix: "\(fieldKeyword) my-id \"Name\""))
      return nil
    }
    let token = head[1]
    guard checkIdentifier(token, builder) else { return nil }
    return (tree.text(token), tree.range(token))
  }

  /// Ids are lowercase ASCII letters, digits, `-`, `_`, `.` and `/`, starting with a letter
  /// or digit.
  @discardableResult
  func checkIdentifier(_ token: Token, _ builder: ModelBuilder) -> Bool {
    let bytes = tree.bytes(token)
    let valid =
      token.kind == .word && !bytes.isEmpty
      && bytes.first.map { isLower($0) || isDigit($0) } == true
      && bytes.allSatisfy {
        isLower($0) || isDigit($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E || $0 == 0x2F
      }
    if !valid {
      let suggestion = String(
        tree.text(token).lowercased().map { $0 == " " ? "-" : $0 }.filter {
          $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0))
        })
      builder.report(
        .error(
          ModelBuilder.valuesCode,
          "`\(clip(tree.raw(token)))` is not a valid id", at: tree.range(token),
          fix: "ids use lowercase letters, digits, `-`, `_`, `.` and `/`"
            + (suggestion.isEmpty ? "" : ", e.g. `\(suggestion)`")))
    }
    return valid
  }

  /// The name after the id (`client acme "Acme Corp"`); the id when there is none.
  func name(after index: Int, default fallback: String, _ builder: ModelBuilder) -> String {
    guard head.count > index else { return fallback }
    return text(head[index...], builder) ?? fallback
  }

  // MARK: Fields

  /// Whether `field` is named `name`, without making a string of its key.
  func isKey(_ field: FieldNode, _ name: StaticString) -> Bool {
    tree.isWord(field.key, name)
  }

  /// Visits each field; unknown and wrongly repeated fields are reported, not visited. The
  /// visitor is handed this reader: a closure that captured it would copy it (and retain its
  /// store) for every entry.
  func fields(_ builder: ModelBuilder, _ visit: (EntryReader, FieldNode, String) -> Void) {
    builder.fieldsRead = true
    guard !fieldNodes.isEmpty else { return }  // most dated entries are one line
    let kind = knownKind
    let specs = kind?.fields ?? []
    // Which specs were seen, as bits (no kind has 64 fields; beyond, repeats go unnoticed).
    var seen: UInt64 = 0
    for field in fieldNodes {
      // A bare key is matched by its bytes, and named by its spec's string, so that no string
      // is made for it. (The parser reports a line that starts with a quoted text and keeps
      // no field for it; a key of another kind is read as text all the same.)
      let index: Int?
      let key: String
      if field.key.kind == .word {
        let bytes = tree.bytes(field.key)
        index = bytes.withUnsafeBufferPointer { bytes in
          // The lengths first: most names a key is compared with are not as long as it.
          specs.firstIndex { $0.name.utf8.count == bytes.count && Interner.equal($0.name, bytes) }
        }
        key = index.map { specs[$0].name } ?? tree.text(field.key)
      } else {
        key = tree.text(field.key)
        index = specs.firstIndex { $0.name == key }
      }
      guard let index else {
        let suggestion = Suggestion.closest(to: key, in: specs.map(\.name))
        builder.report(
          .error(
            ModelBuilder.fieldsCode, "`\(fieldKeyword)` has no field `\(key)`",
            at: tree.range(field.key),
            fix: suggestion.map { "did you mean `\($0)`?" }
              ?? "fields of `\(fieldKeyword)`: " + specs.map(\.name).joined(separator: ", ")))
        continue
      }
      let bit: UInt64 = index < 64 ? 1 << UInt64(index) : 0
      if !specs[index].repeatable, seen & bit != 0,
        let first = fieldNodes.first(where: { tree.text($0.key) == key })
      {
        builder.report(
          .error(
            ModelBuilder.fieldsCode, "field `\(key)` is given twice", at: tree.range(field.key),
            notes: [DiagnosticNote("first given here", at: tree.range(first.key))],
            fix: "keep one `\(key)` line"))
        continue
      }
      seen |= bit
      visit(self, field, key)
    }
  }

  /// The entry's kind: the one the builder set, or the one its keyword names.
  var knownKind: EntryKind? { kind ?? EntryKind(rawValue: fieldKeyword) }

  /// Reports any field on an entry that takes none.
  func fieldsAbsent(_ builder: ModelBuilder) {
    builder.fieldsRead = true
    for field in fieldNodes {
      builder.report(
        .error(
          ModelBuilder.fieldsCode, "`\(fieldKeyword)` takes no fields", at: tree.range(field.key),
          fix: "remove the indentation if this line is an entry of its own"))
    }
  }

  func missing(_ field: String, example: String, _ builder: ModelBuilder) {
    builder.report(
      .error(
        ModelBuilder.fieldsCode, "`\(fieldKeyword)` needs a `\(field)` field", at: headRange,
        fix: "add an indented line: `  \(field) \(example)`"))
  }

  // MARK: Values

  func range(of field: FieldNode) -> SourceRange {
    tree.range(start: field.start, end: field.end)
  }

  /// The position just after a field's key, for "value missing" diagnostics.
  func afterKey(_ field: FieldNode) -> SourceRange {
    tree.range(start: field.key.end, end: field.key.end)
  }

  /// Free text: one quoted string, or bare words joined by single spaces.
  func text(_ tokens: some Collection<Token>, _ builder: ModelBuilder) -> String? {
    guard let first = tokens.first else { return nil }
    if tokens.count == 1 { return text(first, builder) }
    if let string = tokens.first(where: { $0.kind == .string }) {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "text mixes quoted and bare words", at: tree.range(string),
          fix: "quote the whole text: "
            + clip(StringLiteral.quote(tokens.map { tree.text($0) }.joined(separator: " ")))))
      return nil
    }
    return tokens.map { tree.text($0) }.joined(separator: " ")
  }

  /// A field's text value, required.
  func text(_ field: FieldNode, _ builder: ModelBuilder) -> String? {
    guard !values(field).isEmpty else {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "`\(tree.text(field.key))` needs a value",
          at: afterKey(field), fix: "\(tree.text(field.key)) \"...\""))
      return nil
    }
    return text(values(field), builder)
  }

  /// A token's text, interned by the builder: an id or description of 16 to 64 bytes read
  /// again by the same builder (one per slice of the entries) shares the first reading's
  /// string.
  func text(_ token: Token, _ builder: ModelBuilder) -> String {
    let bytes = tree.bytes(token)
    switch token.kind {
    case .word: return builder.interner.string(bytes)
    case .string:
      let inner = bytes.dropFirst().dropLast()
      let quote = UInt8(ascii: "\"")
      // Escapes and unclosed quotes are read as `tree.text` reads them.
      guard bytes.count >= 2, bytes.first == quote, bytes.last == quote,
        !inner.contains(UInt8(ascii: "\\"))
      else { return tree.text(token) }
      return builder.interner.string(inner)
    case .tag: return tree.text(token)
    }
  }

  /// Exactly one token after the key.
  func single(_ field: FieldNode, what: String, example: String, _ builder: ModelBuilder)
    -> Token?
  {
    guard let token = values(field).first else {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "`\(tree.text(field.key))` needs \(what)",
          at: afterKey(field), fix: "\(tree.text(field.key)) \(example)"))
      return nil
    }
    if values(field).count > 1 {
      extra(values(field)[1...], builder)
    }
    return token
  }

  /// Reports tokens nobody expected.
  func extra(_ tokens: some BidirectionalCollection<Token>, _ builder: ModelBuilder) {
    guard let first = tokens.first, let last = tokens.last else { return }
    builder.report(
      .error(
        ModelBuilder.valuesCode, "unexpected `\(clip(tree.raw(first)))`",
        at: tree.range(start: first.start, end: last.end), fix: "delete it, or quote the text"))
  }

  /// A reference to an id or number.
  func ref(_ field: FieldNode, what: String, _ builder: ModelBuilder) -> Ref? {
    guard let token = single(field, what: what, example: "my-id", builder) else { return nil }
    return ref(token, builder)
  }

  func ref(_ token: Token, _ builder: ModelBuilder) -> Ref? {
    guard token.kind == .word else {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "an id is written without quotes", at: tree.range(token),
          fix: tree.text(token)))
      return nil
    }
    return Ref(text(token, builder), at: tree.range(token))
  }

  /// Several references on one line.
  func refs(_ field: FieldNode, _ builder: ModelBuilder) -> [Ref] {
    if values(field).isEmpty {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "`\(tree.text(field.key))` needs at least one id",
          at: afterKey(field), fix: "\(tree.text(field.key)) my-id"))
    }
    return values(field).compactMap { ref($0, builder) }
  }

  /// A vocabulary word (checked against the vocabulary later, by the `vocab` check).
  func word(_ field: FieldNode, _ builder: ModelBuilder) -> Word? {
    guard let token = single(field, what: "a value", example: "value", builder) else {
      return nil
    }
    return Ref(text(token, builder), at: tree.range(token))
  }

  func date(_ token: Token, _ builder: ModelBuilder) -> CalendarDate? {
    if let date = CalendarDate.parse(tree.bytes(token)) { return date }
    let (message, fix) = dateProblem(tree.raw(token))
    builder.report(.error(ModelBuilder.valuesCode, message, at: tree.range(token), fix: fix))
    return nil
  }

  private func dateProblem(_ raw: String) -> (String, String) {
    let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
    let format = "dates are written YYYY-MM-DD, e.g. 2026-01-31"
    if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.utf8.allSatisfy(isDigit) }), let year = Int(parts[0]),
      let month = Int(parts[1]), let day = Int(parts[2])
    {
      if !(1...12).contains(month) {
        return ("`\(raw)` is not a date: there is no month \(month)", "months run from 01 to 12")
      }
      if year == 0 { return ("`\(raw)` is not a date: years start at 0001", format) }
      let days = CalendarDate.daysIn(month: month, year: year)
      return (
        "`\(raw)` is not a date: \(monthName(month)) \(year) has no day \(day)",
        "\(monthName(month)) \(year) has \(days) days"
      )
    }
    return ("`\(clip(raw))` is not a date", format)
  }

  func date(_ field: FieldNode, _ builder: ModelBuilder) -> CalendarDate? {
    guard let token = single(field, what: "a date", example: "2026-01-31", builder) else {
      return nil
    }
    return date(token, builder)
  }

  func yesNo(_ field: FieldNode, _ builder: ModelBuilder) -> Bool? {
    guard let token = values(field).first else { return true }  // a bare flag means yes
    if values(field).count > 1 { extra(values(field)[1...], builder) }
    switch tree.text(token) {
    case "yes", "true": return true
    case "no", "false": return false
    default:
      builder.report(
        .error(
          ModelBuilder.valuesCode, "expected `yes` or `no`, found `\(clip(tree.raw(token)))`",
          at: tree.range(token), fix: "\(tree.text(field.key)) yes"))
      return nil
    }
  }

  func timeSpan(_ token: Token, _ builder: ModelBuilder) -> TimeSpan? {
    if let span = TimeSpan.parse(tree.bytes(token)) { return span }
    builder.report(
      .error(
        ModelBuilder.valuesCode, "`\(clip(tree.raw(token)))` is not a duration",
        at: tree.range(token),
        fix: "write durations like 1h30m, 1.5h or 90m, of at most 10,000,000 hours"))
    return nil
  }

  func timeSpan(_ field: FieldNode, _ builder: ModelBuilder) -> TimeSpan? {
    guard let token = single(field, what: "a duration", example: "1h30m", builder) else {
      return nil
    }
    return timeSpan(token, builder)
  }

  func timeOfDay(_ token: Token, _ builder: ModelBuilder) -> TimeOfDay? {
    if let time = TimeOfDay.parse(tree.bytes(token)) { return time }
    builder.report(
      .error(
        ModelBuilder.valuesCode, "`\(clip(tree.raw(token)))` is not a time of day",
        at: tree.range(token), fix: "write times as HH:MM, e.g. 09:30"))
    return nil
  }

  func decimal(_ token: Token, _ builder: ModelBuilder) -> DecimalNumber? {
    if let number = DecimalNumber.parse(tree.bytes(token)) { return number }
    builder.report(
      .error(
        ModelBuilder.valuesCode, numberProblem(token), at: tree.range(token),
        fix: numberFix(token)))
    return nil
  }

  private func numberFix(_ token: Token) -> String {
    let raw = tree.raw(token)
    let digits = String(raw.filter { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") })
    if raw.contains(where: { "€$£¥₹₽₩₺₴₦₱".contains($0) }) {
      return "write the currency as its code after the amount, e.g. `\(digits) EUR`"
    }
    if raw.contains(",") {
      return "write numbers like 1250 or 1250.50, with no thousands separators"
    }
    return "write numbers like 1250 or 1250.50"
  }

  private func numberProblem(_ token: Token) -> String {
    let raw = tree.raw(token)
    let digits = tree.bytes(token).filter(isDigit).count
    if digits > 30 && tree.bytes(token).allSatisfy({ isDigit($0) || $0 == 0x2E || $0 == 0x2D }) {
      return "`\(raw.prefix(24))…` is too large a number (\(digits) digits)"
    }
    return "`\(raw)` is not a number"
  }

  /// An amount: `NUMBER [CUR]` or `CUR NUMBER`, starting at `index`; returns the tokens used.
  func money(
    _ run: some RandomAccessCollection<Token>, at index: Int, currency: Currency?,
    _ builder: ModelBuilder
  ) -> (Money, Int)? {
    // Indexed from zero whatever the collection's own indices.
    let tokens = ZeroBased(run)
    guard index < tokens.count else { return nil }
    let first = tokens[index]
    var number: DecimalNumber?
    var code: Currency?
    var used = 1
    if let leading = Currency.parseISO(tree.bytes(first)), index + 1 < tokens.count {
      code = leading
      number = decimal(tokens[index + 1], builder)
      used = 2
    } else {
      guard let value = decimal(first, builder) else { return nil }
      number = value
      if index + 1 < tokens.count, let trailing = Currency.parseISO(tree.bytes(tokens[index + 1])) {
        code = trailing
        used = 2
      }
    }
    guard let number else { return nil }
    // Only a three-byte word after the number is upper-cased to see whether it is a code
    // written in lower case; quoted texts and longer words (descriptions) are not.
    if code == nil, index + 1 < tokens.count, tokens[index + 1].kind == .word,
      tokens[index + 1].end - tokens[index + 1].start == 3,
      let upper = Currency.parseISO(ArraySlice(tree.raw(tokens[index + 1]).uppercased().utf8)),
      tree.raw(tokens[index + 1]) != upper.code
    {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "currency codes are written in capitals",
          at: tree.range(tokens[index + 1]), fix: upper.code))
      return nil
    }
    guard let resolved = code ?? currency else {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "no currency for this amount", at: tree.range(first),
          fix:
            "write the currency after it (`\(tree.raw(first)) EUR`), or set `currency EUR` in the business block"
        ))
      return nil
    }
    return (Money(number, resolved), used)
  }

  /// A field holding exactly one amount.
  func money(_ field: FieldNode, currency: Currency?, _ builder: ModelBuilder) -> Money? {
    guard !values(field).isEmpty else {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "`\(tree.text(field.key))` needs an amount",
          at: afterKey(field), fix: "\(tree.text(field.key)) 1000 EUR"))
      return nil
    }
    guard let (money, used) = self.money(values(field), at: 0, currency: currency, builder) else {
      return nil
    }
    if used < values(field).count { extra(values(field)[used...], builder) }
    return money
  }

  func currency(_ field: FieldNode, _ builder: ModelBuilder) -> Currency? {
    guard let token = single(field, what: "a currency code", example: "EUR", builder) else {
      return nil
    }
    if let currency = Currency.parseISO(tree.bytes(token)) { return currency }
    // A code written in lower case gets the message amounts give it.
    if token.kind == .word, token.end - token.start == 3,
      let upper = Currency.parseISO(ArraySlice(tree.raw(token).uppercased().utf8))
    {
      builder.report(
        .error(
          ModelBuilder.valuesCode, "currency codes are written in capitals",
          at: tree.range(token), fix: upper.code))
      return nil
    }
    builder.report(
      .error(
        ModelBuilder.valuesCode, "`\(clip(tree.raw(token)))` is not an ISO 4217 currency code",
        at: tree.range(token), fix: "use the three-letter ISO 4217 code, e.g. EUR, USD, GBP"))
    return nil
  }

  /// Payment terms in days: `30 days`, `30d`, `net 30`.
  func days(
    _ tokens: some BidirectionalCollection<Token>, _ builder: ModelBuilder, at fallback: SourceRange
  )
    -> Int?
  {
    var words = tokens.map { tree.text($0) }
    var net = false
    if words.first == "net" {
      words.removeFirst()
      net = true
    }
    var number: Int?
    if words.count == 2, words[1] == "days" || words[1] == "day" {
      number = Int(words[0])
    } else if words.count == 1, words[0].hasSuffix("d") {
      number = Int(words[0].dropLast())
    } else if words.count == 1, net {
      number = Int(words[0])
    }
    let digitsOnly =
      words.first.map { word in
        word.utf8.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "d") }
      } ?? false
    if let number, digitsOnly, (0...3650).contains(number) { return number }
    builder.report(
      .error(
        ModelBuilder.valuesCode, "expected a number of days, from 0 to 3650",
        at: tokens.first.map { tree.range(start: $0.start, end: tokens.last?.end ?? $0.end) }
          ?? fallback, fix: "write e.g. `30 days`"))
    return nil
  }

  func percentage(_ token: Token) -> Percentage? {
    Percentage.parse(tree.bytes(token))
  }
}

func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

func monthName(_ month: Int) -> String {
  let names = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
  return names.indices.contains(month - 1) ? names[month - 1] : "month \(month)"
}

/// "a stage", "an invoice status".
func withArticle(_ noun: String) -> String {
  let vowel = noun.first.map { "aeiou".contains($0) } ?? false
  return (vowel ? "an " : "a ") + noun
}

/// Text from the file shortened for a message: at most 60 characters, then `…`.
func clip(_ text: String) -> String {
  text.count <= 60 ? text : String(text.prefix(59)) + "…"
}

/// A collection's elements by offset from its start: `run[0]` is its first element even
/// when `run` is a slice that starts elsewhere.
struct ZeroBased<Base: RandomAccessCollection> {
  let base: Base

  init(_ base: Base) { self.base = base }

  var count: Int { base.count }

  subscript(offset: Int) -> Base.Element {
    base[base.index(base.startIndex, offsetBy: offset)]
  }
}

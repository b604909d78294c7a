/// Builds the typed `Books` from the syntax trees of all loaded files.
///
/// In phases (see `build`): settings and definitions before the documents and incomes that
/// read them (so a dated entry can find its client's currency in any file). Every
/// malformed field is reported and skipped; the entry is still built from what could be
/// read, so later checks see as much as possible.
public final class ModelBuilder {
  public static let fieldsCode = "fields"
  public static let valuesCode = "values"

  var books = Books()
  var diagnostics: [Diagnostic] = []
  /// The ids and texts read so far, so that each is allocated once (see `Interner`).
  let interner: InternerBox
  /// The business's currency once the settings are built (see `defaultCurrency`).
  private(set) var knownDefaultCurrency: Currency?
  /// True for a chunk's builder: it starts from the settings alone (time, expenses and
  /// meetings need nothing else), so reading a client, project or invoice there is a
  /// mistake that debug builds stop at.
  private(set) var readsOnlySettings = false
  /// Set when an entry's fields are read (`EntryReader.fields`, `fieldsAbsent`): an entry
  /// whose builder gave up before reading them still has their names checked.
  var fieldsRead = false

  init(files: [SourceFile]) {
    books.files = files
    interner = InternerBox()
  }

  /// Builds the model. Entries are read in phases so that what an entry's defaults depend
  /// on is known whatever the order of the files: settings first (business, vocabularies,
  /// taxes); then clients, projects and the other definitions, documents, credit notes and
  /// incomes, in that order, beside time, expenses and meetings (which read only the
  /// settings). Within a phase, entries keep file order.
  public static func build(_ trees: consuming [SyntaxTree]) -> (Books, [Diagnostic]) {
    build(trees, chunkMinimum: 4096)
  }

  /// `build`, with dated entries built in chunks of at least `chunkMinimum` entries (and at
  /// most eight chunks per core). Public for the fuzzer, which compares the smallest chunks
  /// with one chunk.
  ///
  /// The trees are let go of once every entry is built: a caller that hands them over
  /// (`consume`) has their tokens and fields freed before the checks run.
  public static func build(_ trees: consuming [SyntaxTree], chunkMinimum: Int) -> (
    Books, [Diagnostic]
  ) {
    var clock = PhaseClock()
    let builder = ModelBuilder(files: trees.map(\.file))
    // Phases 0–3: definitions, each reading what the ones before it built; 4 documents,
    // 5 credit notes, 6 time, expenses and meetings, 7 incomes (see `phase(of:in:)`).
    var byPhase = Array(repeating: [(tree: Int, entry: Int)](), count: 8)
    // Phase 6: the array each entry's value goes to.
    var datedArrays: [DatedArray] = []
    // Several files are classified side by side, each through buffers of its own.
    let files = trees  // a `let` the threads can read
    let classes =
      files.count > 1
      ? Parallel.map(files.count) { Self.classify(files[$0]) } : files.map { Self.classify($0) }
    _ = consume files  // the trees are let go of below: this copy must not hold them
    var counts = [Int](repeating: 0, count: 8)
    for tree in classes { for kind in tree { counts[kind.phase] += 1 } }
    for phase in 0..<8 { byPhase[phase].reserveCapacity(counts[phase]) }
    datedArrays.reserveCapacity(counts[6])
    for (treeIndex, tree) in classes.enumerated() {
      for (entryIndex, kind) in tree.enumerated() {
        byPhase[kind.phase].append((treeIndex, entryIndex))
        if kind.phase == 6 { datedArrays.append(kind.array) }
      }
    }
    clock.lap("build: classify")
    // Settings first (the business, taxes, vocabularies): the business's currency is known
    // for good.
    for (treeIndex, entryIndex) in byPhase[0] {
      let tree = trees[treeIndex]
      builder.buildDefinition(tree.store, tree.entries[entryIndex])
    }
    clock.lap("build: settings")
    builder.knownDefaultCurrency = builder.books.defaultCurrency
    // Time, expenses and meetings need only the settings: they are built in chunks side by
    // side, from a copy of the books as they are now, while one worker builds the clients,
    // projects and other definitions (each phase reading the ones before it), then the
    // documents, the credit notes (they look their invoice up) and the incomes (a payment's
    // currency is that of the invoice it pays) into the books themselves. Documents are not
    // chunked: they read the shared definitions much more than dated entries do, and two
    // threads took turns on them.
    let documents = Handover(builder: builder)
    let definitions = byPhase[1] + byPhase[2] + byPhase[3]
    let ordered = byPhase[4] + byPhase[5] + byPhase[7]
    let shared = trees  // a `let` the workers can read; `trees` is let go of below
    let dated = Self.dated(
      byPhase[6], datedArrays, of: shared, over: builder.books, minimum: chunkMinimum
    ) {
      // One copy of each tree, not one per entry: a copy retains its arrays.
      var current: (index: Int, tree: SyntaxTree)?
      func tree(_ index: Int) -> SyntaxTree {
        if let current, current.index == index { return current.tree }
        current = (index, shared[index])
        return shared[index]
      }
      PhaseClock.timed("definitions") {
        // Room for every id at once: a growing table hashes each id again at every doubling.
        documents.builder.books.definitions.reserveCapacity(
          documents.builder.books.definitions.count + definitions.count)
        for (treeIndex, entryIndex) in definitions where shared.indices.contains(treeIndex) {
          let tree = tree(treeIndex)
          guard tree.entries.indices.contains(entryIndex) else { continue }
          documents.builder.buildDefinition(tree.store, tree.entries[entryIndex])
        }
      }
      PhaseClock.timed("documents, credit notes and incomes") {
        for (treeIndex, entryIndex) in ordered where shared.indices.contains(treeIndex) {
          let tree = tree(treeIndex)
          guard tree.entries.indices.contains(entryIndex) else { continue }
          documents.builder.buildDated(tree.store, tree.entries[entryIndex])
        }
      }
    }
    _ = consume shared
    trees = []  // a caller that handed the trees over has them freed now
    builder.books.timeEntries = dated.timeEntries
    builder.books.expenses = dated.expenses
    builder.books.meetings = dated.meetings
    builder.diagnostics += dated.diagnostics
    builder.books.unbuiltRefs += dated.unbuiltRefs
    clock.lap("build: documents and dated entries")
    return (builder.books, builder.diagnostics)
  }

  private init(books: Books, interner: InternerBox = InternerBox()) {
    self.books = books
    self.interner = interner
    knownDefaultCurrency = books.defaultCurrency
  }

  /// The books' own builder, handed to the worker that builds the documents, credit notes
  /// and incomes, and read again once every worker is done.
  private struct Handover: @unchecked Sendable {
    let builder: ModelBuilder
  }

  /// The buffers of the books' three dated arrays, each chunk writing a region of its own
  /// in each.
  private struct Regions: @unchecked Sendable {
    let timeEntries: UnsafeMutableBufferPointer<TimeEntry>
    let expenses: UnsafeMutableBufferPointer<Expense>
    let meetings: UnsafeMutableBufferPointer<Meeting>

    /// The three arrays, with room for `totals` values each, made by `fill`: it initializes
    /// the first values of each buffer and says how many.
    static func filled(
      _ totals: (Int, Int, Int), _ fill: (Regions) -> (Int, Int, Int)
    ) -> ([TimeEntry], [Expense], [Meeting]) {
      var expenses: [Expense] = []
      var meetings: [Meeting] = []
      var counts = (0, 0, 0)
      // Room for one value at least: with none, each initializer would write the shared
      // empty array's count (see `LocalFileSystem.read`).
      let timeEntries = [TimeEntry](unsafeUninitializedCapacity: max(totals.0, 1)) {
        time, timeCount in
        expenses = [Expense](unsafeUninitializedCapacity: max(totals.1, 1)) {
          expense, expenseCount in
          meetings = [Meeting](unsafeUninitializedCapacity: max(totals.2, 1)) {
            meeting, meetingCount in
            counts = fill(Regions(timeEntries: time, expenses: expense, meetings: meeting))
            meetingCount = counts.2
          }
          expenseCount = counts.1
        }
        timeCount = counts.0
      }
      return (timeEntries, expenses, meetings)
    }
  }

  /// Each worker's interner: the chunks a worker builds share theirs. A box may be used by
  /// one thread at a time only, which holds as each worker runs its chunks one by one.
  private struct Interners: @unchecked Sendable {
    let boxes: [InternerBox]
  }

  /// The array a dated entry of phase 6 adds its value to, if any: an entry adds at most
  /// one value, to the array its keyword names (read as `buildDated` reads it).
  fileprivate enum DatedArray: UInt8, Sendable {
    case timeEntries, expenses, meetings, none
  }

  private static func datedArray(of head: Tokens, in tree: SyntaxTree) -> DatedArray {
    guard head.count > 1 else { return .none }
    let keyword = head[1]
    if isKeyword(keyword, "time", in: tree) { return .timeEntries }
    if isKeyword(keyword, "expense", in: tree) { return .expenses }
    return isKeyword(keyword, "meeting", in: tree) ? .meetings : .none
  }

  /// True when `token` is `keyword`, bare or quoted, as `buildDated` and `buildDefinition`
  /// read keywords.
  private static func isKeyword(_ token: Token, _ keyword: StaticString, in tree: SyntaxTree)
    -> Bool
  {
    token.kind == .string ? tree.text(token) == "\(keyword)" : tree.isWord(token, keyword)
  }

  /// What the dated entries of phase 6 add to the books.
  private struct Dated: Sendable {
    var timeEntries: [TimeEntry] = []
    var expenses: [Expense] = []
    var meetings: [Meeting] = []
    var diagnostics: [Diagnostic] = []
    var unbuiltRefs: [UnbuiltRef] = []
  }

  /// What a chunk built: how many values it moved into each of its regions, what did not
  /// fit there (nothing, unless a chunk made more values of a kind than its entries name),
  /// and its diagnostics.
  private struct ChunkResult: Sendable {
    var moved: [Int]
    var leftOver: Dated
  }

  /// `entries` (in file order, `arrays` saying where each one's value goes) built in chunks
  /// of at least `minimum` entries, each by a builder of its own starting from `books`, by
  /// up to one worker per core. A worker takes the next chunk once done with one; `first`
  /// runs on one worker before it takes any, so that worker takes fewer.
  ///
  /// A chunk reads its entries through stores of its own over a copy of their bytes
  /// (`TreeStore.view`): no thread writes to a reference count that another thread writes
  /// too. Its values are moved straight into the books' arrays, each chunk into a region of
  /// its own sized by how many of its entries name that array: the arrays are never joined,
  /// and the memory a chunk built its values in is freed for the next chunk to use.
  private static func dated(
    _ entries: [(tree: Int, entry: Int)], _ arrays: [DatedArray], of trees: [SyntaxTree],
    over books: Books, minimum: Int, first: @Sendable () -> Void
  ) -> Dated {
    // Several chunks per core: the worker that runs `first` catches up by taking fewer.
    let count =
      entries.isEmpty ? 0 : max(1, min(entries.count / max(minimum, 1), Parallel.cores * 8))
    @Sendable func bounds(_ chunk: Int) -> Range<Int> {
      entries.count * chunk / count..<entries.count * (chunk + 1) / count
    }
    // Each chunk's room in each array; per array, where each chunk's region starts.
    let room: [[Int]] = (0..<count).map { chunk in
      var room = [0, 0, 0]
      for index in bounds(chunk) where arrays.indices.contains(index) {
        let array = Int(arrays[index].rawValue)
        if array < 3 { room[array] += 1 }
      }
      return room
    }
    let starts = (0..<3).map { array in room.map { $0[array] }.runStarts }
    let totals = (0..<3).map { array in room.reduce(0) { $0 + $1[array] } }
    let interners = Interners(boxes: (0..<Parallel.cores).map { _ in InternerBox() })
    var results: [ChunkResult] = []
    var dated = Dated()
    (dated.timeEntries, dated.expenses, dated.meetings) = Regions.filled(
      (totals[0], totals[1], totals[2])
    ) { regions in
      results = Parallel.mapTaking(count, first: first) { worker, chunk in
        PhaseClock.timed("chunk \(chunk + 1) of \(count)") {
          let part = ModelBuilder(
            books: books, interner: interners.boxes[worker % interners.boxes.count])
          part.readsOnlySettings = true
          part.books.timeEntries.reserveCapacity(room[chunk][0])
          part.books.expenses.reserveCapacity(room[chunk][1])
          part.books.meetings.reserveCapacity(room[chunk][2])
          part.build(entries[bounds(chunk)], of: trees)
          let moved = [
            regions.timeEntries.moveAll(
              &part.books.timeEntries, to: starts[0][chunk], room: room[chunk][0]),
            regions.expenses.moveAll(
              &part.books.expenses, to: starts[1][chunk], room: room[chunk][1]),
            regions.meetings.moveAll(
              &part.books.meetings, to: starts[2][chunk], room: room[chunk][2]),
          ]
          // An emptied array keeps its buffer: only what is left over is kept, so that the
          // worker's next chunk reuses the memory.
          func leftOver<T>(_ values: [T]) -> [T] { values.isEmpty ? [] : values }
          return ChunkResult(
            moved: moved,
            leftOver: Dated(
              timeEntries: leftOver(part.books.timeEntries),
              expenses: leftOver(part.books.expenses), meetings: leftOver(part.books.meetings),
              diagnostics: part.diagnostics, unbuiltRefs: part.books.unbuiltRefs))
        }
      }
      // Close the gaps left by entries that could not be built.
      return (
        regions.timeEntries.compact(starts[0], results.map { $0.moved[0] }),
        regions.expenses.compact(starts[1], results.map { $0.moved[1] }),
        regions.meetings.compact(starts[2], results.map { $0.moved[2] })
      )
    }
    // A chunk's values that did not fit its region (none, as long as `datedArray` reads
    // keywords as `buildDated` does) follow its moved ones: the arrays stay in file order.
    dated.timeEntries = inChunkOrder(
      dated.timeEntries, results.map { $0.moved[0] }, results.map(\.leftOver.timeEntries))
    dated.expenses = inChunkOrder(
      dated.expenses, results.map { $0.moved[1] }, results.map(\.leftOver.expenses))
    dated.meetings = inChunkOrder(
      dated.meetings, results.map { $0.moved[2] }, results.map(\.leftOver.meetings))
    dated.diagnostics = results.flatMap(\.leftOver.diagnostics)
    dated.unbuiltRefs = results.flatMap(\.leftOver.unbuiltRefs)
    return dated
  }

  /// `moved` (each chunk's values that went to its region, in chunk order: `counts[k]` of
  /// chunk `k`) with each chunk's `leftOver` values after its moved ones.
  static func inChunkOrder<T>(_ moved: [T], _ counts: [Int], _ leftOver: [[T]]) -> [T] {
    guard leftOver.contains(where: { !$0.isEmpty }) else { return moved }
    var all: [T] = []
    all.reserveCapacity(moved.count + leftOver.reduce(0) { $0 + $1.count })
    var start = 0
    for (chunk, count) in counts.enumerated() {
      let end = min(start + max(count, 0), moved.count)
      all += moved[start..<end]
      start = end
      if leftOver.indices.contains(chunk) { all += leftOver[chunk] }
    }
    all += moved[start...]
    return all
  }

  /// Builds `entries` (in file order), reading each tree's through a store of its own.
  private func build(_ entries: ArraySlice<(tree: Int, entry: Int)>, of trees: [SyntaxTree]) {
    var start = entries.startIndex
    // The entries are in file order: each tree's form one run.
    while start < entries.endIndex {
      let treeIndex = entries[start].tree
      var end = start + 1
      while end < entries.endIndex, entries[end].tree == treeIndex { end += 1 }
      defer { start = end }
      guard trees.indices.contains(treeIndex) else { continue }
      let nodes = trees[treeIndex].entries
      let first = entries[start].entry
      let last = entries[end - 1].entry
      guard nodes.indices.contains(first), nodes.indices.contains(last) else { continue }
      let store = trees[treeIndex].store.view(of: nodes[first].start..<nodes[last].end)
      for index in start..<end where nodes.indices.contains(entries[index].entry) {
        buildDated(store, nodes[entries[index].entry])
      }
    }
  }

  /// What classifying says of an entry: the phase it is built in (`phase(of:in:)`) and, in
  /// phase 6, the array its value goes to (`datedArray(of:in:)`).
  struct EntryClass: Equatable, Sendable {
    var phase: Int
    fileprivate var array: DatedArray
  }

  /// Each entry's class, in parts of the entries side by side for a big tree (`parts`
  /// sets how many, for tests).
  static func classify(_ tree: SyntaxTree, parts: Int? = nil) -> [EntryClass] {
    let count = tree.entries.count
    let parts = max(parts ?? (count < 1 << 16 ? 1 : Parallel.cores), 1)
    return Parallel.map(parts) { part in
      classify(tree, count * part / parts..<count * (part + 1) / parts)
    }.flatMap { $0 }
  }

  /// Each entry's class through `phase(of:in:)` and `datedArray(of:in:)`, one at a time:
  /// what `classify` must give.
  static func classifyOneByOne(_ tree: SyntaxTree) -> [EntryClass] {
    tree.entries.indices.map { classify(tree, at: $0) }
  }

  private static func classify(_ tree: SyntaxTree, at index: Int) -> EntryClass {
    let head = tree.head(tree.entries[index])
    let phase = phase(of: head, in: tree)
    return EntryClass(phase: phase, array: phase == 6 ? datedArray(of: head, in: tree) : .none)
  }

  /// The classes of `range` of the tree's entries, read as `phase(of:in:)` and
  /// `datedArray(of:in:)` read them, but through buffers over the tokens and bytes: a run of
  /// tokens holds the tree's store, and threads that retain one store take turns on its
  /// reference count. An entry this cannot decide (a keyword in quotes with an escape, a
  /// token outside the bytes) is classified the slow way.
  private static func classify(_ tree: SyntaxTree, _ range: Range<Int>) -> [EntryClass] {
    let store = tree.store
    let origin = store.byteOrigin
    return tree.entries.withUnsafeBufferPointer { entries in
      store.tokens.withUnsafeBufferPointer { tokens in
        store.bytes.withUnsafeBufferPointer { bytes in
          func bytesOf(_ token: Token) -> UnsafeBufferPointer<UInt8>? {
            let lower = token.start - origin
            let upper = token.end - origin
            guard lower >= 0, lower <= upper, upper <= bytes.count, let base = bytes.baseAddress
            else { return nil }
            return UnsafeBufferPointer(start: base + lower, count: upper - lower)
          }
          /// The text `isKeyword` compares a token by: a word's bytes, a string's without
          /// its quotes, none for a tag (no keyword is empty); nil when a quoted keyword has
          /// an escape to read.
          func keywordText(_ token: Token) -> UnsafeBufferPointer<UInt8>? {
            guard token.kind != .tag else { return UnsafeBufferPointer(start: nil, count: 0) }
            guard let text = bytesOf(token) else { return nil }
            guard token.kind == .string else { return text }
            let quote = UInt8(ascii: "\"")
            guard text.count >= 2, text.first == quote, text.last == quote,
              let base = text.baseAddress
            else { return nil }
            let inner = UnsafeBufferPointer(start: base + 1, count: text.count - 2)
            return inner.contains(UInt8(ascii: "\\")) ? nil : inner
          }
          /// The first of `keywords` that `token` is, as its index; `keywords.count` for
          /// none; nil when undecided.
          func which(_ token: Token, _ keywords: [[UInt8]]) -> Int? {
            guard let text = keywordText(token) else { return nil }
            return keywords.firstIndex { $0.count == text.count && $0.elementsEqual(text) }
              ?? keywords.count
          }
          func decide(_ index: Int) -> EntryClass? {
            let span = entries[index].headSpan
            guard span.count > 0, span.start >= 0, span.start + span.count <= tokens.count else {
              return nil
            }
            let first = tokens[span.start]
            guard let firstBytes = bytesOf(first) else { return nil }
            if first.kind == .word, firstBytes.first.map(isDigit) == true {
              guard span.count > 1 else { return EntryClass(phase: 6, array: .none) }
              let keyword = tokens[span.start + 1]
              guard let found = which(keyword, datedKeywords) else { return nil }
              switch found {
              case 0, 1, 2: return EntryClass(phase: 4, array: .none)
              case 3: return EntryClass(phase: 5, array: .none)
              case 4: return EntryClass(phase: 7, array: .none)
              case 5: return EntryClass(phase: 6, array: .timeEntries)
              case 6: return EntryClass(phase: 6, array: .expenses)
              case 7: return EntryClass(phase: 6, array: .meetings)
              default: return EntryClass(phase: 6, array: .none)
              }
            }
            guard let found = which(first, definitionKeywords) else { return nil }
            switch found {
            case 0: return EntryClass(phase: 1, array: .none)
            case 1: return EntryClass(phase: 2, array: .none)
            case 2, 3, 4, 5, 6, 7: return EntryClass(phase: 3, array: .none)
            default: return EntryClass(phase: 0, array: .none)
            }
          }
          let datedKeywords = Self.datedKeywords
          let definitionKeywords = Self.definitionKeywords
          return range.map { decide($0) ?? classify(tree, at: $0) }
        }
      }
    }
  }

  /// The keywords `classify` tells apart after a date, and at the start of a definition.
  private static let datedKeywords = [
    "invoice", "estimate", "po", "credit", "income", "time", "expense", "meeting",
  ].map { Array($0.utf8) }
  private static let definitionKeywords = [
    "client", "project", "service", "contact", "staff", "resource", "goal", "recurring",
  ].map { Array($0.utf8) }

  /// The phase an entry is built in. Keywords are compared as `buildDated` and
  /// `buildDefinition` read them, quotes removed: a `"invoice"` in quotes goes to the
  /// documents' phase, whose builder reports the quotes.
  private static func phase(of head: Tokens, in tree: SyntaxTree) -> Int {
    func word(_ token: Token, _ keyword: StaticString) -> Bool {
      isKeyword(token, keyword, in: tree)
    }
    guard let first = head.first else { return 0 }
    if first.kind == .word, tree.bytes(first).first.map(isDigit) == true {
      guard head.count > 1 else { return 6 }
      let keyword = head[1]
      if word(keyword, "invoice") || word(keyword, "estimate")
        || word(keyword, "po")
      {
        return 4
      }
      if word(keyword, "credit") { return 5 }
      return word(keyword, "income") ? 7 : 6
    }
    if word(first, "client") { return 1 }
    if word(first, "project") { return 2 }
    if word(first, "service") || word(first, "contact")
      || word(first, "staff") || word(first, "resource")
      || word(first, "goal") || word(first, "recurring")
    {
      return 3
    }
    return 0
  }

  func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  // MARK: Dispatch

  /// Builds a definition, a setting or a vocabulary; see `checkFieldNames`.
  private func buildDefinition(_ store: TreeStore, _ entry: EntryNode) {
    fieldsRead = false
    buildDefinition(EntryReader(store: store, entry: entry))
    checkFieldNames(store, entry, dated: false)
  }

  /// Builds a dated entry; see `checkFieldNames`.
  private func buildDated(_ store: TreeStore, _ entry: EntryNode) {
    fieldsRead = false
    buildDated(EntryReader(store: store, entry: entry))
    checkFieldNames(store, entry, dated: true)
  }

  /// After an entry of a known kind whose builder gave up before its fields (a bad date,
  /// duration, amount or id), checks their names all the same: a misspelt field is reported
  /// in the same run as the head's problem, not in the run after it is fixed. An entry whose
  /// keyword is unknown, or of the wrong sort (`time` without a date, a date before
  /// `client`), is reported as such and its fields are left alone.
  private func checkFieldNames(_ store: TreeStore, _ entry: EntryNode, dated: Bool) {
    guard !fieldsRead, entry.fieldSpan.count > 0 else { return }
    let reader = EntryReader(store: store, entry: entry)
    guard let kind = reader.knownKind, kind.isDated == dated else { return }
    if kind.fields.isEmpty {
      reader.fieldsAbsent(self)
    } else {
      reader.fields(self) { _, _, _ in }
    }
  }

  private func buildDefinition(_ reader: consuming EntryReader) {
    guard let first = reader.head.first else { return }
    let keyword = reader.tree.text(first)
    guard first.kind == .word || !Self.namesAKind(keyword) else {
      quotedKeyword(keyword, at: reader.tree.range(first))
      return
    }
    if let vocabulary = VocabularyKind(rawValue: keyword) {
      buildVocabulary(vocabulary, reader)
      return
    }
    guard let kind = EntryKind(rawValue: keyword), !kind.isDated else {
      let candidates =
        EntryKind.allCases.filter { !$0.isDated }.map(\.rawValue)
        + VocabularyKind.allCases.map(\.rawValue)
      let datedHint =
        EntryKind(rawValue: keyword)?.isDated == true
        ? "`\(keyword)` entries start with a date: `2026-01-31 \(keyword) ...`" : nil
      let suggestion = Suggestion.closest(to: keyword, in: candidates)
      // A field that lost its indentation is the likeliest cause.
      let owners = EntryKind.allCases.filter { $0.fields.contains { $0.name == keyword } }
      let fieldHint =
        owners.isEmpty
        ? nil
        : "`\(keyword)` is a field of \(owners.map { "`\($0.rawValue)`" }.joined(separator: ", ")): indent it under its entry"
      report(
        .error(
          Parser.code, "unknown entry `\(clip(keyword))`", at: reader.tree.range(first),
          fix: datedHint ?? fieldHint ?? suggestion.map { "did you mean `\($0)`?" }
            ?? "entries start with a keyword (client, project, ...) or a date"))
      return
    }
    var reader = reader
    reader.kind = kind
    switch kind {
    case .books: buildVersion(reader)
    case .include: reader.fieldsAbsent(self)  // resolved by the loader
    case .business: buildBusiness(reader)
    case .tax: buildTax(reader)
    case .client: buildClient(reader)
    case .contact: buildContact(reader)
    case .project: buildProject(reader)
    case .service: buildService(reader)
    case .staff: buildStaff(reader)
    case .resource: buildResource(reader)
    case .goal: buildGoal(reader)
    case .recurring: buildRecurring(reader)
    default: break
    }
  }

  private func buildDated(_ reader: consuming EntryReader) {
    let tree = reader.tree
    let head = reader.head
    guard let first = head.first else { return }
    guard let date = reader.date(first, self) else { return }
    guard head.count >= 2 else {
      report(
        .error(
          Parser.code, "a date must be followed by what happened on it",
          at: tree.range(first),
          fix: "write e.g. `\(tree.raw(first)) income 100 \"...\"` or `time`, `invoice`, ..."))
      return
    }
    let keywordToken = head[1]
    if let kind = Self.datedKind(keywordToken, in: tree) {
      build(kind, date, reader)
      return
    }
    let keyword = tree.text(keywordToken)
    guard keywordToken.kind == .word || !Self.namesAKind(keyword) else {
      quotedKeyword(keyword, at: tree.range(keywordToken))
      return
    }
    guard let kind = EntryKind(rawValue: keyword), kind.isDated else {
      let candidates = EntryKind.allCases.filter(\.isDated).map(\.rawValue)
      report(
        .error(
          Parser.code, "unknown dated entry `\(clip(keyword))`", at: tree.range(keywordToken),
          fix: Suggestion.closest(to: keyword, in: candidates).map { "did you mean `\($0)`?" }
            ?? "dated entries are: " + candidates.joined(separator: ", ")))
      return
    }
    build(kind, date, reader)
  }

  /// A keyword in quotes is text, not a keyword (FORMAT.md, 2.1): the entry is not read.
  /// (Quoted text that is no keyword gets the unknown-entry diagnostic, as a word would.)
  private func quotedKeyword(_ keyword: String, at range: SourceRange) {
    report(
      .error(
        Parser.code, "entry keywords are written without quotes", at: range,
        fix: "write `\(keyword)` without quotes"))
  }

  /// Whether `text` is an entry or vocabulary keyword.
  private static func namesAKind(_ text: String) -> Bool {
    EntryKind(rawValue: text) != nil || VocabularyKind(rawValue: text) != nil
  }

  /// The dated kind a bare keyword names, read from its bytes without making a string
  /// (a quoted or unknown keyword is left to `EntryKind(rawValue:)` and its diagnostic).
  static func datedKind(_ token: Token, in tree: TreeStore) -> EntryKind? {
    guard token.kind == .word else { return nil }
    if tree.isWord(token, "time") { return .time }
    if tree.isWord(token, "expense") { return .expense }
    if tree.isWord(token, "meeting") { return .meeting }
    if tree.isWord(token, "income") { return .income }
    if tree.isWord(token, "invoice") { return .invoice }
    if tree.isWord(token, "estimate") { return .estimate }
    if tree.isWord(token, "po") { return .purchaseOrder }
    if tree.isWord(token, "credit") { return .creditNote }
    return nil
  }

  private func build(_ kind: EntryKind, _ date: CalendarDate, _ reader: consuming EntryReader) {
    var reader = reader
    reader.kind = kind
    switch kind {
    case .income: buildIncome(date, reader)
    case .expense: buildExpense(date, reader)
    case .time: buildTime(date, reader)
    case .invoice: buildInvoice(date, reader)
    case .estimate: buildEstimate(date, reader)
    case .purchaseOrder: buildPurchaseOrder(date, reader)
    case .creditNote: buildCreditNote(date, reader)
    case .meeting: buildMeeting(date, reader)
    default: break
    }
  }

  // MARK: Registration

  /// Records an id's first definition; a second one is a `duplicates` error.
  func define(_ id: String, _ kind: DefinitionKind, index: Int, at range: SourceRange) {
    if let first = books.definitions[id] {
      report(
        .error(
          "duplicates", "`\(id)` is already defined as a \(first.kind.rawValue)", at: range,
          notes: [DiagnosticNote("`\(id)` is first defined here", at: first.range)],
          fix: "ids are shared by all kinds; rename one of them"))
      return
    }
    books.definitions[id] = Definition(kind: kind, index: index, range: range)
  }

  /// Records a document number; a repeated number is a `numbering` error.
  func register(_ kind: DocumentKind, _ number: String, index: Int, at range: SourceRange) {
    if let first = books.documents[kind]?[number] {
      let firstRange = documentRange(kind, first)
      report(
        .error(
          "numbering", "\(kind.noun) number `\(number)` is used twice", at: range,
          notes: firstRange.map { [DiagnosticNote("first used here", at: $0)] } ?? [],
          fix: "give this \(kind.noun) the next free number"))
      return
    }
    books.documents[kind, default: [:]][number] = index
  }

  private func documentRange(_ kind: DocumentKind, _ index: Int) -> SourceRange? {
    switch kind {
    case .invoice: books.invoices.indices.contains(index) ? books.invoices[index].numberRange : nil
    case .estimate:
      books.estimates.indices.contains(index) ? books.estimates[index].numberRange : nil
    case .purchaseOrder:
      books.purchaseOrders.indices.contains(index) ? books.purchaseOrders[index].numberRange : nil
    case .creditNote:
      books.creditNotes.indices.contains(index) ? books.creditNotes[index].numberRange : nil
    }
  }

  // MARK: Small definitions

  private func buildVersion(_ reader: EntryReader) {
    let head = reader.head
    guard head.count == 2 else {
      report(
        .error(
          Parser.code, "the version marker is `books 1`", at: reader.headRange,
          fix: "books 1"))
      return
    }
    let text = reader.tree.text(head[1])
    if text != "1" {
      report(
        .error(
          Parser.code, "this file is in format version \(text); this books reads version 1",
          at: reader.tree.range(head[1]), fix: "upgrade books, or write `books 1`"))
    }
    reader.fieldsAbsent(self)
  }

  private func buildVocabulary(_ kind: VocabularyKind, _ reader: EntryReader) {
    let head = reader.head
    guard head.count >= 2, head[1].kind == .word else {
      report(
        .error(
          Parser.code, "`\(kind.rawValue)` declares a word: `\(kind.rawValue) NAME [\"Label\"]`",
          at: reader.headRange, fix: "\(kind.rawValue) my-\(kind.rawValue) \"My label\""))
      return
    }
    let word = reader.tree.text(head[1])
    let range = reader.tree.range(head[1])
    if reader.checkIdentifier(head[1], self) == false { return }
    let label = head.count > 2 ? reader.text(head[2...], self) : nil
    if let first = books.vocabulary.declaration(kind, word) {
      report(
        .error(
          "duplicates", "\(kind.noun) `\(word)` is declared twice", at: range,
          notes: [DiagnosticNote("first declared here", at: first.range)],
          fix: "delete this declaration"))
    } else if kind.builtIns.contains(word) {
      report(
        .warning(
          "duplicates", "\(kind.noun) `\(word)` is built in; it needs no declaration",
          at: range, fix: "delete this declaration"))
    } else {
      books.vocabulary.declare(kind, VocabularyEntry(word: word, label: label, range: range))
    }
    reader.fieldsAbsent(self)
  }

  private func buildTax(_ reader: EntryReader) {
    let head = reader.head
    guard let (id, idRange) = reader.id(self) else { return }
    var name = id
    var rate: Percentage?
    var rateReported = false
    for token in head.dropFirst(2) {
      if token.kind == .string {
        name = reader.tree.text(token)
      } else if let value = Percentage.parse(reader.tree.bytes(token)) {
        if value.value > DecimalNumber(100) {
          rateReported = true
          report(
            .error(
              Self.valuesCode, "a tax rate of \(value) is above 100%",
              at: reader.tree.range(token), fix: "write the rate as a percentage, e.g. 20%"))
        } else {
          rate = value
        }
      } else {
        rateReported = true
        report(
          .error(
            Self.valuesCode,
            "expected the tax rate as a percentage, found `\(clip(reader.tree.raw(token)))`",
            at: reader.tree.range(token), fix: "tax \(id) \"Name\" 20%"))
      }
    }
    if rate == nil, !rateReported {
      report(
        .error(
          Self.fieldsCode, "tax `\(id)` has no rate", at: reader.headRange,
          fix: "tax \(id) \"\(name)\" 20%"))
    }
    reader.fields(self) { reader, field, key in
      if key == "note" { _ = reader.text(field, self) }
    }
    define(id, .tax, index: books.taxes.count, at: idRange)
    // A tax without a rate is still defined (at 0 %) so its uses are not reported again.
    books.taxes.append(
      Tax(id: id, name: name, rate: rate ?? Percentage(DecimalNumber.zero), range: idRange))
  }
}

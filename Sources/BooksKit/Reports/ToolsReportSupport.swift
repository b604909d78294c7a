/// What the "Tools" reports (goals, contacts, resources, calendar) share: boards whose
/// columns are a vocabulary, and a client filter for entries that belong to clients but
/// not to projects.
enum ToolsReportSupport {
  /// The lane id for entries that name no word: parentheses are never part of a word, so
  /// it cannot clash with a declared category.
  static let noneLane = "(none)"

  /// The lanes of a board grouped by a vocabulary: built-in words first, then the declared
  /// ones (so the seed's columns always show, in its order), then any word the entries use
  /// that the books do not know (only possible in unchecked books), then "no category"
  /// when some entries have none.
  static func lanes(
    _ kind: VocabularyKind, _ vocabulary: Vocabulary, used: [String?], none: String
  ) -> [(id: String, title: String)] {
    var ids = vocabulary.words(kind)
    for word in used.compactMap({ $0 }) where !ids.contains(word) { ids.append(word) }
    var lanes = ids.map { word in
      (id: word, title: vocabulary.declaration(kind, word)?.label ?? title(word))
    }
    if used.contains(where: { $0 == nil }) { lanes.append((noneLane, none)) }
    return lanes
  }

  /// The lane an entry with this word goes in.
  static func lane(_ word: String?) -> String { word ?? noneLane }

  /// `in-person` → `In person`: a readable title for an undeclared or built-in word, since
  /// only declared words carry a label.
  static func title(_ word: String) -> String {
    let spaced = word.replacingOccurrences(of: "-", with: " ")
    guard let first = spaced.first else { return spaced }
    return first.uppercased() + spaced.dropFirst()
  }

  /// The client that `--client` and `--project` narrow contacts and meetings to: they
  /// belong to clients, not to projects, so `--project` means the project's client.
  /// Returns nil when neither option is given, and an empty set when the options agree on
  /// no client (a project without a client, or a `--project` of another client).
  static func wantedClients(_ context: ReportContext) -> Set<String>? {
    let options = context.options
    var wanted: Set<String>?
    if let client = options.client { wanted = [client] }
    if let project = options.project {
      let owner = Set(context.books.clientID(ofProject: project).map { [$0] } ?? [])
      wanted = wanted.map { $0.intersection(owner) } ?? owner
    }
    return wanted
  }
}

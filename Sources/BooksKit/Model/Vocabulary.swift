/// The kinds of words a user may extend by declaring them once in the books.
public enum VocabularyKind: String, Sendable, CaseIterable, CaseHashable {
  case incomeClass = "class"
  case expenseCategory = "category"
  case stage
  case medium
  case paymentMode = "mode"
  case pricingUnit = "unit"
  case contactCategory = "contact-category"
  case goalCategory = "goal-category"
  case resourceKind = "resource-kind"
  case topic

  /// The words every set of books has without declaring them.
  public var builtIns: [String] {
    switch self {
    case .incomeClass: ["client", "salary", "interest", "other"]
    case .expenseCategory: []
    case .stage: ["lead", "negotiation", "client"]
    case .medium: ["google-meet", "skype", "zoom", "teams", "phone", "in-person"]
    case .paymentMode: ["bank", "card", "cash", "paypal"]
    case .pricingUnit: ["hourly", "flat"]
    case .contactCategory: ["finance", "services", "legal"]
    case .goalCategory: ["health", "wealth", "relationship"]
    case .resourceKind: ["checklist", "guide", "strategy", "tip"]
    case .topic: []
    }
  }

  /// Expense categories and resource topics are free-form until the books declare one;
  /// from then on every value must be declared.
  public var isOpenUntilDeclared: Bool {
    self == .expenseCategory || self == .topic
  }

  /// What the word is called in messages.
  public var noun: String {
    switch self {
    case .incomeClass: "income class"
    case .expenseCategory: "expense category"
    case .stage: "pipeline stage"
    case .medium: "meeting medium"
    case .paymentMode: "payment mode"
    case .pricingUnit: "pricing unit"
    case .contactCategory: "contact category"
    case .goalCategory: "goal category"
    case .resourceKind: "resource kind"
    case .topic: "resource topic"
    }
  }
}

/// A declared vocabulary word.
public struct VocabularyEntry: Sendable {
  public var word: String
  public var label: String?
  public var range: SourceRange
}

/// Every vocabulary of the books: built-in words plus the declared ones.
public struct Vocabulary: Sendable {
  /// Declarations in file order, per kind.
  public private(set) var declared: [VocabularyKind: [VocabularyEntry]] = [:]
  private var lookup: [VocabularyKind: [String: Int]] = [:]

  public init() {}

  mutating func declare(_ kind: VocabularyKind, _ entry: VocabularyEntry) {
    lookup[kind, default: [:]][entry.word] = declared[kind, default: []].count
    declared[kind, default: []].append(entry)
  }

  /// The first declaration of `word`, if it was declared.
  public func declaration(_ kind: VocabularyKind, _ word: String) -> VocabularyEntry? {
    guard let index = lookup[kind]?[word], let entries = declared[kind],
      entries.indices.contains(index)
    else { return nil }
    return entries[index]
  }

  /// True when `word` may be used for `kind`.
  public func allows(_ kind: VocabularyKind, _ word: String) -> Bool {
    if kind.isOpenUntilDeclared, declared[kind]?.isEmpty ?? true { return true }
    return kind.builtIns.contains(word) || lookup[kind]?[word] != nil
  }

  /// Every allowed word, built-ins first, in declaration order.
  public func words(_ kind: VocabularyKind) -> [String] {
    kind.builtIns + (declared[kind] ?? []).map(\.word).filter { !kind.builtIns.contains($0) }
  }
}

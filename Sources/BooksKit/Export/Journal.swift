/// The books as double-entry transactions, the plain data behind `books export`: every
/// money entry becomes one balanced transaction over the chart of accounts of FORMAT.md,
/// section 2.10. The writers (`LedgerWriter`, `BeancountWriter`) only spell it.
public struct Journal: Sendable {
  /// An account of the chart, as its path: `["assets", "receivable", "acme"]`. Segments
  /// are the books' own words (ids, vocabulary words); each writer makes them safe for
  /// its tool.
  public struct Account: Hashable, Sendable {
    public var path: [String]

    public init(_ path: String...) { self.path = path }

    public init(path: [String]) { self.path = path }
  }

  /// A `name: value` tag: an hledger/ledger tag, a beancount metadata entry.
  public struct Tag: Equatable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  public struct Posting: Equatable, Sendable {
    public var account: Account
    public var amount: Money
    /// Tags of this posting alone (the invoice a payment's part settles).
    public var tags: [Tag] = []

    public init(_ account: Account, _ amount: Money, tags: [Tag] = []) {
      self.account = account
      self.amount = amount
      self.tags = tags
    }
  }

  /// The kind of entry a transaction comes from, written as its `entry` tag so that a
  /// query can pick, say, only the money received.
  public enum Source: String, Sendable {
    case invoice, credit, income, fee, expense
  }

  public struct Transaction: Sendable {
    public var date: CalendarDate
    public var source: Source
    /// Who the money is with: the client, or an expense's vendor.
    public var payee: String?
    public var narration: String
    /// Tags of the whole transaction, after its `entry` tag.
    public var tags: [Tag]
    public var postings: [Posting]

    /// Every tag of the transaction, its `entry` tag first.
    public var allTags: [Tag] { [Tag("entry", source.rawValue)] + tags }
  }

  public var transactions: [Transaction] = []

  /// Every account posted to, in path order.
  public var accounts: [Account] {
    var seen = Set<Account>()
    for transaction in transactions {
      for posting in transaction.postings { seen.insert(posting.account) }
    }
    return seen.sorted { $0.path.lexicographicallyPrecedes($1.path) }
  }

  /// Every currency posted in, by code.
  public var currencies: [Currency] {
    var seen = Set<Currency>()
    for transaction in transactions {
      for posting in transaction.postings { seen.insert(posting.amount.currency) }
    }
    return seen.sorted { $0.code < $1.code }
  }

  /// Every tag name used, in the order they first appear.
  public var tagNames: [String] {
    var names: [String] = []
    for transaction in transactions {
      let tags = transaction.allTags + transaction.postings.flatMap(\.tags)
      for tag in tags where !names.contains(tag.name) { names.append(tag.name) }
    }
    return names
  }
}

extension Journal.Account {
  static func bank(_ mode: String) -> Self { Self("assets", "bank", mode) }
  static func receivable(_ client: String) -> Self { Self("assets", "receivable", client) }
  static let payable = Self("liabilities", "payable")
  static func tax(_ id: String) -> Self { Self("liabilities", "tax", id) }
  static let conversion = Self("equity", "conversion")
  static let fees = Self("expenses", "fees")
  static func expenses(_ category: String?) -> Self {
    Self("expenses", category ?? "uncategorized")
  }

  /// Income of a class; client income is kept per client when the client is known.
  static func income(_ incomeClass: String, client: String?) -> Self {
    if incomeClass == "client", let client { return Self("income", "client", client) }
    return Self("income", incomeClass)
  }
}

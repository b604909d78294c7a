/// What kind of thing an id names. Ids share one namespace across kinds.
public enum DefinitionKind: String, Sendable, CaseIterable, CaseHashable {
  case tax, client, contact, project, service, staff, resource, goal, recurring
}

/// Where an id is defined.
public struct Definition: Sendable {
  public var kind: DefinitionKind
  public var index: Int
  public var range: SourceRange
}

/// The kinds of numbered documents; each kind has its own number namespace.
public enum DocumentKind: String, Sendable, CaseIterable, CaseHashable {
  case invoice, estimate
  case purchaseOrder = "po"
  case creditNote = "credit"

  public var noun: String {
    switch self {
    case .invoice: "invoice"
    case .estimate: "estimate"
    case .purchaseOrder: "purchase order"
    case .creditNote: "credit note"
    }
  }
}

/// The typed model of a set of books: every entity of every file, in file order.
///
/// Built by `ModelBuilder` from syntax trees; references are kept as written (`Ref`) and
/// looked up through `definitions` and `documents`, which the builder fills once.
public struct Books: Sendable {
  public var files: [SourceFile] = []
  public var version = 1
  public var business: Business?
  public var vocabulary = Vocabulary()
  public var taxes: [Tax] = []
  public var clients: [Client] = []
  public var contacts: [Contact] = []
  public var projects: [Project] = []
  public var services: [Service] = []
  public var staff: [Staff] = []
  public var resources: [Resource] = []
  public var goals: [Goal] = []
  public var recurringInvoices: [RecurringInvoice] = []
  public var incomes: [Income] = []
  public var expenses: [Expense] = []
  public var timeEntries: [TimeEntry] = []
  public var invoices: [Invoice] = []
  public var estimates: [Estimate] = []
  public var purchaseOrders: [PurchaseOrder] = []
  public var creditNotes: [CreditNote] = []
  public var meetings: [Meeting] = []

  /// References read from entries that could not be built (a time entry whose duration
  /// cannot be read still names its project): `refs` checks them too, so that one mistake
  /// in an entry's head does not hide another.
  var unbuiltRefs: [UnbuiltRef] = []

  /// Where the references of `unbuiltRefs` are, in the order they were read (for the
  /// fuzzer, which compares building in slices with one pass).
  public var unbuiltReferenceRanges: [SourceRange] { unbuiltRefs.map(\.ref.range) }

  /// First definition of each id.
  public var definitions: [String: Definition] = [:]
  /// First document of each number, per kind.
  public var documents: [DocumentKind: [String: Int]] = [:]

  public init() {}

  /// The currency of amounts written without one, when the business sets it.
  public var defaultCurrency: Currency? { business?.currency }

  public func definition(_ id: String) -> Definition? { definitions[id] }

  public func client(_ id: String) -> Client? {
    guard let definition = definitions[id], definition.kind == .client,
      clients.indices.contains(definition.index)
    else { return nil }
    return clients[definition.index]
  }

  /// The currency client `id` sets itself. Read in place: `client(id)?.currency` copies
  /// the whole client, retaining each of its strings and arrays.
  public func currency(ofClient id: String) -> Currency? {
    guard let index = index(of: id, .client), clients.indices.contains(index) else { return nil }
    return clients[index].currency
  }

  /// The payment terms client `id` sets itself, read in place.
  public func termsDays(ofClient id: String) -> Int? {
    guard let index = index(of: id, .client), clients.indices.contains(index) else { return nil }
    return clients[index].termsDays
  }

  public func project(_ id: String) -> Project? {
    guard let definition = definitions[id], definition.kind == .project,
      projects.indices.contains(definition.index)
    else { return nil }
    return projects[definition.index]
  }

  public func service(_ id: String) -> Service? {
    guard let definition = definitions[id], definition.kind == .service,
      services.indices.contains(definition.index)
    else { return nil }
    return services[definition.index]
  }

  public func staffMember(_ id: String) -> Staff? {
    guard let definition = definitions[id], definition.kind == .staff,
      staff.indices.contains(definition.index)
    else { return nil }
    return staff[definition.index]
  }

  public func tax(_ id: String) -> Tax? {
    Self.tax(id, definitions, taxes)
  }

  /// `tax(_:)` as a closure holding only what it reads. A closure that holds the books
  /// copies all of them (each array retained) every time it calls one of their methods.
  public var taxLookup: @Sendable (String) -> Tax? {
    let definitions = self.definitions
    let taxes = self.taxes
    return { Self.tax($0, definitions, taxes) }
  }

  private static func tax(_ id: String, _ definitions: [String: Definition], _ taxes: [Tax])
    -> Tax?
  {
    guard let definition = definitions[id], definition.kind == .tax,
      taxes.indices.contains(definition.index)
    else { return nil }
    return taxes[definition.index]
  }

  public func recurringInvoice(_ id: String) -> RecurringInvoice? {
    guard let definition = definitions[id], definition.kind == .recurring,
      recurringInvoices.indices.contains(definition.index)
    else { return nil }
    return recurringInvoices[definition.index]
  }

  public func invoiceIndex(_ number: String) -> Int? {
    documents[.invoice]?[number]
  }

  public func invoice(_ number: String) -> Invoice? {
    guard let index = invoiceIndex(number), invoices.indices.contains(index) else { return nil }
    return invoices[index]
  }

  public func estimate(_ number: String) -> Estimate? {
    guard let index = documents[.estimate]?[number], estimates.indices.contains(index) else {
      return nil
    }
    return estimates[index]
  }

  public func purchaseOrder(_ number: String) -> PurchaseOrder? {
    guard let index = documents[.purchaseOrder]?[number], purchaseOrders.indices.contains(index)
    else { return nil }
    return purchaseOrders[index]
  }

  /// Where the definition `id` of `kind` is in its array, if there is one. Reading fields
  /// through it (`projects[index].client`) copies no whole definition, as `project(id)` does.
  public func index(of id: String, _ kind: DefinitionKind) -> Int? {
    guard let definition = definitions[id], definition.kind == kind else { return nil }
    return definition.index
  }

  /// The client a project belongs to, through the project's `client` field.
  public func clientID(ofProject id: String) -> String? {
    guard let index = index(of: id, .project), projects.indices.contains(index) else {
      return nil
    }
    return projects[index].client?.id
  }

  /// The project a service belongs to: its `project` field.
  public func projectID(ofService id: String) -> String? {
    guard let index = index(of: id, .service), services.indices.contains(index) else {
      return nil
    }
    return services[index].project?.id
  }

  /// The project a time entry counts towards: the target itself, or the service's project.
  public func projectID(ofTimeTarget id: String) -> String? {
    if let index = index(of: id, .project), projects.indices.contains(index) { return id }
    return projectID(ofService: id)
  }
}

/// A reference of an entry that could not be built, with the kinds it may name.
struct UnbuiltRef: Sendable {
  var ref: Ref
  var kinds: [DefinitionKind]
}

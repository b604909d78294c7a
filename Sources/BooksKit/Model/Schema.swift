/// A field an entry may carry: its name, whether it may repeat, and what it holds.
public struct FieldSpec: Sendable {
  public var name: String
  public var repeatable: Bool
  public var summary: String

  init(_ name: String, repeatable: Bool = false, _ summary: String) {
    self.name = name
    self.repeatable = repeatable
    self.summary = summary
  }
}

/// Every kind of entry in a `.books` file: definitions start with a keyword, dated entries
/// with a date followed by the keyword.
public enum EntryKind: String, Sendable, CaseIterable, CaseHashable {
  case books, include, business, tax, client, contact, project, service, staff, resource, goal
  case recurring
  case income, expense, time, invoice, estimate
  case purchaseOrder = "po"
  case creditNote = "credit"
  case meeting

  /// True for entries written `DATE keyword ...`.
  public var isDated: Bool {
    switch self {
    case .income, .expense, .time, .invoice, .estimate, .purchaseOrder, .creditNote, .meeting:
      true
    default: false
    }
  }

  /// The fields this kind of entry accepts, in canonical order.
  public var fields: [FieldSpec] { EntryKind.fieldTable[Int(tag)] }

  /// `fields` of every kind, built once, by the case's tag byte (see `CaseHashable`): the
  /// builder asks once per entry, and a table indexed by the byte is cheaper than hashing.
  private static let fieldTable: [[FieldSpec]] = {
    var table = [[FieldSpec]](repeating: [], count: 256)
    for kind in allCases { table[Int(kind.tag)] = kind.fieldList }
    return table
  }()

  /// The byte that tells the cases apart in memory.
  private var tag: UInt8 { withUnsafeBytes(of: self) { $0.first ?? 0 } }

  private var fieldList: [FieldSpec] {
    switch self {
    case .books, .include: []
    case .business:
      [
        FieldSpec("legal-name", "the registered name, on documents"),
        FieldSpec("address", repeatable: true, "one address line per field"),
        FieldSpec("email", "e-mail address"), FieldSpec("phone", "phone number"),
        FieldSpec("website", "web address"), FieldSpec("tax-id", "VAT or tax number"),
        FieldSpec("currency", "currency of amounts written without one"),
        FieldSpec("terms", "default payment terms: `30 days`"),
        FieldSpec("late-fee", "late fee policy: `40 EUR`, `1% per month`, `after 10 days`"),
        FieldSpec(
          "approval", repeatable: true,
          "what needs `approved-by`: `invoices over 5000 EUR`, `expenses by staff`, `time by staff`"
        ),
        FieldSpec("invoice-numbers", "invoice number pattern, e.g. `INV-{yyyy}-{seq:3}`"),
        FieldSpec("estimate-numbers", "estimate number pattern"),
        FieldSpec("bank", repeatable: true, "payment details, one line per field"),
        FieldSpec("payment-link", "a URL where clients can pay"),
        FieldSpec("locale", "language of documents, e.g. `en-GB`"),
        FieldSpec("logo", "path to a logo image"),
      ]
    case .tax: [FieldSpec("note", repeatable: true, "free text")]
    case .client:
      [
        FieldSpec("stage", "pipeline stage: lead, negotiation, client or declared"),
        FieldSpec("company", "company name"), FieldSpec("contact", "contact person"),
        FieldSpec("position", "contact person's position"), FieldSpec("email", "e-mail"),
        FieldSpec("phone", "phone"), FieldSpec("website", "website"),
        FieldSpec("address", repeatable: true, "billing address, one line per field"),
        FieldSpec("tax-id", "the client's tax number"),
        FieldSpec("contract", "contract value"), FieldSpec("currency", "billing currency"),
        FieldSpec("terms", "payment terms override: `14 days`"),
        FieldSpec("rounding", "billing increment for time, e.g. `6m`"),
        FieldSpec("staff", repeatable: true, "assigned staff ids"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .contact:
      [
        FieldSpec("category", "finance, services, legal or declared"),
        FieldSpec("designation", "job title"), FieldSpec("company", "company name"),
        FieldSpec("client", "the client this contact works for"), FieldSpec("phone", "phone"),
        FieldSpec("email", "e-mail"),
        FieldSpec("address", repeatable: true, "address, one line per field"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .project:
      [
        FieldSpec("client", "the client (required)"), FieldSpec("value", "project value"),
        FieldSpec("priority", "low, medium or high"),
        FieldSpec("status", "not-started, in-progress, on-hold, completed, cancelled"),
        FieldSpec("start", "start date"), FieldSpec("end", "end date"),
        FieldSpec("estimate", "estimated hours, e.g. `80h`"),
        FieldSpec("milestone", repeatable: true, "`\"Name\" AMOUNT [due DATE]`"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .service:
      [
        FieldSpec("project", "the project (implied by an id `project/name`)"),
        FieldSpec("pricing", "hourly, flat or a declared unit, optionally with the rate"),
        FieldSpec("rate", "the price per hour, per unit, or the flat price"),
        FieldSpec("duration", "planned length of the work"),
        FieldSpec("status", "not-started, in-progress, on-hold, completed, cancelled"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .staff:
      [
        FieldSpec("role", "job title"), FieldSpec("email", "e-mail"),
        FieldSpec("cost", "cost per hour"), FieldSpec("rate", "billing rate per hour"),
        FieldSpec("clients", repeatable: true, "assigned client ids"),
        FieldSpec("may-approve", "`yes` when this person may approve entries"),
      ]
    case .resource:
      [
        FieldSpec("kind", "checklist, guide, strategy, tip or declared"),
        FieldSpec("topic", repeatable: true, "topics such as taxes or budgeting"),
        FieldSpec("link", repeatable: true, "a URL or path"),
        FieldSpec("note", repeatable: true, "free text"),
        FieldSpec("todo", repeatable: true, "`[ ] \"text\"` or `[x] \"text\"`"),
      ]
    case .goal:
      [
        FieldSpec("category", "health, wealth, relationship or declared"),
        FieldSpec("target", "target number and optional unit: `12 books`"),
        FieldSpec("progress", repeatable: true, "`DATE NUMBER`: progress made on a day"),
        FieldSpec("metric", "computed progress: `income [CLASS] [YEAR]`, `hours [YEAR]`, ..."),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .recurring:
      [
        FieldSpec("client", "the client invoiced"), FieldSpec("project", "the project"),
        FieldSpec("every", "`month`, `3 months`, `2 weeks`, `quarter`, `year`"),
        FieldSpec("start", "the first period's first day"),
        FieldSpec("end", "no period starts after this day"), FieldSpec("currency", "currency"),
        FieldSpec("terms", repeatable: true, "as on invoices"),
        FieldSpec("item", repeatable: true, "as on invoices"),
        FieldSpec("discount", repeatable: true, "`10%` or an amount"),
        FieldSpec("tax", repeatable: true, "taxes on every item without its own"),
        FieldSpec("tax-inclusive", "prices include the taxes"),
        FieldSpec("includes", "hours of the project's time included each period: `10h`"),
        FieldSpec("overage", "hourly rate of time beyond `includes`"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .income:
      [
        FieldSpec("class", "income class: client, salary, interest, other or declared"),
        FieldSpec("client", "the paying client"), FieldSpec("project", "the project"),
        FieldSpec("invoice", repeatable: true, "the invoice paid, optionally with a part amount"),
        FieldSpec("via", "payment mode; absent means not received yet"),
        FieldSpec("fee", "bank or platform fee withheld"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .expense:
      [
        FieldSpec("category", "expense category"), FieldSpec("vendor", "who was paid"),
        FieldSpec("via", "payment mode"),
        FieldSpec("billable", "client or project to bill it to"),
        FieldSpec("invoice", "the invoice it was billed on"),
        FieldSpec("deductible", "`yes` or `no`"), FieldSpec("receipt", "path to the receipt"),
        FieldSpec("tax", repeatable: true, "taxes included in the amount"),
        FieldSpec("staff", "staff member who spent it"),
        FieldSpec("approved-by", "staff member who approved it"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .time:
      [
        FieldSpec("staff", "who did the work"), FieldSpec("billable", "`yes` (default) or `no`"),
        FieldSpec("approved-by", "staff member who approved it"),
        FieldSpec("invoice", "the invoice this time was billed on"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .invoice:
      [
        FieldSpec("project", "the project"), FieldSpec("status", "draft, sent, paid or void"),
        FieldSpec("due", "due date"),
        FieldSpec(
          "terms", repeatable: true, "`30 days` for payment terms, or a quoted text of terms"),
        FieldSpec("send", "scheduled send date"), FieldSpec("currency", "currency"),
        FieldSpec("po", "the client's purchase order"),
        FieldSpec("estimate", "the estimate it invoices"),
        FieldSpec("recurring", "the recurring invoice it was drawn from"),
        FieldSpec("period", "the service period: `2026-11-01 through 2026-11-30`"),
        FieldSpec(
          "bills", repeatable: true,
          "time and expenses it bills: `acme-web through 2026-11-30` (a client, project or service)"
        ),
        FieldSpec("item", repeatable: true, "`\"text\" QTY [UNIT] @ RATE` or `\"text\" AMOUNT`"),
        FieldSpec("discount", repeatable: true, "`10%` or an amount"),
        FieldSpec("tax", repeatable: true, "taxes on every item without its own"),
        FieldSpec("tax-inclusive", "prices include the taxes"),
        FieldSpec("total", "the total as stated, checked against the computed one"),
        FieldSpec("approved-by", "staff member who approved it"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .estimate:
      [
        FieldSpec("project", "the project"),
        FieldSpec("status", "draft, sent, accepted or declined"),
        FieldSpec("valid-until", "the date the offer expires"), FieldSpec("currency", "currency"),
        FieldSpec("item", repeatable: true, "as in invoices"),
        FieldSpec("discount", repeatable: true, "`10%` or an amount"),
        FieldSpec("tax", repeatable: true, "taxes on every item without its own"),
        FieldSpec("tax-inclusive", "prices include the taxes"),
        FieldSpec("approved-by", "staff member who approved it"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .purchaseOrder:
      [
        FieldSpec("limit", "the most that may be invoiced against it"),
        FieldSpec("estimate", "the estimate it answers"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .creditNote:
      [
        FieldSpec("item", repeatable: true, "the amounts credited, as invoice items"),
        FieldSpec("tax", repeatable: true, "taxes on the credited items"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    case .meeting:
      [
        FieldSpec("end", "end time"), FieldSpec("duration", "length, e.g. `45m`"),
        FieldSpec("agenda", repeatable: true, "agenda point"),
        FieldSpec("with", repeatable: true, "clients, contacts and staff attending"),
        FieldSpec("medium", "google-meet, skype, zoom, teams, phone, in-person or declared"),
        FieldSpec("link", "meeting link"), FieldSpec("location", "where"),
        FieldSpec("attach", repeatable: true, "a path or URL"),
        FieldSpec("priority", "low, medium or high"),
        FieldSpec("note", repeatable: true, "free text"),
      ]
    }
  }
}

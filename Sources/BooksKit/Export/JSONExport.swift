/// `books export json`: the whole model, every entity with its fields as written and its
/// derived values, as one JSON document (FORMAT.md 2.10, `schema/books-export.schema.json`).
///
/// Every key of an entity is always present (`null` or `[]` when unset), so readers need
/// no defaults. Money is `{"amount": "1234.50", "currency": "EUR"}` with the amount an
/// exact decimal string, never a float; dates are `YYYY-MM-DD`, times of day `HH:MM`,
/// durations whole minutes, percentages decimal strings.
public enum JSONExport {
  /// The version of the document's shape; a change that could break a reader raises it.
  public static let version = 1

  /// The document's text, as `document(_:generator:)` serialized pretty, with a final line
  /// break. Written entity by entity: a million entries are never all held as values.
  public static func write(_ export: DataExport, generator: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(1 << 16)
    output.append(UInt8(ascii: "{"))
    for (index, (key, member)) in members(export, generator: generator).enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      JSONValue.newline(&output, pretty: true, depth: 1)
      JSONValue.writeKey(key, to: &output, pretty: true)
      switch member {
      case .value(let value): value.write(to: &output, pretty: true, depth: 1)
      case .array(let count, let element):
        guard count > 0 else {
          output += "[]".utf8
          continue
        }
        output.append(UInt8(ascii: "["))
        for position in 0..<count {
          if position > 0 { output.append(UInt8(ascii: ",")) }
          JSONValue.newline(&output, pretty: true, depth: 2)
          element(position).write(to: &output, pretty: true, depth: 2)
        }
        JSONValue.newline(&output, pretty: true, depth: 1)
        output.append(UInt8(ascii: "]"))
      }
    }
    JSONValue.newline(&output, pretty: true, depth: 0)
    output += "}\n".utf8
    return String(decoding: output, as: UTF8.self)
  }

  public static func document(_ export: DataExport, generator: String) -> JSONValue {
    .object(
      members(export, generator: generator).map { key, member in
        switch member {
        case .value(let value): (key, value)
        case .array(let count, let element): (key, .array((0..<count).map(element)))
        }
      })
  }

  /// A member of the document: a value, or an array made one element at a time.
  private enum Member {
    case value(JSONValue)
    case array(count: Int, element: (Int) -> JSONValue)
  }

  /// The document's members, in order.
  private static func members(_ export: DataExport, generator: String) -> [(String, Member)] {
    let books = export.books
    return [
      ("version", .value(.int(version))), ("generator", .value(.string(generator))),
      ("asOf", .value(date(export.asOf))), ("currency", .value(currency(books.defaultCurrency))),
      ("business", .value(books.business.map(business) ?? .null)),
      ("vocabulary", .value(vocabulary(books.vocabulary))),
      ("taxes", .array(count: books.taxes.count) { tax(books.taxes[$0]) }),
      (
        "clients",
        .array(count: min(books.clients.count, export.clients.count)) {
          client(books.clients[$0], export.clients[$0])
        }
      ),
      ("contacts", .array(count: books.contacts.count) { contact(books.contacts[$0]) }),
      (
        "projects",
        .array(count: min(books.projects.count, export.projects.count)) {
          project(books.projects[$0], export.projects[$0])
        }
      ),
      ("services", .array(count: books.services.count) { service(books.services[$0]) }),
      ("staff", .array(count: books.staff.count) { staff(books.staff[$0]) }),
      ("resources", .array(count: books.resources.count) { resource(books.resources[$0]) }),
      (
        "goals",
        .array(count: min(books.goals.count, export.goals.count)) {
          goal(books.goals[$0], export.goals[$0])
        }
      ),
      (
        "recurringInvoices",
        .array(count: books.recurringInvoices.count) { recurring(books.recurringInvoices[$0]) }
      ),
      ("incomes", .array(count: books.incomes.count) { income(books.incomes[$0]) }),
      ("expenses", .array(count: books.expenses.count) { expense(export, $0) }),
      ("time", .array(count: books.timeEntries.count) { time(export, $0) }),
      ("invoices", .array(count: books.invoices.count) { invoice(export, $0) }),
      ("estimates", .array(count: books.estimates.count) { estimate(export, books.estimates[$0]) }),
      (
        "purchaseOrders",
        .array(count: books.purchaseOrders.count) { purchaseOrder(books.purchaseOrders[$0]) }
      ),
      (
        "creditNotes",
        .array(count: books.creditNotes.count) { creditNote(export, books.creditNotes[$0]) }
      ),
      ("meetings", .array(count: books.meetings.count) { meeting(books.meetings[$0]) }),
    ]
  }

  // MARK: Values

  static func money(_ value: Money?) -> JSONValue {
    guard let value else { return .null }
    return .object([
      ("amount", .string(DataExport.amount(value))), ("currency", .string(value.currency.code)),
    ])
  }

  static func date(_ value: CalendarDate?) -> JSONValue {
    value.map { .string($0.description) } ?? .null
  }
  static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
  static func texts(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
  static func ref(_ value: Ref?) -> JSONValue { value.map { .string($0.id) } ?? .null }
  static func refs(_ values: [Ref]) -> JSONValue { .array(values.map { .string($0.id) }) }
  static func int(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
  static func decimal(_ value: DecimalNumber?) -> JSONValue {
    value.map { .string($0.description) } ?? .null
  }
  static func minutes(_ value: TimeSpan?) -> JSONValue { value.map { .int($0.minutes) } ?? .null }
  static func time(_ value: TimeOfDay?) -> JSONValue {
    value.map { .string($0.description) } ?? .null
  }
  static func currency(_ value: Currency?) -> JSONValue { value.map { .string($0.code) } ?? .null }

  static func discount(_ value: Discount?) -> JSONValue {
    switch value {
    case .percent(let percent): .object([("percent", decimal(percent.value)), ("amount", .null)])
    case .amount(let amount): .object([("percent", .null), ("amount", money(amount))])
    case nil: .null
    }
  }

  // MARK: Settings and definitions

  static func business(_ business: Business) -> JSONValue {
    let lateFee: JSONValue =
      business.lateFee.map { fee in
        .object([
          ("flat", money(fee.flat)), ("percent", decimal(fee.percent?.value)),
          ("period", .string(fee.period.rawValue)), ("graceDays", .int(fee.graceDays)),
        ])
      } ?? .null
    return .object([
      ("name", .string(business.name)), ("legalName", text(business.legalName)),
      ("address", texts(business.address)), ("email", text(business.email)),
      ("phone", text(business.phone)), ("website", text(business.website)),
      ("taxID", text(business.taxID)), ("currency", currency(business.currency)),
      ("termsDays", int(business.termsDays)), ("lateFee", lateFee),
      (
        "approvals",
        .array(
          business.approvals.map { rule in
            .object([
              ("kind", .string(rule.kind.rawValue)), ("over", money(rule.over)),
              ("byStaff", .bool(rule.byStaff)),
            ])
          })
      ),
      ("invoiceNumbering", text(business.invoiceNumbering)),
      ("estimateNumbering", text(business.estimateNumbering)),
      ("bank", texts(business.bank)), ("paymentLink", text(business.paymentLink)),
      ("locale", text(business.locale)), ("logo", text(business.logo)),
    ])
  }

  static func vocabulary(_ vocabulary: Vocabulary) -> JSONValue {
    .object(
      VocabularyKind.allCases.map { kind in
        (
          kind.rawValue,
          .array(
            (vocabulary.declared[kind] ?? []).map { entry in
              .object([("word", .string(entry.word)), ("label", text(entry.label))])
            })
        )
      })
  }

  static func tax(_ tax: Tax) -> JSONValue {
    .object([
      ("id", .string(tax.id)), ("name", .string(tax.name)), ("rate", decimal(tax.rate.value)),
    ])
  }

  static func client(_ client: Client, _ summary: ClientSummary) -> JSONValue {
    .object([
      ("id", .string(client.id)), ("name", .string(client.name)), ("stage", ref(client.stage)),
      ("company", text(client.company)), ("contact", text(client.contact)),
      ("position", text(client.position)), ("email", text(client.email)),
      ("phone", text(client.phone)), ("website", text(client.website)),
      ("address", texts(client.address)), ("taxID", text(client.taxID)),
      ("contract", money(client.contract)), ("currency", currency(client.currency)),
      ("termsDays", int(client.termsDays)), ("roundingMinutes", minutes(client.rounding)),
      ("staff", refs(client.staff)), ("notes", texts(client.notes)), ("tags", texts(client.tags)),
      ("invoiced", money(summary.invoiced)), ("paid", money(summary.paid)),
      ("outstanding", money(summary.outstanding)),
      ("contractInvoicedPercent", decimal(summary.contractInvoicedPercent)),
    ])
  }

  static func contact(_ contact: Contact) -> JSONValue {
    .object([
      ("id", .string(contact.id)), ("name", .string(contact.name)),
      ("category", ref(contact.category)), ("designation", text(contact.designation)),
      ("company", text(contact.company)), ("client", ref(contact.client)),
      ("phone", text(contact.phone)), ("email", text(contact.email)),
      ("address", texts(contact.address)), ("notes", texts(contact.notes)),
    ])
  }

  static func project(_ project: Project, _ progress: ProjectProgress) -> JSONValue {
    .object([
      ("id", .string(project.id)), ("name", .string(project.name)), ("client", ref(project.client)),
      ("value", money(project.value)), ("priority", .string(project.priority.rawValue)),
      ("status", .string(project.status.rawValue)), ("start", date(project.start)),
      ("end", date(project.end)), ("estimateMinutes", minutes(project.estimate)),
      (
        "milestones",
        .array(
          project.milestones.map { milestone in
            .object([
              ("name", .string(milestone.name)), ("amount", money(milestone.amount)),
              ("due", date(milestone.due)),
            ])
          })
      ),
      ("notes", texts(project.notes)), ("tags", texts(project.tags)),
      ("minutesLogged", .int(progress.actual.minutes)), ("invoiced", money(progress.invoiced)),
      ("completionBasis", .string(progress.basis.rawValue)),
      ("completionPercent", decimal(progress.completion)),
    ])
  }

  static func service(_ service: Service) -> JSONValue {
    .object([
      ("id", .string(service.id)), ("name", .string(service.name)),
      ("project", ref(service.project)), ("pricing", ref(service.pricing)),
      ("rate", money(service.rate)), ("durationMinutes", minutes(service.duration)),
      ("status", .string(service.status.rawValue)), ("notes", texts(service.notes)),
    ])
  }

  static func staff(_ staff: Staff) -> JSONValue {
    .object([
      ("id", .string(staff.id)), ("name", .string(staff.name)), ("role", text(staff.role)),
      ("email", text(staff.email)), ("costRate", money(staff.costRate)),
      ("billingRate", money(staff.billingRate)), ("clients", refs(staff.clients)),
      ("mayApprove", .bool(staff.mayApprove)),
    ])
  }

  static func resource(_ resource: Resource) -> JSONValue {
    .object([
      ("id", .string(resource.id)), ("title", .string(resource.title)),
      ("kind", ref(resource.kind)), ("topics", refs(resource.topics)),
      ("links", texts(resource.links)), ("notes", texts(resource.notes)),
      (
        "todos",
        .array(
          resource.todos.map { todo in
            .object([("text", .string(todo.text)), ("done", .bool(todo.done))])
          })
      ),
    ])
  }

  static func goal(_ goal: Goal, _ status: GoalStatus) -> JSONValue {
    let metric: JSONValue =
      goal.metric.map { metric in
        .object([
          ("kind", .string(metric.kind.rawValue)), ("filter", text(metric.filter)),
          ("year", int(metric.year)),
        ])
      } ?? .null
    return .object([
      ("id", .string(goal.id)), ("title", .string(goal.title)), ("category", ref(goal.category)),
      ("target", decimal(goal.target)), ("unit", text(goal.unit)),
      (
        "progress",
        .array(
          goal.progress.map { entry in
            .object([("date", date(entry.date)), ("value", decimal(entry.value))])
          })
      ),
      ("metric", metric), ("notes", texts(goal.notes)),
      ("current", decimal(status.current)), ("completionPercent", decimal(status.completion)),
    ])
  }

  static func recurring(_ recurring: RecurringInvoice) -> JSONValue {
    .object([
      ("id", .string(recurring.id)), ("name", .string(recurring.name)),
      ("client", ref(recurring.client)), ("project", ref(recurring.project)),
      (
        "every",
        recurring.every.map { every in
          .object([("count", .int(every.count)), ("unit", .string(every.unit.rawValue))])
        } ?? .null
      ),
      ("start", date(recurring.start)), ("end", date(recurring.end)),
      ("currency", currency(recurring.currency)),
      ("items", .array(recurring.items.map { item($0) })),
      ("discounts", .array(recurring.discounts.map { discount($0.value) })),
      ("taxes", refs(recurring.taxes)), ("taxInclusive", .bool(recurring.taxInclusive)),
      ("termsDays", int(recurring.termsDays)), ("terms", texts(recurring.terms)),
      ("includesMinutes", minutes(recurring.includes)), ("overage", money(recurring.overage)),
      ("notes", texts(recurring.notes)),
    ])
  }

  // MARK: Entries

  static func income(_ income: Income) -> JSONValue {
    .object([
      ("date", date(income.date)), ("amount", money(income.amount)),
      ("description", text(income.description)), ("class", .string(income.classID)),
      ("client", ref(income.client)), ("project", ref(income.project)),
      (
        "invoices",
        .array(
          income.invoices.map { allocation in
            .object([
              ("invoice", .string(allocation.invoice.id)), ("amount", money(allocation.amount)),
            ])
          })
      ),
      ("via", ref(income.via)), ("fee", money(income.fee)), ("received", .bool(income.isReceived)),
      ("notes", texts(income.notes)), ("tags", texts(income.tags)),
    ])
  }

  static func expense(_ export: DataExport, _ index: Int) -> JSONValue {
    let expense = export.books.expenses[index]
    let claims = export.billing.claims.expenseInvoices
    return .object([
      ("date", date(expense.date)), ("amount", money(expense.amount)),
      ("description", text(expense.description)), ("category", ref(expense.category)),
      ("vendor", text(expense.vendor)), ("via", ref(expense.via)),
      ("billable", ref(expense.billable)), ("invoice", ref(expense.invoice)),
      ("deductible", expense.deductible.map { .bool($0) } ?? .null),
      ("receipt", text(expense.receipt)), ("taxes", refs(expense.taxes)),
      ("staff", ref(expense.staff)), ("approvedBy", ref(expense.approvedBy)),
      ("notes", texts(expense.notes)), ("tags", texts(expense.tags)),
      ("billedOn", text(claims.indices.contains(index) ? claims[index] : nil)),
      ("billed", .bool(expense.billable != nil && export.billing.isBilled(expense: index))),
    ])
  }

  static func time(_ export: DataExport, _ index: Int) -> JSONValue {
    let entry = export.books.timeEntries[index]
    let claims = export.billing.claims.timeInvoices
    return .object([
      ("date", date(entry.date)), ("target", .string(entry.target.id)),
      ("minutes", .int(entry.duration.minutes)), ("start", time(entry.start)),
      ("end", time(entry.end)), ("description", text(entry.description)),
      ("staff", ref(entry.staff)), ("billable", .bool(entry.billable)),
      ("approvedBy", ref(entry.approvedBy)), ("invoice", ref(entry.invoice)),
      ("notes", texts(entry.notes)), ("tags", texts(entry.tags)),
      ("project", text(export.billing.project(of: entry))),
      ("client", text(export.billing.client(of: entry))),
      ("rate", money(entry.billable ? export.billing.rate(of: entry) : nil)),
      ("billedMinutes", .int(export.billing.billed(entry).minutes)),
      ("value", money(entry.billable ? export.value(of: entry) : nil)),
      ("billedOn", text(claims.indices.contains(index) ? claims[index] : nil)),
      ("billed", .bool(entry.billable && export.billing.isBilled(timeEntry: index))),
    ])
  }

  static func meeting(_ meeting: Meeting) -> JSONValue {
    .object([
      ("date", date(meeting.date)), ("start", time(meeting.start)), ("end", time(meeting.end)),
      ("title", .string(meeting.title)), ("agenda", texts(meeting.agenda)),
      ("with", refs(meeting.with)), ("medium", ref(meeting.medium)), ("link", text(meeting.link)),
      ("location", text(meeting.location)), ("attachments", texts(meeting.attachments)),
      ("priority", meeting.priority.map { .string($0.rawValue) } ?? .null),
      ("notes", texts(meeting.notes)), ("tags", texts(meeting.tags)),
    ])
  }
}

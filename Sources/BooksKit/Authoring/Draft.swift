/// A document entry drafted by `books new`: the lines of `.books` text to print or append,
/// and what its author should know about how it was drawn up.
public struct Draft: Sendable, Equatable {
  public var number: String
  public var lines: [String]
  /// Printed on standard error: where the taxes came from, what was left out.
  public var notes: [String] = []

  public var text: String { lines.joined(separator: "\n") + "\n" }
}

/// Why a draft cannot be made, as a sentence for the user.
public struct DraftProblem: Error, Sendable, Equatable {
  public var message: String
  /// The command line names something the books do not have, or says it wrongly (an
  /// unknown id, a quantity that cannot be read): a usage error, exit 2; else exit 1.
  public var isUsage: Bool

  public init(_ message: String, usage: Bool = false) {
    self.message = message
    self.isUsage = usage
  }
}

/// Writes model values back as `.books` text, in the spelling `books` reads.
enum EntryText {
  /// `  item "Design" 12h30m @ 95.00 EUR tax vat discount 10%`.
  static func item(_ item: LineItem) -> String {
    var parts = ["item", StringLiteral.quote(item.description)]
    if let quantity = item.quantity, let rate = item.rate {
      switch quantity {
      case .time(let span): parts.append(span.description)
      case .count(let count):
        parts.append(count.description)
        if let unit = item.unit { parts.append(unit) }
      }
      parts += ["@", rate.description]
    } else if let amount = item.amount {
      parts.append(amount.description)
    }
    if let taxes = item.taxes {
      parts += taxes.isEmpty ? ["tax", "none"] : ["tax"] + taxes.map(\.id)
    }
    if let discount = item.discount { parts += ["discount", self.discount(discount)] }
    return "  " + parts.joined(separator: " ")
  }

  static func discount(_ discount: Discount) -> String {
    switch discount {
    case .percent(let percent): percent.description
    case .amount(let money): money.description
    }
  }

  /// A quantity typed on the command line: `10h`, `1.5h`, `90m` or a number.
  static func quantity(_ text: String) -> Quantity? {
    if text.contains("h") || text.contains("m") { return TimeSpan(text).map { .time($0) } }
    return DecimalNumber(text).map { .count($0) }
  }

  /// "3 Nov 2026", for item descriptions a client reads.
  static func day(_ date: CalendarDate) -> String {
    "\(date.day) \(monthName(date.month).prefix(3)) \(date.year)"
  }

  /// "3–28 Nov 2026", "30 Oct – 2 Nov 2026", or one day.
  static func span(_ first: CalendarDate, _ last: CalendarDate) -> String {
    if first == last { return day(first) }
    if first.year == last.year, first.month == last.month {
      return "\(first.day)–\(day(last))"
    }
    if first.year == last.year {
      return "\(first.day) \(monthName(first.month).prefix(3)) – \(day(last))"
    }
    return "\(day(first)) – \(day(last))"
  }
}

private func placeholder(_ range: SourceRange?) -> SourceRange {
  range ?? SourceRange(file: 0, start: 0, end: 0)
}

/// Draws up invoices and estimates from the books: unbilled work, services, milestones and
/// recurring templates. Amounts are written out in full, so a document keeps its prices
/// when a rate changes later.
public struct Drafter: Sendable {
  public let books: Books
  /// Billing as of the end of time: work on any invoice, even a later-dated one, is billed.
  let billing: TimeBilling

  public init(books: Books) {
    self.books = books
    self.billing = TimeBilling(books: books, asOf: .latest)
  }

  /// What `--service ID[=QTY]` and `--milestone NAME` add to a document.
  public struct Extras: Sendable {
    public var services: [(id: String, quantity: String?)] = []
    public var milestones: [String] = []

    public init(services: [(id: String, quantity: String?)] = [], milestones: [String] = []) {
      self.services = services
      self.milestones = milestones
    }

    var isEmpty: Bool { services.isEmpty && milestones.isEmpty }
  }

  // MARK: Invoices from unbilled work

  /// An invoice for `client`'s unbilled billable time and expenses dated up to `through`
  /// (of one project, if given), plus any services and milestones asked for.
  ///
  /// Time is grouped into one item per service (or project, for time logged on a project)
  /// and rate, its minutes rounded up to the client's increment; expenses become items at
  /// their amount with `tax none` (passed on at cost, taxes included). A `bills` line claims
  /// the work, so that it counts as billed once the entry is in the books.
  public func invoice(
    client: String, project: String?, fromUnbilled: Bool, through: CalendarDate,
    date: CalendarDate, number: String?, extras: Extras
  ) -> Result<Draft, DraftProblem> {
    if case .failure(let problem) = validateParty(client: client, project: project) {
      return .failure(problem)
    }
    var items: [String] = []
    var notes: [String] = []
    var claimsWork = false
    var unpricedProblem: String?
    if fromUnbilled {
      let (timeItems, timeNotes, unpriced) = unbilledTime(
        client: client, project: project, through: through)
      if let unpriced {
        let scope = project.map { "project `\($0)`" } ?? "client `\(client)`"
        unpricedProblem =
          "nothing to invoice at a rate: \(unpriced) of \(scope) up to \(through) has no hourly rate; give its service `pricing hourly RATE`, or its staff member a `rate`"
      }
      let expenseItems = unbilledExpenses(client: client, project: project, through: through)
      items += timeItems + expenseItems
      notes += timeNotes
      claimsWork = !timeItems.isEmpty || !expenseItems.isEmpty || !timeNotes.isEmpty
    }
    switch extraItems(extras, project: project) {
    case .success(let lines): items += lines
    case .failure(let problem): return .failure(problem)
    }
    guard !items.isEmpty else {
      if let unpricedProblem { return .failure(DraftProblem(unpricedProblem)) }
      let scope = project.map { "project `\($0)`" } ?? "client `\(client)`"
      return .failure(
        DraftProblem(
          fromUnbilled
            ? "nothing to invoice: \(scope) has no unbilled billable time or expenses up to \(through)"
            : "nothing to invoice: use --from-unbilled, --service or --milestone"))
    }
    let number = number ?? DocumentNumbers.next(.invoice, in: books, date: date, client: client)
    var lines = ["\(date) invoice \(number) \(client)"]
    if let project { lines.append("  project \(project)") }
    lines.append("  status draft")
    if claimsWork { lines.append("  bills \(project ?? client) through \(through)") }
    lines += items
    let (taxLines, taxNote) = taxes(client: client)
    lines += taxLines
    if let taxNote { notes.append(taxNote) }
    return .success(Draft(number: number, lines: lines, notes: notes))
  }

  func validateParty(client: String, project: String?) -> Result<Void, DraftProblem> {
    guard books.client(client) != nil else {
      let hint =
        Suggestion.closest(to: client, in: books.clients.map(\.id)).map {
          " (did you mean `\($0)`?)"
        } ?? ""
      return .failure(DraftProblem("unknown client `\(client)`\(hint)", usage: true))
    }
    if let project {
      guard let owner = books.project(project)?.client?.id else {
        let hint =
          Suggestion.closest(to: project, in: books.projects.map(\.id)).map {
            " (did you mean `\($0)`?)"
          } ?? ""
        return .failure(DraftProblem("unknown project `\(project)`\(hint)", usage: true))
      }
      guard owner == client else {
        return .failure(
          DraftProblem("project `\(project)` belongs to client `\(owner)`, not `\(client)`"))
      }
    }
    return .success(())
  }

  /// Unbilled time as items, and notes on the time nothing prices by the hour.
  /// Unbilled time as items, the notes on time nothing prices by the hour, and that time
  /// in words ("2 time entries (3h)") when there is some.
  private func unbilledTime(client: String, project: String?, through: CalendarDate)
    -> ([String], [String], String?)
  {
    struct Group {
      var name: String
      var rate: Money
      var time = TimeSpan.zero
      var first: CalendarDate
      var last: CalendarDate
    }
    var groups: [Group] = []
    var unpriced = TimeSpan.zero
    var unpricedCount = 0
    for (index, entry) in books.timeEntries.enumerated() {
      guard entry.billable, entry.date <= through, !billing.isBilled(timeEntry: index),
        billing.client(of: entry) == client,
        project.map({ billing.project(of: entry) == $0 }) ?? true
      else { continue }
      guard let rate = billing.rate(of: entry) else {
        unpriced = unpriced.plus(entry.duration)
        unpricedCount += 1
        continue
      }
      let name =
        billing.service(of: entry)?.name ?? billing.project(of: entry).flatMap {
          books.project($0)?.name
        } ?? entry.target.id
      let billed = billing.billed(entry)
      if let index = groups.firstIndex(where: { $0.name == name && $0.rate == rate }) {
        groups[index].time = groups[index].time.plus(billed)
        groups[index].first = min(groups[index].first, entry.date)
        groups[index].last = max(groups[index].last, entry.date)
      } else {
        groups.append(
          Group(name: name, rate: rate, time: billed, first: entry.date, last: entry.date))
      }
    }
    let items = groups.map { group in
      EntryText.item(
        LineItem(
          description: "\(group.name), \(EntryText.span(group.first, group.last))",
          quantity: .time(group.time), unit: "h", rate: group.rate,
          range: placeholder(nil)))
    }
    var notes: [String] = []
    var words: String?
    if unpricedCount > 0 {
      let entries =
        "\(unpricedCount) time \(unpricedCount == 1 ? "entry" : "entries") (\(unpriced))"
      words = entries
      notes.append(
        "left out \(entries) that nothing prices by the hour (fixed-price work); the `bills` line counts \(unpricedCount == 1 ? "it" : "them") as billed"
      )
    }
    return (items, notes, words)
  }

  private func unbilledExpenses(client: String, project: String?, through: CalendarDate)
    -> [String]
  {
    books.expenses.enumerated().compactMap { index, expense in
      guard let target = expense.billable?.id, expense.date <= through,
        !billing.isBilled(expense: index)
      else { return nil }
      let owner = books.client(target) != nil ? target : books.clientID(ofProject: target)
      guard owner == client, project.map({ target == $0 }) ?? true else { return nil }
      let what = expense.description ?? expense.category?.id ?? "Expense"
      return EntryText.item(
        LineItem(
          description: "\(what) (\(EntryText.day(expense.date)))", amount: expense.amount,
          taxes: [], range: placeholder(nil)))
    }
  }

  func extraItems(_ extras: Extras, project: String?) -> Result<[String], DraftProblem> {
    var lines: [String] = []
    for (id, quantityText) in extras.services {
      guard let service = books.service(id) else {
        let hint =
          Suggestion.closest(to: id, in: books.services.map(\.id)).map {
            " (did you mean `\($0)`?)"
          } ?? ""
        return .failure(DraftProblem("unknown service `\(id)`\(hint)", usage: true))
      }
      guard let rate = service.rate else {
        return .failure(
          DraftProblem("service `\(id)` has no rate: give it one (`rate 95 EUR`) first"))
      }
      var quantity: Quantity?
      if let quantityText {
        guard let parsed = EntryText.quantity(quantityText) else {
          return .failure(
            DraftProblem(
              "`\(quantityText)` is not a quantity: write `\(id)=10h` or `\(id)=3`", usage: true))
        }
        quantity = parsed
      }
      let pricing = service.pricing?.id
      if pricing == "hourly" {
        guard let hours = quantity ?? service.duration.map({ .time($0) }) else {
          return .failure(
            DraftProblem("how many hours of `\(id)`? write `--service \(id)=10h`", usage: true))
        }
        if case .count(let count) = hours {
          // `=10` on an hourly service means ten hours.
          guard let span = TimeSpan(count.description + "h") else {
            return .failure(
              DraftProblem(
                "`\(count)` hours of `\(id)`: write whole minutes, e.g. `\(id)=1.5h`", usage: true))
          }
          quantity = .time(span)
        } else {
          quantity = hours
        }
      }
      var item = LineItem(description: service.name, range: placeholder(nil))
      if let quantity {
        item.quantity = quantity
        item.rate = rate
        if case .time = quantity {
          item.unit = "h"
        } else if let pricing, pricing != "flat" {
          item.unit = pricing
        }
      } else {
        item.amount = rate
      }
      lines.append(EntryText.item(item))
    }
    for name in extras.milestones {
      guard let project, let found = books.project(project) else {
        return .failure(
          DraftProblem("--milestone needs --project: milestones belong to projects", usage: true))
      }
      guard let milestone = found.milestones.first(where: { $0.name == name }) else {
        let names = found.milestones.map { "\"\($0.name)\"" }.joined(separator: ", ")
        return .failure(
          DraftProblem(
            "project `\(project)` has no milestone \"\(name)\""
              + (names.isEmpty ? "" : "; its milestones: \(names)"), usage: true))
      }
      lines.append(
        EntryText.item(
          LineItem(description: milestone.name, amount: milestone.amount, range: placeholder(nil))))
    }
    return .success(lines)
  }

  /// The taxes of the client's latest invoice or estimate, which a new document most
  /// likely shares.
  func taxes(client: String) -> ([String], String?) {
    var latest: (date: CalendarDate, number: String, taxes: [Ref], inclusive: Bool)?
    for invoice in books.invoices
    where invoice.client?.id == client && invoice.status != .void && !invoice.taxes.isEmpty {
      if latest.map({ invoice.date >= $0.date }) ?? true {
        latest = (invoice.date, invoice.number, invoice.taxes, invoice.taxInclusive)
      }
    }
    for estimate in books.estimates where estimate.client?.id == client && !estimate.taxes.isEmpty {
      if latest.map({ estimate.date > $0.date }) ?? true {
        latest = (estimate.date, estimate.number, estimate.taxes, estimate.taxInclusive)
      }
    }
    guard let latest else {
      if books.taxes.count == 1, let only = books.taxes.first {
        return (["  tax \(only.id)"], "taxes: \(only.id), the only tax in the books")
      }
      return ([], "no taxes: no earlier document of this client names any; add `tax ID` if due")
    }
    var lines = ["  tax " + latest.taxes.map(\.id).joined(separator: " ")]
    if latest.inclusive { lines.append("  tax-inclusive") }
    return (
      lines,
      "taxes as on \(latest.number): \(latest.taxes.map(\.id).joined(separator: ", "))"
    )
  }
}

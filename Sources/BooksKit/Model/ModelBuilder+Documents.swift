/// The fields that invoices, estimates and recurring invoices price the same way.
struct PricedFields {
  var items: [LineItem] = []
  var discounts: [Located<Discount>] = []
  var taxes: [Ref] = []
  var taxInclusive = false
  /// True when an item could not be read.
  var hasUnreadItems = false
}

extension ModelBuilder {
  /// Reads `item`, `discount`, `tax` and `tax-inclusive` into `priced`; false for any other
  /// field.
  func readPriced(
    _ key: String, _ field: FieldNode, _ reader: EntryReader, currency: Currency?,
    into priced: inout PricedFields
  ) -> Bool {
    switch key {
    case "item":
      if let item = lineItem(field, reader, currency: currency) {
        priced.items.append(item)
      } else {
        priced.hasUnreadItems = true
      }
    case "discount":
      discount(reader.values(field)[...], reader, currency: currency, at: reader.afterKey(field))
        .map {
          priced.discounts.append(Located($0, at: reader.range(of: field)))
        }
    case "tax": addTaxes(reader.refs(field, self), to: &priced.taxes)
    case "tax-inclusive": priced.taxInclusive = reader.yesNo(field, self) ?? false
    default: return false
    }
    return true
  }

  /// `terms 14 days` (once) or `terms "text"` (as many as you like).
  func readTerms(
    _ field: FieldNode, _ reader: EntryReader, days: inout Int?, texts: inout [String]
  ) {
    if reader.values(field).first?.kind == .string {
      reader.text(field, self).map { texts.append($0) }
    } else if days == nil {
      days = reader.days(reader.values(field)[...], self, at: reader.afterKey(field))
    } else {
      report(
        .error(
          Self.fieldsCode, "payment terms are given twice", at: reader.tree.range(field.key),
          fix: "keep one `terms N days` line"))
    }
  }

  /// `bills TARGET [from DATE] through DATE`.
  func billingClaim(_ field: FieldNode, _ reader: EntryReader) -> BillingClaim? {
    let tree = reader.tree
    let values = reader.values(field)
    let example = "bills acme-web through 2026-11-30"
    guard let targetToken = values.first else {
      report(
        .error(
          Self.valuesCode, "`bills` needs a client, project or service and a `through` date",
          at: reader.afterKey(field), fix: example))
      return nil
    }
    guard let target = reader.ref(targetToken, self) else { return nil }
    var from: CalendarDate?
    var through: CalendarDate?
    var index = 1
    while index < values.count {
      let word = values[index]
      let isFrom = tree.isWord(word, "from")
      guard isFrom || tree.isWord(word, "through"), index + 1 < values.count else {
        report(
          .error(
            Self.valuesCode, "expected `from DATE` or `through DATE`", at: tree.range(word),
            fix: example))
        return nil
      }
      guard let date = reader.date(values[index + 1], self) else { return nil }
      if isFrom { from = date } else { through = date }
      index += 2
    }
    guard let through else {
      report(
        .error(
          Self.valuesCode, "`bills` needs the last day it covers: `through DATE`",
          at: reader.range(of: field), fix: example))
      return nil
    }
    if let from, through < from {
      report(
        .error(
          "dates", "the billed span ends (\(through)) before it starts (\(from))",
          at: reader.range(of: field), fix: "bills \(target.id) from \(through) through \(from)"))
      return nil
    }
    return BillingClaim(
      target: target, from: from, through: through, range: reader.range(of: field))
  }

  /// `period DATE through DATE`.
  func datePeriod(_ field: FieldNode, _ reader: EntryReader) -> DatePeriod? {
    let tree = reader.tree
    let values = reader.values(field)
    guard values.count == 3, tree.isWord(values[1], "through") else {
      report(
        .error(
          Self.valuesCode, "a period is `FIRST-DAY through LAST-DAY`",
          at: values.isEmpty ? reader.afterKey(field) : reader.range(of: field),
          fix: "period 2026-11-01 through 2026-11-30"))
      return nil
    }
    guard let start = reader.date(values[0], self), let end = reader.date(values[2], self) else {
      return nil
    }
    if end < start {
      report(
        .error(
          "dates", "the period ends (\(end)) before it starts (\(start))",
          at: reader.range(of: field), fix: "period \(end) through \(start)"))
      return nil
    }
    return DatePeriod(start: start, end: end)
  }

  /// `month`, `3 months`, `2 weeks`, `quarter`, `year`.
  func frequency(_ field: FieldNode, _ reader: EntryReader) -> Frequency? {
    let words = reader.values(field).map { reader.tree.text($0) }
    var count = 1
    var unitWord = words.first ?? ""
    if words.count == 2, let number = Int(words[0]), (1...120).contains(number) {
      count = number
      unitWord = words[1]
    } else if words.count != 1 {
      unitWord = ""
    }
    switch unitWord {
    case "week", "weeks": return Frequency(count: count, unit: .week)
    case "month", "months": return Frequency(count: count, unit: .month)
    case "quarter", "quarters": return Frequency(count: count * 3, unit: .month)
    case "year", "years": return Frequency(count: count, unit: .year)
    default:
      report(
        .error(
          Self.valuesCode, "`every` takes `week`, `month`, `quarter` or `year`, or N of them",
          at: reader.values(field).isEmpty ? reader.afterKey(field) : reader.range(of: field),
          fix: "every month"))
      return nil
    }
  }

  func buildRecurring(_ reader: EntryReader) {
    guard let (id, range) = reader.id(self) else { return }
    var template = RecurringInvoice(
      id: id, name: reader.name(after: 2, default: id, self), range: range)
    let tree = reader.tree
    for field in reader.fieldNodes {
      switch tree.text(field.key) {
      case "currency": template.currency = reader.currency(field, self)
      case "client": template.client = reader.ref(field, what: "a client id", self)
      default: break
      }
    }
    let currency = template.currency ?? self.currency(ofClient: template.client?.id)
    var priced = PricedFields()
    reader.fields(self) { reader, field, key in
      if readPriced(key, field, reader, currency: currency, into: &priced) { return }
      switch key {
      case "client", "currency": break
      case "project": template.project = reader.ref(field, what: "a project id", self)
      case "every": template.every = frequency(field, reader)
      case "start": template.start = reader.date(field, self)
      case "end": template.end = reader.date(field, self)
      case "terms": readTerms(field, reader, days: &template.termsDays, texts: &template.terms)
      case "includes": template.includes = reader.timeSpan(field, self)
      case "overage": template.overage = reader.money(field, currency: currency, self)
      case "note": reader.text(field, self).map { template.notes.append($0) }
      default: break
      }
    }
    template.items = priced.items
    template.discounts = priced.discounts
    template.taxes = priced.taxes
    template.taxInclusive = priced.taxInclusive
    for (name, present, example) in [
      ("client", template.client != nil, "acme"), ("every", template.every != nil, "month"),
      ("start", template.start != nil, "2026-01-01"),
    ] where !present && !reader.fieldNodes.contains(where: { tree.text($0.key) == name }) {
      reader.missing(name, example: example, self)
    }
    define(id, .recurring, index: books.recurringInvoices.count, at: range)
    books.recurringInvoices.append(template)
  }
}

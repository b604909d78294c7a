extension ModelBuilder {
  /// Adds taxes to an entry's list; a tax named twice is reported and counted once.
  func addTaxes(_ refs: [Ref], to taxes: inout [Ref]) {
    for ref in refs {
      if taxes.contains(where: { $0.id == ref.id }) {
        report(
          .error(
            Self.valuesCode, "tax `\(clip(ref.id))` is named twice", at: ref.range,
            fix: "name each tax once"))
      } else {
        taxes.append(ref)
      }
    }
  }

  /// The currency of a client's amounts: its own, else the business's.
  func currency(ofClient id: String?) -> Currency? {
    id.flatMap(ownCurrency) ?? defaultCurrency
  }

  /// The currency a client sets itself, if any. Read through the books' stored properties:
  /// calling a method of `books` (a value held by this object) copies the whole value,
  /// retaining each of its arrays, at every call.
  func ownCurrency(_ id: String) -> Currency? {
    assert(!readsOnlySettings, "a chunk's builder has no clients to read")
    guard let definition = books.definitions[id], definition.kind == .client,
      books.clients.indices.contains(definition.index)
    else { return nil }
    return books.clients[definition.index].currency
  }

  /// `Books.clientID(ofProject:)`, read through the stored properties as `ownCurrency` is.
  func clientID(ofProject id: String) -> String? {
    assert(!readsOnlySettings, "a chunk's builder has no projects to read")
    guard let definition = books.definitions[id], definition.kind == .project,
      books.projects.indices.contains(definition.index)
    else { return nil }
    return books.projects[definition.index].client?.id
  }

  /// `Books.invoice(_:)`, read through the stored properties as `ownCurrency` is.
  private func invoice(_ number: String) -> Invoice? {
    assert(!readsOnlySettings, "a chunk's builder has no invoices to read")
    guard let index = books.documents[.invoice]?[number], books.invoices.indices.contains(index)
    else { return nil }
    return books.invoices[index]
  }

  /// The business's currency: read once when the definitions are built (and by the
  /// builders of slices, which share the definitions with other threads).
  var defaultCurrency: Currency? { knownDefaultCurrency ?? books.business?.currency }

  /// `DATE income|expense AMOUNT ["description"]`: amount and description from the head.
  private func amountHead(_ reader: EntryReader, currency: Currency?) -> (Money, String?)? {
    let head = reader.head
    guard head.count >= 3 else {
      report(
        .error(
          Parser.code, "`\(reader.tree.text(head[1]))` needs an amount",
          at: reader.headRange,
          fix: "\(reader.tree.raw(head[0])) \(reader.tree.text(head[1])) 120.00 EUR \"What it was\""
        ))
      return nil
    }
    guard let (amount, used) = reader.money(head, at: 2, currency: currency, self) else {
      return nil
    }
    return (amount, reader.text(head[(2 + used)...], self))
  }

  /// The client named by an entry's `client` field, read before the other fields so that
  /// its currency applies to them.
  private func peekClient(_ reader: EntryReader) -> String? {
    reader.fieldNodes.first { reader.isKey($0, "client") }.flatMap { reader.values($0).first }.map {
      reader.tree.text($0)
    }
  }

  func buildIncome(_ date: CalendarDate, _ reader: EntryReader) {
    // A payment defaults to the currency of the invoice it pays, else of its client.
    var defaultCurrency: Currency?
    if let field = reader.fieldNodes.first(where: { reader.isKey($0, "invoice") }),
      let number = reader.values(field).first,
      let paid = books.documents[.invoice]?[reader.tree.text(number)],
      books.invoices.indices.contains(paid)
    {
      defaultCurrency =
        books.invoices[paid].currency ?? books.invoices[paid].client.flatMap { ownCurrency($0.id) }
    }
    if defaultCurrency == nil { defaultCurrency = currency(ofClient: peekClient(reader)) }
    guard
      let (amount, description) = amountHead(reader, currency: defaultCurrency)
    else { return }
    var income = Income(
      date: date, amount: amount, description: description, range: reader.headRange)
    reader.fields(self) { reader, field, key in
      switch key {
      case "class": income.incomeClass = reader.word(field, self)
      case "client": income.client = reader.ref(field, what: "a client id", self)
      case "project": income.project = reader.ref(field, what: "a project id", self)
      case "invoice":
        guard let first = reader.values(field).first, let ref = reader.ref(first, self) else {
          _ = reader.single(field, what: "an invoice number", example: "INV-2026-001", self)
          return
        }
        var allocation = PaymentAllocation(invoice: ref)
        if reader.values(field).count > 1,
          let (part, used) = reader.money(
            reader.values(field), at: 1, currency: amount.currency, self)
        {
          allocation.amount = part
          if 1 + used < reader.values(field).count {
            reader.extra(reader.values(field)[(1 + used)...], self)
          }
        }
        income.invoices.append(allocation)
      case "via": income.via = reader.word(field, self)
      case "fee": income.fee = reader.money(field, currency: amount.currency, self)
      case "note": reader.text(field, self).map { income.notes.append($0) }
      default: break
      }
    }
    income.tags = reader.tags
    books.incomes.append(income)
  }

  func buildExpense(_ date: CalendarDate, _ reader: EntryReader) {
    guard let (amount, description) = amountHead(reader, currency: defaultCurrency) else {
      return
    }
    // The fields go to locals and the expense is made once, at the end (see `buildTime`).
    var category: Word?
    var vendor: String?
    var via: Word?
    var billable: Ref?
    var invoice: Ref?
    var deductible: Bool?
    var receipt: String?
    var taxes: [Ref] = []
    var staff: Ref?
    var approvedBy: Ref?
    var notes: [String] = []
    reader.fields(self) { reader, field, key in
      switch key {
      case "category": category = reader.word(field, self)
      case "vendor": vendor = reader.text(field, self)
      case "via": via = reader.word(field, self)
      case "billable": billable = reader.ref(field, what: "a client or project id", self)
      case "invoice": invoice = reader.ref(field, what: "an invoice number", self)
      case "deductible": deductible = reader.yesNo(field, self)
      case "receipt": receipt = reader.text(field, self)
      case "tax": addTaxes(reader.refs(field, self), to: &taxes)
      case "staff": staff = reader.ref(field, what: "a staff id", self)
      case "approved-by": approvedBy = reader.ref(field, what: "a staff id", self)
      case "note": reader.text(field, self).map { notes.append($0) }
      default: break
      }
    }
    books.expenses.append(
      Expense(
        date: date, amount: amount, description: description, category: category,
        vendor: vendor, via: via, billable: billable, invoice: invoice, deductible: deductible,
        receipt: receipt, taxes: taxes, staff: staff, approvedBy: approvedBy, notes: notes,
        tags: reader.tags, range: reader.headRange))
  }

  /// `DATE time TARGET (DURATION | HH:MM-HH:MM) ["description"]`
  func buildTime(_ date: CalendarDate, _ reader: EntryReader) {
    let head = reader.head
    let tree = reader.tree
    guard head.count >= 4 else {
      report(
        .error(
          Parser.code, "a time entry is `DATE time PROJECT-OR-SERVICE DURATION [\"what\"]`",
          at: reader.headRange, fix: "\(tree.raw(head[0])) time acme-web 2h30m \"Wireframes\""))
      // Without its duration, the entry still names its project or service.
      if head.count == 3, let target = reader.ref(head[2], self) { unbuiltTarget(target) }
      return
    }
    guard let target = reader.ref(head[2], self) else { return }
    // Past this point an entry that cannot be built still has its target checked.
    let spanToken = head[3]
    var start: TimeOfDay?
    var end: TimeOfDay?
    var duration: TimeSpan?
    let bytes = tree.bytes(spanToken)
    if let dash = bytes.firstIndex(of: UInt8(ascii: "-")), bytes.contains(UInt8(ascii: ":")) {
      if let from = TimeOfDay.parse(bytes[bytes.startIndex..<dash]),
        let to = TimeOfDay.parse(bytes[(dash + 1)...])
      {
        start = from
        end = to
        if to.minutes > from.minutes {
          duration = TimeSpan(minutes: to.minutes - from.minutes)
        } else {
          report(
            .error(
              "dates",
              to == from
                ? "the time range is empty" : "the time range ends before it starts",
              at: tree.range(spanToken),
              fix:
                "write the range in order, e.g. 09:00-12:30; split work past midnight in two entries"
            ))
          unbuiltTarget(target)
          return
        }
      } else {
        report(
          .error(
            Self.valuesCode, "`\(clip(tree.raw(spanToken)))` is not a time range",
            at: tree.range(spanToken), fix: "write a range as 09:00-12:30"))
        unbuiltTarget(target)
        return
      }
    } else {
      duration = reader.timeSpan(spanToken, self)
    }
    guard let duration else {
      unbuiltTarget(target)
      return
    }
    let description = reader.text(head[4...], self)
    // The fields go to locals and the entry is made once, at the end: an entry the field
    // closure wrote to would be copied into the array, each of its strings retained.
    var staff: Ref?
    var billable = true
    var approvedBy: Ref?
    var invoice: Ref?
    var notes: [String] = []
    reader.fields(self) { reader, field, key in
      switch key {
      case "staff": staff = reader.ref(field, what: "a staff id", self)
      case "billable": billable = reader.yesNo(field, self) ?? true
      case "approved-by": approvedBy = reader.ref(field, what: "a staff id", self)
      case "invoice": invoice = reader.ref(field, what: "an invoice number", self)
      case "note": reader.text(field, self).map { notes.append($0) }
      default: break
      }
    }
    books.timeEntries.append(
      TimeEntry(
        date: date, target: target, duration: duration, start: start, end: end,
        description: description, staff: staff, billable: billable, approvedBy: approvedBy,
        invoice: invoice, notes: notes, tags: reader.tags, range: reader.headRange))
  }

  /// The target of a time entry that cannot be built, for `refs` to check all the same.
  private func unbuiltTarget(_ target: Ref) {
    books.unbuiltRefs.append(UnbuiltRef(ref: target, kinds: [.project, .service]))
  }

  /// `DATE KIND NUMBER PARTY` heads of documents; returns the number token and the party.
  private func documentHead(_ reader: EntryReader, party: String) -> (Token, Ref?)? {
    let head = reader.head
    let tree = reader.tree
    guard head.count >= 3 else {
      report(
        .error(
          Parser.code, "`\(tree.text(head[1]))` needs a number and a \(party)",
          at: reader.headRange,
          fix: "\(tree.raw(head[0])) \(tree.text(head[1])) NUMBER \(party.uppercased())"))
      return nil
    }
    let number = head[2]
    guard number.kind == .word else {
      report(
        .error(
          Self.valuesCode, "document numbers are written without quotes",
          at: tree.range(number), fix: tree.text(number)))
      return nil
    }
    if head.count > 4 { reader.extra(head[4...], self) }
    return (number, head.count > 3 ? reader.ref(head[3], self) : nil)
  }

  func buildInvoice(_ date: CalendarDate, _ reader: EntryReader) {
    guard let (numberToken, client) = documentHead(reader, party: "client") else { return }
    let tree = reader.tree
    let number = tree.text(numberToken)
    var invoice = Invoice(
      number: number, numberRange: tree.range(numberToken), date: date, client: client,
      range: reader.headRange)
    if client == nil { missingParty(reader, "client", example: "acme") }
    for field in reader.fieldNodes where tree.text(field.key) == "currency" {
      invoice.currency = reader.currency(field, self)
    }
    let currency = invoice.currency ?? self.currency(ofClient: client?.id)
    var priced = PricedFields()
    reader.fields(self) { reader, field, key in
      if readPriced(key, field, reader, currency: currency, into: &priced) { return }
      switch key {
      case "project": invoice.project = reader.ref(field, what: "a project id", self)
      case "status":
        if let status = enumValue(InvoiceStatus.self, field, reader, noun: "invoice status") {
          invoice.status = status
          invoice.statusRange = reader.values(field).first.map { tree.range($0) }
        }
      case "due": invoice.due = reader.date(field, self)
      case "terms": readTerms(field, reader, days: &invoice.termsDays, texts: &invoice.terms)
      case "send": invoice.send = reader.date(field, self)
      case "currency": break
      case "po": invoice.purchaseOrder = reader.ref(field, what: "a purchase order number", self)
      case "estimate": invoice.estimate = reader.ref(field, what: "an estimate number", self)
      case "recurring":
        invoice.recurring = reader.ref(field, what: "a recurring invoice id", self)
      case "period": invoice.period = datePeriod(field, reader)
      case "bills": billingClaim(field, reader).map { invoice.claims.append($0) }
      case "total":
        reader.money(field, currency: currency, self).map {
          invoice.statedTotal = Located($0, at: reader.range(of: field))
        }
      case "approved-by": invoice.approvedBy = reader.ref(field, what: "a staff id", self)
      case "note": reader.text(field, self).map { invoice.notes.append($0) }
      default: break
      }
    }
    invoice.items = priced.items
    invoice.discounts = priced.discounts
    invoice.taxes = priced.taxes
    invoice.taxInclusive = priced.taxInclusive
    invoice.hasUnreadItems = priced.hasUnreadItems
    invoice.tags = reader.tags
    register(.invoice, number, index: books.invoices.count, at: tree.range(numberToken))
    books.invoices.append(invoice)
  }

  private func missingParty(_ reader: EntryReader, _ party: String, example: String) {
    let head = reader.head
    let tree = reader.tree
    report(
      .error(
        Parser.code, "`\(tree.text(head[1]))` needs the \(party) after its number",
        at: reader.headRange,
        fix: head.map { tree.raw($0) }.joined(separator: " ") + " \(example)"))
  }

  func buildEstimate(_ date: CalendarDate, _ reader: EntryReader) {
    guard let (numberToken, client) = documentHead(reader, party: "client") else { return }
    let tree = reader.tree
    let number = tree.text(numberToken)
    var estimate = Estimate(
      number: number, numberRange: tree.range(numberToken), date: date, client: client,
      range: reader.headRange)
    if client == nil { missingParty(reader, "client", example: "acme") }
    for field in reader.fieldNodes where tree.text(field.key) == "currency" {
      estimate.currency = reader.currency(field, self)
    }
    let currency = estimate.currency ?? self.currency(ofClient: client?.id)
    var priced = PricedFields()
    reader.fields(self) { reader, field, key in
      if readPriced(key, field, reader, currency: currency, into: &priced) { return }
      switch key {
      case "project": estimate.project = reader.ref(field, what: "a project id", self)
      case "status":
        if let status = enumValue(EstimateStatus.self, field, reader, noun: "estimate status") {
          estimate.status = status
        }
      case "valid-until": estimate.validUntil = reader.date(field, self)
      case "currency": break
      case "approved-by": estimate.approvedBy = reader.ref(field, what: "a staff id", self)
      case "note": reader.text(field, self).map { estimate.notes.append($0) }
      default: break
      }
    }
    estimate.items = priced.items
    estimate.discounts = priced.discounts
    estimate.taxes = priced.taxes
    estimate.taxInclusive = priced.taxInclusive
    estimate.tags = reader.tags
    register(.estimate, number, index: books.estimates.count, at: tree.range(numberToken))
    books.estimates.append(estimate)
  }

  func buildPurchaseOrder(_ date: CalendarDate, _ reader: EntryReader) {
    guard let (numberToken, client) = documentHead(reader, party: "client") else { return }
    let tree = reader.tree
    var order = PurchaseOrder(
      number: tree.text(numberToken), numberRange: tree.range(numberToken), date: date,
      client: client, range: reader.headRange)
    if client == nil { missingParty(reader, "client", example: "acme") }
    let currency = self.currency(ofClient: client?.id)
    reader.fields(self) { reader, field, key in
      switch key {
      case "limit": order.limit = reader.money(field, currency: currency, self)
      case "estimate": order.estimate = reader.ref(field, what: "an estimate number", self)
      case "note": reader.text(field, self).map { order.notes.append($0) }
      default: break
      }
    }
    register(
      .purchaseOrder, order.number, index: books.purchaseOrders.count,
      at: tree.range(numberToken))
    books.purchaseOrders.append(order)
  }

  func buildCreditNote(_ date: CalendarDate, _ reader: EntryReader) {
    guard let (numberToken, invoiceRef) = documentHead(reader, party: "invoice") else { return }
    let tree = reader.tree
    var credit = CreditNote(
      number: tree.text(numberToken), numberRange: tree.range(numberToken), date: date,
      invoice: invoiceRef, range: reader.headRange)
    if invoiceRef == nil { missingParty(reader, "invoice", example: "INV-2026-001") }
    let invoice = invoiceRef.flatMap { self.invoice($0.id) }
    let currency = invoice?.currency ?? self.currency(ofClient: invoice?.client?.id)
    reader.fields(self) { reader, field, key in
      switch key {
      case "item": lineItem(field, reader, currency: currency).map { credit.items.append($0) }
      case "tax": addTaxes(reader.refs(field, self), to: &credit.taxes)
      case "note": reader.text(field, self).map { credit.notes.append($0) }
      default: break
      }
    }
    register(
      .creditNote, credit.number, index: books.creditNotes.count, at: tree.range(numberToken))
    books.creditNotes.append(credit)
  }

  /// `DATE meeting [HH:MM[-HH:MM] [DURATION]] "Title"`
  func buildMeeting(_ date: CalendarDate, _ reader: EntryReader) {
    let tree = reader.tree
    var rest = reader.head.dropFirst(2)
    var start: TimeOfDay?
    var end: TimeOfDay?
    // A time starts with a digit; anything else is the start of the title.
    if let token = rest.first, token.kind == .word, tree.bytes(token).first.map(isDigit) == true {
      let bytes = tree.bytes(token)
      if let dash = bytes.firstIndex(of: UInt8(ascii: "-")) {
        start = TimeOfDay.parse(bytes[bytes.startIndex..<dash])
        end = TimeOfDay.parse(bytes[(dash + 1)...])
        if start == nil || end == nil {
          report(
            .error(
              Self.valuesCode, "`\(clip(tree.raw(token)))` is not a time range",
              at: tree.range(token),
              fix: "write a range as 10:00-11:00"))
          return
        }
        rest = rest.dropFirst()
      } else if bytes.contains(UInt8(ascii: ":")) {
        guard let time = reader.timeOfDay(token, self) else { return }
        start = time
        rest = rest.dropFirst()
        if let next = rest.first, next.kind == .word, let span = TimeSpan.parse(tree.bytes(next)) {
          end = TimeOfDay(minutes: min(1440, time.minutes + min(span.minutes, 1440)))
          rest = rest.dropFirst()
        }
      }
    }
    guard let title = reader.text(rest, self) else {
      report(
        .error(
          Parser.code, "a meeting needs a title", at: reader.headRange,
          fix: "\(tree.raw(reader.head[0])) meeting 10:00-11:00 \"Kickoff with Acme\""))
      return
    }
    var meeting = Meeting(date: date, start: start, end: end, title: title, range: reader.headRange)
    reader.fields(self) { reader, field, key in
      switch key {
      case "end", "duration":
        guard meeting.end == nil, let start = meeting.start else {
          report(
            .error(
              Self.fieldsCode,
              meeting.start == nil
                ? "`\(key)` needs a start time on the meeting's first line"
                : "the meeting's end is already given",
              at: reader.tree.range(field.key),
              fix: meeting.start == nil
                ? "write the start after the date: `meeting 10:00 \"...\"`"
                : "give the end once: a range `10:00-11:00`, `end`, or `duration`"))
          return
        }
        if key == "end" {
          guard let token = reader.single(field, what: "a time", example: "11:00", self) else {
            return
          }
          meeting.end = reader.timeOfDay(token, self)
        } else if let span = reader.timeSpan(field, self) {
          meeting.end = TimeOfDay(minutes: min(1440, start.minutes + min(span.minutes, 1440)))
        }
      case "agenda": reader.text(field, self).map { meeting.agenda.append($0) }
      case "with": meeting.with += reader.refs(field, self)
      case "medium": meeting.medium = reader.word(field, self)
      case "link": meeting.link = reader.text(field, self)
      case "location": meeting.location = reader.text(field, self)
      case "attach": reader.text(field, self).map { meeting.attachments.append($0) }
      case "priority": meeting.priority = enumValue(Priority.self, field, reader, noun: "priority")
      case "note": reader.text(field, self).map { meeting.notes.append($0) }
      default: break
      }
    }
    if let start = meeting.start, let end = meeting.end, end < start {
      report(
        .error(
          "dates", "the meeting ends before it starts", at: reader.headRange,
          fix: "check the start and end times"))
    }
    meeting.tags = reader.tags
    books.meetings.append(meeting)
  }
}

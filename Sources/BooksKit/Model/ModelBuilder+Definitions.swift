extension ModelBuilder {
  func buildBusiness(_ reader: EntryReader) {
    let name = reader.name(after: 1, default: "", self)
    if let first = books.business {
      report(
        .error(
          "duplicates", "the business is defined twice", at: reader.headRange,
          notes: [DiagnosticNote("first defined here", at: first.range)],
          fix: "keep one `business` block"))
      return
    }
    var business = Business(name: name, range: reader.headRange)
    if name.isEmpty {
      reader.missingName("business \"North Studio\"", self)
    }
    // The currency first: other amounts in the block default to it.
    for field in reader.fieldNodes where reader.tree.text(field.key) == "currency" {
      business.currency = reader.currency(field, self)
    }
    reader.fields(self) { reader, field, key in
      switch key {
      case "legal-name": business.legalName = reader.text(field, self)
      case "address": reader.text(field, self).map { business.address.append($0) }
      case "email": business.email = reader.text(field, self)
      case "phone": business.phone = reader.text(field, self)
      case "website": business.website = reader.text(field, self)
      case "tax-id": business.taxID = reader.text(field, self)
      case "currency": break
      case "terms":
        business.termsDays = reader.days(
          reader.values(field)[...], self, at: reader.afterKey(field))
      case "late-fee": business.lateFee = lateFee(field, reader, currency: business.currency)
      case "approval":
        approvalRule(field, reader, currency: business.currency).map {
          business.approvals.append($0)
        }
      case "invoice-numbers": business.invoiceNumbering = numberPattern(field, reader)
      case "estimate-numbers": business.estimateNumbering = numberPattern(field, reader)
      case "bank": reader.text(field, self).map { business.bank.append($0) }
      case "payment-link": business.paymentLink = reader.text(field, self)
      case "locale": business.locale = reader.text(field, self)
      case "logo": business.logo = reader.text(field, self)
      default: break
      }
    }
    books.business = business
  }

  /// A number pattern such as `INV-{yyyy}-{seq:3}`, checked for known fields and a counter.
  private func numberPattern(_ field: FieldNode, _ reader: EntryReader) -> String? {
    guard let text = reader.text(field, self) else { return nil }
    guard NumberPattern(text) != nil else {
      report(
        .error(
          Self.valuesCode,
          "`\(clip(text))` is not a number pattern: use {yyyy}, {yy}, {mm}, {client} and one {seq} or {seq:N}",
          at: reader.range(of: field), fix: "\(reader.tree.text(field.key)) \"INV-{yyyy}-{seq:3}\"")
      )
      return nil
    }
    return text
  }

  /// `approval KIND over AMOUNT` or `approval KIND by staff`.
  private func approvalRule(_ field: FieldNode, _ reader: EntryReader, currency: Currency?)
    -> ApprovalRule?
  {
    let tokens = reader.values(field)
    let example = "approval invoices over 5000 EUR, or approval expenses by staff"
    guard let first = tokens.first, let kind = ApprovalRule.Kind(rawValue: reader.tree.text(first)),
      tokens.count >= 3
    else {
      report(
        .error(
          Self.valuesCode,
          "an approval rule is `invoices|estimates|expenses|time over AMOUNT` or `... by staff`",
          at: tokens.isEmpty ? reader.afterKey(field) : reader.range(of: field), fix: example))
      return nil
    }
    var rule = ApprovalRule(kind: kind, range: reader.range(of: field))
    if reader.tree.isWord(tokens[1], "by"), reader.tree.isWord(tokens[2], "staff"),
      tokens.count == 3
    {
      rule.byStaff = true
      return rule
    }
    guard reader.tree.isWord(tokens[1], "over"),
      let (amount, used) = reader.money(tokens, at: 2, currency: currency, self)
    else {
      report(
        .error(
          Self.valuesCode, "expected `over AMOUNT` or `by staff`", at: reader.tree.range(tokens[1]),
          fix: example))
      return nil
    }
    if 2 + used < tokens.count { reader.extra(tokens[(2 + used)...], self) }
    rule.over = amount
    return rule
  }

  /// `late-fee 40 EUR + 1.5% per month after 10 days` — every part optional.
  private func lateFee(_ field: FieldNode, _ reader: EntryReader, currency: Currency?)
    -> LateFeePolicy?
  {
    var policy = LateFeePolicy()
    let tokens = reader.values(field)
    var index = 0
    var ok = true
    while index < tokens.count {
      let token = tokens[index]
      let word = reader.tree.text(token)
      if word == "+" {
        index += 1
      } else if let percent = reader.percentage(token) {
        policy.percent = percent
        index += 1
        if index + 1 < tokens.count, reader.tree.text(tokens[index]) == "per" {
          let periodWord = reader.tree.text(tokens[index + 1])
          guard let period = LateFeePolicy.Period(rawValue: periodWord) else {
            report(
              .error(
                Self.valuesCode, "late fees accrue per day, week, month or year",
                at: reader.tree.range(tokens[index + 1]), fix: "per month"))
            return nil
          }
          policy.period = period
          index += 2
        }
      } else if word == "after" || word == "grace" {
        let rest = tokens[(index + 1)...].prefix(2)
        let count =
          rest.count == 2 && ["days", "day"].contains(reader.tree.text(rest.last ?? token)) ? 2 : 1
        guard let days = reader.days(rest.prefix(count), self, at: reader.tree.range(token)) else {
          return nil
        }
        policy.graceDays = days
        index += 1 + count
      } else if let (money, used) = reader.money(tokens, at: index, currency: currency, self) {
        policy.flat = money
        index += used
      } else {
        ok = false
        break
      }
    }
    if tokens.isEmpty {
      report(
        .error(
          Self.valuesCode, "`late-fee` needs a fee", at: reader.afterKey(field),
          fix: "late-fee 40 EUR + 1% per month after 10 days"))
      return nil
    }
    return ok ? policy : nil
  }

  func buildClient(_ reader: EntryReader) {
    guard let (id, range) = reader.id(self) else { return }
    var client = Client(id: id, name: reader.name(after: 2, default: id, self), range: range)
    for field in reader.fieldNodes where reader.tree.text(field.key) == "currency" {
      client.currency = reader.currency(field, self)
    }
    let currency = client.currency ?? books.defaultCurrency
    reader.fields(self) { reader, field, key in
      switch key {
      case "stage": client.stage = reader.word(field, self)
      case "company": client.company = reader.text(field, self)
      case "contact": client.contact = reader.text(field, self)
      case "position": client.position = reader.text(field, self)
      case "email": client.email = reader.text(field, self)
      case "phone": client.phone = reader.text(field, self)
      case "website": client.website = reader.text(field, self)
      case "address": reader.text(field, self).map { client.address.append($0) }
      case "tax-id": client.taxID = reader.text(field, self)
      case "contract": client.contract = reader.money(field, currency: currency, self)
      case "currency": break
      case "terms":
        client.termsDays = reader.days(reader.values(field)[...], self, at: reader.afterKey(field))
      case "rounding": client.rounding = reader.timeSpan(field, self)
      case "staff": client.staff += reader.refs(field, self)
      case "note": reader.text(field, self).map { client.notes.append($0) }
      default: break
      }
    }
    client.tags = reader.tags
    define(id, .client, index: books.clients.count, at: range)
    books.clients.append(client)
  }

  func buildContact(_ reader: EntryReader) {
    guard let (id, range) = reader.id(self) else { return }
    var contact = Contact(id: id, name: reader.name(after: 2, default: id, self), range: range)
    reader.fields(self) { reader, field, key in
      switch key {
      case "category": contact.category = reader.word(field, self)
      case "designation": contact.designation = reader.text(field, self)
      case "company": contact.company = reader.text(field, self)
      case "client": contact.client = reader.ref(field, what: "a client id", self)
      case "phone": contact.phone = reader.text(field, self)
      case "email": contact.email = reader.text(field, self)
      case "address": reader.text(field, self).map { contact.address.append($0) }
      case "note": reader.text(field, self).map { contact.notes.append($0) }
      default: break
      }
    }
    define(id, .contact, index: books.contacts.count, at: range)
    books.contacts.append(contact)
  }

  func buildProject(_ reader: EntryReader) {
    guard let (id, range) = reader.id(self) else { return }
    var project = Project(id: id, name: reader.name(after: 2, default: id, self), range: range)
    var currency = books.defaultCurrency
    for field in reader.fieldNodes where reader.tree.text(field.key) == "client" {
      project.client = reader.ref(field, what: "a client id", self)
      if let own = project.client.flatMap({ ownCurrency($0.id) }) { currency = own }
    }
    reader.fields(self) { reader, field, key in
      switch key {
      case "client": break
      case "value": project.value = reader.money(field, currency: currency, self)
      case "priority":
        if let priority = enumValue(Priority.self, field, reader, noun: "priority") {
          project.priority = priority
        }
      case "status":
        if let status = enumValue(WorkStatus.self, field, reader, noun: "status") {
          project.status = status
        }
      case "start": project.start = reader.date(field, self)
      case "end": project.end = reader.date(field, self)
      case "estimate": project.estimate = reader.timeSpan(field, self)
      case "milestone":
        if let milestone = milestone(field, reader, currency: currency) {
          project.milestones.append(milestone)
        }
      case "note": reader.text(field, self).map { project.notes.append($0) }
      default: break
      }
    }
    if project.client == nil {
      reader.missing("client", example: "acme", self)
    }
    project.tags = reader.tags
    define(id, .project, index: books.projects.count, at: range)
    books.projects.append(project)
  }

  /// `milestone "Design" 2000 EUR due 2026-03-01`
  private func milestone(_ field: FieldNode, _ reader: EntryReader, currency: Currency?)
    -> Milestone?
  {
    let tokens = reader.values(field)
    guard let nameToken = tokens.first, nameToken.kind == .string, tokens.count >= 2 else {
      report(
        .error(
          Self.valuesCode, "a milestone is `\"Name\" AMOUNT [due DATE]`",
          at: tokens.isEmpty ? reader.afterKey(field) : reader.range(of: field),
          fix: "milestone \"Design handed over\" 2000 EUR due 2026-03-01"))
      return nil
    }
    guard let (amount, used) = reader.money(tokens, at: 1, currency: currency, self) else {
      return nil
    }
    var due: CalendarDate?
    var index = 1 + used
    if index < tokens.count, reader.tree.text(tokens[index]) == "due" {
      guard index + 1 < tokens.count else {
        report(
          .error(
            Self.valuesCode, "`due` needs a date", at: reader.tree.range(tokens[index]),
            fix: "due 2026-03-01"))
        return nil
      }
      due = reader.date(tokens[index + 1], self)
      index += 2
    }
    if index < tokens.count { reader.extra(tokens[index...], self) }
    return Milestone(
      name: reader.tree.text(nameToken), amount: amount, due: due, range: reader.range(of: field))
  }

  func enumValue<E: RawRepresentable & CaseIterable>(
    _ type: E.Type, _ field: FieldNode, _ reader: EntryReader, noun: String
  ) -> E? where E.RawValue == String {
    guard let token = reader.single(field, what: withArticle(noun), example: "…", self) else {
      return nil
    }
    let text = reader.tree.text(token)
    if let value = E(rawValue: text) { return value }
    let allowed = E.allCases.map(\.rawValue)
    report(
      .error(
        "vocab", "`\(text)` is not \(withArticle(noun))", at: reader.tree.range(token),
        fix: Suggestion.closest(to: text, in: allowed).map { "did you mean `\($0)`?" }
          ?? "use one of: " + allowed.joined(separator: ", ")))
    return nil
  }

  func buildService(_ reader: EntryReader) {
    guard let (id, range) = reader.id(self) else { return }
    var service = Service(id: id, name: reader.name(after: 2, default: id, self), range: range)
    // Read by byte: searching the id by `Character` costs thousands of instructions.
    let slash = id.utf8.firstIndex(of: UInt8(ascii: "/"))
    if let slash {
      let projectID = String(id[..<slash])
      service.project = Ref(
        projectID,
        at: SourceRange(
          file: range.file, start: range.start, end: range.start + projectID.utf8.count))
    }
    var currency = books.defaultCurrency
    for field in reader.fieldNodes where reader.tree.text(field.key) == "project" {
      service.project = reader.ref(field, what: "a project id", self)
    }
    if let projectID = service.project?.id,
      let own = clientID(ofProject: projectID).flatMap(ownCurrency)
    {
      currency = own
    }
    reader.fields(self) { reader, field, key in
      switch key {
      case "project": break
      case "pricing":
        guard let first = reader.values(field).first else {
          _ = reader.word(field, self)
          return
        }
        service.pricing = Ref(reader.tree.text(first), at: reader.tree.range(first))
        if reader.values(field).count > 1 {
          if let (rate, used) = reader.money(reader.values(field), at: 1, currency: currency, self)
          {
            service.rate = rate
            if 1 + used < reader.values(field).count {
              reader.extra(reader.values(field)[(1 + used)...], self)
            }
          }
        }
      case "rate": service.rate = reader.money(field, currency: currency, self)
      case "duration": service.duration = reader.timeSpan(field, self)
      case "status":
        if let status = enumValue(WorkStatus.self, field, reader, noun: "status") {
          service.status = status
        }
      case "note": reader.text(field, self).map { service.notes.append($0) }
      default: break
      }
    }
    if service.project == nil {
      reader.missing("project", example: "acme-web", self)
    } else if let slash, let project = service.project,
      project.id != String(id[..<slash])
    {
      report(
        .error(
          Self.fieldsCode,
          "service `\(id)` names project `\(id[..<slash])` in its id but `\(project.id)` in its `project` field",
          at: project.range, fix: "remove the `project` line; the id already says it"))
    }
    define(id, .service, index: books.services.count, at: range)
    books.services.append(service)
  }

  func buildStaff(_ reader: EntryReader) {
    guard let (id, range) = reader.id(self) else { return }
    var member = Staff(id: id, name: reader.name(after: 2, default: id, self), range: range)
    let currency = books.defaultCurrency
    reader.fields(self) { reader, field, key in
      switch key {
      case "role": member.role = reader.text(field, self)
      case "email": member.email = reader.text(field, self)
      case "cost": member.costRate = reader.money(field, currency: currency, self)
      case "rate": member.billingRate = reader.money(field, currency: currency, self)
      case "clients": member.clients += reader.refs(field, self)
      case "may-approve": member.mayApprove = reader.yesNo(field, self) ?? false
      default: break
      }
    }
    define(id, .staff, index: books.staff.count, at: range)
    books.staff.append(member)
  }

  func buildResource(_ reader: EntryReader) {
    guard let (id, range) = reader.id(self) else { return }
    var resource = Resource(
      id: id, title: reader.name(after: 2, default: id, self), range: range)
    reader.fields(self) { reader, field, key in
      switch key {
      case "kind": resource.kind = reader.word(field, self)
      case "topic": resource.topics += reader.refs(field, self)
      case "link": reader.text(field, self).map { resource.links.append($0) }
      case "note": reader.text(field, self).map { resource.notes.append($0) }
      case "todo": todo(field, reader).map { resource.todos.append($0) }
      default: break
      }
    }
    define(id, .resource, index: books.resources.count, at: range)
    books.resources.append(resource)
  }

  /// `todo [ ] "text"`, `todo [x] "text"`, or `todo "text"` (not done).
  private func todo(_ field: FieldNode, _ reader: EntryReader) -> Todo? {
    var tokens = reader.values(field)[...]
    var done = false
    let words = tokens.prefix(2).map { reader.tree.raw($0) }
    if words.first == "[x]" || words.first == "[X]" {
      done = true
      tokens = tokens.dropFirst()
    } else if words.first == "[]" || words.first == "[_]" {
      tokens = tokens.dropFirst()
    } else if words.count == 2, words[0] == "[", words[1] == "]" {
      tokens = tokens.dropFirst(2)
    }
    guard let text = reader.text(tokens, self) else {
      report(
        .error(
          Self.valuesCode, "a to-do needs its text", at: reader.range(of: field),
          fix: "todo [ ] \"Collect receipts\""))
      return nil
    }
    return Todo(text: text, done: done)
  }

  func buildGoal(_ reader: EntryReader) {
    guard let (id, range) = reader.id(self) else { return }
    var goal = Goal(id: id, title: reader.name(after: 2, default: id, self), range: range)
    reader.fields(self) { reader, field, key in
      switch key {
      case "category": goal.category = reader.word(field, self)
      case "target":
        guard let first = reader.values(field).first else {
          _ = reader.single(field, what: "a number", example: "12", self)
          return
        }
        goal.target = reader.decimal(first, self)
        if reader.values(field).count > 1 {
          goal.unit = reader.text(reader.values(field).dropFirst(), self)
        }
      case "progress":
        guard reader.values(field).count == 2 else {
          report(
            .error(
              Self.valuesCode, "progress is `DATE NUMBER`",
              at: reader.values(field).isEmpty ? reader.afterKey(field) : reader.range(of: field),
              fix: "progress 2026-03-01 2"))
          return
        }
        if let date = reader.date(reader.values(field)[0], self),
          let value = reader.decimal(reader.values(field)[1], self)
        {
          goal.progress.append(
            GoalProgress(date: date, value: value, range: reader.range(of: field)))
        }
      case "metric":
        goal.metric = metric(field, reader)
        goal.metricRange = reader.range(of: field)
      case "note": reader.text(field, self).map { goal.notes.append($0) }
      default: break
      }
    }
    define(id, .goal, index: books.goals.count, at: range)
    books.goals.append(goal)
  }

  /// `metric income client 2026`, `metric hours 2026`, `metric invoiced`.
  private func metric(_ field: FieldNode, _ reader: EntryReader) -> GoalMetric? {
    let words = reader.values(field).map { reader.tree.text($0) }
    guard let first = words.first, let kind = GoalMetric.Kind(rawValue: first) else {
      report(
        .error(
          Self.valuesCode, "a metric is `income|expenses|invoiced|hours [CLASS] [YEAR]`",
          at: reader.values(field).isEmpty ? reader.afterKey(field) : reader.range(of: field),
          fix: "metric income client 2026"))
      return nil
    }
    var metric = GoalMetric(kind: kind)
    for (offset, word) in words.enumerated().dropFirst() {
      if word.count == 4, word.utf8.allSatisfy(isDigit), let year = Int(word),
        (1...9999).contains(year)
      {
        metric.year = year
      } else if metric.filter == nil, kind == .income || kind == .expenses {
        metric.filter = word
      } else {
        reader.extra(reader.values(field)[offset...], self)
        return nil
      }
    }
    return metric
  }
}

extension EntryReader {
  func missingName(_ example: String, _ builder: ModelBuilder) {
    builder.report(
      .error(
        ModelBuilder.fieldsCode, "this entry needs a name", at: headRange, fix: example))
  }
}

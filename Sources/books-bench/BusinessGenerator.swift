/// Writes the books of a design-and-development studio of any size: clients across the
/// pipeline, projects with hourly services, time logged on them, an invoice per project and
/// month that `bills` that month's time (and billable expenses), payments in full, in parts,
/// through PayPal with a fee, after a credit note or not at all, estimates, expenses,
/// meetings and a few other incomes. The same seed and size give the same books; the books
/// pass `books check` with no diagnostics as of `asOf`, the last day they cover.
///
/// "Entries" are dated entries plus definitions (business, taxes, vocabulary, staff,
/// clients, contacts, projects, services, goals, resources); `include` lines and the
/// version marker are not counted.
struct BusinessGenerator {
  enum Split: String { case none, monthly }

  struct Books {
    /// Relative path and text of each file; the first is the main file.
    var files: [(path: String, text: String)]
    var dated: Int
    var definitions: Int
    var counts: [String: Int]
    var asOf: CivilDay
    var entries: Int { dated + definitions }
    var bytes: Int { files.reduce(0) { $0 + $1.text.utf8.count } }
  }

  var entries: Int
  var split: Split = .none
  var seed: UInt64 = 2026

  /// Years the books cover: one per 100,000 entries, so a day holds a realistic amount of work.
  var years: Int { max(1, Int((Double(entries) / 100_000).rounded())) }
  var firstYear: Int { 2026 - years }

  private struct Client {
    var id: String
    var name: String
    var stage: String
    var usd: Bool
    var contacts: [String]
  }

  private struct Service {
    var id: String
    var name: String
    var rate: Int
  }

  private struct Project {
    var id: String
    var client: Int
    var firstMonth: Int
    var lastMonth: Int
    var services: [Service]
  }

  /// One project's month: its time is invoiced on the month's last day.
  private struct ProjectMonth {
    var project: Int
    var month: Int
    var minutes: [Int]
    var expenseItems: [(text: String, cents: Int)] = []
    var payment: Payment
    /// False for some projects' last month, still unbilled on the as-of day.
    var invoiced: Bool
  }

  private enum Payment {
    case full(afterDays: Int)
    case parts(firstAfter: Int, restAfter: Int)
    case paypal(afterDays: Int)
    case credited(paidAfter: Int)
    case open
  }

  private static let staff = [
    ("mira", "Mira Okafor", 110), ("tom", "Tom Lindqvist", 90), ("ana", "Ana Ruiz", 95),
    ("sven", "Sven Holm", 80), ("lin", "Lin Chen", 100),
  ]
  private static let categories = [
    ("software", "Software & subscriptions", 900, 9_900), ("hardware", "Hardware", 4_900, 189_900),
    ("office", "Office & coworking", 1_500, 45_000), ("travel", "Travel", 2_000, 60_000),
    ("meals", "Meals with clients", 1_200, 12_000), ("telecom", "Phone & internet", 2_000, 8_000),
    ("education", "Books, courses & conferences", 1_500, 90_000),
    ("stock", "Stock images & fonts", 900, 25_000),
    ("subcontracting", "Subcontracting", 20_000, 400_000),
  ]
  private static let vendors = [
    "Figma", "Adobe", "GitHub", "Deutsche Bahn", "Lufthansa", "Apple", "Hetzner", "Notion",
    "WeWork", "Vodafone", "O'Reilly", "Unsplash", "Fontshop", "Dell", "Linear", "Slack",
  ]
  private static let serviceKinds = [
    ("design", "UX & visual design"), ("build", "Front-end build"), ("research", "User research"),
    ("audit", "Accessibility audit"), ("content", "Content strategy"),
    ("support", "Support & care"),
  ]
  private static let rates = [60, 72, 80, 88, 96, 100, 120, 140]
  private static let work = [
    "Wireframes", "Design review", "Component library", "Checkout flow", "User interviews",
    "Accessibility fixes", "Sprint planning", "Prototype", "Style guide", "Bug fixes",
    "Performance work", "Copy edits", "Analytics set-up", "Release", "Workshop preparation",
  ]
  private static let firstWords = [
    "Blue", "North", "Bright", "Green", "Silver", "Red", "Urban", "Clear", "Swift", "Open",
    "Golden", "Quiet", "Bold", "Little", "Grand",
  ]
  private static let secondWords = [
    "Harbor", "Pine", "Field", "Stone", "River", "Peak", "Orbit", "Lantern", "Maple", "Forge",
    "Atlas", "Cedar", "Falcon", "Meadow", "Summit",
  ]
  private static let suffixes = [
    "Labs", "GmbH", "Studio", "Health", "Foods", "Media", "Bank", "Cycles",
  ]
  private static let people = [
    "Jana Weber", "Paul Schmidt", "Lea Brandt", "Omar Haddad", "Sofia Rossi", "Yuki Tanaka",
    "Kofi Mensah", "Elena Petrova", "Noah Dubois", "Ines Costa",
  ]

  func generate() -> Books {
    var rng = SplitMix64(seed: seed ^ UInt64(entries))
    let months = years * 12
    let firstDay = CivilDay(year: firstYear, month: 1, day: 1)
    let asOf = CivilDay(year: 2025, month: 12, day: 31)
    func monthFirst(_ m: Int) -> CivilDay {
      CivilDay(year: firstYear + m / 12, month: m % 12 + 1, day: 1)
    }
    func monthLast(_ m: Int) -> CivilDay { monthFirst(m + 1) + -1 }
    func monthName(_ m: Int) -> String {
      let names = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
      ]
      return "\(names[m % 12]) \(firstYear + m / 12)"
    }

    // Definitions.
    var head = Text()
    var people = Text()
    var definitions = 0
    var counts: [String: Int] = [:]
    func count(_ kind: String, _ n: Int = 1) { counts[kind, default: 0] += n }

    head.line(
      "; A studio's books, generated by `books-bench generate --entries \(entries) --seed \(seed)`."
    )
    head.line("books 1")
    head.line()
    head.line("business \"Bench Studio\"")
    head.line("  legal-name \"Bench Studio GmbH\"")
    head.line("  address \"Kastanienallee 12\"")
    head.line("  address \"10435 Berlin, Germany\"")
    head.line("  email hello@bench.example")
    head.line("  tax-id DE123456789")
    head.line("  currency EUR")
    head.line("  terms 30 days")
    head.line("  late-fee 40 EUR + 1% per month after 10 days")
    head.line("  invoice-numbers \"INV-{yyyy}-{seq:5}\"")
    head.line("  estimate-numbers \"EST-{yyyy}-{seq:5}\"")
    head.line("  bank \"IBAN DE89 3704 0044 0532 0130 00\"")
    head.line("  locale en-GB")
    head.line()
    head.line("tax vat \"VAT\" 20%")
    head.line("class royalties \"Royalties\"")
    for (id, name, _, _) in Self.categories { head.line("category \(id) \"\(name)\"") }
    head.line("stage lost \"Lost\"")
    head.line("mode stripe \"Stripe\"")
    head.line("medium whereby \"Whereby\"")
    head.line("goal-category learning \"Learning\"")
    head.line("topic pricing \"Pricing\"")
    head.line("topic taxes \"Taxes\"")
    definitions += 3 + Self.categories.count + 6
    count("business, taxes, vocabulary", 3 + Self.categories.count + 6)

    for (index, (id, name, rate)) in Self.staff.enumerated() {
      people.line()
      people.line("staff \(id) \"\(name)\"")
      people.line("  rate \(rate) EUR")
      people.line("  cost \(rate / 2) EUR")
      if index == 0 { people.line("  may-approve yes") }
    }
    definitions += Self.staff.count
    count("staff", Self.staff.count)

    let clientCount = max(6, entries / 330)
    var clients: [Client] = []
    for index in 0..<clientCount {
      let name =
        "\(rng.pick(Self.firstWords)) \(rng.pick(Self.secondWords)) \(rng.pick(Self.suffixes))"
      let roll = rng.int(0...99)
      let stage =
        index < 3 || roll < 70 ? "client" : roll < 85 ? "lead" : roll < 95 ? "negotiation" : "lost"
      let id = "c\(index + 1)-" + name.split(separator: " ")[0].lowercased()
      let usd = stage == "client" && index > 0 && rng.chance(0.1)
      var contacts: [String] = []
      people.line()
      people.line("client \(id) \"\(name)\"")
      people.line("  stage \(stage)")
      people.line("  email hello@\(id).example")
      if usd { people.line("  currency USD") }
      if rng.chance(0.3) { people.line("  terms 14 days") }
      if rng.chance(0.3) { people.line("  rounding 15m") }
      if stage == "client" { people.line("  contract \(rng.int(5...80) * 1_000)") }
      for n in 0..<(rng.chance(0.5) ? 2 : 1) {
        let contact = "\(id)-\(n == 0 ? "a" : "b")"
        contacts.append(contact)
        people.line()
        people.line("contact \(contact) \"\(rng.pick(Self.people))\"")
        people.line("  category \(n == 0 ? "services" : "finance")")
        people.line("  client \(id)")
        people.line("  email \(n == 0 ? "team" : "ap")@\(id).example")
      }
      definitions += 1 + contacts.count
      count("clients", 1)
      count("contacts", contacts.count)
      clients.append(Client(id: id, name: name, stage: stage, usd: usd, contacts: contacts))
    }
    let payingClients = clients.indices.filter { clients[$0].stage == "client" }

    // Projects, each a few months long, spread over the years.
    let projectCount = max(3, entries / 110)
    var projects: [Project] = []
    for index in 0..<projectCount {
      let client = rng.pick(payingClients)
      let first = rng.int(0...(months - 1))
      let last = min(months - 1, first + rng.int(1...7))
      let id = "p\(index + 1)-\(clients[client].id.split(separator: "-")[1])"
      var services: [Service] = []
      for kind in 0..<rng.int(1...3) {
        let (suffix, name) = Self.serviceKinds[(index + kind) % Self.serviceKinds.count]
        services.append(Service(id: "\(id)/\(suffix)", name: name, rate: rng.pick(Self.rates)))
      }
      let currency = clients[client].usd ? "USD" : "EUR"
      people.line()
      people.line("project \(id) \"\(clients[client].name): \(Self.serviceKinds[index % 6].1)\"")
      people.line("  client \(clients[client].id)")
      people.line("  value \(rng.int(4...60) * 1_000)")
      people.line("  priority \(rng.pick(["high", "medium", "low"]))")
      people.line("  status \(last == months - 1 ? "in-progress" : "completed")")
      people.line("  start \(monthFirst(first).text)")
      people.line("  end \(monthLast(last).text)")
      people.line("  estimate \((last - first + 1) * rng.int(40...70))h")
      for service in services {
        people.line()
        people.line("service \(service.id) \"\(service.name)\"")
        people.line("  pricing hourly \(service.rate) \(currency)")
        people.line("  status \(last == months - 1 ? "in-progress" : "completed")")
      }
      definitions += 1 + services.count
      count("projects", 1)
      count("services", services.count)
      projects.append(
        Project(id: id, client: client, firstMonth: first, lastMonth: last, services: services))
    }

    people.line()
    let lastYear = firstYear + years - 1
    people.line("goal income-\(lastYear) \"Earn 500,000 EUR from clients in \(lastYear)\"")
    people.line("  category wealth")
    people.line("  target 500000 EUR")
    people.line("  metric income client \(lastYear)")
    people.line()
    people.line("goal reading \"Read 12 books about design\"")
    people.line("  category learning")
    people.line("  target 12 books")
    people.line("  progress \(firstYear)-03-01 2")
    people.line()
    people.line("resource year-end \"Year-end checklist\"")
    people.line("  kind checklist")
    people.line("  topic taxes")
    people.line("  todo [x] \"Collect all receipts\"")
    people.line("  todo [ ] \"Send the books to the accountant\"")
    people.line()
    people.line("resource pricing-guide \"How we price projects\"")
    people.line("  kind guide")
    people.line("  topic pricing")
    people.line("  note \"Day rate = hourly rate × 7, rounded to the next 50\"")
    definitions += 4
    count("goals, resources", 4)

    // The dated entries' budget, planned before anything is written so the total is exact.
    var projectMonths: [ProjectMonth] = []
    for (index, project) in projects.enumerated() {
      for month in project.firstMonth...project.lastMonth {
        let invoiced = month < months - 1 || rng.chance(0.5)
        let roll = invoiced ? rng.int(0...99) : 100
        let payment: Payment =
          roll < 62
          ? .full(afterDays: rng.int(7...45))
          : roll < 72
            ? .parts(firstAfter: rng.int(10...30), restAfter: rng.int(35...75))
            : roll < 78
              ? .paypal(afterDays: rng.int(3...20))
              : roll < 81 ? .credited(paidAfter: rng.int(20...50)) : .open
        projectMonths.append(
          ProjectMonth(
            project: index, month: month,
            minutes: Array(repeating: 0, count: project.services.count), payment: payment,
            invoiced: invoiced))
      }
    }
    projectMonths.sort { ($0.month, $0.project) < ($1.month, $1.project) }
    var incomes = 0
    var credits = 0
    for pm in projectMonths {
      let invoiced = monthLast(pm.month)
      switch pm.payment {
      case .full(let days), .paypal(let days): incomes += invoiced + days <= asOf ? 1 : 0
      case .parts(let first, let rest):
        incomes += (invoiced + first <= asOf ? 1 : 0) + (invoiced + rest <= asOf ? 1 : 0)
      case .credited(let days):
        credits += invoiced + 5 <= asOf ? 1 : 0
        incomes += invoiced + days <= asOf ? 1 : 0
      case .open: break
      }
    }
    let invoices = projectMonths.filter(\.invoiced).count
    let estimates = projects.count + clients.filter { $0.stage != "client" }.count
    let otherIncomes = months + months / 3
    let datedBudget = entries - definitions
    let expenses = datedBudget * 18 / 100
    let meetings = datedBudget * 6 / 100
    let timeEntries =
      datedBudget - invoices - incomes - credits - estimates - otherIncomes - expenses
      - meetings
    precondition(
      timeEntries >= projectMonths.count,
      "\(entries) entries are too few for a studio: ask for at least 1,000")

    // Dated entries, by month.
    var byMonth = [[(day: Int, text: String)]](repeating: [], count: months)
    func add(_ day: CivilDay, _ text: Text) {
      let m = (day.parts.year - firstYear) * 12 + day.parts.month - 1
      byMonth[m].append((day.serial, text.value))
    }

    // Time: one two-hour-or-longer billable entry on each project month's first service (a
    // credit note of one hour never exceeds its invoice), the rest spread at random.
    var owners = Array(projectMonths.indices)
    owners += (0..<(timeEntries - projectMonths.count)).map { _ in
      rng.int(0...(projectMonths.count - 1))
    }
    for (n, pmIndex) in owners.enumerated() {
      let pm = projectMonths[pmIndex]
      let project = projects[pm.project]
      let first = n < projectMonths.count
      let service = first ? 0 : rng.int(0...(project.services.count - 1))
      let length = monthLast(pm.month).serial - monthFirst(pm.month).serial
      let day = monthFirst(pm.month) + rng.int(0...length)
      let minutes = first ? 15 * rng.int(8...24) : 15 * rng.int(1...24)
      let billable = first || !rng.chance(0.07)
      var text = Text()
      if !first && rng.chance(0.15) {
        let start = 8 * 4 + rng.int(0...20)
        let end = start + minutes / 15
        text.line(
          "\(day.text) time \(project.services[service].id) \(clock(start))-\(clock(end)) \"\(rng.pick(Self.work))\""
        )
      } else {
        text.line(
          "\(day.text) time \(project.services[service].id) \(durationText(minutes: minutes)) \"\(rng.pick(Self.work))\""
        )
      }
      text.line("  staff \(rng.pick(Self.staff).0)")
      if !billable { text.line("  billable no") }
      if billable { projectMonths[pmIndex].minutes[service] += minutes }
      add(day, text)
    }
    count("time", owners.count)

    // Expenses; a few are billable to a euro project at work that month, and its invoice
    // passes them on at cost.
    var projectMonthsOf = [[Int]](repeating: [], count: months)
    for (index, pm) in projectMonths.enumerated() where !clients[projects[pm.project].client].usd {
      projectMonthsOf[pm.month].append(index)
    }
    for n in 0..<expenses {
      let month = n * months / expenses
      let length = monthLast(month).serial - monthFirst(month).serial
      let day = monthFirst(month) + rng.int(0...length)
      let (category, _, low, high) = rng.pick(Self.categories)
      let cents = rng.int(low...high)
      let vendor = rng.pick(Self.vendors)
      var text = Text()
      text.line("\(day.text) expense \(amountText(cents: cents)) EUR \"\(vendor), \(category)\"")
      text.line("  category \(category)")
      text.line("  vendor \"\(vendor)\"")
      text.line("  via \(rng.chance(0.8) ? "card" : "bank")")
      if rng.chance(0.7) { text.line("  tax vat") }
      if rng.chance(0.5) { text.line("  deductible yes") }
      if rng.chance(0.03), !projectMonthsOf[month].isEmpty {
        let pmIndex = rng.pick(projectMonthsOf[month])
        text.line("  billable \(projects[projectMonths[pmIndex].project].id)")
        projectMonths[pmIndex].expenseItems.append(("\(vendor), \(category) (\(day.text))", cents))
      }
      add(day, text)
    }
    count("expenses", expenses)

    // Invoices, credit notes and payments.
    var invoiceSeq: [Int: Int] = [:]
    var creditSeq: [Int: Int] = [:]
    func number(_ prefix: String, _ year: Int, _ seq: inout [Int: Int]) -> String {
      seq[year, default: 0] += 1
      let digits = String(seq[year, default: 0])
      return "\(prefix)-\(year)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
    }
    var incomeCount = 0
    var creditCount = 0
    for pm in projectMonths where pm.invoiced {
      let project = projects[pm.project]
      let client = clients[project.client]
      let currency = client.usd ? "USD" : "EUR"
      let date = monthLast(pm.month)
      let invoice = number("INV", date.parts.year, &invoiceSeq)
      var text = Text()
      text.line("\(date.text) invoice \(invoice) \(client.id)")
      text.line("  project \(project.id)")
      text.line("  bills \(project.id) through \(date.text)")
      var lines = 0
      for (service, minutes) in zip(project.services, pm.minutes) where minutes > 0 {
        text.line(
          "  item \"\(service.name), \(monthName(pm.month))\" \(durationText(minutes: minutes)) @ \(service.rate) \(currency)"
        )
        lines += service.rate * 100 * minutes / 60
      }
      var expenseTotal = 0
      for item in pm.expenseItems {
        text.line("  item \"\(item.text)\" \(amountText(cents: item.cents)) EUR tax none")
        expenseTotal += item.cents
      }
      if client.usd {
        text.line("  note \"Reverse charge: the recipient accounts for the VAT\"")
      } else {
        text.line("  tax vat")
      }
      add(date, text)
      let total = lines + (client.usd ? 0 : lines / 5) + expenseTotal

      func pay(_ cents: Int, after days: Int, via: String, fee: Int = 0, what: String = "") {
        let day = date + days
        guard day <= asOf else { return }
        var text = Text()
        text.line(
          "\(day.text) income \(amountText(cents: cents)) \(currency) \"\(client.name): \(what)\(invoice)\""
        )
        text.line("  class client")
        text.line("  client \(client.id)")
        text.line("  invoice \(invoice)")
        if fee > 0 { text.line("  fee \(amountText(cents: fee)) \(currency)") }
        text.line("  via \(via)")
        add(day, text)
        incomeCount += 1
      }
      switch pm.payment {
      case .full(let days): pay(total, after: days, via: rng.chance(0.9) ? "bank" : "stripe")
      case .parts(let first, let rest):
        let part = total * 4 / 10
        pay(part, after: first, via: "bank", what: "first part of ")
        pay(total - part, after: rest, via: "bank", what: "rest of ")
      case .paypal(let days):
        let fee = total / 100
        pay(total - fee, after: days, via: "paypal", fee: fee)
      case .credited(let days):
        let rate = project.services[0].rate
        let creditDay = date + 5
        if creditDay <= asOf {
          var text = Text()
          text.line(
            "\(creditDay.text) credit \(number("CN", creditDay.parts.year, &creditSeq)) \(invoice)")
          text.line(
            "  item \"Goodwill: one hour of \(project.services[0].name.lowercased())\" 1h @ \(rate) \(currency)"
          )
          text.line("  note \"As agreed on the phone\"")
          add(creditDay, text)
          creditCount += 1
        }
        let credit = rate * 100 + (client.usd ? 0 : rate * 20)
        pay(total - credit, after: days, via: "bank", what: "after credit, ")
      case .open: break
      }
    }
    count("invoices", invoices)
    count("incomes", incomeCount)
    count("credit notes", creditCount)
    precondition(incomeCount == incomes && creditCount == credits)

    // Estimates: one accepted per project, one sent (or declined) per prospect.
    var estimateSeq: [Int: Int] = [:]
    func estimate(_ client: Client, _ date: CivilDay, _ services: [Service], status: String) {
      var text = Text()
      text.line(
        "\(date.text) estimate \(number("EST", date.parts.year, &estimateSeq)) \(client.id)")
      text.line("  status \(status)")
      text.line("  valid-until \((date + 30).text)")
      let currency = client.usd ? "USD" : "EUR"
      for service in services {
        text.line("  item \"\(service.name)\" \(rng.int(8...80))h @ \(service.rate) \(currency)")
      }
      if !client.usd { text.line("  tax vat") }
      add(date, text)
    }
    for project in projects {
      let start = monthFirst(project.firstMonth)
      estimate(
        clients[project.client], max(firstDay, start + -10), project.services, status: "accepted")
    }
    for client in clients where client.stage != "client" {
      let day = firstDay + rng.int(0...(asOf.serial - firstDay.serial))
      let services = [
        Service(id: "", name: rng.pick(Self.serviceKinds).1, rate: rng.pick(Self.rates))
      ]
      estimate(client, day, services, status: client.stage == "lost" ? "declined" : "sent")
    }
    count("estimates", estimates)

    // Meetings, spread evenly so that no two on one day overlap.
    let days = asOf.serial - firstDay.serial + 1
    var slot = (day: -1, next: 0)
    for n in 0..<meetings {
      let day = n * days / meetings
      slot = slot.day == day ? (day, slot.next + 1) : (day, 0)
      let client = clients[rng.int(0...(clients.count - 1))]
      var text = Text()
      let start = 7 * 2 + slot.next
      text.line(
        "\((firstDay + day).text) meeting \(clock(start * 2))-\(clock(start * 2 + 1)) \"\(rng.pick(Self.work)) with \(client.name)\""
      )
      text.line("  with \(rng.pick(client.contacts)) \(rng.pick(Self.staff).0)")
      text.line("  medium \(rng.pick(["zoom", "in-person", "whereby", "phone", "teams"]))")
      if rng.chance(0.2) { text.line("  agenda \"Next milestone\"") }
      add(firstDay + day, text)
    }
    count("meetings", meetings)

    for month in 0..<months {
      var text = Text()
      let day = monthLast(month)
      text.line(
        "\(day.text) income \(amountText(cents: rng.int(100...9_999))) EUR \"Interest, \(monthName(month))\""
      )
      text.line("  class interest")
      text.line("  via bank")
      add(day, text)
      if month % 3 == 2 {
        var text = Text()
        text.line(
          "\(day.text) income \(amountText(cents: rng.int(10_000...99_999))) EUR \"Royalties, \(monthName(month))\""
        )
        text.line("  class royalties")
        text.line("  via stripe")
        add(day, text)
      }
    }
    count("other incomes", otherIncomes)

    // The files.
    var dated = 0
    var monthTexts: [(name: String, text: String)] = []
    for month in 0..<months {
      var text = Text()
      for entry in byMonth[month].enumerated().sorted(by: {
        ($0.element.day, $0.offset) < ($1.element.day, $1.offset)
      }) {
        text.line()
        text.append(entry.element.text)
      }
      dated += byMonth[month].count
      let (year, number, _) = monthFirst(month).parts
      monthTexts.append(("\(year)-\(twoDigits(number))", text.value))
    }
    precondition(
      dated + definitions == entries, "generated \(dated + definitions) entries, not \(entries)")

    var files: [(path: String, text: String)]
    switch split {
    case .none:
      files = [("books.books", head.value + people.value + monthTexts.map(\.text).joined())]
    case .monthly:
      head.line()
      head.line("include \"people.books\"")
      head.line("include \"months/*.books\"")
      files = [("main.books", head.value), ("people.books", people.value)]
      files += monthTexts.map { ("months/\($0.name).books", "; \($0.name)\n" + $0.text) }
    }
    return Books(files: files, dated: dated, definitions: definitions, counts: counts, asOf: asOf)
  }
}

/// Quarter hours since midnight as `09:15`.
private func clock(_ quarters: Int) -> String {
  "\(twoDigits(quarters / 4)):\(twoDigits(quarters % 4 * 15))"
}

/// A growing text, one line at a time.
struct Text {
  private(set) var value = ""

  mutating func line(_ line: String = "") {
    value += line
    value += "\n"
  }

  mutating func append(_ text: String) { value += text }
}

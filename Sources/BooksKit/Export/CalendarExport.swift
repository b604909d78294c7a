/// `books export ics`: meetings, invoice due dates and estimate expiries as an iCalendar
/// file (RFC 5545) that a calendar app imports (FORMAT.md 2.10).
///
/// - Meetings are events at floating local times — books dates are calendar dates and
///   times of day have no zone, so the calendar shows them at that hour wherever it is —
///   or all-day events when they have no time. A meeting with a start and no end is an
///   event of no length (RFC 5545, 3.6.1).
/// - Invoices with a balance due on the as-of day (standing `sent`, `partially-paid` or
///   `overdue`) are all-day events on their due date; drafts, void and settled invoices
///   are left out.
/// - Estimates still open (`draft` or `sent`) with a `valid-until` are all-day events on
///   that day.
///
/// The output depends only on the books and the as-of day: `DTSTAMP` is the as-of day at
/// midnight UTC, and every `UID` is derived from what the event is — the document number,
/// or the meeting's date and title — so re-importing updates events instead of doubling
/// them.
public enum CalendarExport {
  public static func write(_ export: DataExport, generator: String) -> String {
    let books = export.books
    let domain = domain(books.business?.name)
    let stamp = basic(export.asOf) + "T000000Z"
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + text("-//books//\(generator)//EN"),
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    ]
    if let name = books.business?.name { lines.append("X-WR-CALNAME:" + text(name)) }
    var used: [String: Int] = [:]
    for meeting in books.meetings {
      var base = "meeting-\(meeting.date)-" + slug(meeting.title)
      if let start = meeting.start { base += "-" + basicTime(start) }
      let count = used[base, default: 0] + 1
      used[base] = count
      let uid = (count == 1 ? base : "\(base)-\(count)") + "@" + domain
      lines += event(uid: uid, stamp: stamp, meeting: meeting, books: books)
    }
    for (index, invoice) in books.invoices.enumerated() {
      guard let state = export.invoiceState(index) else { continue }
      let standing = state.standing(invoice, asOf: export.asOf)
      guard [.sent, .partiallyPaid, .overdue].contains(standing) else { continue }
      let client = invoice.client.map { books.client($0.id)?.name ?? $0.id }
      var summary = "Invoice \(invoice.number) due"
      if let client { summary += " — " + client }
      var description = ["Invoice \(invoice.number) of \(invoice.date)"]
      if let total = state.total { description.append("Total: \(total.formatted())") }
      if let balance = state.balance {
        description.append("Balance due on \(export.asOf): \(balance.formatted())")
      }
      description.append("Standing on \(export.asOf): \(standing.rawValue)")
      lines += allDay(
        uid: "invoice-\(slug(invoice.number))-due@\(domain)", stamp: stamp, day: state.dueDate,
        summary: summary, description: description.joined(separator: "\n"),
        categories: ["invoice"])
    }
    for estimate in books.estimates {
      guard let day = estimate.validUntil, estimate.status == .draft || estimate.status == .sent
      else { continue }
      let client = estimate.client.map { books.client($0.id)?.name ?? $0.id }
      var summary = "Estimate \(estimate.number) expires"
      if let client { summary += " — " + client }
      var description = [
        "Estimate \(estimate.number) of \(estimate.date), \(estimate.status.rawValue)"
      ]
      if let total = export.totals(of: estimate).0?.total {
        description.append("Total: \(total.formatted())")
      }
      lines += allDay(
        uid: "estimate-\(slug(estimate.number))-expires@\(domain)", stamp: stamp, day: day,
        summary: summary, description: description.joined(separator: "\n"),
        categories: ["estimate"])
    }
    lines.append("END:VCALENDAR")
    return lines.map(fold).joined(separator: "\r\n") + "\r\n"
  }

  static func event(uid: String, stamp: String, meeting: Meeting, books: Books) -> [String] {
    var lines = ["BEGIN:VEVENT", "UID:" + text(uid), "DTSTAMP:" + stamp]
    if let start = meeting.start {
      lines.append("DTSTART:" + basic(meeting.date) + "T" + basicTime(start) + "00")
      if let end = meeting.end {
        // An end of 24:00 is the next day's midnight.
        if end.minutes >= 1440, let next = meeting.date.adding(days: 1) {
          lines.append("DTEND:" + basic(next) + "T000000")
        } else {
          lines.append("DTEND:" + basic(meeting.date) + "T" + basicTime(end) + "00")
        }
      }
    } else {
      lines.append("DTSTART;VALUE=DATE:" + basic(meeting.date))
      if let next = meeting.date.adding(days: 1) { lines.append("DTEND;VALUE=DATE:" + basic(next)) }
      lines.append("TRANSP:TRANSPARENT")
    }
    lines.append("SUMMARY:" + text(meeting.title))
    var description: [String] = []
    if !meeting.with.isEmpty {
      let names = meeting.with.map { ref in
        books.client(ref.id)?.name ?? books.staffMember(ref.id)?.name
          ?? books.contacts.first { $0.id == ref.id }?.name ?? ref.id
      }
      description.append("With: " + names.joined(separator: ", "))
    }
    if let medium = meeting.medium { description.append("Medium: " + medium.id) }
    if let link = meeting.link { description.append("Link: " + link) }
    if !meeting.agenda.isEmpty {
      description.append("Agenda:")
      description += meeting.agenda.map { "- " + $0 }
    }
    description += meeting.notes
    description += meeting.attachments.map { "Attachment: " + $0 }
    if !description.isEmpty {
      lines.append("DESCRIPTION:" + text(description.joined(separator: "\n")))
    }
    if let location = meeting.location ?? meeting.link {
      lines.append("LOCATION:" + text(location))
    }
    if let priority = meeting.priority {
      let value =
        switch priority {
        case .high: 1
        case .medium: 5
        case .low: 9
        }
      lines.append("PRIORITY:\(value)")
    }
    let categories = ["meeting"] + meeting.tags
    lines.append("CATEGORIES:" + categories.map(text).joined(separator: ","))
    lines.append("END:VEVENT")
    return lines
  }

  static func allDay(
    uid: String, stamp: String, day: CalendarDate, summary: String, description: String,
    categories: [String]
  ) -> [String] {
    var lines = [
      "BEGIN:VEVENT", "UID:" + text(uid), "DTSTAMP:" + stamp,
      "DTSTART;VALUE=DATE:" + basic(day),
    ]
    if let next = day.adding(days: 1) { lines.append("DTEND;VALUE=DATE:" + basic(next)) }
    lines += [
      "SUMMARY:" + text(summary), "DESCRIPTION:" + text(description),
      "CATEGORIES:" + categories.map(text).joined(separator: ","), "TRANSP:TRANSPARENT",
      "END:VEVENT",
    ]
    return lines
  }

  // MARK: Values

  /// A date in the basic format, `20260306`.
  static func basic(_ date: CalendarDate) -> String {
    let year = String(date.year)
    let padded = String(repeating: "0", count: max(0, 4 - year.count)) + year
    return padded + two(date.month) + two(date.day)
  }

  /// A time of day as `HHMM` (the caller adds seconds).
  static func basicTime(_ time: TimeOfDay) -> String { two(time.hour) + two(time.minute) }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// Lowercase ASCII letters and digits, other runs of characters as one `-`; `event`
  /// when nothing is left. Keeps UIDs plain and stable.
  static func slug(_ value: String) -> String {
    var result = ""
    for scalar in value.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        result.unicodeScalars.append(scalar)
      } else if ("A"..."Z").contains(scalar) {
        result += String(scalar).lowercased()
      } else if let plain = latin[String(scalar).lowercased()] {
        result += plain
      } else if !result.isEmpty, !result.hasSuffix("-") {
        result += "-"
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result.isEmpty ? "event" : result
  }

  /// Latin letters with diacritics as plain ASCII, for readable slugs: `Rhône` → `rhone`.
  private static let latin: [String: String] = {
    var table: [String: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l"]
    let groups = [
      ("a", "àáâãäåāăą"), ("c", "çćčĉ"), ("e", "èéêëēėęě"), ("i", "ìíîïīį"), ("n", "ñńň"),
      ("o", "òóôõöōő"), ("u", "ùúûüūůű"), ("y", "ýÿ"), ("s", "śšş"), ("z", "źżž"), ("r", "ř"),
      ("g", "ğ"), ("t", "ţť"),
    ]
    for (plain, letters) in groups {
      for letter in letters { table[String(letter)] = plain }
    }
    return table
  }()

  /// The UID domain: the business's name as a slug under `.books`, so two businesses'
  /// `INV-1` stay apart in one calendar.
  static func domain(_ name: String?) -> String {
    guard let name else { return "books" }
    return slug(name) + ".books"
  }

  /// A TEXT value (RFC 5545, 3.3.11): `\`, `;` and `,` escaped, line breaks as `\n`, and
  /// control characters, which TEXT may not hold, replaced by U+FFFD.
  static func text(_ value: String) -> String {
    var result = ""
    var previousCR = false
    for scalar in value.unicodeScalars {
      defer { previousCR = scalar == "\r" }
      switch scalar {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\r": result += "\\n"
      case "\n": if !previousCR { result += "\\n" }
      case "\t": result += "\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          result += "\u{FFFD}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// Folds a content line (RFC 5545, 3.1): at most 75 octets per line, continuation lines
  /// starting with a space, never splitting a UTF-8 sequence.
  static func fold(_ line: String) -> String {
    guard line.utf8.count > 75 else { return line }
    var result = ""
    var octets = 0
    for scalar in line.unicodeScalars {
      let width = String(scalar).utf8.count
      if octets + width > 75 {
        result += "\r\n "
        octets = 1
      }
      result.unicodeScalars.append(scalar)
      octets += width
    }
    return result
  }
}

/// A meeting as a calendar draws it, with the page it links to.
struct SiteCalendarEvent {
  var date: CalendarDate
  var time: TimeOfDay?
  var title: String
  var target: String?
}

/// The calendar: the current month, a page per month and per ISO week, a page per meeting.
extension SiteBuilder {
  /// The months that get a page: every month with a meeting and the as-of month, and the
  /// months between them unless that would be more than three years of empty pages.
  var calendarMonths: [MonthBucket] {
    var months = Set(books.meetings.map { MonthBucket($0.date) })
    months.insert(MonthBucket(asOf))
    let sorted = months.sorted()
    if let first = sorted.first, let last = sorted.last,
      (last.year - first.year) * 12 + last.month - first.month <= 36
    {
      var month = first
      while month < last {
        months.insert(month)
        month =
          month.month == 12
          ? MonthBucket(year: month.year + 1, month: 1)
          : MonthBucket(year: month.year, month: month.month + 1)
      }
    }
    return months.sorted()
  }

  /// The Mondays of the weeks that get a page, chosen like `calendarMonths`.
  var calendarWeeks: [CalendarDate] {
    var mondays = Set(books.meetings.map { CalendarReport.monday(of: $0.date) })
    mondays.insert(CalendarReport.monday(of: asOf))
    let sorted = mondays.sorted()
    if let first = sorted.first, let last = sorted.last, last.days(since: first) <= 7 * 80 {
      var monday: CalendarDate? = first
      while let day = monday, day < last {
        mondays.insert(day)
        monday = day.adding(days: 7)
      }
    }
    return mondays.sorted()
  }

  func weekPath(_ monday: CalendarDate) -> String {
    let week = CalendarReport.isoWeek(of: monday)
    return SitePaths.week(year: week.year, week: week.week)
  }

  func events(in month: MonthBucket) -> [SiteCalendarEvent] {
    meetingOrder.compactMap { index in
      guard books.meetings.indices.contains(index) else { return nil }
      let meeting = books.meetings[index]
      guard MonthBucket(meeting.date) == month else { return nil }
      return SiteCalendarEvent(
        date: meeting.date, time: meeting.start, title: meeting.title, target: meetingPaths[index])
    }
  }

  func calendarPages() -> [SitePage] {
    let h = HTMLRenderer.escape
    let months = calendarMonths
    let weeks = calendarWeeks
    var pages: [SitePage] = []

    // The landing page of the calendar: this month and what is coming.
    let path = SiteSection.calendar.path
    let current = MonthBucket(asOf)
    var body = [monthSection(current, months: months, from: path)]
    let upcoming = meetingOrder.filter {
      books.meetings.indices.contains($0) && books.meetings[$0].date >= asOf
    }
    body.append(
      "<section><h2>Coming up</h2>" + meetingList(Array(upcoming.prefix(12)), from: path)
        + "</section>")
    let monday = CalendarReport.monday(of: asOf)
    body.append(
      "<p class=\"more\">" + anchor(weekPath(monday), "This week, day by day", from: path) + "</p>")
    var years: [Int: [MonthBucket]] = [:]
    for month in months { years[month.year, default: []].append(month) }
    let index = years.keys.sorted().map { year in
      "<li><span>\(year)</span> "
        + (years[year] ?? []).map {
          anchor(SitePaths.month(year: $0.year, month: $0.month), shortMonth($0.month), from: path)
        }.joined(separator: " ") + "</li>"
    }
    body.append(
      "<section><h2>Every month</h2><ul class=\"months\">" + index.joined() + "</ul></section>")
    pages.append(
      page(
        path, SiteSection.calendar.title, section: .calendar,
        subtitle: SiteSection.calendar.summary, body: body))

    for month in months {
      let path = SitePaths.month(year: month.year, month: month.month)
      let list = meetingOrder.filter {
        books.meetings.indices.contains($0) && MonthBucket(books.meetings[$0].date) == month
      }
      pages.append(
        page(
          path, "\(longMonth(month.month)) \(month.year)", section: .calendar,
          crumbs: [("Calendar", SiteSection.calendar.path)],
          body: [
            monthSection(month, months: months, from: path, heading: false),
            "<section><h2>Meetings</h2>" + meetingList(list, from: path) + "</section>",
          ]))
    }

    for (position, monday) in weeks.enumerated() {
      let path = weekPath(monday)
      let week = CalendarReport.isoWeek(of: monday)
      var days: [String] = []
      for offset in 0..<7 {
        guard let day = monday.adding(days: offset) else { continue }
        let list = meetingOrder.filter {
          books.meetings.indices.contains($0) && books.meetings[$0].date == day
        }
        let items = list.compactMap { index -> String? in
          guard let target = meetingPaths[index] else { return nil }
          let meeting = books.meetings[index]
          let time = [meeting.start?.description, meeting.end?.description].compactMap { $0 }
            .joined(separator: "\u{2013}")
          let with = meeting.with.map { link($0.id, from: path) }.joined(separator: ", ")
          return "<li><time>\(h(time.isEmpty ? "all day" : time))</time> "
            + "<a href=\"\(href(target, from: path))\">\(h(meeting.title))</a>"
            + (with.isEmpty ? "" : "<span class=\"with\">with \(with)</span>") + "</li>"
        }
        let today = day == asOf ? " today" : ""
        days.append(
          "<section class=\"day\(today)\"><h2>\(weekdayName(day.weekday)) <time>\(day)</time></h2>"
            + (items.isEmpty
              ? "<p class=\"none\">No meetings</p>"
              : "<ul class=\"agenda\">" + items.joined() + "</ul>")
            + "</section>")
      }
      var pager: [String] = []
      if position > 0 {
        pager.append(
          "<a rel=\"prev\" href=\"\(href(weekPath(weeks[position - 1]), from: path))\">\u{2190} Previous week</a>"
        )
      }
      pager.append(
        anchor(
          SitePaths.month(year: monday.year, month: monday.month),
          "\(longMonth(monday.month)) \(monday.year)", from: path))
      if position + 1 < weeks.count {
        pager.append(
          "<a rel=\"next\" href=\"\(href(weekPath(weeks[position + 1]), from: path))\">Next week \u{2192}</a>"
        )
      }
      let last = monday.adding(days: 6) ?? monday
      pages.append(
        page(
          path, "Week \(week.week), \(week.year)", section: .calendar,
          subtitle: "\(monday) to \(last)",
          crumbs: [("Calendar", SiteSection.calendar.path)],
          body: [
            "<nav class=\"pager\" aria-label=\"Weeks\">" + pager.joined() + "</nav>",
            "<div class=\"week\">" + days.joined() + "</div>",
          ]))
    }
    return pages
  }

  /// A month's grid with links to the months around it.
  func monthSection(
    _ month: MonthBucket, months: [MonthBucket], from path: String, heading: Bool = true
  ) -> String {
    var pager: [String] = []
    if let position = months.firstIndex(of: month) {
      if position > 0 {
        let previous = months[position - 1]
        pager.append(
          "<a rel=\"prev\" href=\"\(href(SitePaths.month(year: previous.year, month: previous.month), from: path))\">\u{2190} \(shortMonth(previous.month)) \(previous.year)</a>"
        )
      }
      if position + 1 < months.count {
        let next = months[position + 1]
        pager.append(
          "<a rel=\"next\" href=\"\(href(SitePaths.month(year: next.year, month: next.month), from: path))\">\(shortMonth(next.month)) \(next.year) \u{2192}</a>"
        )
      }
    }
    let title = "\(longMonth(month.month)) \(month.year)"
    let head =
      heading
      ? "<h2>" + anchor(SitePaths.month(year: month.year, month: month.month), title, from: path)
        + "</h2>" : ""
    return "<section class=\"calendar\">" + head + "<nav class=\"pager\" aria-label=\"Months\">"
      + pager.joined() + "</nav>"
      + monthGrid(year: month.year, month: month.month, events: events(in: month), from: path)
      + "</section>"
  }

  /// A month as a grid of weeks, Monday first; on a phone the empty days fold away.
  func monthGrid(year: Int, month: Int, events: [SiteCalendarEvent], from path: String) -> String {
    let h = HTMLRenderer.escape
    guard let first = CalendarDate(year: year, month: month, day: 1) else { return "" }
    var cells = Array(repeating: "<td class=\"out\"></td>", count: first.weekday - 1)
    for day in 1...CalendarDate.daysIn(month: month, year: year) {
      let items = events.filter { $0.date.day == day }.map { event -> String in
        let time = event.time.map { "<time>\($0)</time> " } ?? ""
        let title =
          event.target.map { "<a href=\"\(href($0, from: path))\">\(h(event.title))</a>" }
          ?? h(event.title)
        return "<li>" + time + title + "</li>"
      }
      let date = CalendarDate(year: year, month: month, day: day)
      var classes: [String] = []
      if date == asOf { classes.append("today") }
      if items.isEmpty { classes.append("empty") }
      let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
      let label = date.map { "\(weekdayName($0.weekday)) \(day)" } ?? String(day)
      cells.append(
        "<td\(cls)><span class=\"day\"><span class=\"wd\">\(h(label))</span><span class=\"n\" aria-hidden=\"true\">\(day)</span></span>"
          + (items.isEmpty ? "" : "<ul>\(items.joined())</ul>") + "</td>")
    }
    while cells.count % 7 != 0 { cells.append("<td class=\"out\"></td>") }
    var rows: [String] = []
    for start in stride(from: 0, to: cells.count, by: 7) {
      rows.append("<tr>" + cells[start..<(start + 7)].joined() + "</tr>")
    }
    let head = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map {
      "<th scope=\"col\">\($0)</th>"
    }.joined()
    return
      "<table class=\"month\"><caption class=\"visually-hidden\">\(longMonth(month)) \(year)</caption>"
      + "<thead><tr>\(head)</tr></thead><tbody>" + rows.joined() + "</tbody></table>"
  }

  func weekdayName(_ weekday: Int) -> String {
    let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    return names.indices.contains(weekday - 1) ? names[weekday - 1] : ""
  }

  func meetingPages() -> [SitePage] {
    let h = HTMLRenderer.escape
    return meetingOrder.compactMap { index -> SitePage? in
      guard books.meetings.indices.contains(index), let path = meetingPaths[index] else {
        return nil
      }
      let meeting = books.meetings[index]
      let time = [meeting.start?.description, meeting.end?.description].compactMap { $0 }.joined(
        separator: "\u{2013}")
      let duration: TimeSpan? = meeting.start.flatMap { start in
        meeting.end.flatMap { start.span(until: $0) }
      }
      let details: [(String, String?)] = [
        (
          "Date",
          anchor(
            weekPath(CalendarReport.monday(of: meeting.date)),
            "\(weekdayName(meeting.date.weekday)) \(meeting.date)", from: path)
        ),
        ("Time", time.isEmpty ? nil : h(time)),
        ("Duration", duration.map { h($0.description) }),
        (
          "With",
          meeting.with.isEmpty
            ? nil : meeting.with.map { link($0.id, from: path) }.joined(separator: ", ")
        ),
        ("Medium", meeting.medium.map { h(ToolsReportSupport.title($0.id)) }),
        ("Link", meeting.link.map { external($0) }),
        ("Location", meeting.location.map(h)),
        ("Priority", meeting.priority.map { h(ToolsReportSupport.title($0.rawValue)) }),
        (
          "Attachments",
          meeting.attachments.isEmpty
            ? nil : meeting.attachments.map { external($0) }.joined(separator: "<br>")
        ),
        ("Notes", meeting.notes.isEmpty ? nil : meeting.notes.map(h).joined(separator: "<br>")),
      ]
      var body = ["<section><h2>Details</h2>" + detailList(details) + "</section>"]
      if !meeting.agenda.isEmpty {
        body.append(
          "<section><h2>Agenda</h2><ol class=\"agenda-items\">"
            + meeting.agenda.map { "<li>\(h($0))</li>" }.joined() + "</ol></section>")
      }
      let month = SitePaths.month(year: meeting.date.year, month: meeting.date.month)
      return page(
        path, meeting.title, section: .calendar,
        subtitle: "\(meeting.date)" + (time.isEmpty ? "" : " \u{B7} " + time),
        crumbs: [
          ("Calendar", SiteSection.calendar.path),
          ("\(longMonth(meeting.date.month)) \(meeting.date.year)", month),
        ],
        body: body)
    }
  }
}

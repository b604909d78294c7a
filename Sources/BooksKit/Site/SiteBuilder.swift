/// The books as a static website: one HTML page per section and per client, project,
/// service, contact, staff member, resource, goal, invoice, estimate and meeting, sharing
/// one style sheet. No scripts, no external fetches, relative links only, so the folder
/// works from `file://`, from any web server, and diffs well in git: the same books give
/// the same bytes.
public struct SiteBuilder {
  public let books: Books
  /// The day every page is "as of".
  public let asOf: CalendarDate
  let context: ReportContext
  /// The page of each meeting, by the meeting's index in `books.meetings`.
  let meetingPaths: [Int: String]
  /// The meetings by date and start time, untimed first, then in file order.
  let meetingOrder: [Int]
  /// The figures of each client, project and service card, by report name and card id,
  /// in board order, each with the project its card names (see `cardFields`).
  let cards: [String: [String: [(project: String?, fields: [Metric])]]]
  /// What the pages list, grouped once for all of them (see `SiteIndex`).
  let index: SiteIndex

  public init(books: Books, asOf: CalendarDate) {
    self.books = books
    self.asOf = asOf
    self.context = ReportContext(books: books, options: ReportOptions(asOf: asOf))
    let order = books.meetings.indices.sorted { lhs, rhs in
      let left = books.meetings[lhs]
      let right = books.meetings[rhs]
      return (left.date, left.start?.minutes ?? -1, lhs) < (
        right.date, right.start?.minutes ?? -1, rhs
      )
    }
    var paths: [Int: String] = [:]
    var perDay: [CalendarDate: Int] = [:]
    for index in order {
      let date = books.meetings[index].date
      let count = (perDay[date] ?? 0) + 1
      perDay[date] = count
      paths[index] = "meetings/\(date)-\(count).html"
    }
    self.meetingOrder = order
    self.meetingPaths = paths
    var cards: [String: [String: [(project: String?, fields: [Metric])]]] = [:]
    for report in [ClientsReport.report, ProjectsReport.report, ServicesReport.report] {
      var byID: [String: [(project: String?, fields: [Metric])]] = [:]
      for block in report.view(context).blocks {
        guard case .board(let board) = block else { continue }
        for lane in board.lanes {
          for card in lane.cards {
            var project: String?
            if let metric = card.fields.first(where: { $0.id == "project" }),
              case .id(let id) = metric.value
            {
              project = id
            }
            byID[card.id, default: []].append(
              (project, card.fields.filter { $0.value != .empty }))
          }
        }
      }
      cards[report.name] = byID
    }
    self.cards = cards
    self.index = SiteIndex(books, context: context)
  }

  /// Every file of the site, by its path inside the site's folder.
  public static func build(_ books: Books, asOf: CalendarDate) -> [String: String] {
    SiteBuilder(books: books, asOf: asOf).files()
  }

  /// The date of the books' newest dated entry — income, expense, time, invoice, estimate,
  /// purchase order, credit note or goal progress — the day a site is "as of" by default.
  /// Meetings are left out: they are often booked ahead, and a site as of next month's
  /// meeting would call invoices overdue that are not.
  public static func newestEntryDate(_ books: Books) -> CalendarDate? {
    var dates: [CalendarDate] = []
    // Expected income (no `via` yet) is a promise, often dated ahead, like a meeting.
    dates += books.incomes.filter(\.isReceived).map(\.date)
    dates += books.expenses.map(\.date)
    dates += books.timeEntries.map(\.date)
    dates += books.invoices.map(\.date)
    dates += books.estimates.map(\.date)
    dates += books.purchaseOrders.map(\.date)
    dates += books.creditNotes.map(\.date)
    dates += books.goals.flatMap { $0.progress.map(\.date) }
    return dates.max()
  }

  func files() -> [String: String] {
    var files: [String: String] = [SitePaths.stylesheet: SiteCSS.style]
    for page in pages() where files[page.path] == nil {
      files[page.path] = page.html
    }
    return files
  }

  func pages() -> [SitePage] {
    var pages = sectionPages()
    pages += clientPages()
    pages += projectPages()
    pages += servicePages()
    pages += contactPages()
    pages += staffPages()
    pages += resourcePages()
    pages += goalPages()
    pages += documentPages()
    pages += calendarPages()
    pages += meetingPages()
    return pages
  }

  /// The business's name, or a plain title when the books do not name it.
  var businessName: String { books.business?.name ?? "Books" }

  /// A report computed with the site's as-of day and extra options.
  func view(
    _ report: Report, client: String? = nil, project: String? = nil, period: DayRange = DayRange()
  ) -> ReportView {
    let options = ReportOptions(period: period, client: client, project: project, asOf: asOf)
    return report.view(ReportContext(books: books, options: options))
  }

  /// A page in the site's layout.
  func page(
    _ path: String, _ title: String, section: SiteSection?, subtitle: String? = nil,
    crumbs: [(String, String)] = [], body: [String]
  ) -> SitePage {
    SitePage(
      path: path,
      html: SiteLayout.render(
        path: path, title: title, subtitle: subtitle, business: businessName, asOf: asOf,
        current: section, sections: sections, crumbs: crumbs, body: body))
  }

  /// The sections in the navigation bar; staff only when the books have staff.
  var sections: [SiteSection] {
    SiteSection.allCases.filter { $0 != .staff || !books.staff.isEmpty }
  }
}

/// The entries each page lists, grouped in one pass over the books: a page that searched
/// all the books for its own made a site of 100,000 entries take minutes. Every list keeps
/// file order.
struct SiteIndex {
  /// Where each invoice's state is in the ledger, by the invoice's index.
  let ledgerPosition: [Int: Int]
  /// Invoice indices by their client (`ReportContext.clientOf`) and by their project.
  let invoicesByClient: [String: [Int]]
  let invoicesByProject: [String: [Int]]
  /// Indices of the time entries dated on or before the as-of day, by the project they
  /// count towards and by their target.
  let timeByProject: [String: [Int]]
  let timeByTarget: [String: [Int]]
  /// The projects report's row of each project.
  let projectRows: [String: ProjectsReport.Row]

  init(_ books: Books, context: ReportContext) {
    var rows: [String: ProjectsReport.Row] = [:]
    for row in ProjectsReport(context).rows where rows[row.id] == nil { rows[row.id] = row }
    projectRows = rows
    var positions: [Int: Int] = [:]
    for (position, state) in context.ledger.invoices.enumerated()
    where positions[state.index] == nil {
      positions[state.index] = position
    }
    ledgerPosition = positions
    var byClient: [String: [Int]] = [:]
    var byProject: [String: [Int]] = [:]
    for (index, invoice) in books.invoices.enumerated() {
      if let client = context.clientOf(client: invoice.client, project: invoice.project) {
        byClient[client, default: []].append(index)
      }
      if let project = invoice.project?.id { byProject[project, default: []].append(index) }
    }
    invoicesByClient = byClient
    invoicesByProject = byProject
    var timeProject: [String: [Int]] = [:]
    var timeTarget: [String: [Int]] = [:]
    let asOf = context.options.asOf
    for (index, entry) in books.timeEntries.enumerated() where entry.date <= asOf {
      if let project = books.projectID(ofTimeTarget: entry.target.id) {
        timeProject[project, default: []].append(index)
      }
      timeTarget[entry.target.id, default: []].append(index)
    }
    timeByProject = timeProject
    timeByTarget = timeTarget
  }
}

/// One file of the site.
struct SitePage {
  var path: String
  var html: String
}

import BooksKit

/// The whole of `books` over one input: parse, resolve, check, every diagnostic renderer,
/// `books fmt`, every report in every format, the documents of the first numbers and
/// clients found, `books new` drafts, and every export. A trap anywhere is a bug.
///
/// The input is the file `fuzz.books` of an in-memory file system that also holds
/// `part.books` and `clients/a.books`, so `include` lines reach real files too.
enum WholePipeline {
  /// The day the books are looked at: fixed, so a run can be reproduced.
  static let day = CalendarDate(year: 2026, month: 6, day: 30) ?? .earliest

  static let otherFiles: [String: String] = [
    "part.books": "client partner \"Partner Ltd\"\n  stage client\n",
    "clients/a.books": "2026-01-02 time partner 1h \"Call\"\n",
  ]

  /// Runs everything on `bytes`; returns how many outputs were produced (so nothing is
  /// optimised away and tests can see the pipeline got past the checks).
  @discardableResult
  static func run(_ bytes: [UInt8]) -> Int {
    var fileSystem = MemoryFileSystem(otherFiles)
    fileSystem.files["fuzz.books"] = bytes
    var outputs = 0
    let validation = Validation.run(["fuzz.books"], fileSystem: fileSystem, today: day)
    outputs += diagnostics(validation)
    outputs += format(bytes)
    outputs += sideBySide(bytes)
    let books = validation.books
    outputs += reports(books)
    outputs += documents(books)
    outputs += drafts(books)
    outputs += exports(books)
    return outputs
  }

  static func diagnostics(_ validation: Validation) -> Int {
    let all = validation.diagnostics
    let texts = [
      DiagnosticRenderer.human(all, files: validation.files, color: false),
      DiagnosticRenderer.human(all, files: validation.files, color: true),
      DiagnosticRenderer.json(all, files: validation.files),
      DiagnosticRenderer.github(all, files: validation.files),
      DiagnosticSummary(diagnostics: all, files: validation.files.count).line,
    ]
    return texts.count
  }

  /// `books fmt`: formatting never fails on a file it accepts, and is idempotent.
  /// Parsing in pieces and building dated entries in slices, as big books are, give what
  /// one pass gives.
  static func sideBySide(_ bytes: [UInt8]) -> Int {
    let file = SourceFile(path: "fuzz.books", bytes: bytes)
    let whole = Parser.parse(file, fileIndex: 0)
    let pieces = Parser.parse(file, fileIndex: 0, pieceSize: 16, pieces: 8)
    if shape(whole) != shape(pieces) || whole.diagnostics != pieces.diagnostics {
      fatalError("parsing in pieces differs from one pass")
    }
    let (one, oneFound) = ModelBuilder.build([whole], chunkMinimum: Int.max)
    let (sliced, slicedFound) = ModelBuilder.build([whole], chunkMinimum: 1)
    if Set(oneFound) != Set(slicedFound) || oneFound.count != slicedFound.count
      || one.timeEntries.map(\.range) != sliced.timeEntries.map(\.range)
      || one.timeEntries.map(\.tags) != sliced.timeEntries.map(\.tags)
      || one.timeEntries.map(\.description) != sliced.timeEntries.map(\.description)
      || one.incomes.map(\.tags) != sliced.incomes.map(\.tags)
      || one.expenses.map(\.tags) != sliced.expenses.map(\.tags)
      || one.meetings.map(\.tags) != sliced.meetings.map(\.tags)
      || one.incomes.map(\.range) != sliced.incomes.map(\.range)
      || one.expenses.map(\.range) != sliced.expenses.map(\.range)
      || one.meetings.map(\.range) != sliced.meetings.map(\.range)
      || one.invoices.map(\.number) != sliced.invoices.map(\.number)
      || one.unbuiltReferenceRanges != sliced.unbuiltReferenceRanges
    {
      fatalError("building in slices differs from one pass")
    }
    return 2
  }

  /// Every token, field and comment of a tree, as positions.
  private static func shape(_ tree: SyntaxTree) -> [[Int]] {
    func spans(_ tokens: some Sequence<Token>) -> [Int] {
      tokens.flatMap { [Int($0.kind.rawValue), $0.start, $0.end] }
    }
    func span(_ token: Token?) -> [Int] { token.map { [$0.start, $0.end] } ?? [-1] }
    var shape: [[Int]] = []
    for entry in tree.entries {
      shape.append(
        [entry.start, entry.end] + spans(tree.head(entry)) + [-2] + spans(tree.tags(entry)))
      shape.append(span(entry.comment))
      for field in tree.fields(entry) {
        shape.append(
          [field.start, field.end] + spans([field.key] + tree.values(field)) + [-2]
            + spans(tree.tags(field))
            + span(field.comment))
      }
    }
    for comment in tree.comments {
      shape.append([comment.token.start, comment.ownLine ? 1 : 0, comment.indented ? 1 : 0])
    }
    return shape
  }

  static func format(_ bytes: [UInt8]) -> Int {
    let file = SourceFile(path: "fuzz.books", bytes: bytes)
    for sort in [false, true] {
      guard let text = BooksFormatter.format(file, sort: sort).text else { return 0 }
      let again = BooksFormatter.format(text, path: "fuzz.books", sort: sort)
      guard let second = again.text else {
        fatalError("fmt wrote text it cannot format again: \(again.diagnostics.map(\.message))")
      }
      if second != text {
        fatalError("fmt is not idempotent (sort: \(sort))")
      }
    }
    return 2
  }

  static func reports(_ books: Books) -> Int {
    var options = [ReportOptions(asOf: day)]
    if let client = books.clients.first?.id {
      options.append(
        ReportOptions(
          period: DayRange(from: CalendarDate(year: 2026, month: 1, day: 1), to: day),
          client: client, asOf: day, currency: books.defaultCurrency))
    }
    if let project = books.projects.first?.id {
      options.append(ReportOptions(project: project, asOf: .latest))
    }
    var count = 0
    for option in options {
      let context = ReportContext(books: books, options: option)
      for report in Reports.all {
        let view = report.view(context)
        count +=
          [
            TextRenderer.render(view, color: false), TextRenderer.render(view, color: true),
            MarkdownRenderer.render(view), HTMLRenderer.render(view),
            JSONReportRenderer.render(view), CSVRenderer.render(view),
          ].count
      }
    }
    return count
  }

  static func documents(_ books: Books) -> Int {
    var count = 0
    for asOf in [day, .latest] {
      for invoice in books.invoices.prefix(2) {
        if case .success(let document) = Document.invoice(invoice.number, in: books, asOf: asOf) {
          count += [DocumentRenderer.markdown(document), DocumentRenderer.html(document)].count
        }
        if case .success(let reminder) = Reminder.make(invoice.number, in: books, asOf: asOf) {
          count += [ReminderRenderer.markdown(reminder), ReminderRenderer.html(reminder)].count
        }
      }
      for estimate in books.estimates.prefix(2) {
        if case .success(let document) = Document.estimate(estimate.number, in: books, asOf: asOf) {
          count += [DocumentRenderer.markdown(document), DocumentRenderer.html(document)].count
        }
      }
      for client in books.clients.prefix(2) {
        let from = CalendarDate(year: 2026, month: 1, day: 1)
        for start in [nil, from] {
          if case .success(let statement) = Statement.make(
            client: client.id, in: books, asOf: asOf, from: start)
          {
            count +=
              [StatementRenderer.markdown(statement), StatementRenderer.html(statement)].count
          }
        }
      }
    }
    return count
  }

  static func drafts(_ books: Books) -> Int {
    let drafter = Drafter(books: books)
    var count = 0
    let services = books.services.prefix(2).map { (id: $0.id, quantity: Optional("3h")) }
    let milestones = books.projects.first?.milestones.prefix(1).map(\.name) ?? []
    for client in books.clients.prefix(2) {
      let extras = Drafter.Extras(services: Array(services), milestones: Array(milestones))
      if case .success(let draft) = drafter.invoice(
        client: client.id, project: nil, fromUnbilled: true, through: day, date: day,
        number: nil, extras: Drafter.Extras())
      {
        count += draft.text.utf8.count > 0 ? 1 : 0
      }
      if case .success(let draft) = drafter.invoice(
        client: client.id, project: books.projects.first?.id, fromUnbilled: true, through: day,
        date: day, number: nil, extras: extras)
      {
        count += draft.text.utf8.count > 0 ? 1 : 0
      }
      if case .success(let draft) = drafter.estimate(
        client: client.id, project: nil, date: day, validUntil: nil, number: nil, extras: extras)
      {
        count += draft.text.utf8.count > 0 ? 1 : 0
      }
    }
    for template in books.recurringInvoices.prefix(2) {
      if case .success(let draft) = drafter.recurringInvoice(
        template.id, date: nil, today: day, number: nil)
      {
        count += draft.text.utf8.count > 0 ? 1 : 0
      }
    }
    return count
  }

  static func exports(_ books: Books) -> Int {
    var count = 0
    let periods = [DayRange(), DayRange(from: CalendarDate(year: 2026, month: 1, day: 1), to: day)]
    for period in periods {
      let journal = Journal(books, period: period, asOf: day)
      let source = LedgerWriter.Source(
        files: ["fuzz.books"], asOf: day, period: period, generator: "books-fuzz")
      count +=
        [
          LedgerWriter.write(journal, .hledger, source: source),
          LedgerWriter.write(journal, .ledger, source: source),
          BeancountWriter.write(
            journal, source: source, title: books.business?.name, currency: books.defaultCurrency),
        ].count
    }
    let data = DataExport(books, asOf: day)
    count += CSVExport.files(data).count
    count +=
      [
        JSONExport.write(data, generator: "books-fuzz"),
        CalendarExport.write(data, generator: "books-fuzz"),
      ].count
    return count
  }
}

/// `books report NAME`: compute a report from the books and render it in a format.
public enum ReportCommand {
  public static var help: String {
    let width = Reports.all.map(\.name.count).max() ?? 0
    let list = Reports.all.map {
      "  " + $0.name + String(repeating: " ", count: width - $0.name.count + 2) + $0.summary
    }.joined(separator: "\n")
    return """
      USAGE: books report NAME [FILE...] [-f FILE]... [options]
             books NAME [FILE...] [options]

      REPORTS:
      \(list)

      OPTIONS:
        --format FORMAT     text (default), md, html, json or csv
        -o, --output FILE   write to FILE (atomically) instead of standard output
        --period PERIOD     2026, 2026-Q1, 2026-03 or 2026-03-05
        --from DATE         first day counted (inclusive)
        --to DATE           last day counted (inclusive)
        --client ID         only this client's entries
        --project ID        only this project's entries
        --as-of DATE        the books as they stood on DATE (default: today)
        --currency CODE     only amounts in this currency
        --color WHEN        auto (default), always, never
        -h, --help          show this help

      The books must pass `books check` without errors; otherwise the errors are shown
      and no report is made. Exit status: 0 success, 1 errors in the books or the output
      file could not be written, 2 usage error.

      """
  }

  enum Format: String { case text, md, html, json, csv }

  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    var parser = Arguments(arguments)
    var files: [String] = []
    var format = Format.text
    var output: String?
    var period = DayRange()
    var from: CalendarDate?
    var to: CalendarDate?
    var client: String?
    var project: String?
    var asOf: CalendarDate?
    var currency: Currency?
    var color = "auto"
    var problem: String?
    func date(_ text: String, _ option: String) -> CalendarDate? {
      guard let date = CalendarDate(text) else {
        problem = "\(option) takes a date YYYY-MM-DD, not `\(text)`"
        return nil
      }
      return date
    }
    let early = parser.parseCommand(help: help, problem: problem) {
      option, value throws(Arguments.Problem) in
      switch option {
      case "-f", "--file": files.append(try value())
      case "--format":
        let text = try value()
        if let parsed = Format(rawValue: text) {
          format = parsed
        } else {
          problem = "unknown format `\(text)`; use text, md, html, json or csv"
        }
      case "-o", "--output": output = try value()
      case "--period", "-p":
        let text = try value()
        if let parsed = DayRange.period(text) {
          period = parsed
        } else {
          problem = "--period takes 2026, 2026-Q1, 2026-03 or 2026-03-05, not `\(text)`"
        }
      case "--from", "-b", "--begin": from = date(try value(), option)
      case "--to", "-e", "--end": to = date(try value(), option)
      case "--client": client = try value()
      case "--project": project = try value()
      case "--as-of": asOf = date(try value(), option)
      case "--currency":
        let text = try value()
        currency = Currency.parseISO(ArraySlice(text.utf8))
        if currency == nil { problem = "--currency takes an ISO 4217 code such as EUR" }
      case "--color", "--colour":
        color = try value()
        if !["auto", "always", "never"].contains(color) {
          problem = "--color takes auto, always or never"
        }
      default: return false
      }
      return true
    }
    if let early { return early }
    var positionals = parser.positionals
    guard !positionals.isEmpty else { return .usage("name a report", help: help) }
    let name = positionals.removeFirst()
    guard let report = Reports.named(name) else {
      let names = Reports.all.flatMap { [$0.name] + $0.aliases }
      return .unknown("unknown report", name, among: names, help: help)
    }
    if from != nil || to != nil {
      period = DayRange(from: from ?? period.from, to: to ?? period.to)
    }
    if let start = period.from, let end = period.to, end < start {
      return .usage("the period ends (\(end)) before it starts (\(start))", help: help)
    }
    let validation: Validation
    switch CommandOutput.books(
      positionals + files, environment: environment, fileSystem: fileSystem,
      purpose: "see reports", help: help)
    {
    case .success(let loaded): validation = loaded
    case .failure(let output): return output
    }
    let options = ReportOptions(
      period: period, client: client, project: project, asOf: asOf ?? today, currency: currency)
    if let client, validation.books.client(client) == nil {
      return .usage("unknown client `\(client)`", help: help)
    }
    if let project, validation.books.project(project) == nil {
      return .usage("unknown project `\(project)`", help: help)
    }
    let view = report.view(
      ReportContext(
        books: validation.books, options: options, billing: validation.billing,
        ledger: validation.ledger))
    let useColor = environment.wantsColor(color, toFile: output != nil)
    let rendered: String
    switch format {
    case .text: rendered = TextRenderer.render(view, color: useColor)
    case .md: rendered = MarkdownRenderer.render(view)
    case .html: rendered = HTMLRenderer.render(view)
    case .json: rendered = JSONReportRenderer.render(view)
    case .csv: rendered = CSVRenderer.render(view)
    }
    return .deliver(rendered, to: output)
  }
}

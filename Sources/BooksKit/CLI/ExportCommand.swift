/// `books export KIND`: the books as a journal for hledger, Ledger or beancount.
public enum ExportCommand {
  public static let kinds = ["hledger", "ledger", "beancount"]

  public static let help = """
    USAGE: books export hledger|ledger|beancount [FILE...] [-f FILE]... [options]

    Writes every invoice, credit note, payment received and expense as a balanced
    transaction, over the chart of accounts in FORMAT.md, section 2.10: receivables per
    client, income per class (client income per client), taxes payable, expenses per
    category. Client, invoice and credit-note numbers are tags (metadata in beancount).

    OPTIONS:
      -o, --output FILE   write to FILE (atomically) instead of standard output
      --period PERIOD     only entries in 2026, 2026-Q1, 2026-03 or 2026-03-05
      --from DATE         first day exported (inclusive)
      --to DATE           last day exported (inclusive)
      --as-of DATE        the books as they stood on DATE (default: today)
      -h, --help          show this help

    The books must pass `books check` without errors; otherwise the errors are shown and
    nothing is exported. Exit status: 0 success, 1 errors in the books or the output file
    could not be written, 2 usage error.

    """

  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    var parser = Arguments(arguments)
    var files: [String] = []
    var output: String?
    var period = DayRange()
    var from: CalendarDate?
    var to: CalendarDate?
    var asOf: CalendarDate?
    var wantsHelp = false
    var problem: String?
    func date(_ text: String, _ option: String) -> CalendarDate? {
      guard let date = CalendarDate(text) else {
        problem = "\(option) takes a date YYYY-MM-DD, not `\(text)`"
        return nil
      }
      return date
    }
    do throws(Arguments.Problem) {
      try parser.parse { option, value throws(Arguments.Problem) in
        switch option {
        case "-f", "--file": files.append(try value())
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
        case "--as-of": asOf = date(try value(), option)
        case "-h", "--help": wantsHelp = true
        default: return false
        }
        return true
      }
    } catch {
      return .usage(error, help: help)
    }
    if wantsHelp { return CommandOutput(stdout: help) }
    if let problem { return .usage(problem, help: help) }
    var positionals = parser.positionals
    guard !positionals.isEmpty else {
      return .usage("name what to export: hledger, ledger or beancount", help: help)
    }
    let kind = positionals.removeFirst()
    guard kinds.contains(kind) else {
      return .unknown("unknown export", kind, among: kinds, help: help)
    }
    if from != nil || to != nil {
      period = DayRange(from: from ?? period.from, to: to ?? period.to)
    }
    if let start = period.from, let end = period.to, end < start {
      return .usage("the period ends (\(end)) before it starts (\(start))", help: help)
    }
    files = environment.books(positionals + files)
    guard !files.isEmpty else {
      return .usage("no books: name a file, use -f FILE, or set BOOKS_FILE", help: help)
    }

    let validation = Validation.run(files, fileSystem: fileSystem)
    if let refusal = CommandOutput.refusing(validation, to: "export them") { return refusal }
    let books = validation.books
    let day = asOf ?? today
    let journal = Journal(books, period: period, asOf: day)
    let source = LedgerWriter.Source(
      files: files, asOf: day, period: period, generator: "books \(BooksCLI.version)")
    let text: String
    switch kind {
    case "beancount":
      text = BeancountWriter.write(
        journal, source: source, title: books.business?.name, currency: books.defaultCurrency)
    case "ledger": text = LedgerWriter.write(journal, .ledger, source: source)
    default: text = LedgerWriter.write(journal, .hledger, source: source)
    }
    return .deliver(text, to: output)
  }
}

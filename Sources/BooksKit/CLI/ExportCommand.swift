/// `books export KIND`: the books as a journal for hledger, Ledger or beancount, or as
/// data: CSV files, one JSON document, an iCalendar file.
public enum ExportCommand {
  /// The journal exports.
  public static let kinds = ["hledger", "ledger", "beancount"]
  /// The data exports (FORMAT.md 2.10): the whole model, derived values as of a day.
  public static let dataKinds = ["csv", "json", "ics"]

  public static let help = """
    USAGE: books export hledger|ledger|beancount [FILE...] [-f FILE]... [options]
           books export csv -o DIR [FILE...] [-f FILE]... [--as-of DATE]
           books export json|ics [FILE...] [-f FILE]... [-o FILE] [--as-of DATE]

    Writes every invoice, credit note, payment received and expense as a balanced
    transaction, over the chart of accounts in FORMAT.md, section 2.10: receivables per
    client, income per class (client income per client), taxes payable, expenses per
    category. Client, invoice and credit-note numbers are tags (metadata in beancount).

    `csv` writes one file per kind of entity (clients.csv, invoices.csv, time.csv, ...)
    into the folder DIR, creating it; `json` the whole model with derived values in one
    document (schema/books-export.schema.json); `ics` meetings, the due dates of unpaid
    invoices and the expiry of open estimates as an iCalendar file. These export every
    entry, with balances, standing and progress as of --as-of, and take no period.

    OPTIONS:
      -o, --output FILE   write to FILE (atomically) instead of standard output;
                          for csv, the folder DIR to write the files into
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
      default: return false
      }
      return true
    }
    if let early { return early }
    var positionals = parser.positionals
    guard !positionals.isEmpty else {
      return .usage(
        "name what to export: hledger, ledger, beancount, csv, json or ics", help: help)
    }
    let kind = positionals.removeFirst()
    guard kinds.contains(kind) || dataKinds.contains(kind) else {
      return .unknown("unknown export", kind, among: kinds + dataKinds, help: help)
    }
    let isData = dataKinds.contains(kind)
    if isData, period.from != nil || period.to != nil || from != nil || to != nil {
      return .usage(
        "`books export \(kind)` exports every entry and takes no --period, --from or --to",
        help: help)
    }
    if kind == "csv", output == nil {
      return .usage(
        "`books export csv` writes one file per kind of entity: name the folder with -o DIR",
        help: help)
    }
    if from != nil || to != nil {
      period = DayRange(from: from ?? period.from, to: to ?? period.to)
    }
    if let start = period.from, let end = period.to, end < start {
      return .usage("the period ends (\(end)) before it starts (\(start))", help: help)
    }
    files = environment.books(positionals + files)
    let validation: Validation
    switch CommandOutput.books(
      files, environment: environment, fileSystem: fileSystem,
      purpose: "export them", help: help)
    {
    case .success(let loaded): validation = loaded
    case .failure(let output): return output
    }
    let books = validation.books
    let day = asOf ?? today
    if isData {
      return data(kind, DataExport(books, asOf: day), output: output)
    }
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

  /// Runs a data export: csv into a folder, json and ics to a file or standard output.
  static func data(_ kind: String, _ export: DataExport, output: String?) -> CommandOutput {
    let generator = "books \(BooksCLI.version)"
    switch kind {
    case "csv":
      let folder = output ?? "."
      switch ExportFolder.write(CSVExport.files(export), into: folder) {
      case .success: return CommandOutput()
      case .failure(let failure):
        return CommandOutput(
          stderr: "books: cannot write into `\(folder)`: \(failure.message)\n", exitCode: 1)
      }
    case "ics": return .deliver(CalendarExport.write(export, generator: generator), to: output)
    default: return .deliver(JSONExport.write(export, generator: generator), to: output)
    }
  }
}

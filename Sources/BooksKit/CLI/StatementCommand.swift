/// `books statement CLIENT`: print a client's statement of account.
public enum StatementCommand {
  public static let help = """
    USAGE: books statement CLIENT [FILE...] [-f FILE]... [options]

    Prints the statement of account of client CLIENT: every invoice, credit note and
    payment with a running balance, the amount due and the open invoices, as Markdown
    or as a standalone HTML page ready to print to PDF (A4).

    OPTIONS:
      --format FORMAT     md (default) or html
      --as-of DATE        entries up to DATE (default: today)
      --from DATE         list entries from DATE; earlier ones make an opening balance
      -o, --output FILE   write to FILE (atomically) instead of standard output
      -h, --help          show this help

    The books must pass `books check` without errors; otherwise the errors are shown
    and no document is made. Exit status: 0 success, 1 errors in the books or the
    output file could not be written, 2 usage error (an unknown client, too).

    """

  enum Format: String { case md, html }

  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    var parser = Arguments(arguments)
    var files: [String] = []
    var format = Format.md
    var output: String?
    var asOf: CalendarDate?
    var from: CalendarDate?
    var wantsHelp = false
    var problem: String?
    do throws(Arguments.Problem) {
      try parser.parse { option, value throws(Arguments.Problem) in
        switch option {
        case "-f", "--file": files.append(try value())
        case "--format":
          let text = try value()
          if let parsed = Format(rawValue: text) {
            format = parsed
          } else {
            problem = "unknown format `\(text)`; use md or html"
          }
        case "-o", "--output": output = try value()
        case "--as-of":
          let text = try value()
          asOf = CalendarDate(text)
          if asOf == nil { problem = "--as-of takes a date YYYY-MM-DD, not `\(text)`" }
        case "--from":
          let text = try value()
          from = CalendarDate(text)
          if from == nil { problem = "--from takes a date YYYY-MM-DD, not `\(text)`" }
        case "-h", "--help": wantsHelp = true
        default: return false
        }
        return true
      }
    } catch {
      switch error {
      case .missingValue(let option): return .usage("\(option) needs a value", help: help)
      case .unknownOption(let option): return .usage("unknown option `\(option)`", help: help)
      case .unexpectedValue(let option): return .usage("\(option) takes no value", help: help)
      }
    }
    if wantsHelp { return CommandOutput(stdout: help) }
    if let problem { return .usage(problem, help: help) }
    let day = asOf ?? today
    if let from, from > day {
      return .usage("--from \(from) is after --as-of \(day)", help: help)
    }
    var positionals = parser.positionals
    guard !positionals.isEmpty else { return .usage("name a client", help: help) }
    let clientID = positionals.removeFirst()
    files = positionals + files
    if files.isEmpty, let fromEnvironment = environment.variables["BOOKS_FILE"],
      !fromEnvironment.isEmpty
    {
      files = [fromEnvironment]
    }
    guard !files.isEmpty else {
      return .usage("no books: name a file, use -f FILE, or set BOOKS_FILE", help: help)
    }

    let validation = Validation.run(files, fileSystem: fileSystem)
    let errors = validation.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      let summary = DiagnosticSummary(diagnostics: errors, files: validation.files.count)
      return CommandOutput(
        stderr: DiagnosticRenderer.human(errors, files: validation.files, color: false)
          + summary.line + "; fix them (see `books check`) to make documents\n",
        exitCode: 1)
    }
    let books = validation.books
    let statement: Statement
    switch Statement.make(client: clientID, in: books, asOf: day, from: from) {
    case .success(let made): statement = made
    case .failure(.unknownClient):
      let hint =
        Suggestion.closest(to: clientID, in: books.clients.map(\.id)).map {
          " (did you mean `\($0)`?)"
        } ?? ""
      return .usage("no client `\(clientID)`\(hint)", help: help)
    case .failure(let problem):
      return CommandOutput(stderr: "books: \(clientID): \(problem.message)\n", exitCode: 1)
    }
    let rendered: String
    switch format {
    case .md: rendered = StatementRenderer.markdown(statement)
    case .html: rendered = StatementRenderer.html(statement)
    }
    guard let output else { return CommandOutput(stdout: rendered) }
    switch AtomicFile.write(rendered, to: output) {
    case .success: return CommandOutput()
    case .failure(let failure):
      return CommandOutput(
        stderr: "books: cannot write `\(output)`: \(failure.message)\n", exitCode: 1)
    }
  }
}

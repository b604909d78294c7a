/// `books reminder NUMBER`: print a polite payment reminder for one invoice.
public enum ReminderCommand {
  public static let help = """
    USAGE: books reminder NUMBER [FILE...] [-f FILE]... [options]

    Prints a polite payment reminder for invoice NUMBER as a letter to send: Markdown, or
    a standalone HTML page ready to print to PDF (A4). It gives the days overdue, the
    balance due, the late fee accrued so far under the business's `late-fee` policy and
    the total now due, with the payment details.

    An invoice that is not overdue on the day still gets a letter, which says it is not
    yet due, already paid, a draft or void; the exit status is 0 all the same.

    OPTIONS:
      --format FORMAT     md (default) or html
      --as-of DATE        the letter's date: payments, credit notes and late fees up to
                          DATE (default: today)
      -o, --output FILE   write to FILE (atomically) instead of standard output
      -h, --help          show this help

    The books must pass `books check` without errors; otherwise the errors are shown
    and no letter is made. Exit status: 0 success, 1 errors in the books or the output
    file could not be written, 2 usage error.

    """

  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    let help = help
    var parser = Arguments(arguments)
    var files: [String] = []
    var format = DocumentCommand.Format.md
    var output: String?
    var asOf: CalendarDate?
    var wantsHelp = false
    var problem: String?
    do throws(Arguments.Problem) {
      try parser.parse { option, value throws(Arguments.Problem) in
        switch option {
        case "-f", "--file": files.append(try value())
        case "--format":
          let text = try value()
          if let parsed = DocumentCommand.Format(rawValue: text) {
            format = parsed
          } else {
            problem = "unknown format `\(text)`; use md or html"
          }
        case "-o", "--output": output = try value()
        case "--as-of":
          let text = try value()
          asOf = CalendarDate(text)
          if asOf == nil { problem = "--as-of takes a date YYYY-MM-DD, not `\(text)`" }
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
    var positionals = parser.positionals
    guard !positionals.isEmpty else { return .usage("name an invoice number", help: help) }
    let number = positionals.removeFirst()
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
    let reminder: Reminder
    switch Reminder.make(number, in: books, asOf: asOf ?? today) {
    case .success(let made): reminder = made
    case .failure(.unknownNumber):
      let hint =
        Suggestion.closest(to: number, in: books.invoices.map(\.number)).map {
          " (did you mean `\($0)`?)"
        } ?? ""
      return .usage("no invoice numbered `\(number)`\(hint)", help: help)
    case .failure(let problem):
      return CommandOutput(stderr: "books: \(number): \(problem.message)\n", exitCode: 1)
    }
    let rendered: String
    switch format {
    case .md: rendered = ReminderRenderer.markdown(reminder)
    case .html: rendered = ReminderRenderer.html(reminder)
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

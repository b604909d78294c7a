/// What every document command (`invoice`, `estimate`, `statement`, `reminder`) reads from
/// its arguments: the subject (a number or a client), the format, the day, an output file,
/// `--from` where the command takes it, and the checked books.
struct DocumentRequest {
  enum Format: String { case md, html }

  /// The first positional argument: a document number or a client id.
  var subject: String
  var format = Format.md
  var asOf: CalendarDate
  /// Whether `--as-of` was given (else `asOf` is today).
  var asOfGiven = false
  var from: CalendarDate?
  var output: String?
  var books: Books

  /// The request, or the output to print instead (help, a usage error, errors in the books).
  enum Parsed {
    case ready(DocumentRequest)
    case done(CommandOutput)
  }

  /// The refusal to show a document dated after `--as-of`: the books as they stood on that
  /// day do not have it yet (a document dated later would show a status and a balance it
  /// never had on that day). Nil when the document is dated on or before it.
  func notYetIssued(_ kind: String, _ number: String, dated: CalendarDate) -> CommandOutput? {
    guard asOfGiven, dated > asOf else { return nil }
    return CommandOutput(
      stderr:
        "books: \(kind) \(number) is dated \(dated), after --as-of \(asOf): the books did not have it yet on that day\n  fix: use --as-of \(dated) or later\n",
      exitCode: 2)  // the command line asks for what the books do not have, as an unknown number
  }

  /// The day to make a document dated `dated` as of: `--as-of`, else today, or the
  /// document's own date when it is later (a draft dated ahead is previewed as issued).
  func day(for dated: CalendarDate?) -> CalendarDate {
    guard !asOfGiven, let dated, dated > asOf else { return asOf }
    return dated
  }

  /// Parses the arguments, loads the books and refuses books with errors.
  ///
  /// - Parameters:
  ///   - subject: what the first argument names, for the usage error when it is missing
  ///     ("an invoice number", "a client").
  ///   - takesFrom: whether `--from DATE` is an option of the command.
  static func parse(
    _ arguments: [String], subject: String, takesFrom: Bool = false, help: String,
    environment: Environment, fileSystem: any FileSystem, today: CalendarDate
  ) -> Parsed {
    var parser = Arguments(arguments)
    var files: [String] = []
    var format = Format.md
    var output: String?
    var asOf: CalendarDate?
    var from: CalendarDate?
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
          problem = "unknown format `\(text)`; use md or html"
        }
      case "-o", "--output": output = try value()
      case "--as-of": asOf = date(try value(), option)
      case "--from" where takesFrom: from = date(try value(), option)
      default: return false
      }
      return true
    }
    if let early { return .done(early) }
    let day = asOf ?? today
    if let from, from > day {
      return .done(.usage("--from \(from) is after --as-of \(day)", help: help))
    }
    var positionals = parser.positionals
    guard !positionals.isEmpty else { return .done(.usage("name \(subject)", help: help)) }
    let name = positionals.removeFirst()
    let validation: Validation
    switch CommandOutput.books(
      positionals + files, environment: environment, fileSystem: fileSystem,
      purpose: "make documents", help: help)
    {
    case .success(let loaded): validation = loaded
    case .failure(let output): return .done(output)
    }
    return .ready(
      DocumentRequest(
        subject: name, format: format, asOf: day, asOfGiven: asOf != nil, from: from,
        output: output, books: validation.books))
  }

  /// The rendered document, on standard output or written to `-o FILE`.
  func deliver(markdown: () -> String, html: () -> String) -> CommandOutput {
    CommandOutput.deliver(format == .md ? markdown() : html(), to: output)
  }
}

extension CommandOutput {
  /// The errors of books that cannot be reported on, or nil when they have none.
  static func refusing(_ validation: Validation, to purpose: String) -> CommandOutput? {
    let errors = validation.diagnostics.filter { $0.severity == .error }
    guard !errors.isEmpty else { return nil }
    let summary = DiagnosticSummary(diagnostics: errors, files: validation.files.count)
    return CommandOutput(
      stderr: DiagnosticRenderer.human(errors, files: validation.files, color: false)
        + summary.line + "; fix them (see `books check`) to \(purpose)\n",
      exitCode: 1)
  }

  /// `text` on standard output, or written atomically to `path`.
  static func deliver(_ text: String, to path: String?) -> CommandOutput {
    guard let path else { return CommandOutput(stdout: text) }
    switch AtomicFile.write(text, to: path) {
    case .success: return CommandOutput()
    case .failure(let failure):
      return CommandOutput(
        stderr: "books: cannot write `\(path)`: \(failure.message)\n", exitCode: 1)
    }
  }

  /// A usage error for an unknown name, with the closest known one as a hint.
  static func unknown(_ what: String, _ name: String, among names: [String], help: String)
    -> CommandOutput
  {
    let hint = Suggestion.closest(to: name, in: names).map { " (did you mean `\($0)`?)" } ?? ""
    return .usage("\(what) `\(name)`\(hint)", help: help)
  }
}

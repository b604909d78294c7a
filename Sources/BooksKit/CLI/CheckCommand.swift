/// `books check`: load the books, run every check, report every problem.
public enum CheckCommand {
  public static let help = """
    USAGE: books check [FILE...] [-f FILE]... [options]

    Parses the books (and every file they include), resolves every reference and runs
    all checks. Reports every problem in one run, with the place, an excerpt and a fix.

    FILES:
      FILE, -f FILE       the books to check (repeatable); default: $BOOKS_FILE

    OPTIONS:
      --format FORMAT     text (default), json, or github (workflow annotations)
      --only CHECKS       run only these checks (comma-separated, repeatable)
      --skip CHECKS       do not report these checks (comma-separated, repeatable)
      --strict            warnings fail the check too
      --as-of DATE        the day recurring invoices are due by (default: today)
      --color WHEN        auto (default), always, never; NO_COLOR turns colour off
      --changed           skip the check when no file of the books changed since a check
                          that passed (for pre-commit hooks); remembered in --cache
      --cache FILE        where --changed remembers (default: .books-check-cache beside
                          the first file)
      --max-diagnostics N show at most N diagnostics in the text format (default 200;
                          0 shows all); json and github always have all of them
      --list              list the checks and exit
      -h, --help          show this help

    EXIT STATUS: 0 no errors (warnings allowed), 1 errors (or warnings with --strict),
    2 usage error.

    """

  enum Format: String { case text, json, github }

  /// How many diagnostics the text format shows by default: a screenful of problems is
  /// what one fixes first, and 100,000 of one mistake would print megabytes.
  static let defaultMaximum = 200

  public static func run(
    _ arguments: [String], environment: Environment, fileSystem: any FileSystem = LocalFileSystem(),
    today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    var parser = Arguments(arguments)
    var files: [String] = []
    var format = Format.text
    var only: [String] = []
    var skip: [String] = []
    var strict = false
    var color = "auto"
    var list = false
    var asOf: CalendarDate?
    var changed = false
    var cachePath: String?
    var maximum = Self.defaultMaximum
    var badValue: String?
    let early = parser.parseCommand(help: help) {
      option, value throws(Arguments.Problem) in
      switch option {
      case "-f", "--file": files.append(try value())
      case "--format":
        let text = try value()
        if let parsed = Format(rawValue: text) {
          format = parsed
        } else {
          badValue = "unknown format `\(text)`; use text, json or github"
        }
      case "--only":
        only += try value().split(separator: ",", omittingEmptySubsequences: false).map(
          String.init)
      case "--skip":
        skip += try value().split(separator: ",", omittingEmptySubsequences: false).map(
          String.init)
      case "--strict": strict = true
      case "--color", "--colour":
        color = try value()
        if !["auto", "always", "never"].contains(color) {
          badValue = "--color takes auto, always or never"
        }
      case "--list": list = true
      case "--changed": changed = true
      case "--cache": cachePath = try value()
      case "--max-diagnostics":
        let text = try value()
        if let count = Int(text), count >= 0 {
          maximum = count
        } else {
          badValue = "--max-diagnostics takes a count, 0 for all (not `\(text)`)"
        }
      case "--as-of":
        let text = try value()
        asOf = CalendarDate(text)
        if asOf == nil { badValue = "--as-of takes a date, e.g. 2026-11-30 (not `\(text)`)" }
      default: return false
      }
      return true
    }
    if let early { return early }
    if let badValue { return .usage(badValue, help: help) }
    if list {
      let width = Checks.names.map(\.count).max() ?? 0
      let lines = Checks.all.map {
        $0.name + String(repeating: " ", count: width - $0.name.count + 2) + $0.summary
      }
      return CommandOutput(stdout: lines.joined(separator: "\n") + "\n")
    }
    if (only + skip).contains("") {
      return .usage("--only and --skip take check names, e.g. --skip numbering", help: help)
    }
    for name in only + skip where Checks.named(name) == nil {
      let hint =
        Suggestion.closest(to: name, in: Checks.names).map { " (did you mean `\($0)`?)" } ?? ""
      return .usage("unknown check `\(name)`\(hint); `books check --list` shows them", help: help)
    }
    files = environment.books(parser.positionals + files)
    guard !files.isEmpty else {
      return .usage("no books to check: name a file, use -f FILE, or set BOOKS_FILE", help: help)
    }

    let day = asOf ?? today
    let cacheKey = CheckCache.key(files: files, only: only, skip: skip, strict: strict, day: day)
    let cacheFile =
      cachePath ?? Path.resolve(".books-check-cache", from: files.first ?? "books.books")
    if changed, CheckCache.isFresh(cacheFile, key: cacheKey, fileSystem: fileSystem) {
      return CheckCache.unchangedOutput(format: format.rawValue)
    }
    let validation = Validation.run(files, fileSystem: fileSystem, today: day)
    var diagnostics = validation.diagnostics.filter { diagnostic in
      (only.isEmpty || only.contains(diagnostic.code)) && !skip.contains(diagnostic.code)
    }
    if strict {
      diagnostics = diagnostics.map {
        var promoted = $0
        if promoted.severity == .warning { promoted.severity = .error }
        return promoted
      }
    }
    // Files named on the command line count even when they could not be read.
    let fileCount = Set(validation.files.map(\.path) + files).count
    let summary = DiagnosticSummary(diagnostics: diagnostics, files: fileCount)
    let failed = summary.errors > 0
    var output = CommandOutput(exitCode: failed ? 1 : 0)
    if changed, !failed {
      let cache = CheckCache(key: cacheKey, files: validation.files, fileSystem: fileSystem)
      _ = AtomicFile.write(cache.text, to: cacheFile)
    }
    switch format {
    case .json:
      output.stdout = DiagnosticRenderer.json(diagnostics, files: validation.files)
    case .github:
      output.stdout = DiagnosticRenderer.github(diagnostics, files: validation.files)
    case .text:
      let useColor = environment.wantsColor(color)
      let shown = maximum > 0 ? Array(diagnostics.prefix(maximum)) : diagnostics
      output.stdout = DiagnosticRenderer.human(shown, files: validation.files, color: useColor)
      if shown.count < diagnostics.count {
        output.stdout +=
          "… \(diagnostics.count - shown.count) more not shown; --max-diagnostics 0 shows all\n\n"
      }
      output.stdout += summary.line + "\n"
    }
    return output
  }
}

/// `books fmt`: write books in the canonical layout (FORMAT.md, 2.11).
public enum FmtCommand {
  public static let help = """
    USAGE: books fmt [FILE...] [-f FILE]... [--check | --write | --diff] [--sort]

    Lays out each named file the canonical way: fields in their documented order, two
    spaces of indentation, one space between values, durations and amounts spelled one
    way, the amounts of line items aligned, one blank line around entries of several lines.
    Comments stay where they were written. Only the named files are formatted, not the
    files they include. A file that does not parse is never changed.

    FILES:
      FILE, -f FILE       the files to format (repeatable); default: $BOOKS_FILE

    OPTIONS:
      (none)              print the formatted text to standard output
      --check             list the files that are not formatted; exit 1 if there are any
      --write             rewrite the files that are not formatted, in place and atomically
      --diff              show what would change, as a unified diff (with --check: exit 1
                          if anything would)
      --sort              also put the dated entries in date order
      -h, --help          show this help

    EXIT STATUS: 0 success, 1 files not formatted (--check) or a file that cannot be read
    or parsed, 2 usage error.

    """

  enum Mode { case print, check, write, diff }

  /// Runs `books fmt`; `write` replaces a file's text (atomically, in the real command).
  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(),
    write: (String, String) -> Result<Void, FileProblem> = AtomicFile.write
  ) -> CommandOutput {
    var parser = Arguments(arguments)
    var files: [String] = []
    var modes: [Mode] = []
    var sort = false
    let early = parser.parseCommand(help: help) {
      option, value throws(Arguments.Problem) in
      switch option {
      case "-f", "--file": files.append(try value())
      case "--check": modes.append(.check)
      case "--write", "-w": modes.append(.write)
      case "--diff", "-d": modes.append(.diff)
      case "--sort": sort = true
      default: return false
      }
      return true
    }
    if let early { return early }
    let distinct = Set(modes.map { "\($0)" })
    let checkAndDiff = distinct == ["check", "diff"]
    if distinct.count > 1, !checkAndDiff {
      return .usage("choose one of --check, --write and --diff", help: help)
    }
    files = environment.books(parser.positionals + files)
    guard !files.isEmpty else {
      return .usage("no books to format: name a file, use -f FILE, or set BOOKS_FILE", help: help)
    }
    let mode = checkAndDiff ? .diff : (modes.first ?? .print)
    var output = CommandOutput()
    for path in files {
      let bytes: [UInt8]
      switch fileSystem.read(path) {
      case .success(let read): bytes = read
      case .failure(let problem):
        output.stderr += "books: \(path): \(problem.message)\n"
        output.exitCode = 1
        continue
      }
      let source = SourceFile(path: path, bytes: bytes)
      let (formatted, diagnostics) = BooksFormatter.format(source, sort: sort)
      guard let formatted else {
        output.stderr += DiagnosticRenderer.human(diagnostics, files: [source], color: false)
        output.stderr += "books: \(path) was not formatted: it does not parse\n"
        output.exitCode = 1
        continue
      }
      let changed = Array(formatted.utf8) != bytes
      switch mode {
      case .print:
        output.stdout += formatted
      case .check:
        if changed {
          output.stdout += path + "\n"
          output.exitCode = 1
        }
      case .diff:
        output.stdout += LineDiff.unified(
          String(decoding: bytes, as: UTF8.self), formatted, path: path)
        if changed, checkAndDiff { output.exitCode = 1 }
      case .write:
        guard changed else { continue }
        switch write(formatted, path) {
        case .success: output.stdout += path + "\n"
        case .failure(let problem):
          output.stderr += "books: \(path): cannot write: \(problem.message)\n"
          output.exitCode = 1
        }
      }
    }
    return output
  }
}

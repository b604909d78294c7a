#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Entry point of the `books` command line: dispatches to a command, all of which live in
/// BooksKit so tests can run them without a process.
public enum BooksCLI {
  public static let version = "0.1.0"

  public static let help = """
    books — a freelancer's whole business in plain-text .books files

    USAGE: books COMMAND [options]

    COMMANDS:
      check       parse the books, resolve every link, run every check
      fmt         lay out books files the canonical way: books fmt --check FILE
      report      show a report: books report dashboard FILE (or just books dashboard FILE)
      invoice     print an invoice to send: books invoice INV-2026-014 FILE --format html
      estimate    print an estimate to send: books estimate EST-2026-001 FILE
      statement   print a client's statement of account: books statement acme FILE
      reminder    print a payment reminder: books reminder INV-2026-020 FILE --as-of DATE
      new         draft the next invoice or estimate: books new invoice acme --from-unbilled FILE
      export      write a journal or data: books export hledger|ledger|beancount|csv|json|ics FILE
      site        write the books as a static website: books site FILE -o site/
      lsp         serve the Language Server Protocol to an editor over stdio
      help        show this help, or a command's: books help check

    Run `books COMMAND --help` for a command's options.

    """

  /// Runs a command line (without the program name) and returns what it printed.
  public static func run(_ arguments: [String], environment: Environment) -> CommandOutput {
    guard let command = arguments.first else {
      return CommandOutput(stderr: help, exitCode: 2)
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "check": return CheckCommand.run(rest, environment: environment)
    case "fmt": return FmtCommand.run(rest, environment: environment)
    case "report": return ReportCommand.run(rest, environment: environment)
    case "invoice": return DocumentCommand.run(.invoice, rest, environment: environment)
    case "estimate": return DocumentCommand.run(.estimate, rest, environment: environment)
    case "statement": return StatementCommand.run(rest, environment: environment)
    case "reminder": return ReminderCommand.run(rest, environment: environment)
    case "new": return NewCommand.run(rest, environment: environment)
    case "export": return ExportCommand.run(rest, environment: environment)
    case "site": return SiteCommand.run(rest, environment: environment)
    case "lsp": return LSPCommand.run(rest, environment: environment)
    case "help", "-h", "--help":
      if rest.first == "check" { return CommandOutput(stdout: CheckCommand.help) }
      if rest.first == "fmt" { return CommandOutput(stdout: FmtCommand.help) }
      if rest.first == "report" { return CommandOutput(stdout: ReportCommand.help) }
      if rest.first == "invoice" { return CommandOutput(stdout: DocumentCommand.help(.invoice)) }
      if rest.first == "statement" { return CommandOutput(stdout: StatementCommand.help) }
      if rest.first == "reminder" { return CommandOutput(stdout: ReminderCommand.help) }
      if rest.first == "new" { return CommandOutput(stdout: NewCommand.help) }
      if rest.first == "export" { return CommandOutput(stdout: ExportCommand.help) }
      if rest.first == "site" { return CommandOutput(stdout: SiteCommand.help) }
      if rest.first == "lsp" { return CommandOutput(stdout: LSPCommand.help) }
      if rest.first == "estimate" {
        return CommandOutput(stdout: DocumentCommand.help(.estimate))
      }
      return CommandOutput(stdout: help)
    case "--version", "version": return CommandOutput(stdout: "books \(version)\n")
    default:
      if Reports.named(command) != nil {
        return ReportCommand.run(arguments, environment: environment)
      }
      let commands =
        [
          "check", "fmt", "report", "invoice", "estimate", "statement", "reminder", "new",
          "export", "site", "lsp", "help",
        ]
        + Reports.all.map(\.name)
      let hint =
        Suggestion.closest(to: command, in: commands).map {
          " (did you mean `\($0)`?)"
        } ?? ""
      return .usage("unknown command `\(command)`\(hint)", help: help)
    }
  }

  /// Runs the command line in this process and returns the exit code.
  public static func main(arguments: [String]) -> Int32 {
    // The language server is a long-running loop over stdio, not a command with one output.
    if arguments.first == "lsp" {
      return LSPCommand.serve(Array(arguments.dropFirst()), environment: .current)
    }
    ProcessLifetime.keepUntilExit()
    let output = run(arguments, environment: .current)
    write(output.stdout, to: 1)
    write(output.stderr, to: 2)
    return output.exitCode
  }

  /// Writes all of `text` to a file descriptor, retrying short writes.
  private static func write(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }
}

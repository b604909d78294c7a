#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `books lsp`: the language server, speaking LSP over standard input and output.
public enum LSPCommand {
  public static let help = """
    USAGE: books lsp [FILE...] [-f FILE]... [--as-of DATE]

    Runs a Language Server Protocol server on standard input and output, for editors.
    It checks the open documents with the same parser and checks as `books check` and
    offers diagnostics with quick fixes, completion, go to definition, references, hover,
    the outline, folding and formatting (`books fmt`). Point your editor at `books lsp`;
    see editors/README.md.

    FILES:
      FILE, -f FILE       main files (default: $BOOKS_FILE); an open document they include
                          is checked as part of them. An editor may also send them as
                          initializationOptions.mainFiles.

    OPTIONS:
      --as-of DATE        the day of the checks and of "days overdue" (default: today)
      -h, --help          show this help

    """

  /// What `books lsp` does when run without a terminal loop (from `BooksCLI.run`): only
  /// the help and usage errors; serving needs `serve`.
  static func run(_ arguments: [String], environment: Environment) -> CommandOutput {
    switch parse(arguments, environment: environment) {
    case .failure(let output): return output
    case .success: return .usage("`books lsp` must be run by an editor, over stdio", help: help)
    }
  }

  struct Options {
    var mainFiles: [String]
    var asOf: CalendarDate?
  }

  enum Parsed {
    case success(Options)
    case failure(CommandOutput)
  }

  static func parse(_ arguments: [String], environment: Environment) -> Parsed {
    var parser = Arguments(arguments)
    var files: [String] = []
    var asOf: CalendarDate?
    var wantsHelp = false
    var badValue: String?
    do throws(Arguments.Problem) {
      try parser.parse { option, value throws(Arguments.Problem) in
        switch option {
        case "-f", "--file": files.append(try value())
        case "--as-of":
          let text = try value()
          asOf = CalendarDate(text)
          if asOf == nil { badValue = "--as-of takes a date, e.g. 2026-11-30 (not `\(text)`)" }
        case "-h", "--help": wantsHelp = true
        default: return false
        }
        return true
      }
    } catch {
      return .failure(CommandOutput.usage(error, help: help))
    }
    if wantsHelp { return .failure(CommandOutput(stdout: help)) }
    if let badValue { return .failure(CommandOutput.usage(badValue, help: help)) }
    let directory = currentDirectory()
    let mains = environment.books(parser.positionals + files).map {
      Path.normalize($0.hasPrefix("/") ? $0 : directory + "/" + $0)
    }
    return .success(Options(mainFiles: mains, asOf: asOf))
  }

  private static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Serves LSP on standard input and output until `exit` (or the end of the input).
  /// Returns the exit status: 0 after `shutdown` and `exit`, 1 otherwise.
  public static func serve(_ arguments: [String], environment: Environment) -> Int32 {
    let options: Options
    switch parse(arguments, environment: environment) {
    case .failure(let output):
      write(Array(output.stdout.utf8), to: 1)
      write(Array(output.stderr.utf8), to: 2)
      return output.exitCode
    case .success(let parsed): options = parsed
    }
    // An editor that goes away must not kill the server mid-write with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    let server = LanguageServer(
      today: options.asOf ?? ReportOptions.today(), mainFiles: options.mainFiles)
    var reader = MessageReader()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      while let event = reader.next() {
        switch event {
        case .message(let bytes):
          for message in server.handle(bytes: bytes) {
            write(MessageReader.frame(message), to: 1)
          }
          if let code = server.exitCode { return code }
        case .badHeader(let problem):
          write(Array("books lsp: skipped input: \(problem)\n".utf8), to: 2)
        }
      }
      // Check once the editor pauses, not after every keystroke of a burst.
      if !inputWaiting() {
        for message in server.idle() { write(MessageReader.frame(message), to: 1) }
      }
      let count = chunk.withUnsafeMutableBytes { buffer in
        read(0, buffer.baseAddress, buffer.count)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return server.exitCode ?? 1 }
      reader.append(chunk[0..<count])
    }
  }

  private static func inputWaiting() -> Bool {
    var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0
  }

  private static func write(_ bytes: [UInt8], to descriptor: Int32) {
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

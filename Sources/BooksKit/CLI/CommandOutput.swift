#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a command printed and how it exited, so tests can run commands without a process.
public struct CommandOutput: Sendable, Equatable {
  public var stdout = ""
  public var stderr = ""
  public var exitCode: Int32 = 0

  public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
    self.stdout = stdout
    self.stderr = stderr
    self.exitCode = exitCode
  }

  /// A usage error: the problem, the command's usage lines, and where the rest is.
  static func usage(_ message: String, help: String) -> CommandOutput {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
    let usage = lines.prefix { !$0.isEmpty }.filter { $0.contains("books") }
    let summary = usage.isEmpty ? "" : usage.joined(separator: "\n") + "\n"
    return CommandOutput(
      stderr: "books: \(message)\n\(summary)Run with --help for every option.\n", exitCode: 2)
  }

  /// The usage error for an argument problem.
  static func usage(_ problem: Arguments.Problem, help: String) -> CommandOutput {
    switch problem {
    case .missingValue(let option): usage("\(option) needs a value", help: help)
    case .unknownOption(let option): usage("unknown option `\(option)`", help: help)
    case .unexpectedValue(let option): usage("\(option) takes no value", help: help)
    }
  }
}

/// The process environment a command may consult, injectable for tests.
public struct Environment: Sendable {
  public var variables: [String: String]
  public var stdoutIsTerminal: Bool

  public init(variables: [String: String] = [:], stdoutIsTerminal: Bool = false) {
    self.variables = variables
    self.stdoutIsTerminal = stdoutIsTerminal
  }

  /// The books to read: those named, else `BOOKS_FILE`.
  func books(_ named: [String]) -> [String] {
    if named.isEmpty, let file = variables["BOOKS_FILE"], !file.isEmpty { return [file] }
    return named
  }

  /// Whether to colour output for `--color WHEN`: `auto` colours a terminal unless
  /// `NO_COLOR` is set or `TERM` is `dumb`.
  func wantsColor(_ when: String, toFile: Bool = false) -> Bool {
    switch when {
    case "always": return true
    case "never": return false
    default:
      return !toFile && stdoutIsTerminal && (variables["NO_COLOR"].map(\.isEmpty) ?? true)
        && variables["TERM"] != "dumb"
    }
  }

  /// The real environment of this process.
  public static var current: Environment {
    var variables: [String: String] = [:]
    for name in ["BOOKS_FILE", "NO_COLOR", "TERM"] {
      if let value = getenv(name) { variables[name] = String(cString: value) }
    }
    return Environment(variables: variables, stdoutIsTerminal: isatty(1) == 1)
  }
}

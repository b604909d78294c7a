/// A small command-line argument reader: flags, options with values, and positionals.
struct Arguments {
  private var remaining: [String]
  var positionals: [String] = []

  init(_ arguments: [String]) {
    remaining = arguments
  }

  enum Problem: Error {
    case missingValue(String)
    case unknownOption(String)
    case unexpectedValue(String)
  }

  /// Walks the arguments; `handle` returns true for options it took (with `value()` for
  /// their values). Everything after `--` is positional.
  mutating func parse(
    _ handle: (_ option: String, _ value: () throws(Problem) -> String) throws(Problem) -> Bool
  ) throws(Problem) {
    var index = 0
    while index < remaining.count {
      let argument = remaining[index]
      index += 1
      if argument == "--" {
        positionals += remaining[index...]
        return
      }
      guard argument.hasPrefix("-"), argument != "-" else {
        positionals.append(argument)
        continue
      }
      var option = argument
      var inline: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        option = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      let all = remaining
      var consumed = false
      var usedInline = false
      let taken = try handle(option) { () throws(Problem) -> String in
        if let inline {
          usedInline = true
          return inline
        }
        guard index < all.count else { throw .missingValue(option) }
        consumed = true
        return all[index]
      }
      if consumed { index += 1 }
      if !taken { throw .unknownOption(option) }
      if inline != nil, !usedInline { throw .unexpectedValue(option) }
    }
  }
}

extension Arguments {
  /// Parses a command's arguments: `handle` takes the command's own options, `-h` and
  /// `--help` answer with `help`. Returns what to print instead of running the command —
  /// the help, or a usage error for an argument problem or for the `problem()` an option
  /// recorded — or nil to go on.
  mutating func parseCommand(
    help: String, problem: @autoclosure () -> String? = nil,
    _ handle:
      @escaping (_ option: String, _ value: () throws(Problem) -> String) throws(Problem)
      -> Bool
  ) -> CommandOutput? {
    var wantsHelp = false
    do throws(Problem) {
      try parse { option, value throws(Problem) in
        if option == "-h" || option == "--help" {
          wantsHelp = true
          return true
        }
        return try handle(option, value)
      }
    } catch {
      return .usage(error, help: help)
    }
    if wantsHelp { return CommandOutput(stdout: help) }
    return problem().map { .usage($0, help: help) }
  }
}

extension CommandOutput {
  /// The books named on the command line (else `$BOOKS_FILE`), loaded and checked; or what
  /// to print instead: a usage error when none is named, or their errors, since a command
  /// that must `purpose` refuses books with errors.
  static func books(
    _ named: [String], environment: Environment, fileSystem: any FileSystem, purpose: String,
    help: String
  ) -> Result<Validation, CommandOutput> {
    let files = environment.books(named)
    guard !files.isEmpty else {
      return .failure(
        .usage("no books: name a file, use -f FILE, or set BOOKS_FILE", help: help))
    }
    let validation = Validation.run(files, fileSystem: fileSystem)
    if let refusal = refusing(validation, to: purpose) { return .failure(refusal) }
    return .success(validation)
  }
}

/// What a command prints instead of going on (help, a usage error, the books' errors).
extension CommandOutput: Error {}

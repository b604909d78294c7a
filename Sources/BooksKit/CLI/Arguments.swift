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

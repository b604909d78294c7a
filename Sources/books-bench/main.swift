// books-bench: generates a studio's books at any size and times `books` on them against
// hledger and Ledger. `books-bench help` says how.
import Foundation

let usageText = """
  usage: books-bench generate --entries N [--split none|monthly] [--seed S] --out DIR
         books-bench run [--sizes 10000,100000,1000000] [--runs 5] [--big-runs 3]
                         [--peers-up-to 100000] [--books PATH] [--work DIR] [-o FILE.md]
         books-bench gate --baseline FILE [--entries 100000] [--runs 3] [--factor 5]
                          [--record] [--agree] [--books PATH] [--work DIR]

  generate  writes the books (DIR/books.books, or DIR/main.books with people.books and
            months/*.books) and prints their entries, size and as-of day.
  run       generates each size, checks that `books check` passes, times `books check`,
            `books report dashboard`, the monthly split on one core and on all, `books
            export hledger` and, up to --peers-up-to entries, `hledger check` and `ledger
            bal` on the export, checks that hledger's income equals `books report finance`,
            and prints a Markdown table (and writes it to -o).
  gate      times `books check` on --entries and fails when its median CPU time is over
            --factor times the baseline's (kept per build configuration); --record writes the
            baseline instead; --agree also checks that hledger's income from the export
            equals `books report finance`.
  """

struct Options {
  var values: [String: String] = [:]
  var flags: Set<String> = []

  init(_ arguments: ArraySlice<String>, flags known: Set<String>) throws {
    var rest = arguments[...]
    while let name = rest.popFirst() {
      guard name.hasPrefix("-") else { throw BenchError.usage("unexpected `\(name)`") }
      if known.contains(name) {
        flags.insert(name)
      } else if let value = rest.popFirst() {
        values[name] = value
      } else {
        throw BenchError.usage("`\(name)` needs a value")
      }
    }
  }

  func int(_ name: String, _ fallback: Int) throws -> Int {
    guard let text = values[name] else { return fallback }
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
      throw BenchError.usage("`\(name)` takes a positive number, not `\(text)`")
    }
    return value
  }
}

enum BenchError: Error, CustomStringConvertible {
  case usage(String)
  case failed(String)

  var description: String {
    switch self {
    case .usage(let message): "books-bench: \(message)\n\(usageText)"
    case .failed(let message): "books-bench: \(message)"
    }
  }
}

/// The `books` binary built next to this one, unless `--books` says otherwise.
func booksBinary(_ options: Options) -> String {
  if let path = options.values["--books"] { return path }
  let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  let exe =
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? me.path
  return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("books").path
}

func main() throws {
  let arguments = CommandLine.arguments.dropFirst()
  guard let command = arguments.first else { throw BenchError.usage("no command") }
  switch command {
  case "generate":
    let options = try Options(arguments.dropFirst(), flags: [])
    guard let out = options.values["--out"] else { throw BenchError.usage("generate needs --out") }
    guard let split = BusinessGenerator.Split(rawValue: options.values["--split"] ?? "none") else {
      throw BenchError.usage("--split takes none or monthly")
    }
    var generator = BusinessGenerator(entries: try options.int("--entries", 100_000), split: split)
    generator.seed = UInt64(try options.int("--seed", 2026))
    let books = generator.generate()
    let main = try Workbench.write(books, to: out)
    print(Workbench.summary(books, main: main))
  case "run":
    let options = try Options(arguments.dropFirst(), flags: [])
    let sizes = try (options.values["--sizes"] ?? "10000,100000,1000000").split(separator: ",").map
    {
      guard let size = Int($0.replacingOccurrences(of: "_", with: "")), size >= 1_000 else {
        throw BenchError.usage("--sizes takes sizes of at least 1000, not `\($0)`")
      }
      return size
    }
    var bench = Workbench(
      books: booksBinary(options), work: options.values["--work"] ?? ".build-bench/books-bench")
    bench.runs = try options.int("--runs", 5)
    bench.bigRuns = try options.int("--big-runs", 3)
    bench.peersUpTo = try options.int("--peers-up-to", 100_000)
    let table = try bench.run(sizes: sizes)
    print(table)
    if let path = options.values["-o"] {
      try table.write(toFile: path, atomically: true, encoding: .utf8)
    }
  case "gate":
    let options = try Options(arguments.dropFirst(), flags: ["--record", "--agree"])
    guard let baseline = options.values["--baseline"] else {
      throw BenchError.usage("gate needs --baseline")
    }
    let bench = Workbench(
      books: booksBinary(options), work: options.values["--work"] ?? ".build-bench/books-bench")
    try bench.gate(
      entries: try options.int("--entries", 100_000), runs: try options.int("--runs", 3),
      factor: Double(try options.int("--factor", 5)), baseline: baseline,
      record: options.flags.contains("--record"), agree: options.flags.contains("--agree"))
  case "help", "--help", "-h":
    print(usageText)
  default:
    throw BenchError.usage("unknown command `\(command)`")
  }
}

do {
  try main()
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(error is BenchError && "\(error)".contains("usage:") ? 2 : 1)
}

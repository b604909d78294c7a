import Testing

@testable import BooksKit

/// SplitMix64: a tiny, fast, seeded pseudo-random generator, so every run of the
/// robustness tests sees the same inputs and a failure can be reproduced from its seed.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`. Written out (not `Int.random(in:using:)`) so that the
  /// inputs stay the same whatever the standard library's algorithms.
  mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// A Fisher–Yates shuffle of `elements`.
  mutating func shuffle<T>(_ elements: [T]) -> [T] {
    var result = elements
    for index in result.indices.dropLast() {
      result.swapAt(index, index + below(result.count - index))
    }
    return result
  }
}

/// A valid small set of books using most kinds of entry, with some non-ASCII text so
/// that truncations also cut through multi-byte characters.
let robustnessSample = """
  books 1
  ; A small but complete set of books — “North Studio”, 2026.

  business "North Studio"
    currency EUR
    terms 30 days
    late-fee 40 EUR + 1.5% per month after 10 days

  tax vat "VAT" 20%
  stage retainer "On retainer"
  category software "Software"

  client acme "Acme Corp" #vip
    stage retainer
    email billing@acme.example
    rounding 6m

  contact jane "Jane Doe"
    client acme
    category finance

  project acme-web "Acme website"
    client acme
    value 12000 EUR
    start 2026-01-05
    end 2026-06-30
    milestone "Design handed over" 4000 EUR due 2026-03-01

  service acme-web/audit "Accessibility audit"
    pricing hourly 95 EUR

  staff sam "Sam Lee"
    may-approve yes

  goal books-read "Read 12 books"
    category wealth
    target 12 books
    progress 2026-02-01 2

  resource tax-checklist "Year-end checklist"
    kind checklist
    todo [x] "Collect receipts"

  2026-01-12 time acme-web 3h30m "Wireframes"
  2026-01-13 time acme-web/audit 09:00-12:30 "Audit, part one"
    staff sam
  2026-01-15 expense 49 EUR "Figma, January"
    category software
    via card
  2026-01-10 estimate EST-2026-001 acme
    item "Website redesign" 12000 EUR
    valid-until 2026-02-10
  2026-01-11 po PO-4471 acme
    limit 20000 EUR
  2026-01-31 invoice INV-2026-001 acme
    po PO-4471
    item "UX design, January" 20h @ 95 EUR
    item "Audit" 3.5h @ 95 EUR discount 10%
    tax vat
  2026-02-05 credit CN-2026-001 INV-2026-001
    item "Goodwill \\u{2014} €" 100 EUR
  2026-02-20 income 2500 EUR "Acme, January"
    client acme
    invoice INV-2026-001
    via bank
  2026-02-03 meeting 10:00-11:00 "Sprint review with Acme"
    with acme jane
    medium zoom

  """

/// What checking one input gave: the exit status of `books check` and the codes reported.
struct CheckResult {
  var exitCode: Int32
  var codes: Set<String>
}

/// Runs the whole `books check` pipeline in process on `bytes` as the only file, and
/// renders its diagnostics in every output format. A trap here crashes the test run.
func checkBytes(_ bytes: [UInt8]) -> CheckResult {
  var fileSystem = MemoryFileSystem([:])
  fileSystem.files["fuzz.books"] = bytes
  let output = CheckCommand.run(
    ["--color", "always", "fuzz.books"], environment: Environment(), fileSystem: fileSystem)
  let validation = Validation.run(["fuzz.books"], fileSystem: fileSystem)
  _ = DiagnosticRenderer.json(validation.diagnostics, files: validation.files)
  _ = DiagnosticRenderer.github(validation.diagnostics, files: validation.files)
  return CheckResult(exitCode: output.exitCode, codes: Set(validation.diagnostics.map(\.code)))
}

/// Every input must be checked to the end with exit status 0 or 1: never a crash, and
/// never a usage error (2), whatever the bytes.
@Suite struct RobustnessTests {
  /// Pieces the generator strings together: format characters and keywords, so the
  /// inputs get past the parser into the model and the checks.
  private static let pieces: [String] = [
    "\n", "\n", "\n", " ", " ", " ", "  ", "\t", "\r\n", "\"", "\"", "\\", ";", "#", "-", ":",
    "@", "%", ".", ",", "/", "0", "1", "2", "9", "12", "95", "EUR", "USD", "h", "m", "30m",
    "3h30m", "a", "acme", "acmee", "x", "INV-2026-001", "INV-2026-003", "PO-1", "client",
    "invoice", "item", "income", "expense", "time", "meeting", "project", "service", "tax",
    "credit", "po", "estimate", "business", "books", "include", "stage", "status", "paid",
    "void", "draft", "due", "via", "bank", "total", "discount", "limit", "currency",
    "2026-01-31", "2026-02-30", "2026-01-01", "10:00-11:00", "09:00", "24:00", "20%",
    "\"Acme Corp\"", "\"UX design\"", "<<<<<<<", "=======", "€", "—", "\u{0}", "\u{7F}",
    "99999999999999999999999999999999", "0.0000000000000000001", "-1", "@ 95 EUR",
  ]

  /// Starts of lines: entry heads and indented field names, so that many lines are
  /// entries the model builder reads and the checks see.
  private static let lineStarts: [String] = [
    "client acme", "client x", "project acme-web", "  client", "  client acme", "tax vat",
    "business \"N\"", "  currency EUR", "stage s", "mode m", "2026-01-31 invoice",
    "2026-01-31 invoice INV-2026-001 acme", "2026-02-28 invoice INV-2026-003 acmee", "  item",
    "  item \"Work\" 3h @ 95", "  item \"Work\"", "  po", "  project", "  status", "  due",
    "  tax", "  discount", "  total", "2026-02-01 income 100 EUR", "  invoice INV-2026-001",
    "  invoice", "  via", "  fee", "2026-01-05 po PO-1 acme", "  limit", "2026-01-06 credit",
    "2026-01-10 estimate EST-1 acme", "  valid-until", "2026-01-12 time acme-web",
    "2026-02-03 meeting 10:00-11:00", "2026-02-03 meeting", "  with", "  end", "  duration",
    "  medium", "2026-01-15 expense 49 EUR", "  category", "  billable", "staff sam",
    "goal g", "  progress", "  metric", "  target", "resource r", "  todo", "  kind",
    "service acme-web/s", "  pricing", "  rate", "contact c", "  milestone", "include",
    "books 1", "  terms", "  late-fee", "  send", "  start", "  priority", "  note",
  ]

  /// A pseudo-random input of 0–2000 bytes. Most seeds build lines from a line start and
  /// a few pieces; the others string pieces together freely. About one piece in ten is a
  /// raw byte.
  private static func randomInput(seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    let length = random.below(2001)
    let structured = random.below(4) != 0
    var bytes: [UInt8] = []
    bytes.reserveCapacity(length + 80)
    while bytes.count < length {
      if structured {
        bytes += Array(lineStarts[random.below(lineStarts.count)].utf8)
        for _ in 0..<random.below(5) {
          bytes.append(UInt8(ascii: " "))
          bytes += randomPiece(&random)
        }
        bytes.append(UInt8(ascii: "\n"))
      } else {
        bytes += randomPiece(&random)
      }
    }
    return Array(bytes.prefix(length))
  }

  private static func randomPiece(_ random: inout SplitMix64) -> [UInt8] {
    random.below(10) == 0
      ? [UInt8(random.below(256))] : Array(pieces[random.below(pieces.count)].utf8)
  }

  @Test func sampleIsValid() {
    var fileSystem = MemoryFileSystem([:])
    fileSystem.files["sample.books"] = Array(robustnessSample.utf8)
    let validation = Validation.run(["sample.books"], fileSystem: fileSystem)
    #expect(validation.diagnostics.map(\.message) == [])
    #expect(validation.books.invoices.count == 1)
    #expect(validation.books.meetings.count == 1)
  }

  @Test func pseudoRandomBytes() {
    var seen: Set<String> = []
    for seed in UInt64(1)...300 {
      let result = checkBytes(Self.randomInput(seed: seed))
      #expect(result.exitCode == 0 || result.exitCode == 1, "seed \(seed): exit \(result.exitCode)")
      seen.formUnion(result.codes)
    }
    // The inputs get past the parser: the model and the checks see them too.
    print("robustness: random inputs reached", seen.sorted())
    #expect(
      seen.isSuperset(of: ["syntax", "fields", "values", "refs", "duplicates", "numbering"]),
      "only \(seen.sorted())")
  }

  @Test func everyTruncation() {
    let bytes = Array(robustnessSample.utf8)
    var seen: Set<String> = []
    var clean = 0
    for length in 0...bytes.count {
      let result = checkBytes(Array(bytes.prefix(length)))
      #expect(
        result.exitCode == 0 || result.exitCode == 1,
        "first \(length) bytes: exit \(result.exitCode)")
      seen.formUnion(result.codes)
      if result.codes.isEmpty { clean += 1 }
    }
    print("robustness: truncations reached", seen.sorted(), "clean:", clean)
    #expect(clean > 0)
    #expect(!seen.isEmpty)
  }

  @Test func shuffledLines() {
    let lines = robustnessSample.split(separator: "\n", omittingEmptySubsequences: false)
    var seen: Set<String> = []
    for seed in UInt64(1)...50 {
      var random = SplitMix64(seed: seed)
      let shuffled = random.shuffle(lines).joined(separator: "\n")
      let result = checkBytes(Array(shuffled.utf8))
      #expect(result.exitCode == 0 || result.exitCode == 1, "seed \(seed): exit \(result.exitCode)")
      seen.formUnion(result.codes)
    }
    print("robustness: shuffles reached", seen.sorted())
    #expect(!seen.isEmpty)
  }

  @Test func generatorIsDeterministic() {
    var first = SplitMix64(seed: 42)
    var second = SplitMix64(seed: 42)
    #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
    // The reference value of SplitMix64 for seed 0.
    var zero = SplitMix64(seed: 0)
    #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
  }
}

/// The text report shows the first `--max-diagnostics` problems (200 by default) and says
/// how many more there are; the summary, JSON and GitHub annotations count them all.
@Suite struct DiagnosticLimitTests {
  private static let text =
    "client acme \"Acme\"\n" + String(repeating: "  stage client\n", count: 251)

  private func check(_ options: [String]) -> CommandOutput {
    CheckCommand.run(
      ["--color", "never"] + options + ["many.books"], environment: Environment(),
      fileSystem: MemoryFileSystem(["many.books": Self.text]))
  }

  private func headings(_ text: String) -> Int {
    text.split(separator: "\n").filter { $0.contains(": error[fields]:") }.count
  }

  @Test func theTextReportStopsAtTheLimitAndSaysHowManyMore() {
    let limited = check([])
    #expect(limited.exitCode == 1)
    #expect(headings(limited.stdout) == 200)
    #expect(
      limited.stdout.hasSuffix(
        "… 50 more not shown; --max-diagnostics 0 shows all\n\n250 errors in 1 file\n"))
    let three = check(["--max-diagnostics", "3"])
    #expect(headings(three.stdout) == 3)
    #expect(three.stdout.contains("… 247 more not shown"))
    let all = check(["--max-diagnostics", "0"])
    #expect(headings(all.stdout) == 250)
    #expect(!all.stdout.contains("more not shown"))
    #expect(all.stdout.hasSuffix("250 errors in 1 file\n"))
  }

  @Test func machineFormatsHaveEveryDiagnostic() {
    let json = check(["--format", "json", "--max-diagnostics", "3"])
    #expect(
      json.stdout.components(separatedBy: "\"code\": \"fields\"").count - 1 == 250
        || json.stdout.components(separatedBy: "\"code\":\"fields\"").count - 1 == 250)
    let github = check(["--format", "github", "--max-diagnostics", "3"])
    #expect(github.stdout.split(separator: "\n").filter { $0.hasPrefix("::error") }.count == 250)
  }

  @Test func aLimitThatIsNotACountIsAUsageError() {
    for bad in ["x", "-1", ""] {
      let output = check(["--max-diagnostics", bad])
      #expect(output.exitCode == 2, "\(bad)")
    }
  }
}

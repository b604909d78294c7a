import Foundation
import Testing

@testable import BooksKit
@testable import books_fuzz

#if canImport(Glibc)
  import Glibc
#endif

/// The hostile-input corpus, `Tests/BooksKitTests/Hostile`: one small file per case with
/// the exact output of `books check --color never NAME.books` in `NAME.expected`
/// (re-recorded with `BOOKS_RECORD=1`), as in the diagnostics catalogue.
private let hostileDirectory: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Hostile", isDirectory: true)

/// A generous bound on one run of `books`, to catch a hang, not to time it.
private let timeBound: Double = 60

@Suite struct HostileInputTests {
  static let cases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: hostileDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".books") }.map { String($0.dropLast(".books".count)) }
      .sorted()
  }()

  @Test func corpusHasEveryCase() throws {
    #expect(
      Self.cases == [
        "bom-only", "conflict-markers", "crlf", "empty", "extreme-values", "forty-digit-amounts",
        "glob-no-match",
        "include-cycle", "include-device", "include-directory", "include-missing",
        "include-self", "invalid-utf8", "million-hours", "mixed-line-endings", "nul-bytes",
        "quoted-line-breaks", "rtl-and-combining", "tabs-and-spaces", "years-0-and-9999",
      ])
    let readme = try String(
      contentsOf: hostileDirectory.appendingPathComponent("README.md"), encoding: .utf8)
    for name in Self.cases {
      #expect(readme.contains("[\(name).books](\(name).books)"), "README.md misses \(name)")
    }
  }

  /// Each case prints exactly its expected diagnostics and exits 0 or 1, quickly.
  @Test(arguments: cases)
  func caseMatchesItsExpectedOutput(name: String) {
    let path = hostileDirectory.appendingPathComponent("\(name).books").path
    let start = Date()
    let output = CheckCommand.run(["--color", "never", path], environment: Environment())
    let seconds = Date().timeIntervalSince(start)
    #expect(output.exitCode == 0 || output.exitCode == 1)
    #expect(output.stderr.isEmpty)
    #expect(seconds < timeBound, "\(name) took \(seconds) s")
    let text =
      output.stdout.replacingOccurrences(of: hostileDirectory.path + "/", with: "")
      + "exit: \(output.exitCode)\n"
    assertGoldenFile(text, at: hostileDirectory.appendingPathComponent("\(name).expected"))
  }

  /// Every case also goes through every report, document and export without a trap.
  @Test(arguments: cases)
  func caseGoesThroughTheWholePipeline(name: String) throws {
    let path = hostileDirectory.appendingPathComponent("\(name).books").path
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(WholePipeline.run(bytes) > 0)
  }

  /// A conflict marker is reported as a merge conflict with a hint, not as an unknown
  /// entry.
  @Test func conflictMarkersAreNamedAsSuch() {
    let path = hostileDirectory.appendingPathComponent("conflict-markers.books").path
    let validation = Validation.run([path])
    let markers = validation.diagnostics.filter { $0.message.hasPrefix("merge conflict marker") }
    #expect(markers.count == 4)
    #expect(markers.allSatisfy { $0.fix?.contains("resolve the conflict") == true })
  }

  /// A late fee that grows past what can be computed is said so, not trapped on.
  @Test func extremeLateFeeIsSaidToBeTooLarge() {
    let path = hostileDirectory.appendingPathComponent("extreme-values.books").path
    let books = Validation.run([path]).books
    guard case .failure(let problem) = Reminder.make("INV-2", in: books, asOf: .latest) else {
      Issue.record("a reminder with a late fee of 100 % a month for 9999 years")
      return
    }
    #expect(problem.message == "cannot compute the totals: the late fee is too large to compute")
  }

  // MARK: Files the loader cannot read

  /// A file without read permission is an `includes` error. Root reads any file, so there
  /// the permission is simulated by the file system.
  @Test func unreadableFileIsAnIncludesError() throws {
    let workspace = try Workspace([
      "main.books": "business \"N\"\n  currency EUR\ninclude \"secret.books\"\n",
      "secret.books": "client acme \"Acme\"\n",
    ])
    defer { workspace.remove() }
    let main = workspace.url.appendingPathComponent("main.books").path
    let secret = workspace.url.appendingPathComponent("secret.books").path
    let expected = "cannot read `\(secret)`: permission denied"
    if geteuid() != 0 {
      #expect(chmod(secret, 0) == 0)
      let validation = Validation.run([main])
      #expect(validation.diagnostics.map(\.message) == [expected])
    }
    let simulated = Validation.run([main], fileSystem: DenyingFileSystem(denied: secret))
    #expect(simulated.diagnostics.map(\.message) == [expected])
    #expect(simulated.diagnostics.map(\.code) == ["includes"])
  }

  /// Includes may leave the books' folder: `..` and absolute paths are followed (FORMAT.md
  /// 2.8), as hledger, Ledger and beancount do; the books are the user's own files.
  @Test func includesOutsideTheBooksFolderAreRead() throws {
    let elsewhere = try Workspace(["rates.books": "tax vat \"VAT\" 20%\n"])
    defer { elsewhere.remove() }
    let absolute = elsewhere.url.appendingPathComponent("rates.books").path
    let workspace = try Workspace([
      "books/main.books": """
      business "N"
        currency EUR
      include "../shared/clients.books"
      include "\(absolute)"

      """,
      "shared/clients.books": "client acme \"Acme\"\n",
    ])
    defer { workspace.remove() }
    let output = try BooksProcess.run(["check", "books/main.books"], in: workspace.url)
    #expect(output == .init(stdout: "no problems in 3 files\n", stderr: "", exitCode: 0))
  }

  @Test func includesNestAtMost64FilesDeep() throws {
    var files: [String: String] = [:]
    for level in 0..<70 {
      files["f\(level).books"] = "client c\(level) \"C\"\ninclude \"f\(level + 1).books\"\n"
    }
    let workspace = try Workspace(files)
    defer { workspace.remove() }
    let validation = Validation.run([workspace.url.appendingPathComponent("f0.books").path])
    #expect(
      validation.diagnostics.map(\.message) == ["includes nest more than 64 files deep"])
    #expect(validation.files.count == 64)
  }

  // MARK: Generated inputs, run end to end

  /// Big inputs are run through the built binary: each exits 0 or 1 within a generous
  /// bound; the time and the largest child's memory are printed, not asserted precisely.
  @Test(arguments: GeneratedCase.allCases)
  func generatedInputEndsCleanly(_ generated: GeneratedCase) throws {
    let workspace = try Workspace(["case.books": ""])
    defer { workspace.remove() }
    try Data(generated.bytes()).write(to: workspace.url.appendingPathComponent("case.books"))
    let start = Date()
    let output = try BooksProcess.run(
      ["check", "--color", "never", "case.books"], in: workspace.url)
    let seconds = Date().timeIntervalSince(start)
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let megabytes = usage.ru_maxrss / 1024
    print(
      "hostile: \(generated.rawValue): exit \(output.exitCode) in "
        + "\(Int(seconds * 1000)) ms; largest child so far \(megabytes) MB")
    #expect(output.exitCode == generated.exitCode, "\(output.stderr)")
    #expect(output.stdout.hasSuffix(generated.summary), "\(output.stdout.suffix(300))")
    #expect(seconds < timeBound, "\(generated.rawValue) took \(seconds) s")
    #expect(megabytes < 2048)
  }
}

/// A file system that refuses to read one file, as the C library does without permission.
private struct DenyingFileSystem: FileSystem {
  var denied: String
  let base = LocalFileSystem()

  func read(_ path: String) -> Result<[UInt8], FileProblem> {
    path == denied ? .failure(.permissionDenied) : base.read(path)
  }
  func glob(_ pattern: String) -> [String] { base.glob(pattern) }
  func canonical(_ path: String) -> String { base.canonical(path) }
}

/// Inputs too big to keep in the repository, built when the test runs.
enum GeneratedCase: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case tenMegabyteComment, tenMegabyteString, tenMegabyteWord
  case hundredThousandNotes, hundredThousandItems, hundredThousandTags
  case hundredThousandClients, hundredThousandRepeatedStages

  var testDescription: String { rawValue }

  private static let tenMegabytes = 10 << 20
  private static let business = "business \"N\"\n  currency EUR\n"

  func bytes() -> [UInt8] {
    let text: String
    switch self {
    case .tenMegabyteComment:
      text = Self.business + "; " + String(repeating: "x", count: Self.tenMegabytes) + "\n"
    case .tenMegabyteString:
      text =
        Self.business + "client acme \""
        + String(repeating: "y", count: Self.tenMegabytes) + "\"\n"
    case .tenMegabyteWord:
      text = String(repeating: "z", count: Self.tenMegabytes) + "\n"
    case .hundredThousandNotes:
      text =
        Self.business + "client acme \"Acme\"\n"
        + String(repeating: "  note \"x\"\n", count: 100_000)
    case .hundredThousandItems:
      text =
        Self.business + "client acme \"Acme\"\n2026-01-31 invoice INV-1 acme\n"
        + String(repeating: "  item \"Work\" 1h @ 95 EUR\n", count: 100_000)
    case .hundredThousandTags:
      text =
        "client acme \"Acme\" " + (0..<100_000).map { "#t\($0)" }.joined(separator: " ") + "\n"
    case .hundredThousandClients:
      text = (0..<100_000).map { "client c\($0) \"C \($0)\"\n" }.joined()
    case .hundredThousandRepeatedStages:
      text = "client acme \"Acme\"\n" + String(repeating: "  stage client\n", count: 100_000)
    }
    return Array(text.utf8)
  }

  var exitCode: Int32 {
    switch self {
    case .tenMegabyteWord, .hundredThousandRepeatedStages: 1
    default: 0
    }
  }

  /// The last line `books check` prints.
  var summary: String {
    switch self {
    case .tenMegabyteWord: "1 error in 1 file\n"
    case .hundredThousandRepeatedStages: "99999 errors in 1 file\n"
    default: "no problems in 1 file\n"
    }
  }
}

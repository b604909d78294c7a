import Foundation
import Testing

/// The benchmark's generator (`books-bench generate`, built next to `books`): the books it
/// writes have exactly the entries asked for, are the same on every run, and pass
/// `books check` with nothing to say, in one file and split by month.
@Suite struct BenchGeneratorTests {
  static let bench: URL? = BooksProcess.executable.map {
    $0.deletingLastPathComponent().appendingPathComponent("books-bench")
  }

  func generate(_ arguments: [String], in folder: URL) throws -> String {
    let bench = try #require(
      Self.bench.flatMap { FileManager.default.isExecutableFile(atPath: $0.path) ? $0 : nil },
      "books-bench was not built next to books")
    let process = Process()
    process.executableURL = bench
    process.arguments = ["generate"] + arguments + ["--out", folder.path]
    let output = folder.deletingLastPathComponent().appendingPathComponent(
      folder.lastPathComponent + ".txt")
    try Data().write(to: output)
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    #expect(process.terminationStatus == 0)
    return try String(contentsOf: output, encoding: .utf8)
  }

  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("books-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test(arguments: [("none", "books.books"), ("monthly", "main.books")])
  func generatedBooksPassCheck(split: String, main: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let summary = try generate(
      ["--entries", "3000", "--split", split], in: folder.appendingPathComponent("a"))
    #expect(summary.contains(": 3000 entries ("))
    let check = try BooksProcess.run(
      ["check", "--strict", "a/\(main)", "--as-of", "2025-12-31"], in: folder)
    #expect(check.exitCode == 0, "\(check)")
    #expect(check.stdout.hasPrefix("no problems in"), "\(check)")
  }

  @Test func sameSeedSameBooks() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try generate(["--entries", "2000"], in: folder.appendingPathComponent("a"))
    _ = try generate(["--entries", "2000"], in: folder.appendingPathComponent("b"))
    _ = try generate(["--entries", "2000", "--seed", "7"], in: folder.appendingPathComponent("c"))
    let a = try Data(contentsOf: folder.appendingPathComponent("a/books.books"))
    let b = try Data(contentsOf: folder.appendingPathComponent("b/books.books"))
    let c = try Data(contentsOf: folder.appendingPathComponent("c/books.books"))
    #expect(a == b)
    #expect(a != c)
    let text = try #require(String(data: a, encoding: .utf8))
    let entries = text.split(separator: "\n").filter {
      guard let first = $0.first, first.isLetter || first.isNumber else { return false }
      return !$0.hasPrefix("books ") && !$0.hasPrefix("include ")
    }
    #expect(entries.count == 2000)
  }
}

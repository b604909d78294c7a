import Foundation
import Testing

@testable import BooksKit

#if canImport(Glibc)
  import Glibc
#endif

/// Every command that writes (`fmt --write`, `new --append`, `-o FILE`, `export csv -o
/// DIR`) writes a temporary file in the same folder and renames it over the target: a write
/// that fails, or a process killed in the middle of one, leaves the original intact; and
/// writing never follows a symbolic link into a file the user did not name.
///
/// The failures are real: `ulimit -f 1` makes the kernel refuse the write past the first
/// block, with `SIGXFSZ` (which kills the process mid-write) or, with the signal ignored,
/// with `EFBIG` (a failed write `books` reports).
@Suite struct WriteSafetyTests {
  static let original = "ORIGINAL CONTENT, NOT TO BE LOST\n"

  /// Books large enough that every write passes the first block, with unbilled time so
  /// that `books new` has something to draft.
  static let books: String = {
    var text = """
      business "North Studio"
          currency EUR
      client acme "Acme Corp"
      project acme-web "Website"
          client acme
      service acme-web/dev "Development"
          pricing hourly 100 EUR

      """
    for day in 1...28 {
      let date = "2026-02-" + (day < 10 ? "0\(day)" : "\(day)")
      text += "\(date) time acme-web/dev 2h \"Work on the website, day \(day)\"\n"
      text += "\(date) meeting 10:00-11:00 \"Weekly call number \(day) with Acme\"\n    with acme\n"
    }
    return text
  }()

  enum Ending: String, CaseIterable, Sendable {
    /// The write fails with `EFBIG`; `books` reports it and exits 1.
    case failedWrite
    /// The process is killed by `SIGXFSZ` in the middle of the write.
    case killedMidWrite
  }

  /// The writing commands, each with the file it writes (relative to the workspace).
  static let commands: [(name: String, arguments: [String], target: String)] = [
    (
      "report -o", ["report", "dashboard", "books.books", "--format", "html", "-o", "out.html"],
      "out.html"
    ),
    ("export json -o", ["export", "json", "books.books", "-o", "out.json"], "out.json"),
    ("export csv -o DIR", ["export", "csv", "books.books", "-o", "csv"], "csv/time.csv"),
    ("fmt --write", ["fmt", "--write", "books.books"], "books.books"),
    (
      "new --append",
      [
        "new", "invoice", "acme", "--from-unbilled", "--append", "books.books",
        "books.books",
      ], "books.books"
    ),
  ]

  /// Runs `books ARGUMENTS` under `sh` with a file size limit of one block.
  static func runLimited(_ arguments: [String], in folder: URL, ending: Ending) throws -> (
    status: Int32, signalled: Bool, stderr: String
  ) {
    let executable = try #require(BooksProcess.executable, "the books binary was not built")
    let quoted = ([executable.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
    // Ignored, the signal becomes `EFBIG`; reset to its default (the test runner may
    // ignore it, and an ignored signal stays ignored across `exec`), it kills.
    let trap = ending == .failedWrite ? "trap '' XFSZ; " : ""
    let reset = ending == .failedWrite ? "" : "env --default-signal=XFSZ "
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", trap + "ulimit -f 1; exec " + reset + quoted]
    process.currentDirectoryURL = folder
    process.environment = [:]
    // Standard error goes to a pipe, which the file size limit does not cover.
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let stderr = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (
      process.terminationStatus, process.terminationReason == .uncaughtSignal, stderr
    )
  }

  static func contents(_ url: URL) -> String? {
    (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// ThreadSanitizer's runtime writes files of its own and handles the signals, so under
  /// `--sanitize=thread` the file size limit trips the runtime rather than the write.
  static let underThreadSanitizer =
    dlsym(nil, "__tsan_init") != nil

  @Test(
    .disabled(if: underThreadSanitizer, "the ThreadSanitizer runtime trips over ulimit -f"),
    arguments: Ending.allCases)
  func interruptedWritesLeaveTheOriginal(ending: Ending) throws {
    for command in Self.commands {
      var files = ["books.books": Self.books]
      if command.target != "books.books" { files[command.target] = Self.original }
      let workspace = try Workspace(files)
      defer { workspace.remove() }
      let target = workspace.url.appendingPathComponent(command.target)
      let before = try #require(Self.contents(target))
      let run = try Self.runLimited(command.arguments, in: workspace.url, ending: ending)
      switch ending {
      case .failedWrite:
        #expect(run.status == 1 && !run.signalled, "\(command.name): \(run)")
        #expect(run.stderr.contains("cannot write"), "\(command.name): \(run.stderr)")
      case .killedMidWrite:
        #expect(run.signalled && run.status == SIGXFSZ, "\(command.name): \(run)")
      }
      #expect(Self.contents(target) == before, "\(command.name) changed \(command.target)")
      let folder = target.deletingLastPathComponent().path
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.contains(".tmp-") }
      // A failed write cleans up; a killed process cannot, and leaves at most its one
      // temporary file, which no reader mistakes for the target.
      #expect(leftovers.count == (ending == .failedWrite ? 0 : 1), "\(command.name): \(leftovers)")
    }
  }

  /// The same commands without a limit do write, so the test above tests something.
  @Test func unlimitedWritesSucceed() throws {
    for command in Self.commands {
      var files = ["books.books": Self.books]
      if command.target != "books.books" { files[command.target] = Self.original }
      let workspace = try Workspace(files)
      defer { workspace.remove() }
      let output = try BooksProcess.run(command.arguments, in: workspace.url)
      #expect(output.exitCode == 0, "\(command.name): \(output)")
      let after = Self.contents(workspace.url.appendingPathComponent(command.target))
      #expect(after != Self.original && after != Self.books, "\(command.name) wrote nothing")
    }
  }

  /// A target that is a symbolic link is refused: neither the file it points to nor the
  /// link changes.
  @Test func symbolicLinksAreNotWrittenThrough() throws {
    let workspace = try Workspace([
      "books.books": Self.books, "victim.txt": Self.original, "real.books": Self.books,
    ])
    defer { workspace.remove() }
    let fileManager = FileManager.default
    let link = workspace.url.appendingPathComponent("out.html")
    try fileManager.createSymbolicLink(atPath: link.path, withDestinationPath: "victim.txt")
    let booksLink = workspace.url.appendingPathComponent("link.books")
    try fileManager.createSymbolicLink(atPath: booksLink.path, withDestinationPath: "real.books")

    let report = try BooksProcess.run(
      ["report", "dashboard", "books.books", "-o", "out.html"], in: workspace.url)
    #expect(report.exitCode == 1)
    #expect(report.stderr.contains(AtomicFile.symbolicLinkMessage), "\(report.stderr)")
    let format = try BooksProcess.run(["fmt", "--write", "link.books"], in: workspace.url)
    #expect(format.exitCode == 1, "\(format)")
    #expect(format.stderr.contains(AtomicFile.symbolicLinkMessage), "\(format.stderr)")

    #expect(Self.contents(workspace.url.appendingPathComponent("victim.txt")) == Self.original)
    #expect(Self.contents(workspace.url.appendingPathComponent("real.books")) == Self.books)
    #expect(try fileManager.destinationOfSymbolicLink(atPath: link.path) == "victim.txt")
    #expect(try fileManager.destinationOfSymbolicLink(atPath: booksLink.path) == "real.books")
  }

  /// In process: a target in a folder that cannot be written, and a target that is a
  /// folder, fail cleanly with the original untouched.
  @Test func unwritableTargetsFailCleanly() throws {
    let workspace = try Workspace(["locked/out.txt": Self.original, "folder/keep.txt": "x"])
    defer { workspace.remove() }
    let folder = workspace.url.appendingPathComponent("folder").path
    #expect(problem(AtomicFile.write("new", to: folder)) == .isDirectory)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["keep.txt"])
    let locked = workspace.url.appendingPathComponent("locked")
    let target = locked.appendingPathComponent("out.txt").path
    #expect(chmod(locked.path, 0o555) == 0)
    defer { chmod(locked.path, 0o755) }
    let result = AtomicFile.write("new", to: target)
    if geteuid() != 0 {
      // Root may write anywhere; for everyone else the folder refuses the temporary file.
      #expect(problem(result) == .permissionDenied)
      #expect(Self.contents(URL(fileURLWithPath: target)) == Self.original)
    }
  }
}

private func problem(_ result: Result<Void, FileProblem>) -> FileProblem? {
  if case .failure(let problem) = result { return problem }
  return nil
}

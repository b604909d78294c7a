import Foundation
import Testing

/// Runs the built `books` executable in a child process.
///
/// Where the binary is: `swift test` builds every product into one products folder
/// (`.build/debug`, or `X/debug` with `--scratch-path X`) and runs the test executable
/// from there, so `books` is next to the running test executable
/// (`Bundle.main.executableURL`, which on Linux is `booksPackageTests.xctest` itself).
/// On macOS the tests run inside an `.xctest` bundle loaded by a runner, so the folder of
/// that bundle is tried too. `BOOKS_BINARY=/path/to/books` overrides both.
enum BooksProcess {
  /// The `books` executable, or nil when it was not built.
  static let executable: URL? = {
    let environment = ProcessInfo.processInfo.environment
    if let override = environment["BOOKS_BINARY"], !override.isEmpty {
      return URL(fileURLWithPath: override)
    }
    var folders: [URL] = []
    if let test = Bundle.main.executableURL {
      folders.append(test.deletingLastPathComponent())
    }
    if let first = CommandLine.arguments.first {
      folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    return folders.map { $0.appendingPathComponent("books") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  struct Output: Equatable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    var exitCode: Int32

    var description: String {
      "exit \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
  }

  /// Runs `books ARGUMENTS` in `directory` with exactly `environment` (nothing inherited,
  /// so a `NO_COLOR` or `BOOKS_FILE` of the test run cannot leak in).
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Output {
    let executable = try #require(
      executable,
      Comment(
        rawValue: "the `books` executable was not found next to the test executable; build "
          + "it with `swift build` or set BOOKS_BINARY"), sourceLocation: sourceLocation)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    // Files, not pipes: no risk of a full pipe blocking the child.
    let id = UUID().uuidString
    let stdoutURL = directory.appendingPathComponent(".stdout-\(id)")
    let stderrURL = directory.appendingPathComponent(".stderr-\(id)")
    try Data().write(to: stdoutURL)
    try Data().write(to: stderrURL)
    defer {
      try? FileManager.default.removeItem(at: stdoutURL)
      try? FileManager.default.removeItem(at: stderrURL)
    }
    let stdout = try FileHandle(forWritingTo: stdoutURL)
    let stderr = try FileHandle(forWritingTo: stderrURL)
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try stdout.close()
    try stderr.close()
    #expect(
      process.terminationReason == .exit, "books was killed by a signal",
      sourceLocation: sourceLocation)
    return Output(
      stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self),
      exitCode: process.terminationStatus)
  }
}

/// A temporary folder holding some `.books` files, removed again by `remove()`.
struct Workspace {
  let url: URL

  init(_ files: [String: String]) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("books-e2e-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

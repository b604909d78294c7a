import Foundation
import Testing

@testable import BooksKit

/// The catalogue folder, `Tests/BooksKitTests/Catalogue`: this file's folder, or its
/// `Catalogue` subfolder should this file move up a level (so that Package.swift can
/// exclude the whole folder of data files).
private let catalogueDirectory: URL = {
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  return folder.lastPathComponent == "Catalogue"
    ? folder : folder.appendingPathComponent("Catalogue", isDirectory: true)
}()

/// Files of the catalogue that are included by a reproducer but are no reproducer.
private let helperFiles: Set<String> = ["includes-cycle.books"]

/// The diagnostics catalogue: one reproducer per diagnostic code, with its exact output.
@Suite struct CatalogueTests {
  /// The codes that have a reproducer `CODE.books`.
  private static func reproducerCodes() throws -> Set<String> {
    let names = try FileManager.default.contentsOfDirectory(atPath: catalogueDirectory.path)
    return Set(
      names.filter { $0.hasSuffix(".books") && !helperFiles.contains($0) }
        .map { String($0.dropLast(".books".count)) })
  }

  private static func path(_ name: String) -> String {
    catalogueDirectory.appendingPathComponent(name).path
  }

  /// `books check --color never CODE.books` run in the catalogue folder, as in the
  /// `.expected` files: the absolute path is passed and the folder stripped from the output.
  private static func check(_ code: String) -> String {
    let output = CheckCommand.run(
      ["--color", "never", path("\(code).books")], environment: Environment())
    let folder = catalogueDirectory.path + "/"
    #expect(output.stderr.isEmpty)
    return output.stdout.replacingOccurrences(of: folder, with: "") + "exit: \(output.exitCode)\n"
  }

  @Test func everyCodeHasExactlyOneReproducer() throws {
    let codes = try Self.reproducerCodes()
    #expect(codes == Set(Checks.names))
    for helper in helperFiles {
      #expect(FileManager.default.fileExists(atPath: Self.path(helper)), "missing \(helper)")
    }
  }

  @Test func readmeListsEveryCodeAndFile() throws {
    let readme = try String(contentsOfFile: Self.path("README.md"), encoding: .utf8)
    for code in Checks.names {
      #expect(readme.contains("| `\(code)` |"), "README.md has no row for `\(code)`")
      #expect(readme.contains("[\(code).books](\(code).books)"))
      #expect(readme.contains("[\(code).expected](\(code).expected)"))
    }
    for helper in helperFiles {
      #expect(readme.contains(helper), "README.md does not list \(helper)")
    }
  }

  @Test(arguments: Checks.names)
  func reproducerStartsWithAComment(code: String) throws {
    let text = try String(contentsOfFile: Self.path("\(code).books"), encoding: .utf8)
    #expect(text.hasPrefix("; Catalogue: `\(code)` — "))
    #expect(text.contains("\n; Shows: "))
  }

  @Test(arguments: Checks.names)
  func reproducerPrintsItsExpectedOutput(code: String) {
    assertGoldenFile(
      Self.check(code), at: catalogueDirectory.appendingPathComponent("\(code).expected"))
  }

  @Test(arguments: Checks.names)
  func reproducerReportsOnlyItsCode(code: String) {
    let validation = Validation.run([Self.path("\(code).books")])
    #expect(!validation.diagnostics.isEmpty, "\(code).books reports nothing")
    for diagnostic in validation.diagnostics {
      #expect(
        diagnostic.code == code, "\(code).books reports \(diagnostic.code): \(diagnostic.message)")
    }
  }
}

/// Compares `actual` byte for byte with the file at `url`, or writes it there when the
/// tests run with `BOOKS_RECORD=1` (recording an issue, so a recording run never passes).
func assertGoldenFile(
  _ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
  if ProcessInfo.processInfo.environment["BOOKS_RECORD"] == "1" {
    do {
      try Data(actual.utf8).write(to: url)
      Issue.record(
        "Recorded \(url.lastPathComponent) because BOOKS_RECORD=1; review it with git diff.",
        sourceLocation: sourceLocation)
    } catch {
      Issue.record(
        "Could not record \(url.lastPathComponent): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record(
      "Missing \(url.lastPathComponent); run the tests with BOOKS_RECORD=1 to record it.",
      sourceLocation: sourceLocation)
    return
  }
  guard [UInt8](data) != Array(actual.utf8) else { return }
  let expected = String(decoding: data, as: UTF8.self)
  Issue.record(
    Comment(
      rawValue: "\(url.lastPathComponent) does not match (- expected, + actual; run with "
        + "BOOKS_RECORD=1 to accept the actual output):\n"
        + snapshotDiff(expected: expected, actual: actual)),
    sourceLocation: sourceLocation)
}

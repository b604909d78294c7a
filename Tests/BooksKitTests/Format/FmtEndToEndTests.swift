import Foundation
import Testing

/// `books fmt` run as a process on real files: the file system is where `--write` must be
/// careful.
@Suite struct FmtEndToEndTests {
  @Test func writeReplacesTheFileAndKeepsItsPermissions() throws {
    let workspace = try Workspace([
      "messy.books": "client a\n    stage   lead\n", "broken.books": "client a \"A\n",
    ])
    defer { workspace.remove() }
    let messy = workspace.url.appendingPathComponent("messy.books")
    let broken = workspace.url.appendingPathComponent("broken.books")
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: messy.path)

    let check = try BooksProcess.run(["fmt", "--check", "messy.books"], in: workspace.url)
    #expect(check == .init(stdout: "messy.books\n", stderr: "", exitCode: 1))

    let write = try BooksProcess.run(
      ["fmt", "--write", "messy.books", "broken.books"], in: workspace.url)
    #expect(write.stdout == "messy.books\n")
    #expect(write.exitCode == 1)
    #expect(try String(contentsOf: messy, encoding: .utf8) == "client a\n  stage lead\n")
    #expect(try String(contentsOf: broken, encoding: .utf8) == "client a \"A\n")
    let permissions =
      try FileManager.default.attributesOfItem(atPath: messy.path)[
        .posixPermissions] as? Int
    #expect(permissions == 0o640)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path)
    #expect(leftovers.sorted() == ["broken.books", "messy.books"])

    let again = try BooksProcess.run(["fmt", "--check", "messy.books"], in: workspace.url)
    #expect(again == .init(stdout: "", stderr: "", exitCode: 0))
  }
}

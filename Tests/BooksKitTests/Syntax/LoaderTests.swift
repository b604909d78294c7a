import Foundation
import Testing

@testable import BooksKit

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct LoaderTests {
  private func load(_ files: [String: String], _ main: String = "books/main.books") -> (
    [String], [String]
  ) {
    let result = Loader.load([main], fileSystem: MemoryFileSystem(files))
    let messages = result.diagnostics.map { diagnostic -> String in
      guard let range = diagnostic.range else { return diagnostic.message }
      let file = result.files[range.file]
      return "\(file.path):\(file.location(of: range.start).line) \(diagnostic.message)"
    }
    return (result.files.map(\.path), messages)
  }

  @Test func includesAreRelativeToTheIncludingFileAndGlobsAreSorted() {
    let (paths, messages) = load([
      "books/main.books": "include \"clients/*.books\"\ninclude 2026/q1.books\n",
      "books/clients/b.books": "client b\n",
      "books/clients/a.books": "client a\ninclude ../shared.books\n",
      "books/shared.books": "tax vat 20%\n",
      "books/2026/q1.books": "2026-01-01 income 1 EUR\n",
    ])
    #expect(messages == [])
    #expect(
      paths == [
        "books/main.books", "books/clients/a.books", "books/shared.books", "books/clients/b.books",
        "books/2026/q1.books",
      ])
  }

  @Test func cyclesMissingFilesDirectoriesAndEmptyGlobs() {
    let (paths, messages) = load([
      "books/main.books":
        "include a.books\ninclude missing.books\ninclude dir\ninclude \"none/*.books\"\ninclude a.books\n",
      "books/a.books": "include b.books\n",
      "books/b.books": "include main.books\n",
      "books/dir/x.books": "",
    ])
    #expect(paths == ["books/main.books", "books/a.books", "books/b.books"])
    #expect(
      messages == [
        "books/b.books:1 include cycle: books/main.books → books/a.books → books/b.books → books/main.books",
        "books/main.books:2 cannot read `books/missing.books`: no such file",
        "books/main.books:3 cannot read `books/dir`: is a directory, not a file",
        "books/main.books:4 `none/*.books` matches no file",
        "books/main.books:5 `books/a.books` is already loaded; not loading it again",
      ])
  }

  @Test func aGlobDoesNotIncludeItsOwnFile() {
    let (paths, messages) = load([
      "books/main.books": "include \"*.books\"\n", "books/other.books": "client a\n",
    ])
    #expect(messages == [])
    #expect(paths == ["books/main.books", "books/other.books"])
  }

  @Test func aMissingMainFile() {
    let (paths, messages) = load([:], "nope.books")
    #expect(paths == [])
    #expect(messages == ["cannot read `nope.books`: no such file"])
  }

  @Test func realFileSystemReportsDirectories() {
    let result = Loader.load(["/"], fileSystem: LocalFileSystem())
    #expect(result.diagnostics.map(\.message) == ["cannot read `/`: is a directory, not a file"])
  }

  /// A big file is read in parts side by side, straight into its array: every byte lands
  /// where it belongs, for any number of parts and at sizes around their edges; a file
  /// that grew since its size was taken is read to its end, one that shrank to its end.
  @Test func realFilesAreReadWhole() throws {
    let workspace = try Workspace([:])
    defer { workspace.remove() }
    // Each 4-byte word holds its own index: a byte read to the wrong place shows.
    let pattern = (0..<1000).flatMap { word in
      withUnsafeBytes(of: UInt32(word).littleEndian) { Array($0) }
    }
    func read(_ length: Int, size: Int, partSize: Int, most: Int) throws -> [UInt8] {
      let path = workspace.url.appendingPathComponent("f\(length).books").path
      try Data(pattern[0..<length]).write(to: URL(fileURLWithPath: path))
      let descriptor = open(path, O_RDONLY)
      defer { close(descriptor) }
      return try LocalFileSystem.read(descriptor, size: size, partSize: partSize, most: most).get()
    }
    for most in [1, 2, 3, 5] {
      for length in [0, 1, 99, 100, 101, 199, 200, 201, 299, 300, 301, 499, 500, 501, 4000] {
        #expect(
          try read(length, size: length, partSize: 100, most: most) == Array(pattern[0..<length]))
      }
      // Grown since: read on; shrunk since: read to the end; no size given: read it all.
      #expect(try read(700, size: 450, partSize: 100, most: most) == Array(pattern[0..<700]))
      #expect(try read(450, size: 700, partSize: 100, most: most) == Array(pattern[0..<450]))
      #expect(try read(300, size: 0, partSize: 100, most: most) == Array(pattern[0..<300]))
    }
    // Through the file system, a whole real file and an empty one.
    for length in [0, 4000] {
      let path = workspace.url.appendingPathComponent("whole\(length).books").path
      try Data(pattern[0..<length]).write(to: URL(fileURLWithPath: path))
      #expect(try LocalFileSystem().read(path).get() == Array(pattern[0..<length]))
    }
  }
}

import Testing

@testable import BooksKit

@Suite struct SourceFileTests {
  @Test func locationsCountCharactersNotBytes() {
    let file = SourceFile(path: "a.books", text: "client é \"Zoë\"\r\n  stage lead\n")
    #expect(file.lineCount == 3)
    #expect((0..<3).map { file.lineStart($0) } == [0, 18, 31])
    #expect(file.location(of: 11).line == 1)
    #expect(file.location(of: 11).column == 11)
    #expect(file.lineText(1) == "client é \"Zoë\"")
    #expect(file.location(of: 20).line == 2)
    #expect(file.location(of: 20).column == 3)
  }
}

import Testing

@testable import BooksKit

@Suite struct PathMatchTests {
  @Test(arguments: [
    ("*.books", "a.books", true), ("*.books", "dir/a.books", false),
    ("2026/*.books", "2026/01.books", true), ("2026/?1.books", "2026/01.books", true),
    ("2026/?1.books", "2026/011.books", false), ("*", "", true), ("", "", true),
    ("", "a", false), ("a*b*c", "axxbyyc", true), ("a*b*c", "axxbyy", false),
    ("**", "abc", true), ("*/*.books", "a/b.books", true), ("*.books", ".books", true),
  ])
  func matches(pattern: String, path: String, expected: Bool) {
    #expect(Path.matches(pattern, path) == expected)
  }

  /// The fuzzer's timeout: a pattern of many stars that does not match took exponential
  /// time; it is pattern × path now.
  @Test func manyStarsStayLinear() {
    let pattern = "*." + String(repeating: "*", count: 500) + "nomatch"
    #expect(!Path.matches(pattern, "clients.books"))
    #expect(
      !Path.matches(String(repeating: "*a", count: 200) + "b", String(repeating: "a", count: 300)))
  }
}

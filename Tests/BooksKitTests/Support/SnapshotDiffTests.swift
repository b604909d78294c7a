import Testing

@Suite struct SnapshotDiffTests {
  @Test func showsChangedLinesWithNumbersAndContext() {
    let expected = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n"
    let actual = "one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n"
    let diff = snapshotDiff(expected: expected, actual: actual)
    #expect(
      diff.split(separator: "\n", omittingEmptySubsequences: false) == [
        "   3 | three",
        "   4 | four",
        "-  5 | five",
        "+  5 | FIVE",
        "   6 | six",
        "   7 | seven",
        "  ...",
        "  10 | ten",
        "  11 | eleven",
        "+ 12 | twelve",
        "  12 |",
      ])
  }

  @Test func makesInvisibleDifferencesVisible() {
    let diff = snapshotDiff(expected: "a\tb\nc\n", actual: "a    b\nc\r\n")
    #expect(
      diff.split(separator: "\n", omittingEmptySubsequences: false) == [
        #"- 1 | a\tb"#,
        "- 2 | c",
        "+ 1 | a    b",
        #"+ 2 | c\r"#,
        "  3 |",
      ])
  }

  @Test func pointsOutWhitespaceOnlyDifferences() {
    let diff = snapshotDiff(expected: "a\nb\n", actual: "a \nb")
    #expect(
      diff.hasSuffix(
        "(the texts differ only in spaces or CRs at line ends, or in the final newline)"))
    #expect(!snapshotDiff(expected: "a\n", actual: "b\n").contains("differ only"))
  }
}

import Testing

@testable import BooksKit

@Suite struct KindLookupTests {
  /// Each dated keyword, written bare, is told from its bytes; definitions' keywords, quoted
  /// keywords and near misses are left to the slow path.
  @Test func datedKeywordsAreReadFromTheirBytes() {
    var lines: [String] = []
    for kind in EntryKind.allCases { lines.append("2026-01-01 \(kind.rawValue) x") }
    lines.append("2026-01-01 \"time\" x")
    lines.append("2026-01-01 times x")
    lines.append("2026-01-01 tim x")
    let file = SourceFile(path: "kinds.books", text: lines.joined(separator: "\n") + "\n")
    let tree = Parser.parse(file, fileIndex: 0)
    let found = tree.entries.map { entry in
      ModelBuilder.datedKind(tree.head(entry)[1], in: tree.store)
    }
    let expected: [EntryKind?] =
      EntryKind.allCases.map { $0.isDated ? $0 : nil } + [nil, nil, nil]
    #expect(found == expected)
  }

  /// The kinds hash by case, the case's one byte (not the raw string), and each is one byte
  /// wide, as `CaseHashable` requires.
  @Test func kindsHashByCase() {
    func expectHashedByCase<Kind: CaseHashable & CaseIterable>(_: Kind.Type) {
      #expect(MemoryLayout<Kind>.size == 1)
      for (index, kind) in Kind.allCases.enumerated() {
        var hasher = Hasher()
        hasher.combine(UInt8(index))
        #expect(kind.hashValue == hasher.finalize())
      }
      #expect(Set(Kind.allCases).count == Kind.allCases.count)
    }
    expectHashedByCase(EntryKind.self)
    expectHashedByCase(VocabularyKind.self)
    expectHashedByCase(DefinitionKind.self)
    expectHashedByCase(DocumentKind.self)
  }
}

@Suite struct FieldKeyTests {
  /// Keys are matched by their bytes: each reads its field, a misspelt key still gets its
  /// suggestion, and a quoted key is still a syntax error.
  @Test func keysReadTheirFields() {
    let validation = validate(
      """
      books 1
      business "North Studio"
        currency EUR
      client acme "Acme"
      staff ana "Ana"
      project web "Website"
        client acme
      2026-01-05 time web 1h "Bare"
        staff ana
        billable no
      2026-01-06 time web 1h "Quoted"
        "staff" ana
      2026-01-07 time web 1h "Misspelt"
        staf ana
      """)
    #expect(validation.books.timeEntries.map { $0.staff?.id } == ["ana", nil, nil])
    #expect(validation.books.timeEntries.map(\.billable) == [false, true, true])
    #expect(
      describe(validation) == [
        "main.books:12:3 syntax: a field line starts with the field name",
        "main.books:14:3 fields: `time` has no field `staf`",
      ])
    #expect(validation.diagnostics.last?.fix == "did you mean `staff`?")
  }
}

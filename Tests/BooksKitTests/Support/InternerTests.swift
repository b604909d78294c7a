import Testing

@testable import BooksKit

@Suite struct InternerTests {
  /// Each text reads as `String(decoding:)` reads it, first time and again, for every length
  /// around the inline limit, the eight-byte steps and the interned range, ASCII or not,
  /// through many growths of the table.
  @Test func readsEveryTextAsItsBytes() {
    var interner = Interner()
    var texts: [[UInt8]] = []
    for number in 0..<3000 {
      let text =
        "t\(number)" + String(repeating: "y", count: number % 83) + (number % 5 == 0 ? "ü" : "")
      texts.append(Array(text.utf8))
    }
    for _ in 0..<2 {
      for bytes in texts {
        let read = interner.string(bytes[...])
        #expect(Array(read.utf8) == bytes)
      }
    }
    #expect(interner.string([][...]) == "")
  }

  /// Texts that differ only past their first eight bytes, or only in length, are told apart.
  @Test func textsThatShareAPrefixAreDifferent() {
    var interner = Interner()
    let base = "project-long-name/service"
    let variants = [base, base + "s", String(base.dropLast()), base.replacingLast("x")]
    for _ in 0..<2 {
      for text in variants { #expect(interner.string(Array(text.utf8)[...]) == text) }
    }
  }

  /// A long text read twice is one allocation; a short one is stored inline.
  @Test func sharesTheStorageOfALongText() {
    var interner = Interner()
    let long = Array("p1781-bold/content".utf8)
    var first = interner.string(long[...])
    var second = interner.string(Array(long)[...])
    let firstAddress = first.withUTF8 { $0.baseAddress }
    let secondAddress = second.withUTF8 { $0.baseAddress }
    #expect(firstAddress == secondAddress)
    #expect(Interner.lengths == 16...64)
  }

  /// Past its capacity the interner still reads every text right, without keeping it.
  @Test func readsTextsPastItsCapacity() {
    var interner = Interner()
    for number in 0..<(Interner.capacity + 10) {
      let text = "description-number-\(number)"
      #expect(interner.string(Array(text.utf8)[...]) == text)
    }
    #expect(interner.count == Interner.capacity)
    let late = "description-number-\(Interner.capacity + 5)"
    #expect(interner.string(Array(late.utf8)[...]) == late)
    #expect(interner.count == Interner.capacity)
  }

  /// Invalid UTF-8 (a Latin-1 file) reads as `String(decoding:)` reads it, and is not kept:
  /// its string's bytes are not the file's, so each reading would add another copy.
  @Test func doesNotKeepRepairedText() {
    var interner = Interner()
    let latin1: [UInt8] = Array("R".utf8) + [0xE9] + Array("union hebdomadaire".utf8)
    for _ in 0..<1000 {
      #expect(interner.string(latin1[...]) == String(decoding: latin1, as: UTF8.self))
    }
    #expect(interner.count == 0)
    let valid = Array("Réunion hebdomadaire".utf8)
    _ = interner.string(valid[...])
    _ = interner.string(valid[...])
    #expect(interner.count == 1)
  }

  /// The builder interns ids and plain texts; quoted texts with escapes and unclosed quotes
  /// still read as before.
  @Test func theBuilderReadsTextsAsWritten() {
    let validation = validate(
      """
      books 1
      business "North Studio"
        currency EUR
      client acme-corporation-ltd "Acme"
      project acme-corporation-ltd/website "Website"
        client acme-corporation-ltd
      2026-01-05 time acme-corporation-ltd/website 1h "Design review with the team"
      2026-01-06 time acme-corporation-ltd/website 1h "Design review with the team"
      2026-01-07 time acme-corporation-ltd/website 1h "A \\"quoted\\" word, written long"
      2026-01-08 time acme-corporation-ltd/website 1h Design review unquoted
      """)
    let entries = validation.books.timeEntries
    #expect(entries.map(\.target.id) == Array(repeating: "acme-corporation-ltd/website", count: 4))
    #expect(
      entries.map(\.description) == [
        "Design review with the team", "Design review with the team",
        "A \"quoted\" word, written long", "Design review unquoted",
      ])
  }
}

extension String {
  fileprivate func replacingLast(_ character: Character) -> String {
    String(dropLast()) + String(character)
  }
}

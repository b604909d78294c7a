import Testing

@testable import BooksKit

/// The parser's eight-bytes-at-a-time scans against a byte-by-byte reading, with the byte
/// looked for at every place of buffers of every length around a word, and lines that end
/// before the buffer does (bytes past `end` must not count).
@Suite struct ParserScanTests {
  /// Every buffer of `length` bytes of `filler` with `special` at one place, and every end.
  static func cases(
    filler: UInt8, specials: [UInt8], lengths: ClosedRange<Int> = 0...19
  ) -> [(bytes: [UInt8], start: Int, end: Int)] {
    var all: [(bytes: [UInt8], start: Int, end: Int)] = []
    for length in lengths {
      for special in specials {
        for place in -1..<length {  // -1: none
          var bytes = [UInt8](repeating: filler, count: length)
          if place >= 0 { bytes[place] = special }
          for start in 0...min(length, 3) {
            for end in start...length { all.append((bytes, start, end)) }
          }
        }
      }
    }
    return all
  }

  static func reference(_ bytes: [UInt8], _ start: Int, _ end: Int, _ wanted: (UInt8) -> Bool)
    -> Int
  {
    (start..<end).first { wanted(bytes[$0]) } ?? end
  }

  @Test func firstBlankFindsSpacesTabsAndReturnsOnly() {
    var checked = 0
    // Words of letters, of UTF-8 bytes, of control characters (part of the word).
    for filler: UInt8 in [0x61, 0xC3, 0x01, 0x7F, 0xFF] {
      for (bytes, start, end) in Self.cases(
        filler: filler, specials: [0x20, 0x09, 0x0D, 0x0A, 0x00, 0x1F, 0x21, 0x80])
      {
        let found = bytes.withUnsafeBufferPointer { Parser.firstBlank($0, from: start, to: end) }
        let expected = Self.reference(bytes, start, end) { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        #expect(found == expected, "\(bytes) \(start)..<\(end)")
        checked += 1
      }
    }
    #expect(checked == 409_000)
  }

  @Test func firstQuoteOrBackslashFindsBoth() {
    for filler: UInt8 in [0x61, 0xE2, 0x21, 0x5D] {
      for (bytes, start, end) in Self.cases(filler: filler, specials: [0x22, 0x5C, 0x23, 0xA2]) {
        let found = bytes.withUnsafeBufferPointer {
          Parser.firstQuoteOrBackslash($0, from: start, to: end)
        }
        let expected = Self.reference(bytes, start, end) { $0 == 0x22 || $0 == 0x5C }
        #expect(found == expected, "\(bytes) \(start)..<\(end)")
      }
    }
  }

  @Test func firstSuspectSkipsPrintableTextTabsAndLineBreaks() {
    func suspect(_ byte: UInt8) -> Bool {
      !(byte >= 0x20 && byte < 0x7F || byte == 0x09 || byte == 0x0A || byte == 0x0D)
    }
    for filler: UInt8 in [0x61, 0x20, 0x0A, 0x09, 0x7E] {
      for (bytes, start, end) in Self.cases(
        filler: filler, specials: [0x0A, 0x0D, 0x09, 0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF, 0x20])
      {
        let found = bytes.withUnsafeBufferPointer {
          Parser.firstSuspect($0, from: start, to: end)
        }
        #expect(found == Self.reference(bytes, start, end, suspect), "\(bytes) \(start)..<\(end)")
      }
    }
  }

  /// A control character or invalid byte far into a file of printable lines is reported
  /// on its own line, and a multibyte character on another line is not.
  @Test func suspectBytesAreCheckedOnTheirLineOnly() {
    let filler = String(repeating: "2026-01-01 time acme 1h \"Plain text\"\n", count: 40)
    let text = filler + "client café \"Ünïcode\"\n" + filler + "client b \"tab\u{01}here\"\n"
    var bytes = Array(text.utf8)
    bytes += [0x63, 0x6C, 0x69, 0x65, 0x6E, 0x74, 0x20, 0xFF, 0x0A]  // `client \xFF`
    let file = SourceFile(path: "main.books", bytes: bytes)
    let tree = Parser.parse(file, fileIndex: 0)
    let problems = tree.diagnostics.map { diagnostic in
      "\(diagnostic.range.map { file.location(of: $0.start).line } ?? 0): \(diagnostic.message)"
    }
    #expect(
      problems == [
        "82: control character U+0001 in the text", "83: invalid UTF-8 byte 0xFF",
      ])
  }
}

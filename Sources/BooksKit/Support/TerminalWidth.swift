/// How many columns a terminal draws text in: two for an East Asian wide or fullwidth
/// character and for an emoji shown as an emoji, one for any other character. Tables and
/// diagnostic carets line up by it, so that a client named in Japanese or with an emoji
/// does not push the columns after it out of line.
enum TerminalWidth {
  /// The columns `text` takes.
  static func of(_ text: some StringProtocol) -> Int {
    // Printable ASCII (most cells of a long report): one column per byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    var width = 0
    for character in text {
      width += columns(character)
    }
    return width
  }

  /// The columns one character takes: two when it asks for emoji presentation (U+FE0F,
  /// keycaps such as 1️⃣ too), or when its first scalar is wide or shown as an emoji by
  /// default and it does not ask for text presentation (U+FE0E); one otherwise.
  static func columns(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count > 1 {
      if scalars.contains("\u{FE0F}") { return 2 }
      if scalars.contains("\u{FE0E}") { return isWide(first) ? 2 : 1 }
    }
    if first.isASCII { return 1 }
    return isWide(first) || first.properties.isEmojiPresentation ? 2 : 1
  }

  /// The longest start of `text` that fits in `width` columns.
  static func prefix(_ text: String, fitting width: Int) -> Substring {
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      used += columns(text[index])
      if used > width { break }
      end = text.index(after: index)
    }
    return text[..<end]
  }

  /// The East Asian Width classes W and F outside the emoji (Unicode Standard Annex #11):
  /// Hangul, CJK, kana, fullwidth forms, Tangut and Khitan, and the supplementary
  /// ideographic planes.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x17000...0x18CFF,
      0x1B000...0x1B2FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      true
    default: false
    }
  }
}

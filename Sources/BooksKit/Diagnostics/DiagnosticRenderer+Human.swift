/// The terminal format of `books check`, in the style of compiler diagnostics:
///
/// ```
/// samples/acme.books:12:10: error[refs]: unknown client `acmee`
///    |
/// 12 |   client acmee
///    |          ^^^^^
///    = fix: did you mean `acme`? write: client acme
/// samples/acme.books:3:8: note: client `acme` is defined here
///    |
///  3 | client acme "Acme Corp"
///    |        ^^^^
/// ```
///
/// Each diagnostic is a block followed by one blank line. A block is the header, an
/// excerpt of the first line of the range with carets under it, the fix, notes without a
/// location (`= note: ...`), then each located note with its own header and excerpt. The
/// gutter is as wide as the largest line number in the block.
extension DiagnosticRenderer {
  /// Renders diagnostics for a terminal, in the order given; `color` adds ANSI styles.
  public static func human(_ diagnostics: [Diagnostic], files: [SourceFile], color: Bool)
    -> String
  {
    let style = HumanStyle(enabled: color)
    var output = ""
    for diagnostic in diagnostics {
      for line in humanBlock(diagnostic, files: files, style: style) {
        output += line
        output += "\n"
      }
      output += "\n"
    }
    return output
  }

  private static func humanBlock(_ diagnostic: Diagnostic, files: [SourceFile], style: HumanStyle)
    -> [String]
  {
    let location = ResolvedLocation(diagnostic.range, in: files)
    let excerpt = Excerpt(location)
    var floatingNotes: [String] = []
    var locatedNotes: [(message: String, location: ResolvedLocation, excerpt: Excerpt?)] = []
    for note in diagnostic.notes {
      let noteLocation = ResolvedLocation(note.range, in: files)
      if case .unknown = noteLocation {
        floatingNotes.append(printable(note.message))
      } else {
        locatedNotes.append((printable(note.message), noteLocation, Excerpt(noteLocation)))
      }
    }

    let shownLines = ([excerpt] + locatedNotes.map(\.excerpt)).compactMap { $0?.line }
    let width = String(shownLines.max() ?? 0).count

    let severity = diagnostic.severity
    var lines = [
      "\(location.label ?? "books"): "
        + style.severity(severity, "\(severity.rawValue)[\(diagnostic.code)]")
        + ": \(style.bold(printableLine(diagnostic.message)))"
    ]
    if let excerpt {
      lines += excerpt.rendered(width: width, style: style)
    }
    if let fix = diagnostic.fix {
      lines += attachment(label: "fix", text: printable(fix), width: width, style: style)
    }
    for message in floatingNotes {
      lines += attachment(
        label: style.severity(.note, "note"), labelWidth: 4, text: message, width: width,
        style: style)
    }
    for note in locatedNotes {
      lines.append(
        "\(note.location.label ?? "books"): \(style.severity(.note, "note")): "
          + style.bold(note.message))
      if let noteExcerpt = note.excerpt {
        lines += noteExcerpt.rendered(width: width, style: style)
      }
    }
    return lines
  }

  /// `   = LABEL: TEXT`, with further lines of `TEXT` aligned under its first character.
  private static func attachment(
    label: String, labelWidth: Int? = nil, text: String, width: Int, style: HumanStyle
  ) -> [String] {
    var textLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    while textLines.count > 1, textLines.last?.isEmpty == true {
      textLines.removeLast()
    }
    let indent = String(repeating: " ", count: width + 3 + (labelWidth ?? label.count) + 2)
    var lines: [String] = []
    for (index, textLine) in textLines.enumerated() {
      if index == 0 {
        let gutter = style.gutter(String(repeating: " ", count: width) + " =")
        lines.append("\(gutter) \(label): \(textLine)")
      } else {
        lines.append(textLine.isEmpty ? "" : indent + textLine)
      }
    }
    return lines
  }
}

/// One source line quoted in a diagnostic, with where its carets go.
private struct Excerpt {
  /// 1-based line number.
  var line: Int
  /// The line's text with each tab shown as four spaces (and a leading BOM dropped).
  var text: String
  /// Display columns before the first caret.
  var caretIndent: Int
  /// Number of carets, at least one.
  var caretCount: Int

  /// The excerpt for a valid range, or nil when there is nothing to quote.
  init?(_ location: ResolvedLocation) {
    guard case .range(let file, let start, let end) = location else { return nil }
    let line = file.line(of: start)
    let lineRange = file.lineRange(line)
    var contentStart = lineRange.lowerBound
    var text = file.lineText(line)
    if line == 1, file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      // `location(of:)` does not count the BOM, so the carets must not either.
      contentStart = min(lineRange.lowerBound + 3, lineRange.upperBound)
      if text.unicodeScalars.first == "\u{FEFF}" {
        text = String(text.unicodeScalars.dropFirst())
      }
    }
    let caretStart = min(max(start, contentStart), lineRange.upperBound)
    let caretEnd = min(max(end, caretStart), lineRange.upperBound)
    self.line = line
    // A very long line is quoted as a window around the caret, marked with `…`.
    let window = Self.window
    if lineRange.upperBound - contentStart > 2 * window {
      let from = Self.boundary(file.bytes, max(contentStart, caretStart - window / 2), contentStart)
      let to = Self.boundary(file.bytes, min(lineRange.upperBound, from + window), contentStart)
      let lead = from > contentStart ? "…" : ""
      let trail = to < lineRange.upperBound ? "…" : ""
      let shownEnd = min(max(caretEnd, caretStart), to)
      self.text = lead + Self.expandingTabs(file.text(from..<to)) + trail
      self.caretIndent = lead.count + Self.displayWidth(file.text(from..<min(caretStart, to)))
      self.caretCount = max(1, Self.displayWidth(file.text(min(caretStart, to)..<shownEnd)))
      return
    }
    self.text = Self.expandingTabs(text)
    self.caretIndent = Self.displayWidth(file.text(contentStart..<caretStart))
    self.caretCount = max(1, Self.displayWidth(file.text(caretStart..<caretEnd)))
  }

  /// Bytes of a long line quoted around the caret.
  static let window = 120

  /// `offset` moved back to the start of a UTF-8 sequence (not before `floor`).
  static func boundary(_ bytes: [UInt8], _ offset: Int, _ floor: Int) -> Int {
    var index = min(offset, bytes.count)
    while index > floor, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index -= 1 }
    return index
  }

  /// The blank gutter line, the quoted line and the caret line.
  func rendered(width: Int, style: HumanStyle) -> [String] {
    let blankGutter = style.gutter(String(repeating: " ", count: width) + " |")
    let number = String(line)
    let numberGutter = style.gutter(
      String(repeating: " ", count: max(0, width - number.count)) + number + " |")
    let carets =
      String(repeating: " ", count: caretIndent)
      + style.gutter(String(repeating: "^", count: caretCount))
    return [
      blankGutter,
      text.isEmpty ? numberGutter : "\(numberGutter) \(text)",
      "\(blankGutter) \(carets)",
    ]
  }

  /// Columns a piece of a line takes in the excerpt, as a terminal draws it: four per tab,
  /// two per wide character (CJK, fullwidth forms, emoji), one per other character.
  static func displayWidth(_ text: String) -> Int {
    var width = 0
    for character in text {
      width += character == "\t" ? 4 : TerminalWidth.columns(character)
    }
    return width
  }

  /// The line as shown: tabs as four spaces, and control characters (which could drive the
  /// terminal) as their visible Unicode "control pictures", one column each.
  static func expandingTabs(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "\t" || isControl($0) }) else { return text }
    var expanded = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        expanded.append(contentsOf: "    ".unicodeScalars)
      } else {
        expanded.append(visible(scalar))
      }
    }
    return String(expanded)
  }
}

/// A control character's visible stand-in: U+2400... for C0, U+2421 for DEL, U+FFFD for C1.
func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
  guard isControl(scalar) else { return scalar }
  if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}" }
  return scalar.value == 0x7F ? "\u{2421}" : "\u{FFFD}"
}

/// Text from a file made safe to print on a terminal: control characters made visible.
func printable(_ text: String) -> String {
  guard text.unicodeScalars.contains(where: isControl) else { return text }
  var view = String.UnicodeScalarView()
  for scalar in text.unicodeScalars {
    view.append(scalar == "\n" ? scalar : visible(scalar))
  }
  return String(view)
}

/// Text for one line of a terminal: control characters, line feeds included, made
/// visible, so that text quoted from a file (a string with `\n` in it) cannot start a line
/// that reads like another diagnostic.
func printableLine(_ text: String) -> String {
  guard text.unicodeScalars.contains(where: isControl) else { return text }
  return String(String.UnicodeScalarView(text.unicodeScalars.map(visible)))
}

/// ANSI styling for the human format; a no-op when colour is off.
private struct HumanStyle {
  var enabled: Bool

  func paint(_ text: String, _ sgr: String) -> String {
    enabled ? "\u{1B}[\(sgr)m\(text)\u{1B}[0m" : text
  }

  /// Bold red for errors, bold yellow for warnings, bold cyan for notes.
  func severity(_ severity: Severity, _ text: String) -> String {
    switch severity {
    case .error: paint(text, "1;31")
    case .warning: paint(text, "1;33")
    case .note: paint(text, "1;36")
    }
  }

  func gutter(_ text: String) -> String { paint(text, "1;34") }

  func bold(_ text: String) -> String { paint(text, "1") }
}

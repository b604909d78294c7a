/// A place in a document as LSP counts it: a 0-based line and a 0-based column in UTF-16
/// code units.
public struct LSPPosition: Hashable, Sendable {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public var json: JSONValue { ["line": .int(line), "character": .int(character)] }

  init?(_ json: JSONValue?) {
    guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue
    else { return nil }
    self.init(line: line, character: character)
  }
}

/// Conversions between the byte offsets of a `SourceFile` and LSP positions.
///
/// Lines split at LF like the parser's (a CR before it belongs to no column an editor
/// shows). A byte-order mark at the start of the file takes no column: editors hide it.
extension SourceFile {
  /// The LSP position of a byte offset (clamped into the file).
  public func position(of offset: Int) -> LSPPosition {
    let clamped = min(max(offset, 0), bytes.count)
    let line = line(of: clamped)
    var from = lineStart(line - 1)
    if line == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      from = min(3, clamped)
    }
    var units = 0
    var index = from
    while index < clamped {
      let byte = bytes[index]
      if byte < 0x80 {
        units += 1
        index += 1
      } else {
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        // Scalars above U+FFFF take two UTF-16 units; invalid bytes count as one (U+FFFD).
        units += length == 4 ? 2 : 1
        index += length
      }
    }
    return LSPPosition(line: line - 1, character: units)
  }

  /// The byte offset of an LSP position; a line past the end is the end of the file, a
  /// column past the end of its line is the end of the line (before CR LF).
  public func offset(of position: LSPPosition) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineCount else { return bytes.count }
    let range = lineRange(position.line + 1)
    var index = range.lowerBound
    if position.line == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB,
      bytes[2] == 0xBF
    {
      index = min(3, range.upperBound)
    }
    var units = 0
    while index < range.upperBound, units < position.character {
      let byte = bytes[index]
      let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      units += length == 4 ? 2 : 1
      index = min(index + length, range.upperBound)
    }
    return index
  }

  /// An LSP range object for a byte range.
  public func lspRange(_ start: Int, _ end: Int) -> JSONValue {
    ["start": position(of: start).json, "end": position(of: max(start, end)).json]
  }
}

/// One loaded `.books` file: its bytes, kept unchanged, and where each line starts.
///
/// Everything downstream points back into these bytes by offset, so diagnostics can
/// quote the original text rather than a re-rendering of it.
public final class SourceFile: Sendable {
  /// The path as the user gave it (or as an include resolved it), used in diagnostics.
  public let path: String
  /// The file's bytes, including any BOM and CR characters.
  public let bytes: [UInt8]
  /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// Per line: true when it holds a non-ASCII byte, so its columns must be counted.
  private let lineHasNonASCII: [Bool]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [0]
    var nonASCII = [false]
    starts.reserveCapacity(bytes.count / 32 + 1)
    nonASCII.reserveCapacity(bytes.count / 32 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      var sawHigh = false
      for index in buffer.indices {
        let byte = buffer[index]
        if byte == 0x0A {
          nonASCII[nonASCII.count - 1] = sawHigh
          sawHigh = false
          starts.append(index + 1)
          nonASCII.append(false)
        } else if byte >= 0x80 {
          sawHigh = true
        }
      }
      nonASCII[nonASCII.count - 1] = sawHigh
    }
    self.lineStarts = starts
    self.lineHasNonASCII = nonASCII
  }

  private init(path: String, bytes: [UInt8], lineStarts: [Int], lineHasNonASCII: [Bool]) {
    self.path = path
    self.bytes = bytes
    self.lineStarts = lineStarts
    self.lineHasNonASCII = lineHasNonASCII
  }

  /// The same file over a copy of its bytes, for a thread of its own: threads that read one
  /// array would take turns on its reference count at every token.
  func privateCopy() -> SourceFile {
    let copy = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
      count = bytes.withUnsafeBufferPointer { source in
        guard let base = source.baseAddress, let target = buffer.baseAddress else { return 0 }
        target.update(from: base, count: source.count)
        return source.count
      }
    }
    return SourceFile(
      path: path, bytes: copy, lineStarts: lineStarts, lineHasNonASCII: lineHasNonASCII)
  }

  public convenience init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The 1-based line that holds `offset` (offsets past the end belong to the last line).
  public func line(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// Byte range of a 1-based line, without its line terminator (LF or CRLF).
  public func lineRange(_ line: Int) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<max(start, end)
  }

  /// The text of a 1-based line, decoded leniently (invalid UTF-8 becomes U+FFFD).
  public func lineText(_ line: Int) -> String {
    String(decoding: bytes[lineRange(line)], as: UTF8.self)
  }

  /// 1-based line and column of `offset`; the column counts characters, not bytes.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let line = line(of: offset)
    let range = lineRange(line)
    let clamped = min(max(offset, range.lowerBound), range.upperBound)
    if lineHasNonASCII.indices.contains(line - 1), !lineHasNonASCII[line - 1] {
      return (line, clamped - range.lowerBound + 1)  // ASCII: one byte, one character
    }
    var prefixStart = range.lowerBound
    if line == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      prefixStart = min(3, clamped)
    }
    let prefix = String(decoding: bytes[prefixStart..<clamped], as: UTF8.self)
    return (line, prefix.count + 1)
  }

  /// The exact text of a byte range, decoded leniently.
  public func text(_ range: Range<Int>) -> String {
    let lower = min(max(range.lowerBound, 0), bytes.count)
    let upper = min(max(range.upperBound, lower), bytes.count)
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }
}

/// A span of bytes in one of the loaded files.
public struct SourceRange: Hashable, Sendable {
  /// Index of the file in the load's `files` array.
  public var file: Int
  public var start: Int
  public var end: Int

  public init(file: Int, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = end
  }
}

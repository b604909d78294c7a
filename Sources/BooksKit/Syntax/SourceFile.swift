#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One loaded `.books` file: its bytes, kept unchanged, and where each line starts.
///
/// Everything downstream points back into these bytes by offset, so diagnostics can
/// quote the original text rather than a re-rendering of it.
public final class SourceFile: Sendable {
  /// The path as the user gave it (or as an include resolved it), used in diagnostics.
  public let path: String
  /// The file's bytes, including any BOM and CR characters.
  public let bytes: [UInt8]
  /// Where the lines start, found the first time a line or column is asked for: a check
  /// that finds nothing wrong never needs them.
  private let lines = Once<Lines>()

  private struct Lines: Sendable {
    /// Byte offset of the first byte of each line; `starts[0] == 0`. In 32 bits (a file is
    /// at most 1 GiB): a line is about 25 bytes, so this is a sixth of the file's size.
    var starts: [Int32]
    /// Per line: true when it holds a non-ASCII byte, so its columns must be counted.
    var nonASCII: [Bool]
  }

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  private var lineTable: Lines {
    lines.get { Self.scan(bytes) }
  }

  private static func scan(_ bytes: [UInt8]) -> Lines {
    var starts: [Int32] = [0]
    starts.reserveCapacity(bytes.count / 24 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      // memchr scans many bytes at a time; a file is mostly not newlines.
      while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
        let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        starts.append(Int32(clamping: index + 1))
        offset = index + 1
      }
    }
    let nonASCII = bytes.withUnsafeBytes { raw in
      starts.indices.map { line in
        let end = line + 1 < starts.count ? Int(starts[line + 1]) : raw.count
        return Self.hasHighBit(raw, from: Int(starts[line]), to: end)
      }
    }
    return Lines(starts: starts, nonASCII: nonASCII)
  }

  /// Whether a byte in `start..<end` is 0x80 or above, eight bytes at a time.
  private static func hasHighBit(_ raw: UnsafeRawBufferPointer, from start: Int, to end: Int)
    -> Bool
  {
    guard let base = raw.baseAddress, start < end, end <= raw.count else { return false }
    var index = start
    var seen: UInt64 = 0
    while index + 8 <= end {
      seen |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      index += 8
    }
    while index < end {
      seen |= UInt64(raw[index])
      index += 1
    }
    return seen & 0x8080_8080_8080_8080 != 0
  }

  public convenience init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The number of lines (a file that ends with a newline has an empty last line).
  public var lineCount: Int { lineTable.starts.count }

  /// The byte offset where the 0-based line `index` starts (0 outside the file's lines).
  public func lineStart(_ index: Int) -> Int {
    let starts = lineTable.starts
    return starts.indices.contains(index) ? Int(starts[index]) : 0
  }

  /// The 1-based line that holds `offset` (offsets past the end belong to the last line).
  public func line(of offset: Int) -> Int {
    Self.line(of: offset, in: lineTable.starts)
  }

  private static func line(of offset: Int, in starts: [Int32]) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// Byte range of a 1-based line, without its line terminator (LF or CRLF).
  public func lineRange(_ line: Int) -> Range<Int> {
    Self.lineRange(line, in: lineTable.starts, bytes)
  }

  private static func lineRange(_ line: Int, in starts: [Int32], _ bytes: [UInt8]) -> Range<Int> {
    guard line >= 1, line <= starts.count else { return bytes.count..<bytes.count }
    let start = Int(starts[line - 1])
    var end = line < starts.count ? Int(starts[line]) - 1 : bytes.count
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<max(start, end)
  }

  /// The text of a 1-based line, decoded leniently (invalid UTF-8 becomes U+FFFD).
  public func lineText(_ line: Int) -> String {
    String(decoding: bytes[lineRange(line)], as: UTF8.self)
  }

  /// 1-based line and column of `offset`; the column counts characters, not bytes.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let table = lineTable
    let line = Self.line(of: offset, in: table.starts)
    let range = Self.lineRange(line, in: table.starts, bytes)
    let clamped = min(max(offset, range.lowerBound), range.upperBound)
    if table.nonASCII.indices.contains(line - 1), !table.nonASCII[line - 1] {
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
  // Stored in 32 bits: a file is at most `LocalFileSystem.maximumFileSize` (1 GiB) bytes,
  // and every model value carries a range or two, so half the width is a fifth less memory.
  private var storedFile: Int32
  private var storedStart: Int32
  private var storedEnd: Int32

  /// Index of the file in the load's `files` array.
  public var file: Int {
    get { Int(storedFile) }
    set { storedFile = Int32(clamping: newValue) }
  }
  public var start: Int {
    get { Int(storedStart) }
    set { storedStart = Int32(clamping: newValue) }
  }
  public var end: Int {
    get { Int(storedEnd) }
    set { storedEnd = Int32(clamping: newValue) }
  }

  public init(file: Int, start: Int, end: Int) {
    storedFile = Int32(clamping: file)
    storedStart = Int32(clamping: start)
    storedEnd = Int32(clamping: end)
  }
}

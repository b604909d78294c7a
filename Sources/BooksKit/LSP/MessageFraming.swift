/// The base protocol of LSP: each message is a header block (`Content-Length: N`, other
/// headers ignored, lines ended by CRLF) followed by N bytes of JSON.
///
/// The reader is fed whatever bytes arrive and hands back whole messages. It never gives
/// up on the stream: a header block without a usable `Content-Length`, or one announcing
/// more than `maximumLength` bytes, is reported and skipped, and reading goes on with the
/// next header block.
public struct MessageReader: Sendable {
  /// What came out of the stream.
  public enum Event: Equatable, Sendable {
    /// The content of one message.
    case message([UInt8])
    /// A header block that could not be used; the text says why.
    case badHeader(String)
  }

  /// The largest message accepted: 64 MiB, far above any real document.
  public static let maximumLength = 64 << 20

  private var buffer: [UInt8] = []
  /// Where unread bytes start in `buffer` (compacted from time to time).
  private var start = 0
  /// Bytes of an oversized message still to be thrown away.
  private var discarding = 0

  public init() {}

  /// Adds bytes read from the stream.
  public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    buffer.append(contentsOf: bytes)
  }

  /// True when no unread bytes are waiting.
  public var isEmpty: Bool { start >= buffer.count }

  /// The next whole message or header problem, or nil when more bytes are needed.
  public mutating func next() -> Event? {
    defer { compact() }
    if discarding > 0 {
      let dropped = min(discarding, buffer.count - start)
      start += dropped
      discarding -= dropped
      if discarding > 0 { return nil }
    }
    // Blank lines between messages are tolerated.
    while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
    guard let headerEnd = findHeaderEnd() else {
      if buffer.count - start > 8192 {
        // No header block ends within 8 KiB: this is not a header; skip a line.
        let lineEnd = buffer[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? buffer.count
        start = lineEnd
        return .badHeader("a header line is too long")
      }
      return nil
    }
    let header = String(decoding: buffer[start..<headerEnd.headerEnd], as: UTF8.self)
    let bodyStart = headerEnd.bodyStart
    var length: Int?
    var lengthText: String?
    for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].trimmingBlanks.lowercased()
      if name == "content-length" {
        let value = line[line.index(after: colon)...].trimmingBlanks
        lengthText = String(value)
        length = Int(value)
      }
    }
    guard let length, length >= 0 else {
      start = bodyStart
      if let lengthText {
        return .badHeader("Content-Length `\(lengthText.prefix(40))` is not a length")
      }
      return .badHeader("a message without a Content-Length header")
    }
    guard length <= Self.maximumLength else {
      start = bodyStart
      discarding = length
      let dropped = min(discarding, buffer.count - start)
      start += dropped
      discarding -= dropped
      return .badHeader("a message of \(length) bytes is larger than the limit")
    }
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Array(buffer[bodyStart..<(bodyStart + length)])
    start = bodyStart + length
    return .message(body)
  }

  /// Finds the blank line that ends a header block (CRLF CRLF, or LF LF from lax clients).
  private func findHeaderEnd() -> (headerEnd: Int, bodyStart: Int)? {
    var index = start
    while index < buffer.count {
      if buffer[index] == 0x0A {
        if index + 1 < buffer.count, buffer[index + 1] == 0x0A {
          return (index, index + 2)
        }
        if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A {
          return (index, index + 3)
        }
      }
      index += 1
    }
    return nil
  }

  private mutating func compact() {
    if start >= buffer.count {
      buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
      start = 0
    } else if start > 1 << 16, start > buffer.count / 2 {
      buffer.removeSubrange(0..<start)
      start = 0
    }
  }

  /// One message framed for the stream.
  public static func frame(_ value: JSONValue) -> [UInt8] {
    let body = Array(value.serialized(pretty: false).utf8)
    return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }
}

extension Substring {
  fileprivate var trimmingBlanks: Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return text
  }
}

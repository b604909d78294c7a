/// `file://` URIs as editors send them, and the paths they name.
public enum DocumentURI {
  /// The path of a `file:` URI, percent-decoded; nil for other schemes.
  public static func path(_ uri: String) -> String? {
    let prefix = "file://"
    guard uri.lowercased().hasPrefix(prefix) else { return nil }
    var rest = Substring(uri.dropFirst(prefix.count))
    // `file://host/path`: only the local host is understood.
    if !rest.hasPrefix("/") {
      guard let slash = rest.firstIndex(of: "/") else { return nil }
      let host = rest[..<slash]
      guard host.isEmpty || host == "localhost" else { return nil }
      rest = rest[slash...]
    }
    if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
    return percentDecoded(rest).map(Path.normalize)
  }

  /// The `file://` URI of an absolute path, with every byte outside the unreserved set and
  /// `/` percent-encoded the way editors do.
  public static func uri(_ path: String) -> String {
    var out = "file://"
    let hex = Array("0123456789ABCDEF")
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.append(Character(Unicode.Scalar(byte)))
      default:
        out.append("%")
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0F)])
      }
    }
    return out
  }

  private static func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8)[...]
    while let byte = iterator.popFirst() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.popFirst().flatMap(hexValue),
        let low = iterator.popFirst().flatMap(hexValue)
      else { return nil }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

/// The disk with the editor's unsaved buffers laid over it, so that `include`s resolve to
/// what the user sees in the editor rather than to what was last saved.
struct EditorFileSystem: FileSystem {
  var base: any FileSystem
  /// Normalized path → text of the open document.
  var buffers: [String: [UInt8]] = [:]

  func read(_ path: String) -> Result<[UInt8], FileProblem> {
    if let bytes = buffers[Path.normalize(path)] { return .success(bytes) }
    return base.read(path)
  }

  func glob(_ pattern: String) -> [String] {
    // Unsaved new files match a pattern too.
    let normalized = Path.normalize(pattern)
    let unsaved = buffers.keys.filter { Path.matches(normalized, $0) }
    return Array(Set(base.glob(pattern) + unsaved)).sorted()
  }

  func canonical(_ path: String) -> String {
    let canonical = base.canonical(path)
    // A new file has no canonical spelling on disk yet.
    return canonical == path ? Path.normalize(path) : canonical
  }
}

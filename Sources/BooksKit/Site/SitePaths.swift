/// Where each page of the site lives, relative to the site's folder.
///
/// Ids and document numbers become file names through `slug`, which keeps
/// `[A-Za-z0-9.-]` and spells every other byte `_XX`, so two different ids never share a
/// file and no id (`../x`, `a/b`, `.`) can name a path outside its folder.
enum SitePaths {
  static let index = "index.html"
  static let stylesheet = "style.css"

  /// A file-name-safe spelling of `text`, different for different texts.
  static func slug(_ text: String) -> String {
    var out = ""
    for (offset, byte) in text.utf8.enumerated() {
      let keep =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || (byte == 0x2E && offset > 0)
      if keep {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        out += "_" + hex(byte)
      }
    }
    if out.isEmpty { return "_" }
    // File names have a length limit; a long id keeps its start and a checksum of the rest.
    if out.utf8.count > 160 { return String(out.prefix(120)) + "_" + checksum(text) }
    return out
  }

  static func client(_ id: String) -> String { "clients/\(slug(id)).html" }
  static func statement(_ id: String) -> String { "statements/\(slug(id)).html" }
  static func project(_ id: String) -> String { "projects/\(slug(id)).html" }
  static func service(_ id: String) -> String { "services/\(slug(id)).html" }
  static func contact(_ id: String) -> String { "contacts/\(slug(id)).html" }
  static func staff(_ id: String) -> String { "staff/\(slug(id)).html" }
  static func resource(_ id: String) -> String { "resources/\(slug(id)).html" }
  static func goal(_ id: String) -> String { "goals/\(slug(id)).html" }
  static func invoice(_ number: String) -> String { "invoices/\(slug(number)).html" }
  static func estimate(_ number: String) -> String { "estimates/\(slug(number)).html" }
  static func month(year: Int, month: Int) -> String {
    "calendar/\(year)-\(month < 10 ? "0" : "")\(month).html"
  }
  static func week(year: Int, week: Int) -> String {
    "calendar/\(year)-W\(week < 10 ? "0" : "")\(week).html"
  }

  /// `../` once per folder of `path`: how a page reaches the site's root.
  static func root(from path: String) -> String {
    String(repeating: "../", count: path.utf8.filter { $0 == UInt8(ascii: "/") }.count)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".unicodeScalars)
    return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
  }

  /// FNV-1a of the text's bytes, as 16 hex digits: stable across runs and machines.
  private static func checksum(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    var out = ""
    for shift in stride(from: 56, through: 0, by: -8) {
      out += hex(UInt8((hash >> UInt64(shift)) & 0xFF))
    }
    return out
  }
}

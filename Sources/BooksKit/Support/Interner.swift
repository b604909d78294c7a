/// One `String` for each distinct text a builder reads, made once.
///
/// A million time entries name a few hundred targets; an id longer than 15 bytes does not
/// fit in a `String` of its own, so each reading would allocate a copy. Interned, every
/// entry that names the id shares one allocation: the builder hashes the bytes and
/// compares them with the string it has, instead of validating and copying them again.
/// Short texts are made directly (they are stored inline, without an allocation), and long
/// ones too (a note is rarely written twice). Each builder has its own interner, so no
/// two threads share one.
struct Interner {
  /// The distinct texts, by number, with their hashes.
  private var strings: [String] = []
  private var hashes: [UInt64] = []
  /// Open addressing, linear probing: a number, or -1 for an empty place.
  private var table: [Int32] = Array(repeating: -1, count: 256)

  /// Texts this long (in UTF-8 bytes) are interned; shorter ones fit inline.
  static let lengths = 16...64
  /// Past this many distinct texts (a file of unique descriptions), new texts are made
  /// directly instead of growing the table.
  static let capacity = 1 << 16

  /// `bytes` as a string, as `String(decoding:as:)` reads them (invalid UTF-8 becomes
  /// U+FFFD; the parser reports it, and the line is still read).
  mutating func string(_ bytes: ArraySlice<UInt8>) -> String {
    guard Self.lengths.contains(bytes.count) else {
      return String(decoding: bytes, as: UTF8.self)
    }
    return bytes.withUnsafeBufferPointer { string($0) }
  }

  private mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let hash = IdSlots.hash(bytes)
    let mask = table.count - 1
    var place = Int(truncatingIfNeeded: hash) & mask
    while true {
      let found = Int(table[place])
      if found < 0 { break }
      if hashes[found] == hash, Self.equal(strings[found], bytes) { return strings[found] }
      place = (place + 1) & mask
    }
    let made = String(decoding: bytes, as: UTF8.self)
    // Not kept past the capacity, nor when decoding repaired invalid UTF-8: the string's
    // bytes would never equal the file's, and each reading would add another copy to one
    // ever longer cluster of the table.
    guard strings.count < Self.capacity, Self.equal(made, bytes) else { return made }
    table[place] = Int32(truncatingIfNeeded: strings.count)
    strings.append(made)
    hashes.append(hash)
    // At most half full, so probes stay short and an empty place always exists.
    if strings.count * 2 > table.count { grow() }
    return made
  }

  /// True when `string`'s UTF-8 is `bytes`.
  static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    string.utf8.withContiguousStorageIfAvailable { equal($0, bytes) }
      ?? string.utf8.elementsEqual(bytes)
  }

  /// Compares eight bytes at a time (`elementsEqual` steps through two iterators).
  private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard a.count == b.count else { return false }
    guard let left = a.baseAddress, let right = b.baseAddress else { return a.count == 0 }
    var index = 0
    while index + 8 <= a.count {
      let x = UnsafeRawPointer(left).loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let y = UnsafeRawPointer(right).loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if x != y { return false }
      index += 8
    }
    while index < a.count {
      if left[index] != right[index] { return false }
      index += 1
    }
    return true
  }

  /// How many distinct texts are kept.
  var count: Int { strings.count }

  private mutating func grow() {
    table = Array(repeating: -1, count: table.count * 2)
    let mask = table.count - 1
    for (number, hash) in hashes.enumerated() {
      var place = Int(truncatingIfNeeded: hash) & mask
      while table[place] >= 0 { place = (place + 1) & mask }
      table[place] = Int32(truncatingIfNeeded: number)
    }
  }
}

/// An `Interner` a builder object holds and uses through a pointer: a mutable stored
/// property of a class is checked for exclusive access at run time on every use, which
/// cost more than the lookup itself. One thread uses a box at a time (each builder has its
/// own).
final class InternerBox {
  private let interner: UnsafeMutablePointer<Interner>

  init() {
    interner = .allocate(capacity: 1)
    interner.initialize(to: Interner())
  }

  deinit {
    interner.deinitialize(count: 1)
    interner.deallocate()
  }

  /// `Interner.string(_:)`.
  func string(_ bytes: ArraySlice<UInt8>) -> String { interner.pointee.string(bytes) }
}

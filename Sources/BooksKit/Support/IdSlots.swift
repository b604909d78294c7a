/// Numbers the distinct ids it is given, 0, 1, 2... in the order first seen.
///
/// For the passes that meet every entry's id (a million time entries name a few hundred
/// targets): ids are hashed eight bytes at a time with a multiply-and-fold mix instead of
/// `Hasher`'s SipHash, which costs several times more on short ids. The mix is seeded once
/// per process, so no file can be written to make its ids collide on every run.
struct IdSlots {
  /// The ids, by number.
  private(set) var ids: [String] = []
  /// Open addressing, linear probing: a number, or -1 for an empty place.
  private var table: [Int32] = Array(repeating: -1, count: 64)

  private static let seed: UInt64 = UInt64.random(in: 1...UInt64.max)

  /// The id's number, given a new one when it is first seen.
  mutating func slot(_ id: String) -> Int32 {
    let mask = table.count - 1
    var place = Int(truncatingIfNeeded: Self.hash(id)) & mask
    while true {
      let found = table[place]
      if found < 0 { break }
      if ids[Int(found)] == id { return found }
      place = (place + 1) & mask
    }
    let number = Int32(truncatingIfNeeded: ids.count)
    ids.append(id)
    table[place] = number
    // At most half full, so probes stay short and an empty place always exists.
    if ids.count * 2 > table.count { grow() }
    return number
  }

  /// The id's number, if it has one (nothing is added).
  func find(_ id: String) -> Int32? {
    let mask = table.count - 1
    var place = Int(truncatingIfNeeded: Self.hash(id)) & mask
    while true {
      let found = table[place]
      if found < 0 { return nil }
      if ids[Int(found)] == id { return found }
      place = (place + 1) & mask
    }
  }

  private mutating func grow() {
    table = Array(repeating: -1, count: table.count * 2)
    let mask = table.count - 1
    for (number, id) in ids.enumerated() {
      var place = Int(truncatingIfNeeded: Self.hash(id)) & mask
      while table[place] >= 0 { place = (place + 1) & mask }
      table[place] = Int32(truncatingIfNeeded: number)
    }
  }

  static func hash(_ id: String) -> UInt64 {
    var text = id
    return text.withUTF8 { hash($0) }
  }

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = seed ^ UInt64(truncatingIfNeeded: bytes.count)
    var index = 0
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= bytes.count {
        hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        index += 8
      }
    }
    var last: UInt64 = 0
    var shift: UInt64 = 0
    while index < bytes.count {
      last |= UInt64(bytes[index]) << shift
      shift += 8
      index += 1
    }
    return mix(hash ^ last)
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    let product = value.multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
    return product.high ^ product.low
  }
}

import Testing

@testable import BooksKit

@Suite struct IdSlotsTests {
  /// Every id gets the number of its first sighting, through many growths of the table, for
  /// ids of every length around the eight-byte steps of the hash, ASCII or not.
  @Test func numbersEachDistinctIdOnce() {
    var slots = IdSlots()
    var expected: [String: Int32] = [:]
    var order: [String] = []
    for round in 0..<3 {
      for number in 0..<2000 {
        let id =
          "p\(number)-" + String(repeating: "x", count: number % 19) + (number % 7 == 0 ? "é" : "")
        let slot = slots.slot(id)
        if round == 0, expected[id] == nil {
          expected[id] = Int32(order.count)
          order.append(id)
        }
        #expect(slot == expected[id])
      }
    }
    #expect(slots.ids == order)
    #expect(slots.slot("") == Int32(order.count))
    #expect(slots.slot("") == Int32(order.count))
  }

  /// Ids that differ only past their first eight bytes, or only in length, are told apart.
  @Test func idsThatShareAPrefixAreDifferent() {
    var slots = IdSlots()
    #expect(slots.slot("abcdefgh") == 0)
    #expect(slots.slot("abcdefgh1") == 1)
    #expect(slots.slot("abcdefgh2") == 2)
    #expect(slots.slot("abcdefgh\u{0}") == 3)
    #expect(slots.slot("abcdefg") == 4)
    #expect(slots.slot("abcdefgh") == 0)
    #expect(IdSlots.hash("a") != IdSlots.hash("a\u{0}"))
  }

  /// `find` gives the number of a known id and nothing for another, without adding it.
  @Test func findsOnlyKnownIds() {
    var slots = IdSlots()
    let ids = (0..<300).map { "client-\($0)-" + String(repeating: "z", count: $0 % 11) }
    for id in ids { _ = slots.slot(id) }
    for (number, id) in ids.enumerated() { #expect(slots.find(id) == Int32(number)) }
    #expect(slots.find("client-0-x") == nil)
    #expect(slots.find("") == nil)
    #expect(slots.ids.count == 300)
  }
}

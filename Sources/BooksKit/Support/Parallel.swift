import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Work spread over the machine's cores, with results in the order of the inputs, so that
/// what `books` prints never depends on which thread finished first.
enum Parallel {
  /// `BOOKS_THREADS` when set, else the machine's online cores (at least 1). A process
  /// pinned to fewer (`taskset`) still starts this many threads; they then take turns.
  static let cores: Int = {
    if let value = getenv("BOOKS_THREADS"), let threads = Int(String(cString: value)),
      threads > 0
    {
      return min(threads, 64)
    }
    let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return online > 0 ? Int(online) : 1
  }()

  /// `body(0..<count)`, each index once, on up to `cores` threads; the results in index
  /// order. Runs inline when there is one core or one index.
  static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1, cores > 1 else { return (0..<max(count, 0)).map(body) }
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.store(body(index), at: index)
    }
    return slots.values()
  }

  /// `body(worker, index)` for each index of `0..<count`, on up to `cores` workers that
  /// each take the next index once done with one, so that a worker slowed down (or busy
  /// with `first`, which one worker runs before it takes any) takes fewer. A worker runs
  /// on one thread at a time. The results in index order; inline when there is one core.
  static func mapTaking<T: Sendable>(
    _ count: Int, first: @Sendable () -> Void,
    _ body: @Sendable (_ worker: Int, _ index: Int) -> T
  ) -> [T] {
    let workers = min(cores, max(count, 0) + 1)
    guard workers > 1 else {
      first()
      return (0..<max(count, 0)).map { body(0, $0) }
    }
    let slots = Slots<T>(count)
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      if worker == 0 { first() }
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count else { return }
        slots.store(body(worker, index), at: index)
      }
    }
    return slots.values()
  }

  /// Two results computed side by side.
  static func pair<A: Sendable, B: Sendable>(
    _ first: @Sendable () -> A, _ second: @Sendable () -> B
  ) -> (A, B) {
    guard cores > 1 else { return (first(), second()) }
    let a = Slots<A>(1)
    let b = Slots<B>(1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 { a.store(first(), at: 0) } else { b.store(second(), at: 0) }
    }
    return (a.values()[0], b.values()[0])
  }

  /// The arrays one after the other, taking the first one's buffer over (its elements move
  /// when it grows) so that only the others are copied. Empties `parts`.
  static func concatenate<T>(_ parts: inout [[T]]) -> [T] {
    guard !parts.isEmpty else { return [] }
    var all: [T] = []
    swap(&all, &parts[0])
    let total = parts.reduce(all.count) { $0 + $1.count }
    all.reserveCapacity(total)
    for index in parts.indices.dropFirst() {
      all.append(contentsOf: parts[index])
      parts[index] = []
    }
    return all
  }
}

/// One slot per index, each written by exactly one thread before `values()` reads them all
/// (`concurrentPerform` returns only when every iteration has).
private final class Slots<T>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<T?>
  private let count: Int

  init(_ count: Int) {
    self.count = count
    base = .allocate(capacity: count)
    base.initialize(repeating: nil, count: count)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func store(_ value: T, at index: Int) {
    precondition(index >= 0 && index < count)
    base[index] = value
  }

  func values() -> [T] {
    (0..<count).compactMap { base[$0] }
  }
}

extension Array {
  /// Each element's index and address. Reading a field through the address copies that
  /// field alone: a loop over the elements, or a closure given each element, copies all of
  /// it (the compiler cannot tell that a call inside the loop leaves the array alone), and
  /// an entry of the model is a big struct whose copy retains each of its strings and
  /// arrays.
  @inline(__always)
  func forEachAddress(_ body: (Int, UnsafePointer<Element>) throws -> Void) rethrows {
    try withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for index in buffer.indices { try body(index, base + index) }
    }
  }
}

extension Array where Element == Int {
  /// Where each run starts when runs of these lengths follow one another from 0.
  var runStarts: [Int] {
    var total = 0
    return map { length in
      defer { total += length }
      return total
    }
  }
}

extension UnsafeMutableBufferPointer {
  /// Moves every element of `array` into the `room` uninitialized elements from `start`,
  /// in order, leaving the array empty; returns how many. Moves nothing (and returns 0) when
  /// they do not fit. Popped from the end one by one, the elements are moved, not copied:
  /// a copy of a model entry would retain each of its strings and arrays.
  func moveAll(_ array: inout [Element], to start: Int, room: Int) -> Int {
    let count = array.count
    guard count > 0, count <= room, start >= 0, room <= self.count - start,
      let base = baseAddress
    else { return 0 }
    var index = start + count
    while let element = array.popLast() {
      index -= 1
      (base + index).initialize(to: element)
    }
    return count
  }

  /// Closes the gaps between regions: region `k` starts at `starts[k]` and holds
  /// `counts[k]` initialized elements, which move down to follow the region before. Returns
  /// how many elements there are, now all at the start.
  func compact(_ starts: [Int], _ counts: [Int]) -> Int {
    var end = 0
    for (start, count) in zip(starts, counts) where count > 0 {
      // The regions are in order, apart and inside the buffer: their starts are running
      // totals of their sizes. Anything else would lose values, so it stops the program.
      guard let base = baseAddress, start >= end, start <= self.count - count else {
        preconditionFailure("regions out of order")
      }
      if start != end { (base + end).moveInitialize(from: base + start, count: count) }
      end += count
    }
    return end
  }
}

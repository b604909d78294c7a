import Synchronization

/// Values a command-line run keeps until the process exits instead of freeing them one
/// object at a time: the model of a large set of books is millions of small objects, and
/// taking them apart only to exit right after cost a tenth of a `books check`. Off (values
/// are freed as usual) unless `BooksCLI.main`, the process's entry point, turned it on;
/// the library, its tests and the language server free everything.
enum ProcessLifetime {
  private static let keeping = Atomic<Bool>(false)

  static func keepUntilExit() { keeping.store(true, ordering: .relaxed) }

  static func keep(_ value: some Sendable) {
    guard keeping.load(ordering: .relaxed) else { return }
    _ = Unmanaged.passRetained(Kept(value))
  }

  private final class Kept<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }
}

import Synchronization

/// Values a command-line run keeps until the process exits instead of freeing them one
/// object at a time: the model of a large set of books is millions of small objects, and
/// taking them apart only to exit right after cost a tenth of a `books check`. They stay
/// reachable from a global (so leak checkers see them as still in use), and globals are
/// never torn down. Off (values are freed as usual) unless `BooksCLI.main`, the process's
/// entry point, turned it on; the library, its tests and the language server free
/// everything.
enum ProcessLifetime {
  private static let keeping = Atomic<Bool>(false)
  private static let kept = Mutex<[any Sendable]>([])

  static func keepUntilExit() { keeping.store(true, ordering: .relaxed) }

  static func keep(_ value: some Sendable) {
    guard keeping.load(ordering: .relaxed) else { return }
    kept.withLock { $0.append(value) }
  }
}

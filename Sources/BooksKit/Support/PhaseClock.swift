#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall time per phase (and peak memory so far) on standard error when `BOOKS_PROFILE` is
/// set, for finding where a run's time goes without a profiler. Silent otherwise.
struct PhaseClock {
  static let enabled = getenv("BOOKS_PROFILE") != nil
  private var last = PhaseClock.now()

  static func now() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
  }

  /// `work`'s result; with `BOOKS_PROFILE` set, also prints how long it took on its thread
  /// (for the tasks that run side by side, whose laps would overlap).
  static func timed<T>(_ task: @autoclosure () -> String, _ work: () -> T) -> T {
    guard enabled else { return work() }
    let start = now()
    let result = work()
    let micros = (now() - start) / 1000
    let line = "books:   \(task()): \(micros / 1000).\(String(micros % 1000 / 100)) ms\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    return result
  }

  mutating func lap(_ phase: String) {
    guard Self.enabled else { return }
    let now = Self.now()
    let micros = (now - last) / 1000
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      let peakKB = Int(usage.ru_maxrss)  // kilobytes on Linux
    #else
      getrusage(RUSAGE_SELF, &usage)
      let peakKB = Int(usage.ru_maxrss) / 1024  // bytes on Darwin
    #endif
    let line =
      "books: \(phase): \(micros / 1000).\(String(micros % 1000 / 100)) ms"
      + " (peak \(peakKB / 1024) MB)\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    last = Self.now()
  }
}

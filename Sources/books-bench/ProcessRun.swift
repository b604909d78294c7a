#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run of a whole process: its exit status, wall time and peak resident memory, taken
/// from `wait4`'s resource usage, as `/usr/bin/time -v` reports them.
struct ProcessRun {
  var status: Int32
  var seconds: Double
  /// User plus system CPU time: less sensitive than wall time to other work on the machine.
  var cpuSeconds: Double
  /// Peak resident set size in bytes.
  var peakMemory: Int

  /// Runs `arguments` (the first is looked up on `PATH`) with standard output written to
  /// `output` (default: discarded) and standard error discarded.
  static func run(_ arguments: [String], output: String = "/dev/null") -> ProcessRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
    guard spawned == 0 else {
      return ProcessRun(status: 127, seconds: 0, cpuSeconds: 0, peakMemory: 0)
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return ProcessRun(
      status: exit, seconds: seconds, cpuSeconds: cpu, peakMemory: Int(usage.ru_maxrss) * 1024)
  }

  /// The peak resident set size in bytes of one run of `arguments`, as GNU time (`%M`) reports
  /// it; nil when `/usr/bin/time` is not GNU time or the run fails. `run`'s own figure
  /// cannot be used for this: `posix_spawn` starts the child in the bench's memory (a
  /// vfork), and Linux keeps the larger of the two high-water marks through `exec`, so a
  /// small process would show the bench's peak. GNU time forks from a process of a few
  /// megabytes.
  static func peakMemory(_ arguments: [String], scratch: String) -> Int? {
    let report = scratch + "/peak-rss.txt"
    let run = run(["/usr/bin/time", "-f", "%M", "-o", report] + arguments)
    guard run.status == 0,
      let text = try? String(contentsOfFile: report, encoding: .utf8),
      let kilobytes = text.split(whereSeparator: \.isNewline).last.flatMap({ Int($0) })
    else { return nil }
    return kilobytes * 1024
  }

  /// True when `command` is on `PATH`.
  static func exists(_ command: String) -> Bool {
    run(["sh", "-c", "command -v \(command)"]).status == 0
  }
}

/// The median wall and CPU times and the largest peak memory of `runs` runs of `arguments`;
/// nil when a run fails.
struct Timing {
  var seconds: Double
  var cpuSeconds: Double
  var peakMemory: Int
  var runs: Int

  /// One untimed warm-up run, then `runs` runs of `arguments`, and one more through GNU
  /// time for the peak memory when
  /// `scratch` (a folder for its report) is given and GNU time is installed (see
  /// `ProcessRun.peakMemory`); without it, the peak is `wait4`'s, which is at least the
  /// bench's own.
  static func measure(_ arguments: [String], runs: Int, scratch: String? = nil) -> Timing? {
    var times: [Double] = []
    var cpu: [Double] = []
    var peak = 0
    // One untimed run first (as `hyperfine --warmup 1`): the file is in the page cache and
    // the memory the bench just freed is back with the system, for every command alike.
    guard ProcessRun.run(arguments).status == 0 else { return nil }
    for _ in 0..<runs {
      let run = ProcessRun.run(arguments)
      guard run.status == 0 else { return nil }
      times.append(run.seconds)
      cpu.append(run.cpuSeconds)
      peak = max(peak, run.peakMemory)
    }
    if let scratch, let measured = ProcessRun.peakMemory(arguments, scratch: scratch) {
      peak = measured
    }
    return Timing(seconds: median(times), cpuSeconds: median(cpu), peakMemory: peak, runs: runs)
  }

  private static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

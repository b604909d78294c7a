import Foundation

/// Generates books, runs `books` and its peers on them as whole processes, and lays the
/// timings out as a Markdown table.
struct Workbench {
  var books: String
  var work: String
  var runs = 5
  /// Runs at 1,000,000 entries and more.
  var bigRuns = 3
  /// Largest size the peers are timed at (hledger takes minutes and gigabytes at 1,000,000).
  var peersUpTo = 100_000

  /// One row of the table.
  struct Row {
    var what: String
    var entries: Int
    var bytes: Int
    var timing: Timing
    /// Peer name and that peer's time on the same data, for the ratio columns.
    var peers: [String: Double] = [:]
  }

  static func write(_ books: BusinessGenerator.Books, to folder: String) throws -> String {
    let manager = FileManager.default
    try? manager.removeItem(atPath: folder)
    for file in books.files {
      let path = folder + "/" + file.path
      try manager.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try file.text.write(toFile: path, atomically: false, encoding: .utf8)
    }
    // Written out to disk before anything is timed: the kernel's writeback of 90 MB took
    // CPU from the first runs on two cores.
    sync()
    return folder + "/" + books.files[0].path
  }

  static func summary(_ books: BusinessGenerator.Books, main: String) -> String {
    let kinds = books.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    return """
      \(main): \(books.entries) entries (\(books.dated) dated, \(books.definitions) definitions), \
      \(books.files.count) file(s), \(megabytes(books.bytes)) MB, as of \(books.asOf.text)
        \(kinds.joined(separator: ", "))
      """
  }

  /// Generates `entries` entries, writes them (one file or split by month) and checks that
  /// `books check` passes with nothing to say.
  func prepare(_ entries: Int, split: BusinessGenerator.Split) throws -> (
    path: String, books: BusinessGenerator.Books
  ) {
    let books = BusinessGenerator(entries: entries, split: split).generate()
    let main = try Self.write(books, to: "\(work)/\(entries)-\(split.rawValue)")
    log(Self.summary(books, main: main))
    let report = "\(work)/check.txt"
    let run = ProcessRun.run(
      [self.books, "check", main, "--as-of", books.asOf.text], output: report)
    let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
    guard run.status == 0, !text.contains("error"), !text.contains("warning") else {
      throw BenchError.failed(
        "the generated books do not pass `books check` (exit \(run.status)):\n\(text.prefix(2_000))"
      )
    }
    return (main, books)
  }

  func run(sizes: [Int]) throws -> String {
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    var rows: [Row] = []
    var notes: [String] = []
    let hledger = ProcessRun.exists("hledger")
    let ledger = ProcessRun.exists("ledger")
    let taskset = ProcessRun.exists("taskset")

    for sample in ["samples/freelancer.books", "samples/studio.books"]
    where FileManager.default.fileExists(atPath: sample) {
      let texts = try Self.filesRead(from: sample).map {
        try String(contentsOfFile: $0, encoding: .utf8)
      }
      let bytes = texts.reduce(0) { $0 + $1.utf8.count }
      let entries = texts.reduce(0) { $0 + Self.countEntries($1) }
      if let timing = Timing.measure([books, "check", sample], runs: max(runs, 10), scratch: work) {
        rows.append(
          Row(what: "books check \(sample)", entries: entries, bytes: bytes, timing: timing))
      }
    }

    for size in sizes {
      let k = size >= 1_000_000 ? bigRuns : runs
      let (path, generated) = try prepare(size, split: .none)
      let asOf = ["--as-of", generated.asOf.text]
      let bytes = generated.bytes
      func time(_ what: String, _ arguments: [String], runs: Int = k) throws -> Row {
        log("timing \(what) at \(size) entries, \(runs) runs")
        guard let timing = Timing.measure(arguments, runs: runs, scratch: work) else {
          throw BenchError.failed("`\(arguments.joined(separator: " "))` failed")
        }
        return Row(what: what, entries: generated.entries, bytes: bytes, timing: timing)
      }
      var check = try time("books check", [books, "check", path] + asOf)
      var dashboard = try time(
        "books report dashboard", [books, "report", "dashboard", path] + asOf)

      let journal = "\(work)/\(size).journal"
      let ledgerFile = "\(work)/\(size).ledger"
      var export = try time(
        "books export hledger", [books, "export", "hledger", path, "-o", journal] + asOf, runs: 1)
      _ = ProcessRun.run([books, "export", "ledger", path, "-o", ledgerFile] + asOf)
      export.bytes = bytes

      if size <= peersUpTo {
        let peerRuns = max(1, min(k, 3))
        if hledger {
          let peer = try time("hledger check", ["hledger", "-f", journal, "check"], runs: peerRuns)
          check.peers["hledger check"] = peer.timing.seconds
          dashboard.peers["hledger check"] = peer.timing.seconds
          rows.append(peer)
          let agreement = try Agreement(
            books: books, path: path, asOf: generated.asOf.text, journal: journal, work: work
          )
          .compare()
          notes.append("\(size) entries: \(agreement)")
        }
        if ledger {
          let peer = try time("ledger bal", ["ledger", "-f", ledgerFile, "bal"], runs: peerRuns)
          check.peers["ledger bal"] = peer.timing.seconds
          dashboard.peers["ledger bal"] = peer.timing.seconds
          rows.append(peer)
        }
      }
      rows.insert(contentsOf: [check, dashboard, export], at: rows.count - check.peers.count)
      rows += try floors(size: size, path: path, entries: generated.entries, bytes: bytes)
        .map {
          var row = $0
          row.peers = check.peers  // the peers' ratios to the floors, where they were timed
          return row
        }

      let (split, _) = try prepare(size, split: .monthly)
      let both = try time("books check, split by month, all cores", [books, "check", split] + asOf)
      rows.append(both)
      if taskset {
        var one = try time(
          "books check, split by month, one core",
          ["taskset", "-c", "0", books, "check", split] + asOf)
        one.peers["all cores"] = both.timing.seconds
        rows.append(one)
        notes.append(
          "\(size) entries split by month: one core / all cores = \(String(format: "%.2f", one.timing.seconds / both.timing.seconds))×"
        )
      }
      try? FileManager.default.removeItem(atPath: "\(work)/\(size)-monthly")
    }
    return table(rows, notes: notes)
  }

  /// What no checker of this file can go below on this machine, timed like the rest: the
  /// `books` process started on an empty file, and `wc -l` reading the file once (in
  /// blocks, counting line feeds) and parsing nothing. The peers' ratios against these
  /// rows bound the ratios any `books check` can reach.
  func floors(size: Int, path: String, entries: Int, bytes: Int) throws -> [Row] {
    let empty = "\(work)/empty.books"
    try Data().write(to: URL(fileURLWithPath: empty))
    var rows: [Row] = []
    for (what, arguments, entries, bytes) in [
      ("floor: books check of an empty file (the process alone)", [books, "check", empty], 0, 0),
      (
        "floor: wc -l of the file (reads it once, parses nothing)", ["wc", "-l", path], entries,
        bytes
      ),
    ] {
      log("timing \(what) at \(size) entries, \(max(runs, 10)) runs")
      guard let timing = Timing.measure(arguments, runs: max(runs, 10), scratch: work) else {
        throw BenchError.failed("`\(arguments.joined(separator: " "))` failed")
      }
      rows.append(Row(what: what, entries: entries, bytes: bytes, timing: timing))
    }
    return rows
  }

  func table(_ rows: [Row], notes: [String]) -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let load =
      (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
      .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    let configuration =
      books.contains("/release/") ? "release" : books.contains("/debug/") ? "debug" : "?"
    var out = """
      `books` \(configuration) build, \(cores) cores, load average \(load) when the table was written; \
      wall and CPU (user + system) times are the medians of the runs, peak RSS is GNU time's `%M` of one more run \
      (else the largest of the runs' `wait4` figures); MB is the size of the `.books` \
      data (the peers read the same money movements exported); the last two columns are the peer's \
      time over this row's (above 1×, `books` is faster).

      | what | entries | MB | runs | wall | CPU | entries/s | MB/s | peak RSS | RSS / MB | hledger check ÷ this | ledger bal ÷ this |
      |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|

      """
    for row in rows {
      let seconds = row.timing.seconds
      let ratio = { (peer: String) -> String in
        row.peers[peer].map { String(format: "%.1f×", $0 / seconds) } ?? ""
      }
      let cells = [
        row.what, Self.grouped(row.entries), Self.megabytes(row.bytes), "\(row.timing.runs)",
        Self.duration(seconds), Self.duration(row.timing.cpuSeconds),
        row.entries == 0 ? "" : Self.grouped(Int(Double(row.entries) / seconds)),
        row.bytes == 0 ? "" : String(format: "%.1f", Double(row.bytes) / 1_048_576 / seconds),
        "\(Self.megabytes(row.timing.peakMemory)) MB",
        row.bytes == 0
          ? "" : String(format: "%.1f×", Double(row.timing.peakMemory) / Double(row.bytes)),
        ratio("hledger check"), ratio("ledger bal"),
      ]
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    if !notes.isEmpty { out += "\n" + notes.map { "- \($0)" }.joined(separator: "\n") + "\n" }
    return out
  }

  /// Times `books check` at `entries` entries and compares the median CPU time with the
  /// baseline: CPU time is steadier than wall time on a machine that others share.
  func gate(
    entries: Int, runs: Int, factor: Double, baseline: String, record: Bool, agree: Bool
  ) throws {
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    let (path, books) = try prepare(entries, split: .none)
    guard
      let timing = Timing.measure(
        [self.books, "check", path, "--as-of", books.asOf.text], runs: runs)
    else { throw BenchError.failed("`books check` failed on the generated books") }
    let configuration = self.books.contains("/release/") ? "release" : "debug"
    let key = "check-\(entries)-\(configuration)-cpu-seconds"
    let figures =
      "books check, \(entries) entries, \(Self.megabytes(books.bytes)) MB: median \(Self.duration(timing.seconds)) of \(runs) (CPU \(Self.duration(timing.cpuSeconds))), "
      + "\(Self.grouped(Int(Double(books.entries) / timing.seconds))) entries/s, peak RSS \(Self.megabytes(timing.peakMemory)) MB"
    print(figures)
    if agree {
      let journal = "\(work)/\(entries).journal"
      guard
        ProcessRun.run([
          self.books, "export", "hledger", path, "-o", journal, "--as-of", books.asOf.text,
        ])
        .status == 0
      else { throw BenchError.failed("`books export hledger` failed on the generated books") }
      print(
        try Agreement(
          books: self.books, path: path, asOf: books.asOf.text, journal: journal, work: work
        )
        .compare())
    }
    if record {
      let old = (try? String(contentsOfFile: baseline, encoding: .utf8)) ?? ""
      var lines = old.split(separator: "\n").map(String.init).filter { !$0.hasPrefix(key + " ") }
      if lines.isEmpty {
        lines.append(
          "# books-bench gate: median CPU (user + system) seconds of `books check`, per build configuration"
        )
      }
      lines.append("\(key) \(String(format: "%.3f", timing.cpuSeconds))")
      try (lines.joined(separator: "\n") + "\n").write(
        toFile: baseline, atomically: true, encoding: .utf8)
      print("recorded \(key) \(String(format: "%.3f", timing.cpuSeconds)) in \(baseline)")
      return
    }
    let lines = try String(contentsOfFile: baseline, encoding: .utf8).split(separator: "\n")
    guard let line = lines.first(where: { $0.hasPrefix(key + " ") }),
      let field = line.split(separator: " ").dropFirst().first, let recorded = Double(field)
    else { throw BenchError.failed("\(baseline) has no `\(key)`: record it with --record") }
    let ratio = timing.cpuSeconds / recorded
    print(
      "CPU baseline \(Self.duration(recorded)): \(String(format: "%.2f", ratio))× (fails over \(Int(factor))×)"
    )
    if ratio > factor {
      throw BenchError.failed(
        "books check is \(String(format: "%.1f", ratio))× slower than its baseline")
    }
  }

  /// The file and the files it includes, with `*` in the last part of a path: enough for
  /// the samples' sizes.
  static func filesRead(from path: String) throws -> [String] {
    let folder = (path as NSString).deletingLastPathComponent
    var files = [path]
    for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    where line.hasPrefix("include ") {
      let target = line.dropFirst(8).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
      let full = (folder as NSString).appendingPathComponent(target)
      let name = (full as NSString).lastPathComponent
      guard let star = name.firstIndex(of: "*") else {
        files += try filesRead(from: full)
        continue
      }
      let (prefix, suffix) = (name[..<star], name[name.index(after: star)...])
      let directory = (full as NSString).deletingLastPathComponent
      for entry in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
      where entry.hasPrefix(prefix) && entry.hasSuffix(suffix) {
        files += try filesRead(from: (directory as NSString).appendingPathComponent(entry))
      }
    }
    return files
  }

  /// Dated entries and definitions of a `.books` text: its lines that start in column 1 with
  /// a letter or digit, apart from `books` and `include`.
  static func countEntries(_ text: String) -> Int {
    var count = 0
    for line in text.split(separator: "\n") {
      guard let first = line.utf8.first,
        (first >= 97 && first <= 122) || (first >= 48 && first <= 57)
      else {
        continue
      }
      if line.hasPrefix("books ") || line.hasPrefix("include ") { continue }
      count += 1
    }
    return count
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f", Double(bytes) / 1_048_576)
  }

  static func duration(_ seconds: Double) -> String {
    seconds < 1 ? String(format: "%.0f ms", seconds * 1_000) : String(format: "%.2f s", seconds)
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return out
  }
}

func log(_ message: String) {
  FileHandle.standardError.write(Data("\(message)\n".utf8))
}

/// What `books check --changed` remembers of the last clean check: the books' files with
/// a fingerprint of their bytes, the include patterns with the files they matched, and the
/// options of the check. When nothing of that changed, the books are as they were when
/// they passed, and the check is skipped — reading and hashing the files is all it costs,
/// so a pre-commit hook stays fast on large books.
struct CheckCache: Equatable {
  /// The files named on the command line, the options and the day: a check with other
  /// options or on another day (recurring invoices fall due) is not the same check.
  var key: String
  /// Every loaded file and the FNV-1a hash of its bytes, in load order.
  var files: [(path: String, hash: UInt64)]
  /// Every include pattern (resolved) and the files it matched, so a new file that a
  /// pattern would pick up counts as a change.
  var globs: [(pattern: String, matches: [String])]

  static func == (lhs: CheckCache, rhs: CheckCache) -> Bool {
    lhs.key == rhs.key && lhs.files.map(\.path) == rhs.files.map(\.path)
      && lhs.files.map(\.hash) == rhs.files.map(\.hash)
      && lhs.globs.map(\.pattern) == rhs.globs.map(\.pattern)
      && lhs.globs.map(\.matches) == rhs.globs.map(\.matches)
  }

  static let header = "books-check-cache 1"

  /// FNV-1a, 64 bits: a fingerprint, not a defence against someone forging a file.
  static func hash(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// The cache of a load that just passed.
  init(key: String, files: [SourceFile], fileSystem: any FileSystem) {
    self.key = key
    self.files = files.map { ($0.path, Self.hash($0.bytes)) }
    var globs: [(String, [String])] = []
    for (index, file) in files.enumerated() {
      let tree = Parser.parse(file, fileIndex: index)
      for entry in tree.entries {
        let head = tree.head(entry)
        guard head.count == 2, let keyword = head.first,
          tree.isWord(keyword, "include")
        else { continue }
        let target = tree.text(head[1])
        guard Path.isGlob(target) else { continue }
        let pattern = Path.resolve(target, from: tree.file.path)
        globs.append((pattern, fileSystem.glob(pattern)))
      }
    }
    self.globs = globs
  }

  init(key: String, files: [(path: String, hash: UInt64)], globs: [(String, [String])]) {
    self.key = key
    self.files = files
    self.globs = globs
  }

  /// The same files and patterns as they are now on disk; nil when one cannot be read.
  func current(_ fileSystem: any FileSystem) -> CheckCache? {
    var now: [(String, UInt64)] = []
    for file in files {
      guard case .success(let bytes) = fileSystem.read(file.path) else { return nil }
      now.append((file.path, Self.hash(bytes)))
    }
    return CheckCache(
      key: key, files: now, globs: globs.map { ($0.pattern, fileSystem.glob($0.pattern)) })
  }

  var text: String {
    var lines = [Self.header, "key\t" + key]
    for file in files { lines.append("file\t\(String(file.hash, radix: 16))\t\(file.path)") }
    for glob in globs {
      lines.append((["glob", glob.pattern] + glob.matches).joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  init?(text: String) {
    let lines = text.split(separator: "\n")
    guard lines.first == Substring(Self.header) else { return nil }
    var key: String?
    var files: [(String, UInt64)] = []
    var globs: [(String, [String])] = []
    for line in lines.dropFirst() {
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      switch parts.first {
      case "key": key = parts.dropFirst().joined(separator: "\t")
      case "file":
        guard parts.count == 3, let hash = UInt64(parts[1], radix: 16) else { return nil }
        files.append((parts[2], hash))
      case "glob":
        guard parts.count >= 2 else { return nil }
        globs.append((parts[1], Array(parts.dropFirst(2))))
      default: return nil
      }
    }
    guard let key else { return nil }
    self.init(key: key, files: files, globs: globs)
  }
}

extension CheckCache {
  /// What makes two checks the same check.
  static func key(
    files: [String], only: [String], skip: [String], strict: Bool, day: CalendarDate
  ) -> String {
    [
      "files=" + files.joined(separator: ","), "only=" + only.joined(separator: ","),
      "skip=" + skip.joined(separator: ","), "strict=\(strict)", "day=\(day)",
    ].joined(separator: " ")
  }

  /// True when the cache at `path` is of this check and nothing it remembers changed.
  static func isFresh(_ path: String, key: String, fileSystem: any FileSystem) -> Bool {
    guard case .success(let bytes) = fileSystem.read(path),
      let cached = CheckCache(text: String(decoding: bytes, as: UTF8.self)), cached.key == key,
      !cached.files.isEmpty
    else { return false }
    return cached.current(fileSystem) == cached
  }

  /// What `books check --changed` prints when it skips the check.
  static func unchangedOutput(format: String) -> CommandOutput {
    switch format {
    case "json": CommandOutput(stdout: DiagnosticRenderer.json([], files: []))
    case "github": CommandOutput()
    default: CommandOutput(stdout: "no change since the last check that passed\n")
    }
  }
}

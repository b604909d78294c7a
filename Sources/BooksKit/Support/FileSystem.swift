#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read.
public enum FileProblem: Error, Equatable, Sendable {
  case notFound
  case isDirectory
  case permissionDenied
  /// A device, FIFO or socket: reading it could block forever or never end.
  case notRegular
  case tooLarge(Int)
  case other(String)

  public var message: String {
    switch self {
    case .notFound: "no such file"
    case .isDirectory: "is a directory, not a file"
    case .permissionDenied: "permission denied"
    case .notRegular: "not a regular file"
    case .tooLarge(let limit): "larger than \(limit / (1 << 20)) MiB"
    case .other(let text): text
    }
  }
}

/// What loading needs from a file system; tests supply an in-memory one.
public protocol FileSystem: Sendable {
  func read(_ path: String) -> Result<[UInt8], FileProblem>
  /// Paths matching a glob pattern, sorted.
  func glob(_ pattern: String) -> [String]
  /// A canonical spelling of `path` used to detect a file included twice or in a cycle.
  func canonical(_ path: String) -> String
}

/// The real file system, through the C library.
public struct LocalFileSystem: FileSystem {
  /// The largest file read; books are text, so anything bigger is a mistake.
  public static let maximumFileSize = 1 << 30

  public init() {}

  public func read(_ path: String) -> Result<[UInt8], FileProblem> {
    // O_NONBLOCK keeps a FIFO from blocking the open; it is refused just below.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: return .failure(.notFound)
      case EACCES: return .failure(.permissionDenied)
      case EISDIR: return .failure(.isDirectory)
      default: return .failure(.other(String(cString: strerror(errno))))
      }
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(.other(String(cString: strerror(errno))))
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .failure(.isDirectory)
    case S_IFREG: break
    default: return .failure(.notRegular)
    }
    let expected = Int(info.st_size)
    guard expected <= Self.maximumFileSize else {
      return .failure(.tooLarge(Self.maximumFileSize))
    }
    return Self.read(descriptor, size: expected, partSize: Self.partSize, most: Parallel.cores)
  }

  /// A file of at least twice this size is read in parts of at least this size side by
  /// side, up to one per core.
  static let partSize = 1 << 23

  /// The bytes of the open file `descriptor`, which `fstat` says has `size` bytes: read
  /// straight into the array, in up to `most` parts of at least `partSize` bytes side by
  /// side (copying the pages, and the faults that map the array's memory, are most of the
  /// time of reading), then on to the end for a file that grew (or that reports no size).
  static func read(_ descriptor: Int32, size: Int, partSize: Int, most: Int)
    -> Result<[UInt8], FileProblem>
  {
    var problem: FileProblem?
    // Room for one byte at least: with none, the array is the shared empty one, and the
    // initializer writes its count (zero over zero, which ThreadSanitizer reports as a race
    // with any thread reading another empty array).
    var bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, count in
      switch Self.read(descriptor, into: buffer, partSize: partSize, most: most) {
      case .success(let filled): count = filled
      case .failure(let failure):
        problem = failure
        count = 0
      }
    }
    if let problem { return .failure(problem) }
    var chunk = [UInt8](repeating: 0, count: 65536)
    // A stream that cannot be read by position (ESPIPE) is read in order.
    var positional = true
    while true {
      let offset = bytes.count
      let count = chunk.withUnsafeMutableBytes { buffer in
        positional
          ? pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
          : Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == ESPIPE, positional, offset == 0 {
          positional = false
          continue
        }
        return .failure(.other(String(cString: strerror(errno))))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > Self.maximumFileSize { return .failure(.tooLarge(Self.maximumFileSize)) }
    }
    return .success(bytes)
  }

  /// Fills `buffer` from the start of the file; returns how many bytes it holds (fewer
  /// when the file shrank since `fstat`, or cannot be read by position: they are then the
  /// file's first bytes).
  private static func read(
    _ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, partSize: Int,
    most: Int
  ) -> Result<Int, FileProblem> {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return .success(0) }
    let target = Target(base: base)
    let size = buffer.count
    let parts = max(1, min(most, size / max(partSize, 1)))
    let filled = Parallel.map(parts) { part -> Result<Int, FileProblem> in
      let start = size * part / parts
      let end = size * (part + 1) / parts
      var offset = start
      while offset < end {
        let count = pread(descriptor, target.base + offset, end - offset, off_t(offset))
        if count < 0 {
          if errno == EINTR { continue }
          if errno == ESPIPE { break }  // read in order after, from what was read
          return .failure(.other(String(cString: strerror(errno))))
        }
        if count == 0 { break }  // the file shrank
        offset += count
      }
      return .success(offset - start)
    }
    // The bytes count up to the first part that came up short.
    var total = 0
    for (part, result) in filled.enumerated() {
      switch result {
      case .failure(let problem): return .failure(problem)
      case .success(let count):
        total += count
        if count < size * (part + 1) / parts - size * part / parts {
          return .success(total)
        }
      }
    }
    return .success(total)
  }

  /// Where the parts of a file are read to, each part's thread writing only its own bytes.
  private struct Target: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
  }

  public func glob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
    var paths: [String] = []
    for index in 0..<Int(result.gl_pathc) {
      if let path = result.gl_pathv[index] {
        paths.append(String(cString: path))
      }
    }
    return paths.sorted()
  }

  public func canonical(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// An in-memory file system for tests and tools: paths map to contents.
public struct MemoryFileSystem: FileSystem {
  public var files: [String: [UInt8]]

  public init(_ files: [String: String]) {
    self.files = files.mapValues { Array($0.utf8) }
  }

  public func read(_ path: String) -> Result<[UInt8], FileProblem> {
    if let bytes = files[Path.normalize(path)] { return .success(bytes) }
    let prefix = Path.normalize(path) + "/"
    if files.keys.contains(where: { $0.hasPrefix(prefix) }) { return .failure(.isDirectory) }
    return .failure(.notFound)
  }

  public func glob(_ pattern: String) -> [String] {
    let normalized = Path.normalize(pattern)
    return files.keys.filter { Path.matches(normalized, $0) }.sorted()
  }

  public func canonical(_ path: String) -> String { Path.normalize(path) }
}

/// Path arithmetic on `/`-separated strings.
public enum Path {
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `relative` resolved against the folder of `file`, unless it is absolute.
  public static func resolve(_ relative: String, from file: String) -> String {
    if relative.hasPrefix("/") { return relative }
    let directory = directory(of: file)
    return normalize(directory == "." ? relative : directory + "/" + relative)
  }

  /// Removes `.` segments and resolves `..` where possible, without touching the disk.
  public static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
        continue
      }
      if part == "..", absolute { continue }
      parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  public static func isGlob(_ path: String) -> Bool {
    path.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" })
  }

  /// Shell-style matching of `*` and `?` (not across `/`); enough for the in-memory system.
  ///
  /// Dynamic programming over the pattern from its end, one row per pattern byte: time
  /// pattern × path, whatever the stars (a backtracking matcher is exponential in them).
  static func matches(_ pattern: String, _ path: String) -> Bool {
    let p = Array(pattern.utf8)
    let s = Array(path.utf8)
    // `next[j]`: does p[(i + 1)...] match s[j...]? Starts as the empty pattern's row.
    var next = [Bool](repeating: false, count: s.count + 1)
    next[s.count] = true
    var row = [Bool](repeating: false, count: s.count + 1)
    for i in p.indices.reversed() {
      let byte = p[i]
      for j in stride(from: s.count, through: 0, by: -1) {
        if byte == UInt8(ascii: "*") {
          row[j] = next[j] || (j < s.count && s[j] != UInt8(ascii: "/") && row[j + 1])
        } else {
          row[j] =
            j < s.count && (byte == UInt8(ascii: "?") || byte == s[j]) && next[j + 1]
        }
      }
      swap(&row, &next)
    }
    return next[0]
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder `books export csv -o DIR` writes into.
enum ExportFolder {
  /// Creates `path` and any missing parents, like `mkdir -p`; an existing folder is fine.
  static func create(_ path: String) -> Result<Void, FileProblem> {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      prefix += part
      if mkdir(prefix, 0o755) != 0, errno != EEXIST {
        return .failure(problem(errno))
      }
      prefix += "/"
    }
    var info = stat()
    guard stat(path, &info) == 0 else { return .failure(problem(errno)) }
    guard info.st_mode & S_IFMT == S_IFDIR else { return .failure(.other("not a folder")) }
    return .success(())
  }

  /// Writes each file into the folder atomically, stopping at the first that fails.
  static func write(_ files: [(name: String, text: String)], into path: String) -> Result<
    Void, FileProblem
  > {
    if case .failure(let problem) = create(path) { return .failure(problem) }
    let folder = path.hasSuffix("/") ? path : path + "/"
    for file in files {
      if case .failure(let problem) = AtomicFile.write(file.text, to: folder + file.name) {
        return .failure(problem)
      }
    }
    return .success(())
  }

  private static func problem(_ code: Int32) -> FileProblem {
    switch code {
    case ENOENT: .notFound
    case ENOTDIR: .other("a part of the path is not a folder")
    case EACCES, EPERM, EROFS: .permissionDenied
    default: .other(String(cString: strerror(code)))
    }
  }
}

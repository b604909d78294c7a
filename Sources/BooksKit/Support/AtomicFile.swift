#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader sees the old content or the new, never a mix: the bytes go
/// to a temporary file in the same folder, which is flushed and then renamed over the
/// target. An existing file keeps its permissions.
///
/// Writing never follows into a file the user did not name: the temporary file is created
/// exclusively (`mkstemp`, which never follows a link), a target that is a symbolic link is
/// refused rather than replaced or written through, and `rename` replaces the directory
/// entry named, never what a link there might point to. A failed or interrupted write
/// leaves the target as it was (and, if the process is killed, at worst a `.NAME.tmp-…`
/// file beside it).
public enum AtomicFile {
  /// Why a symbolic link is not written to.
  public static let symbolicLinkMessage =
    "is a symbolic link; books writes only to the file named, never through a link (name the file it points to)"

  public static func write(_ text: String, to path: String) -> Result<Void, FileProblem> {
    var existing = stat()
    let exists = lstat(path, &existing) == 0
    if exists, existing.st_mode & S_IFMT == S_IFLNK {
      return .failure(.other(symbolicLinkMessage))
    }
    let directory = Path.directory(of: path)
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let folder: String = directory == "." ? "" : directory + "/"
    let pattern: String = folder + "." + name + ".tmp-XXXXXX"
    var template = Array(pattern.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else { return .failure(problem(errno)) }
    let temporary = template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) } ?? ""
    }
    let mode: mode_t = exists ? existing.st_mode & 0o7777 : 0o644
    var failure: FileProblem?
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count, failure == nil {
      let written = bytes[offset...].withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno != EINTR { failure = problem(errno) }
      } else {
        offset += written
      }
    }
    if failure == nil, fchmod(descriptor, mode) != 0 { failure = problem(errno) }
    if failure == nil, fsync(descriptor) != 0 { failure = problem(errno) }
    if close(descriptor) != 0, failure == nil { failure = problem(errno) }
    if failure == nil, rename(temporary, path) != 0 { failure = problem(errno) }
    if let failure {
      unlink(temporary)
      return .failure(failure)
    }
    return .success(())
  }

  private static func problem(_ code: Int32) -> FileProblem {
    switch code {
    case ENOENT, ENOTDIR: .notFound
    case EACCES, EPERM, EROFS: .permissionDenied
    case EISDIR: .isDirectory
    default: .other(String(cString: strerror(code)))
    }
  }
}

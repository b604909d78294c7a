#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader sees the old content or the new, never a mix: the bytes go
/// to a temporary file in the same folder, which is flushed and then renamed over the
/// target. An existing file keeps its permissions.
public enum AtomicFile {
  public static func write(_ text: String, to path: String) -> Result<Void, FileProblem> {
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
    var existing = stat()
    let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
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

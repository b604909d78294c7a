/// Turns diagnostics into text: `human` for terminals, `json` for tools, `github` for CI.
///
/// Every format takes the loaded `files` so it can resolve `SourceRange.file`. Ranges are
/// untrusted: a file index outside `files` or offsets outside the file never trap, they
/// only lose their location (see `ResolvedLocation`).
public enum DiagnosticRenderer {}

/// A 1-based line and character column, as shown to the user.
struct SourcePosition: Equatable {
  var line: Int
  var column: Int
}

/// What a `SourceRange?` points at once checked against the loaded files.
enum ResolvedLocation {
  /// No range, or a file index that is not in `files`: nothing to point at.
  case unknown
  /// The file exists but the offsets are not a valid range inside it.
  case file(SourceFile)
  /// A valid range: `0 <= start <= end <= file.bytes.count`.
  case range(SourceFile, start: Int, end: Int)

  init(_ range: SourceRange?, in files: [SourceFile]) {
    guard let range, files.indices.contains(range.file) else {
      self = .unknown
      return
    }
    let file = files[range.file]
    guard range.start >= 0, range.start <= range.end, range.end <= file.bytes.count else {
      self = .file(file)
      return
    }
    self = .range(file, start: range.start, end: range.end)
  }

  /// The file, when known.
  var file: SourceFile? {
    switch self {
    case .unknown: nil
    case .file(let file): file
    case .range(let file, _, _): file
    }
  }

  /// Where the range starts, when it is valid.
  var start: SourcePosition? {
    guard case .range(let file, let start, _) = self else { return nil }
    let location = file.location(of: start)
    return SourcePosition(line: location.line, column: location.column)
  }

  /// Where the range ends (exclusive), when it is valid.
  var end: SourcePosition? {
    guard case .range(let file, _, let end) = self else { return nil }
    let location = file.location(of: end)
    return SourcePosition(line: location.line, column: location.column)
  }

  /// `PATH:LINE:COL`, just `PATH` when the offsets are bad, or nil when the file is unknown.
  var label: String? {
    switch self {
    case .unknown:
      return nil
    case .file(let file):
      return file.path
    case .range(let file, _, _):
      guard let start else { return file.path }
      return "\(file.path):\(start.line):\(start.column)"
    }
  }
}

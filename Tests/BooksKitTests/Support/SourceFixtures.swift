import Testing

@testable import BooksKit

/// The range of the `occurrence`-th (0-based) `needle` in `files[file]`, for building
/// diagnostics in tests; `length` overrides how many bytes the range covers.
///
/// A needle that is not there records an issue and gives an empty range at offset 0.
func sourceRange(
  of needle: String, in files: [SourceFile], file: Int = 0, occurrence: Int = 0,
  length: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> SourceRange {
  let pattern = Array(needle.utf8)
  guard files.indices.contains(file), !pattern.isEmpty else {
    Issue.record("no file \(file) or empty needle", sourceLocation: sourceLocation)
    return SourceRange(file: file, start: 0, end: 0)
  }
  let bytes = files[file].bytes
  var remaining = occurrence
  var start = 0
  while start + pattern.count <= bytes.count {
    if bytes[start..<start + pattern.count].elementsEqual(pattern) {
      if remaining == 0 {
        return SourceRange(file: file, start: start, end: start + (length ?? pattern.count))
      }
      remaining -= 1
    }
    start += 1
  }
  Issue.record(
    "`\(needle)` (occurrence \(occurrence)) not found in \(files[file].path)",
    sourceLocation: sourceLocation)
  return SourceRange(file: file, start: 0, end: 0)
}

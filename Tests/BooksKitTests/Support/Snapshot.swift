import Foundation
import Testing

/// The folder that holds golden files: `Tests/BooksKitTests/Snapshots`.
private let snapshotDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .deletingLastPathComponent()
  .appendingPathComponent("Snapshots", isDirectory: true)

/// Compares `actual` byte for byte with the golden file `Snapshots/<name>`.
///
/// Run the tests with `BOOKS_RECORD=1` to write `actual` into the golden file instead;
/// a recording run still records an issue, so it can never pass silently. Review the
/// recorded files with `git diff` before committing them.
func assertSnapshot(
  _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = snapshotDirectory.appendingPathComponent(name)
  let relativePath = "Tests/BooksKitTests/Snapshots/\(name)"

  if ProcessInfo.processInfo.environment["BOOKS_RECORD"] == "1" {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      Issue.record(
        Comment(
          rawValue: "Recorded snapshot \(relativePath) because BOOKS_RECORD=1. Review it, "
            + "then run the tests again without BOOKS_RECORD."),
        sourceLocation: sourceLocation)
    } catch {
      Issue.record(
        "Could not record snapshot \(relativePath): \(error)", sourceLocation: sourceLocation)
    }
    return
  }

  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record(
      "Missing snapshot \(relativePath). Run the tests with BOOKS_RECORD=1 to record it.",
      sourceLocation: sourceLocation)
    return
  }
  let expectedBytes = [UInt8](data)
  guard expectedBytes != Array(actual.utf8) else { return }

  let expected = String(decoding: expectedBytes, as: UTF8.self)
  let diff = snapshotDiff(expected: expected, actual: actual)
  Issue.record(
    Comment(
      rawValue: "Snapshot \(relativePath) does not match (- expected, + actual; run with "
        + "BOOKS_RECORD=1 to accept the actual output):\n\(diff)"),
    sourceLocation: sourceLocation)
}

/// A line diff of two texts: `-N | line` for expected lines, `+N | line` for actual ones,
/// with two lines of unchanged context (`  N | line`) around each change.
///
/// Lines are compared byte for byte. Tabs, CRs and other control characters are shown
/// escaped (`\t`, `\r`, `\u{1B}`) so that invisible differences stay visible.
func snapshotDiff(expected: String, actual: String) -> String {
  let old = splitLines(expected)
  let new = splitLines(actual)
  let operations = diffOperations(old, new)
  let numberWidth = String(max(old.count, new.count)).count
  let context = 2

  func isChange(_ operation: DiffOperation) -> Bool {
    if case .same = operation { return false }
    return true
  }
  func row(_ marker: String, _ index: Int, _ line: [UInt8]) -> String {
    let number = String(index + 1)
    let padding = String(repeating: " ", count: numberWidth - number.count)
    let gutter = "\(marker) \(padding)\(number) |"
    return line.isEmpty ? gutter : "\(gutter) \(visible(line))"
  }

  var rows: [String] = []
  var lastShown: Int?
  for (index, operation) in operations.enumerated() {
    let window = max(0, index - context)..<min(operations.count, index + context + 1)
    guard operations[window].contains(where: isChange) else { continue }
    if let lastShown, index > lastShown + 1 { rows.append("  ...") }
    lastShown = index
    switch operation {
    case .same(let oldIndex, _): rows.append(row(" ", oldIndex, old[oldIndex]))
    case .removed(let oldIndex): rows.append(row("-", oldIndex, old[oldIndex]))
    case .added(let newIndex): rows.append(row("+", newIndex, new[newIndex]))
    }
  }
  if normalizedWhitespace(old) == normalizedWhitespace(new) {
    rows.append("(the texts differ only in spaces or CRs at line ends, or in the final newline)")
  }
  return rows.joined(separator: "\n")
}

private enum DiffOperation {
  case same(Int, Int)
  case removed(Int)
  case added(Int)
}

/// Splits on LF only, so a CR stays part of its line; a final newline gives a last
/// empty line, which makes a missing or extra final newline show up in the diff.
private func splitLines(_ text: String) -> [[UInt8]] {
  text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    .map { Array($0) }
}

/// A longest-common-subsequence diff; snapshots are small, so quadratic is fine.
private func diffOperations(_ old: [[UInt8]], _ new: [[UInt8]]) -> [DiffOperation] {
  let columns = new.count + 1
  // lengths[i * columns + j] is the LCS length of old[i...] and new[j...].
  var lengths = [Int](repeating: 0, count: (old.count + 1) * columns)
  for i in stride(from: old.count - 1, through: 0, by: -1) {
    for j in stride(from: new.count - 1, through: 0, by: -1) {
      lengths[i * columns + j] =
        old[i] == new[j]
        ? lengths[(i + 1) * columns + j + 1] + 1
        : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
    }
  }
  var operations: [DiffOperation] = []
  var i = 0
  var j = 0
  while i < old.count || j < new.count {
    if i < old.count, j < new.count, old[i] == new[j] {
      operations.append(.same(i, j))
      i += 1
      j += 1
    } else if i < old.count,
      j == new.count || lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1]
    {
      operations.append(.removed(i))
      i += 1
    } else {
      operations.append(.added(j))
      j += 1
    }
  }
  return operations
}

private func visible(_ line: [UInt8]) -> String {
  var shown = ""
  for scalar in String(decoding: line, as: UTF8.self).unicodeScalars {
    switch scalar {
    case "\t": shown += "\\t"
    case "\r": shown += "\\r"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
  }
  return shown
}

/// Lines without trailing spaces, tabs or CRs, and without trailing empty lines.
private func normalizedWhitespace(_ lines: [[UInt8]]) -> [[UInt8]] {
  let whitespace: Set<UInt8> = [0x20, 0x09, 0x0D]
  var trimmed = lines.map { line in
    var line = line
    while let last = line.last, whitespace.contains(last) { line.removeLast() }
    return line
  }
  while trimmed.last?.isEmpty == true { trimmed.removeLast() }
  return trimmed
}

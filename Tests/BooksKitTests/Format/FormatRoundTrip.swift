import Foundation

@testable import BooksKit

/// What a set of books means, written out so that two readings can be compared: every
/// entity with all its values (but not where in the text it was written), and every
/// diagnostic's code and message. With `unordered`, entries may come in any order.
func meaning(_ validation: Validation, unordered: Bool = false) -> [String] {
  let books = validation.books
  func text(_ value: Any) -> String {
    var dumped = ""
    dump(value, to: &dumped)
    return withoutSourceRanges(dumped)
  }
  func each<T>(_ label: String, _ values: [T]) -> [String] {
    let described = values.map { "\(label): " + text($0) }
    return unordered ? described.sorted() : described
  }
  var lines: [String] = []
  for kind in VocabularyKind.allCases {
    lines += each("vocabulary \(kind.rawValue)", books.vocabulary.declared[kind] ?? [])
  }
  // Every other stored property of `Books`, found by reflection so that a new kind of
  // entity is compared without anyone remembering to add it here.
  let special: Set<String> = ["files", "vocabulary", "definitions", "documents"]
  for child in Mirror(reflecting: books).children {
    guard let label = child.label, !special.contains(label) else { continue }
    let mirror = Mirror(reflecting: child.value)
    if mirror.displayStyle == .collection {
      lines += each(label, mirror.children.map(\.value))
    } else {
      lines.append("\(label): " + text(child.value))
    }
  }
  lines += books.definitions.map { "definition \($0.key) \($0.value.kind)" }.sorted()
  lines += validation.diagnostics.map { "\($0.severity) \($0.code): \($0.message)" }.sorted()
  return lines
}

/// A `dump` with every `SourceRange` left out: formatting moves text, not meaning.
private func withoutSourceRanges(_ dumped: String) -> String {
  var kept: [Substring] = []
  var skipDeeperThan: Int?
  for line in dumped.split(separator: "\n") {
    let depth = line.prefix { $0 == " " }.count
    if let limit = skipDeeperThan {
      if depth > limit { continue }
      skipDeeperThan = nil
    }
    if line.contains("SourceRange") {
      skipDeeperThan = depth
      kept.append(line.prefix { $0 != ":" })
      continue
    }
    kept.append(line)
  }
  return kept.joined(separator: "\n")
}

/// Formats `text`; fails the caller's expectation (by returning nil) when it does not parse.
func formatted(_ text: String, sort: Bool = false) -> String? {
  BooksFormatter.format(text, sort: sort).text
}

/// The repository's root folder, for the samples and FORMAT.md.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The sample files, by path relative to the repository root.
func sampleFiles() -> [String: String] {
  var files: [String: String] = [:]
  let paths =
    ["samples/freelancer.books", "samples/studio.books"]
    + (1...4).map { "samples/studio/2026-q\($0).books" }
  for path in paths {
    if let text = try? String(
      contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    {
      files[path] = text
    }
  }
  return files
}

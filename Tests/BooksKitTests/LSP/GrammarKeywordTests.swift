import Foundation
import Testing

@testable import BooksKit

/// The editor grammars in `editors/` know every keyword of the format: entry keywords,
/// field names, vocabulary keywords and their built-in words, and the closed lists —
/// taken from the schema the parser uses and from FORMAT.md's tables, so that a new field
/// fails this test until the grammars learn it.
@Suite struct GrammarKeywordTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let grammars = [
    "editors/textmate/books.tmLanguage.json", "editors/vim/syntax/books.vim",
  ]

  /// Every keyword a grammar must highlight.
  static var keywords: Set<String> {
    var words = Set(EntryKind.allCases.map(\.rawValue))
    for kind in EntryKind.allCases { words.formUnion(kind.fields.map(\.name)) }
    for kind in VocabularyKind.allCases {
      words.insert(kind.rawValue)
      words.formUnion(kind.builtIns)
    }
    words.formUnion(Priority.allCases.map(\.rawValue))
    words.formUnion(WorkStatus.allCases.map(\.rawValue))
    words.formUnion(InvoiceStatus.allCases.map(\.rawValue))
    words.formUnion(EstimateStatus.allCases.map(\.rawValue))
    // Words inside values (FORMAT.md 2.2, 2.3, 3.3).
    words.formUnion([
      "through", "from", "none", "per", "after", "grace", "net", "days", "yes", "no", "true",
      "false", "over", "by",
    ])
    words.formUnion(formatKeywords)
    return words
  }

  /// The keywords of FORMAT.md section 2.3: entry headings and the first column of every
  /// field table.
  static var formatKeywords: Set<String> {
    guard
      let text = try? String(contentsOf: root.appendingPathComponent("FORMAT.md"), encoding: .utf8)
    else { return [] }
    var inEntries = false
    var words = Set<String>()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("### ") { inEntries = line.hasPrefix("### 2.3 ") }
      guard inEntries else { continue }
      for prefix in ["#### `", "| `"] where line.hasPrefix(prefix) {
        let rest = line.dropFirst(prefix.count)
        if let close = rest.firstIndex(of: "`") { words.insert(String(rest[..<close])) }
      }
    }
    return words
  }

  @Test func formatDocumentsTheKeywordsReadHere() {
    // Guards the extraction itself: FORMAT.md's tables are found.
    #expect(Self.formatKeywords.isSuperset(of: ["client", "legal-name", "valid-until", "with"]))
  }

  @Test(arguments: grammars)
  func grammarKnowsEveryKeyword(_ path: String) throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    // Words as a grammar writes them: runs of lowercase letters, digits and hyphens.
    var present = Set<String>()
    var current = ""
    for character in text {
      if character.isASCII, character.isLowercase || character.isNumber || character == "-" {
        current.append(character)
      } else {
        if !current.isEmpty { present.insert(current) }
        current = ""
      }
    }
    let missing = Self.keywords.subtracting(present).sorted()
    #expect(missing.isEmpty, "\(path) lacks \(missing.joined(separator: ", "))")
  }
}

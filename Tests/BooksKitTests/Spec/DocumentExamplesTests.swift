import Foundation
import Testing

@testable import BooksKit

/// Every ```books example in FORMAT.md and README.md is parsed, so the docs cannot drift.
///
/// A block is valid (no errors, no warnings) unless its info string says
/// `books invalid=CODE`: then it must produce at least one diagnostic, all of code CODE.
@Suite struct DocumentExamplesTests {
  struct Example: CustomTestStringConvertible, Sendable {
    var document: String
    var line: Int
    var text: String
    var expectedCode: String?
    var testDescription: String { "\(document):\(line)" }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func examples(in document: String) -> [Example] {
    guard
      let text = try? String(
        contentsOf: root.appendingPathComponent(document), encoding: .utf8)
    else { return [] }
    var examples: [Example] = []
    var current: (line: Int, code: String?, lines: [String])?
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if var block = current {
        if line.hasPrefix("```") {
          examples.append(
            Example(
              document: document, line: block.line,
              text: block.lines.joined(separator: "\n") + "\n",
              expectedCode: block.code))
          current = nil
        } else {
          block.lines.append(String(line))
          current = block
        }
      } else if line.hasPrefix("```books") {
        let info = line.dropFirst(3).split(separator: " ")
        let code = info.first { $0.hasPrefix("invalid=") }.map { String($0.dropFirst(8)) }
        current = (index + 1, code, [])
      }
    }
    return examples
  }

  static let all = examples(in: "FORMAT.md") + examples(in: "README.md")

  @Test func documentsHaveExamples() {
    #expect(Self.examples(in: "FORMAT.md").count >= 20)
    #expect(Self.examples(in: "README.md").count >= 1)
  }

  @Test(arguments: all)
  func exampleParsesAsDocumented(_ example: Example) {
    let validation = validate(example.text, path: "example.books")
    let found = describe(validation)
    if let code = example.expectedCode {
      #expect(!validation.diagnostics.isEmpty, "expected a `\(code)` diagnostic")
      #expect(validation.diagnostics.allSatisfy { $0.code == code }, "\(found)")
    } else {
      #expect(found == [], "a valid example must produce no diagnostics")
    }
  }
}

import Foundation
import Testing

@testable import BooksKit

/// `schema/books-export.schema.json` and the JSON export name the same keys, so the schema
/// cannot drift from the writer. (CI validates the samples against it with `jsonschema`.)
@Suite struct JSONSchemaTests {
  struct SchemaMissing: Error {}

  static func schema() throws -> [String: Any] {
    let url = ExportSampleTests.root.appendingPathComponent("schema/books-export.schema.json")
    let data = try Data(contentsOf: url)
    guard let schema = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SchemaMissing()
    }
    return schema
  }

  /// The JSON export of a sample, read back with Foundation.
  static func document(_ sample: String) throws -> [String: Any] {
    let export = DataExport(
      ExportSampleTests.books(sample), asOf: try exportDay(ExportSampleTests.asOf))
    let text = JSONExport.write(export, generator: "books test")
    guard let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    else { throw SchemaMissing() }
    return document
  }

  @Test(arguments: ExportSampleTests.samples)
  func everyEntityHasExactlyTheSchemasKeys(_ sample: String) throws {
    let schema = try Self.schema()
    let document = try Self.document(sample)
    let properties = schema["properties"] as? [String: Any] ?? [:]
    #expect((schema["required"] as? [String]).map(Set.init) == Set(document.keys))
    #expect(document["version"] as? Int == JSONExport.version)
    var checked = 0
    for (key, value) in document {
      guard let items = value as? [[String: Any]], let first = items.first,
        let property = properties[key] as? [String: Any],
        let itemSchema = property["items"] as? [String: Any]
      else { continue }
      #expect((itemSchema["required"] as? [String]).map(Set.init) == Set(first.keys), "\(key)")
      checked += 1
    }
    #expect(checked >= 12)
  }
}

import Foundation
import Testing

@testable import books_fuzz

/// Inputs on which the fuzzer (`.ci/fuzz`) once found a crash, each kept as
/// `Robustness/FuzzCrashes/NAME.books` and replayed through the whole pipeline.
private let crashDirectory: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().appendingPathComponent("FuzzCrashes", isDirectory: true)

@Suite struct FuzzCrashTests {
  static let inputs: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: crashDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".books") }.sorted()
  }()

  @Test(arguments: inputs)
  func crashInputGoesThroughThePipeline(name: String) throws {
    let bytes = try [UInt8](Data(contentsOf: crashDirectory.appendingPathComponent(name)))
    #expect(WholePipeline.run(bytes) > 0)
  }
}

/// How many errors and warnings a check found, and in how many files.
public struct DiagnosticSummary: Sendable, Equatable {
  public var errors: Int
  public var warnings: Int
  public var files: Int

  /// Counts errors and warnings; note-severity diagnostics are not counted.
  public init(diagnostics: [Diagnostic], files: Int) {
    var errors = 0
    var warnings = 0
    for diagnostic in diagnostics {
      switch diagnostic.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .note: break
      }
    }
    self.errors = errors
    self.warnings = warnings
    self.files = files
  }

  /// The closing line of `books check`, such as `2 errors, 1 warning in 3 files`.
  ///
  /// A zero count is left out unless both are zero, which reads `no problems in N files`.
  public var line: String {
    var parts: [String] = []
    if errors > 0 { parts.append(Self.count(errors, "error")) }
    if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
    let found = parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    return "\(found) in \(Self.count(files, "file"))"
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
  }
}

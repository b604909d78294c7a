/// How many errors and warnings a check found, and in how many files.
public struct DiagnosticSummary: Sendable, Equatable {
  public var errors: Int
  public var warnings: Int
  /// Notes of their own (recurring invoices due), not the notes attached to a diagnostic.
  public var notes: Int = 0
  public var files: Int

  /// Counts errors, warnings and notes.
  public init(diagnostics: [Diagnostic], files: Int) {
    var errors = 0
    var warnings = 0
    var notes = 0
    for diagnostic in diagnostics {
      switch diagnostic.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .note: notes += 1
      }
    }
    self.notes = notes
    self.errors = errors
    self.warnings = warnings
    self.files = files
  }

  /// The closing line of `books check`, such as `2 errors, 1 warning in 3 files`.
  ///
  /// A zero count is left out unless both are zero, which reads `no problems in N files`;
  /// notes follow in parentheses: `no problems in 1 file (1 note)`.
  public var line: String {
    var parts: [String] = []
    if errors > 0 { parts.append(Self.count(errors, "error")) }
    if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
    let found = parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    let noted = notes > 0 ? " (\(Self.count(notes, "note")))" : ""
    return "\(found) in \(Self.count(files, "file"))\(noted)"
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
  }
}

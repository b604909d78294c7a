/// How bad a problem is. Errors fail `books check`; warnings fail it only with `--strict`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
  case error
  case warning
  case note

  private var rank: Int {
    switch self {
    case .error: 2
    case .warning: 1
    case .note: 0
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A second location that explains a diagnostic, such as "first defined here".
public struct DiagnosticNote: Hashable, Sendable {
  public var message: String
  public var range: SourceRange?

  public init(_ message: String, at range: SourceRange? = nil) {
    self.message = message
    self.range = range
  }
}

/// One problem found in the books, with where it is and how to fix it.
///
/// `code` is the name of the check that found it (`refs`, `numbering`, ...): stable,
/// kebab-case, and the same word used by `books check --only/--skip`.
public struct Diagnostic: Hashable, Sendable {
  public var severity: Severity
  public var code: String
  public var message: String
  public var range: SourceRange?
  public var notes: [DiagnosticNote]
  /// A fix the user can copy: replacement text or a short instruction.
  public var fix: String?

  public init(
    _ severity: Severity, _ code: String, _ message: String, at range: SourceRange?,
    notes: [DiagnosticNote] = [], fix: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.range = range
    self.notes = notes
    self.fix = fix
  }

  public static func error(
    _ code: String, _ message: String, at range: SourceRange?, notes: [DiagnosticNote] = [],
    fix: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code, message, at: range, notes: notes, fix: fix)
  }

  public static func warning(
    _ code: String, _ message: String, at range: SourceRange?, notes: [DiagnosticNote] = [],
    fix: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, code, message, at: range, notes: notes, fix: fix)
  }

  public static func note(
    _ code: String, _ message: String, at range: SourceRange?, notes: [DiagnosticNote] = [],
    fix: String? = nil
  ) -> Diagnostic {
    Diagnostic(.note, code, message, at: range, notes: notes, fix: fix)
  }
}

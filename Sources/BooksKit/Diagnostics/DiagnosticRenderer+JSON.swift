/// The JSON format of `books check --format json`, version 1.
///
/// The output is one pretty-printed object followed by a newline. Keys always appear, in
/// this order; a value that is not known is `null`, never left out.
///
/// ```json
/// {
///   "version": 1,
///   "summary": { "errors": 1, "warnings": 0, "files": 2 },
///   "diagnostics": [
///     {
///       "severity": "error",
///       "code": "refs",
///       "message": "unknown client `acmee`",
///       "file": "samples/acme.books",
///       "line": 12, "column": 10, "endLine": 12, "endColumn": 15,
///       "fix": "did you mean `acme`? write: client acme",
///       "notes": [
///         { "message": "client `acme` is defined here", "file": "samples/acme.books",
///           "line": 3, "column": 8 }
///       ]
///     }
///   ]
/// }
/// ```
///
/// - `version`: bumped whenever a field changes meaning or disappears; adding fields
///   does not bump it.
/// - `summary`: `errors`, `warnings` and `notes` count diagnostics of that severity;
///   `files` is the number of files loaded.
/// - `severity`: `error`, `warning` or `note`. `code` is the check's name (`refs`, ...).
/// - `file`: the path as given on the command line or resolved from an include; `null`
///   when the diagnostic has no location.
/// - `line`, `column`: 1-based start; the column counts characters, not bytes.
///   `endLine`, `endColumn`: the exclusive end of the range, counted the same way. All
///   four are `null` when there is no valid range.
/// - `fix`: text the user can copy, possibly several lines, or `null`.
/// - `notes`: further locations, in order; a note's location fields are `null` when it
///   has none.
extension DiagnosticRenderer {
  /// Renders diagnostics as the versioned JSON document described above.
  public static func json(_ diagnostics: [Diagnostic], files: [SourceFile]) -> String {
    let summary = DiagnosticSummary(diagnostics: diagnostics, files: files.count)
    let document: JSONValue = [
      "version": 1,
      "summary": [
        "errors": .int(summary.errors),
        "warnings": .int(summary.warnings),
        "notes": .int(summary.notes),
        "files": .int(summary.files),
      ],
      "diagnostics": .array(diagnostics.map { jsonValue($0, files: files) }),
    ]
    return document.serialized(pretty: true) + "\n"
  }

  private static func jsonValue(_ diagnostic: Diagnostic, files: [SourceFile]) -> JSONValue {
    let location = ResolvedLocation(diagnostic.range, in: files)
    let start = location.start
    let end = location.end
    return [
      "severity": .string(diagnostic.severity.rawValue),
      "code": .string(diagnostic.code),
      "message": .string(diagnostic.message),
      "file": optional(location.file?.path, JSONValue.string),
      "line": optional(start?.line, JSONValue.int),
      "column": optional(start?.column, JSONValue.int),
      "endLine": optional(end?.line, JSONValue.int),
      "endColumn": optional(end?.column, JSONValue.int),
      "fix": optional(diagnostic.fix, JSONValue.string),
      "notes": .array(
        diagnostic.notes.map { note in
          let noteLocation = ResolvedLocation(note.range, in: files)
          let noteStart = noteLocation.start
          return [
            "message": .string(note.message),
            "file": optional(noteLocation.file?.path, JSONValue.string),
            "line": optional(noteStart?.line, JSONValue.int),
            "column": optional(noteStart?.column, JSONValue.int),
          ]
        }),
    ]
  }

  private static func optional<Value>(_ value: Value?, _ wrap: (Value) -> JSONValue) -> JSONValue {
    guard let value else { return .null }
    return wrap(value)
  }
}

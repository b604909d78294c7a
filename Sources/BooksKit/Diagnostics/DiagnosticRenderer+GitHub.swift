/// GitHub Actions workflow commands, which show diagnostics as annotations on a pull request:
///
/// ```
/// ::error file=samples/acme.books,line=12,col=10,endLine=12,endColumn=15,title=books refs::unknown client `acmee`%0Afix: ...
/// ```
///
/// One line per diagnostic. Errors use `::error`, warnings `::warning`, note-severity
/// diagnostics `::notice`. The fix and the notes are appended to the message on lines of
/// their own (`fix: ...`, `note: MESSAGE (PATH:LINE:COL)`), escaped as GitHub requires.
extension DiagnosticRenderer {
  /// Renders one workflow command per diagnostic, each ending in a newline.
  public static func github(_ diagnostics: [Diagnostic], files: [SourceFile]) -> String {
    var output = ""
    for diagnostic in diagnostics {
      output += githubCommand(diagnostic, files: files)
      output += "\n"
    }
    return output
  }

  private static func githubCommand(_ diagnostic: Diagnostic, files: [SourceFile]) -> String {
    let command =
      switch diagnostic.severity {
      case .error: "error"
      case .warning: "warning"
      case .note: "notice"
      }
    let location = ResolvedLocation(diagnostic.range, in: files)
    var properties: [(String, String)] = []
    if let file = location.file {
      properties.append(("file", file.path))
    }
    if let start = location.start, let end = location.end {
      properties.append(("line", String(start.line)))
      properties.append(("col", String(start.column)))
      properties.append(("endLine", String(end.line)))
      properties.append(("endColumn", String(end.column)))
    }
    properties.append(("title", "books \(diagnostic.code)"))

    var message = diagnostic.message
    if let fix = diagnostic.fix {
      message += "\nfix: \(fix)"
    }
    for note in diagnostic.notes {
      message += "\nnote: \(note.message)"
      if let label = ResolvedLocation(note.range, in: files).label {
        message += " (\(label))"
      }
    }

    let propertyText = properties.map { "\($0.0)=\(escapeProperty($0.1))" }
      .joined(separator: ",")
    return "::\(command) \(propertyText)::\(escapeData(message))"
  }

  /// Escapes a command's message: `%`, CR and LF.
  static func escapeData(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": escaped += "%25"
      case "\r": escaped += "%0D"
      case "\n": escaped += "%0A"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// Escapes a property value: like the message, plus `:` and `,`.
  static func escapeProperty(_ text: String) -> String {
    var escaped = ""
    for scalar in escapeData(text).unicodeScalars {
      switch scalar {
      case ":": escaped += "%3A"
      case ",": escaped += "%2C"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}

/// The whole `books check` pipeline as a library call: load, parse, build, check.
public struct Validation: Sendable {
  public var files: [SourceFile]
  public var books: Books
  /// Every problem, in file order.
  public var diagnostics: [Diagnostic]

  /// Loads `paths` with their includes and runs every check.
  /// `today` is the day recurring invoices are due by (nil: not checked).
  public static func run(
    _ paths: [String], fileSystem: any FileSystem = LocalFileSystem(),
    today: CalendarDate? = nil
  ) -> Validation {
    let loaded = Loader.load(paths, fileSystem: fileSystem)
    let (books, buildDiagnostics) = ModelBuilder.build(loaded.trees)
    let context = CheckContext(books: books, today: today)
    var diagnostics = loaded.diagnostics + buildDiagnostics
    for check in Checks.all where check.runsOnModel {
      diagnostics += check.run(context)
    }
    return Validation(files: loaded.files, books: books, diagnostics: sorted(diagnostics))
  }

  /// File order: diagnostics without a place first, then by file, offset, and code.
  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { left, right in
      let a = left.element.range
      let b = right.element.range
      switch (a, b) {
      case (nil, nil): return left.offset < right.offset
      case (nil, _): return true
      case (_, nil): return false
      case (let a?, let b?):
        if a.file != b.file { return a.file < b.file }
        if a.start != b.start { return a.start < b.start }
        return left.offset < right.offset
      }
    }.map(\.element)
  }
}

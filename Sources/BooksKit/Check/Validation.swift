/// The whole `books check` pipeline as a library call: load, parse, build, check.
public struct Validation: Sendable {
  public var files: [SourceFile]
  public var books: Books
  /// Every problem, in file order.
  public var diagnostics: [Diagnostic]
  /// How the time is billed, as worked out for the checks (as of the last day), for the
  /// reports to reuse: which invoice bills what does not depend on the day.
  public var billing: TimeBilling?
  /// The invoice ledger the checks used (as of no day: every payment counts), for reports
  /// to move to their own day without working out each invoice's totals again.
  public var ledger: InvoiceLedger?

  /// Loads `paths` with their includes and runs every check.
  /// `today` is the day recurring invoices are due by (nil: not checked).
  public static func run(
    _ paths: [String], fileSystem: any FileSystem = LocalFileSystem(),
    today: CalendarDate? = nil
  ) -> Validation {
    var clock = PhaseClock()
    var loaded = Loader.load(paths, fileSystem: fileSystem)
    clock.lap("load and parse")
    // The trees are handed over: the builder frees their tokens and fields once it has read
    // every entry, before the checks run.
    let trees = loaded.trees
    loaded.trees = []
    let (books, buildDiagnostics) = ModelBuilder.build(consume trees)
    clock.lap("build")
    let (context, checked) = Checks.run(books, today: today)
    clock.lap("checks")
    let diagnostics = sorted(loaded.diagnostics + buildDiagnostics + checked)
    clock.lap("sort")
    let validation = Validation(
      files: loaded.files, books: books, diagnostics: diagnostics, billing: context.billing,
      ledger: context.ledger)
    ProcessLifetime.keep(context)
    return validation
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

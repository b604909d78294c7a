/// One set of books as the language server sees it: a main file with everything it
/// includes, loaded from the editor's buffers over the disk, built and checked exactly as
/// `books check` does it.
final class Analysis {
  let root: String
  let loaded: Loader.Result
  let books: Books
  let diagnostics: [Diagnostic]
  /// Normalized path → index in `loaded.files`.
  let fileIndex: [String: Int]
  private var cachedIndex: SymbolIndex?
  private var cachedLedger: InvoiceLedger?

  /// Runs the pipeline of `Validation.run` on an already loaded set of files.
  init(root: String, loaded: Loader.Result, today: CalendarDate?) {
    self.root = root
    self.loaded = loaded
    let (books, buildDiagnostics) = ModelBuilder.build(loaded.trees)
    self.books = books
    let (context, checked) = Checks.run(books, today: today)
    let diagnostics = loaded.diagnostics + buildDiagnostics + checked
    self.diagnostics = Validation.sorted(diagnostics)
    self.cachedLedger = context.ledger
    var fileIndex: [String: Int] = [:]
    for (index, file) in loaded.files.enumerated() where fileIndex[Path.normalize(file.path)] == nil
    {
      fileIndex[Path.normalize(file.path)] = index
    }
    self.fileIndex = fileIndex
  }

  var index: SymbolIndex {
    if let cachedIndex { return cachedIndex }
    let built = SymbolIndex(books)
    cachedIndex = built
    return built
  }

  var ledger: InvoiceLedger {
    if let cachedLedger { return cachedLedger }
    let built = InvoiceLedger(books)
    cachedLedger = built
    return built
  }

  func file(_ index: Int) -> SourceFile? {
    loaded.files.indices.contains(index) ? loaded.files[index] : nil
  }

  func tree(_ index: Int) -> SyntaxTree? {
    loaded.trees.indices.contains(index) ? loaded.trees[index] : nil
  }
}

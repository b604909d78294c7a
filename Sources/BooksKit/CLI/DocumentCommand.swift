/// `books invoice NUMBER` and `books estimate NUMBER`: print one document.
public enum DocumentCommand {
  public static func help(_ kind: Document.Kind) -> String {
    let word = kind.rawValue
    let balance =
      kind == .invoice
      ? """

        --as-of DATE        payments and credit notes up to DATE (default: today, or the
                            invoice's date when it is later); an invoice dated after a
                            DATE given is refused
      """ : ""
    return """
      USAGE: books \(word) NUMBER [FILE...] [-f FILE]... [options]

      Prints \(word) NUMBER as a document to send: Markdown, or a standalone HTML page
      ready to print to PDF (A4 or Letter).

      OPTIONS:
        --format FORMAT     md (default) or html\(balance)
        -o, --output FILE   write to FILE (atomically) instead of standard output
        -h, --help          show this help

      The books must pass `books check` without errors; otherwise the errors are shown
      and no document is made. Exit status: 0 success, 1 errors in the books or the
      output file could not be written, 2 usage error.

      """
  }

  public static func run(
    _ kind: Document.Kind, _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    let help = help(kind)
    let request: DocumentRequest
    switch DocumentRequest.parse(
      arguments, subject: "an \(kind.rawValue) number", help: help, environment: environment,
      fileSystem: fileSystem, today: today)
    {
    case .done(let output): return output
    case .ready(let ready): request = ready
    }
    let books = request.books
    let number = request.subject
    let dated = kind == .invoice ? books.invoice(number)?.date : books.estimate(number)?.date
    if kind == .invoice, let dated,
      let refusal = request.notYetIssued(kind.rawValue, number, dated: dated)
    {
      return refusal
    }
    let day = request.day(for: dated)
    let result: Result<Document, DocumentProblem>
    let numbers: [String]
    switch kind {
    case .invoice:
      result = Document.invoice(number, in: books, asOf: day)
      numbers = books.invoices.map(\.number)
    case .estimate:
      result = Document.estimate(number, in: books, asOf: day)
      numbers = books.estimates.map(\.number)
    }
    switch result {
    case .success(let document):
      return request.deliver(
        markdown: { DocumentRenderer.markdown(document) }, html: { DocumentRenderer.html(document) }
      )
    case .failure(.unknownNumber):
      return .unknown("no \(kind.rawValue) numbered", number, among: numbers, help: help)
    case .failure(let problem):
      return CommandOutput(stderr: "books: \(number): \(problem.message)\n", exitCode: 1)
    }
  }
}

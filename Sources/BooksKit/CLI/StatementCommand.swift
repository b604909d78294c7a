/// `books statement CLIENT`: print a client's statement of account.
public enum StatementCommand {
  public static let help = """
    USAGE: books statement CLIENT [FILE...] [-f FILE]... [options]

    Prints the statement of account of client CLIENT: every invoice, credit note and
    payment with a running balance, the amount due and the open invoices, as Markdown
    or as a standalone HTML page ready to print to PDF (A4 or Letter).

    OPTIONS:
      --format FORMAT     md (default) or html
      --as-of DATE        entries up to DATE (default: today)
      --from DATE         list entries from DATE; earlier ones make an opening balance
      -o, --output FILE   write to FILE (atomically) instead of standard output
      -h, --help          show this help

    The books must pass `books check` without errors; otherwise the errors are shown
    and no document is made. Exit status: 0 success, 1 errors in the books or the
    output file could not be written, 2 usage error (an unknown client, too).

    """

  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    let request: DocumentRequest
    switch DocumentRequest.parse(
      arguments, subject: "a client", takesFrom: true, help: help, environment: environment,
      fileSystem: fileSystem, today: today)
    {
    case .done(let output): return output
    case .ready(let ready): request = ready
    }
    let clientID = request.subject
    switch Statement.make(
      client: clientID, in: request.books, asOf: request.asOf, from: request.from)
    {
    case .success(let statement):
      return request.deliver(
        markdown: { StatementRenderer.markdown(statement) },
        html: { StatementRenderer.html(statement) })
    case .failure(.unknownClient):
      return .unknown("no client", clientID, among: request.books.clients.map(\.id), help: help)
    case .failure(let problem):
      return CommandOutput(stderr: "books: \(clientID): \(problem.message)\n", exitCode: 1)
    }
  }
}

/// `books reminder NUMBER`: print a polite payment reminder for one invoice.
public enum ReminderCommand {
  public static let help = """
    USAGE: books reminder NUMBER [FILE...] [-f FILE]... [options]

    Prints a polite payment reminder for invoice NUMBER as a letter to send: Markdown, or
    a standalone HTML page ready to print to PDF (A4 or Letter). It gives the days overdue, the
    balance due, the late fee accrued so far under the business's `late-fee` policy and
    the total now due, with the payment details.

    An invoice that is not overdue on the day still gets a letter, which says it is not
    yet due, already paid, a draft or void; the exit status is 0 all the same.

    OPTIONS:
      --format FORMAT     md (default) or html
      --as-of DATE        the letter's date: payments, credit notes and late fees up to
                          DATE (default: today, or the invoice's date when it is
                          later); an invoice dated after a DATE given is refused
      -o, --output FILE   write to FILE (atomically) instead of standard output
      -h, --help          show this help

    The books must pass `books check` without errors; otherwise the errors are shown
    and no letter is made. Exit status: 0 success, 1 errors in the books or the output
    file could not be written, 2 usage error.

    """

  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    let request: DocumentRequest
    switch DocumentRequest.parse(
      arguments, subject: "an invoice number", help: help, environment: environment,
      fileSystem: fileSystem, today: today)
    {
    case .done(let output): return output
    case .ready(let ready): request = ready
    }
    let number = request.subject
    let dated = request.books.invoice(number)?.date
    if let dated, let refusal = request.notYetIssued("invoice", number, dated: dated) {
      return refusal
    }
    switch Reminder.make(number, in: request.books, asOf: request.day(for: dated)) {
    case .success(let reminder):
      return request.deliver(
        markdown: { ReminderRenderer.markdown(reminder) }, html: { ReminderRenderer.html(reminder) }
      )
    case .failure(.unknownNumber):
      return .unknown(
        "no invoice numbered", number, among: request.books.invoices.map(\.number), help: help)
    case .failure(let problem):
      return CommandOutput(stderr: "books: \(number): \(problem.message)\n", exitCode: 1)
    }
  }
}

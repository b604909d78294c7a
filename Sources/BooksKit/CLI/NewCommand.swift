/// `books new invoice|estimate`: draft the next document entry from the books, print it or
/// append it to one of the books' files.
public enum NewCommand {
  public static let help = """
    USAGE: books new invoice CLIENT --from-unbilled [--project P] [--through DATE] [FILE...]
           books new invoice CLIENT --service ID[=QTY]... --milestone NAME... [FILE...]
           books new invoice --recurring ID [FILE...]
           books new invoice --estimate NUMBER [FILE...]
           books new estimate CLIENT --service ID[=QTY]... [--valid-until DATE] [FILE...]

    Drafts the next-numbered invoice or estimate (status draft) and prints it, or appends
    it atomically to one of the books' files with --append. Amounts are written out, so the
    document keeps its prices if a rate changes later; edit the draft as you like.

    WHAT GOES ON IT:
      --from-unbilled     the client's billable time and expenses not yet billed, up to
                          --through (default: the document's date); one item per service
                          and rate, rounded to the client's increment; a `bills` line
                          marks that work as billed
      --project P         only this project's work; the document names the project
      --through DATE      the last day of work to bill
      --service ID[=QTY]  an item for a service at its rate: `acme-web/design=30h`,
                          `acme-web/audit` (flat), `acme-web/pages=12` (repeatable)
      --milestone NAME    an item for a milestone of --project at its amount (repeatable)
      --recurring ID      the next invoice of a recurring template: its oldest period
                          without an invoice, with overage beyond its included hours
      --estimate NUMBER   the estimate's items, discounts and taxes, referring to it and
                          to the purchase order that answers it

    OPTIONS:
      --date DATE         the document's date (default: today; recurring: the period's end)
      --number NUMBER     the document's number (default: the next in the business's
                          `invoice-numbers`/`estimate-numbers` pattern, or series)
      --valid-until DATE  when the estimate expires (default: 30 days after its date)
      --append FILE       append the entry to FILE, which must be one of the books' files
      -f FILE             the books (default: FILE arguments, or $BOOKS_FILE)
      -h, --help          show this help

    The draft is checked with the books before it is printed or written: if the books
    would not pass `books check` with it, nothing is written. Notes on how the draft was
    made (taxes used, work left out) go to standard error.

    """

  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    var arguments = arguments
    guard let kind = arguments.first, kind == "invoice" || kind == "estimate" else {
      if let first = arguments.first, first == "-h" || first == "--help" {
        return CommandOutput(stdout: help)
      }
      return .usage(
        arguments.first.map { "cannot draft `\($0)`: use `new invoice` or `new estimate`" }
          ?? "name what to draft: invoice or estimate", help: help)
    }
    arguments.removeFirst()
    var parser = Arguments(arguments)
    var files: [String] = []
    var fromUnbilled = false
    var project: String?
    var through: CalendarDate?
    var date: CalendarDate?
    var validUntil: CalendarDate?
    var number: String?
    var recurring: String?
    var estimate: String?
    var append: String?
    var extras = Drafter.Extras()
    var problem: String?
    func day(_ text: String, _ option: String) -> CalendarDate? {
      guard let parsed = CalendarDate(text) else {
        problem = problem ?? "\(option) takes a date YYYY-MM-DD, not `\(text)`"
        return nil
      }
      return parsed
    }
    let early = parser.parseCommand(help: help, problem: problem) {
      option, value throws(Arguments.Problem) in
      switch option {
      case "-f", "--file": files.append(try value())
      case "--from-unbilled": fromUnbilled = true
      case "--project": project = try value()
      case "--through": through = day(try value(), option)
      case "--date": date = day(try value(), option)
      case "--valid-until": validUntil = day(try value(), option)
      case "--number":
        let text = try value()
        // One word as the books read it: no blank, quote or control character, not a
        // comment or a tag.
        let word =
          !text.isEmpty && !text.hasPrefix("#") && !text.hasPrefix(";")
          && text.utf8.allSatisfy { $0 > 0x20 && $0 != 0x22 && $0 != 0x7F }
        if word {
          number = text
        } else {
          problem = problem ?? "--number takes one word, e.g. INV-2026-014, not `\(text)`"
        }
      case "--recurring": recurring = try value()
      case "--estimate": estimate = try value()
      case "--append": append = try value()
      case "--service":
        let text = try value()
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        if let id = parts.first, !id.isEmpty {
          extras.services.append((id: id, quantity: parts.count > 1 ? parts[1] : nil))
        } else {
          problem = problem ?? "--service takes a service id, e.g. acme-web/design=10h"
        }
      case "--milestone": extras.milestones.append(try value())
      default: return false
      }
      return true
    }
    if let early { return early }
    var positionals = parser.positionals
    var client: String?
    if recurring != nil, estimate != nil {
      return .usage("draft from --recurring or from --estimate, not both", help: help)
    }
    let source = recurring != nil ? "--recurring" : estimate != nil ? "--estimate" : nil
    if source == nil {
      guard !positionals.isEmpty else {
        return .usage("name the client: books new \(kind) CLIENT ...", help: help)
      }
      client = positionals.removeFirst()
    }
    if kind == "estimate", source != nil || fromUnbilled {
      return .usage(
        "an estimate offers services: use --service (and --milestone)", help: help)
    }
    if let source, fromUnbilled || !extras.isEmpty || project != nil {
      return .usage(
        "\(source) drafts from it alone; drop the other item options", help: help)
    }
    files = environment.books(positionals + files)
    let validation: Validation
    switch CommandOutput.books(
      files, environment: environment, fileSystem: fileSystem, purpose: "draft documents",
      help: help)
    {
    case .success(let loaded): validation = loaded
    case .failure(let output): return output
    }
    let main = files.first ?? ""
    let drafter = Drafter(books: validation.books)
    let documentDate = date ?? today
    let result: Result<Draft, DraftProblem>
    if let recurring {
      result = drafter.recurringInvoice(recurring, date: date, today: today, number: number)
    } else if let estimate {
      result = drafter.invoice(fromEstimate: estimate, date: documentDate, invoiceNumber: number)
    } else if kind == "estimate" {
      result = drafter.estimate(
        client: client ?? "", project: project, date: documentDate, validUntil: validUntil,
        number: number, extras: extras)
    } else {
      result = drafter.invoice(
        client: client ?? "", project: project, fromUnbilled: fromUnbilled,
        through: through ?? documentDate, date: documentDate, number: number, extras: extras)
    }
    var draft: Draft
    switch result {
    case .success(let drafted): draft = drafted
    case .failure(let failure):
      return CommandOutput(
        stderr: "books: \(failure.message)\n", exitCode: failure.isUsage ? 2 : 1)
    }
    // In the canonical layout of `books fmt` (items aligned).
    if let formatted = BooksFormatter.format(draft.text).text {
      draft.lines = formatted.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        .map(String.init)
    }
    // The file the entry goes to: one the books read, so that the entry counts.
    let target = append ?? main
    let canonical = fileSystem.canonical(target)
    guard let file = validation.files.first(where: { fileSystem.canonical($0.path) == canonical })
    else {
      let read = validation.files.map { "`\($0.path)`" }.joined(separator: ", ")
      return CommandOutput(
        stderr:
          "books: `\(target)` is not one of the books' files (\(read)); append to one of them, or include it first\n",
        exitCode: 2)
    }
    var bytes = file.bytes
    if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    if !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
    // The draft's lines in the file once appended, for the diagnostics that point there.
    let firstLine = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    let lastLine =
      firstLine + max(draft.text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } - 1, 0)
    bytes += Array(draft.text.utf8)
    // The books with the draft in them must still pass.
    let overlay = OverlayFileSystem(base: fileSystem, path: canonical, bytes: bytes)
    let after = Validation.run(files, fileSystem: overlay)
    let errors = after.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      return CommandOutput(
        stdout: draft.text,
        stderr: DiagnosticRenderer.human(errors, files: after.files, color: false)
          + "books: the draft (lines \(firstLine)–\(lastLine) of `\(file.path)` once appended) would not pass `books check`; nothing was written\n",
        exitCode: 1)
    }
    let notes = draft.notes.map { "books: note: \($0)\n" }.joined()
    guard let append else { return CommandOutput(stdout: draft.text, stderr: notes) }
    switch AtomicFile.write(String(decoding: bytes, as: UTF8.self), to: append) {
    case .success:
      return CommandOutput(
        stderr: notes + "books: appended \(kind) \(draft.number) to \(append)\n")
    case .failure(let failure):
      return CommandOutput(
        stderr: "books: cannot write `\(append)`: \(failure.message)\n", exitCode: 1)
    }
  }
}

/// A file system in which one file reads as given bytes: the books as they would be.
struct OverlayFileSystem: FileSystem {
  let base: any FileSystem
  let path: String
  let bytes: [UInt8]

  func read(_ path: String) -> Result<[UInt8], FileProblem> {
    base.canonical(path) == self.path ? .success(bytes) : base.read(path)
  }

  func glob(_ pattern: String) -> [String] { base.glob(pattern) }

  func canonical(_ path: String) -> String { base.canonical(path) }
}

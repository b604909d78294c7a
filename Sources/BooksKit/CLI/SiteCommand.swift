/// `books site FILE -o DIR`: the books as a static website in a folder.
public enum SiteCommand {
  public static let help = """
    USAGE: books site [FILE...] [-f FILE]... -o DIR [--as-of DATE]

    Writes the books as a static website into the folder DIR (creating it): a landing
    page with the dashboard, finance with a monthly chart, the pipeline, projects,
    services, invoices, estimates, aging, unbilled work, the workflow, resources,
    contacts, goals and a calendar, and a page for every client, project, service,
    contact, staff member, resource, goal, invoice (print-ready), estimate and meeting.
    One style sheet, no scripts, nothing fetched from the network, relative links only:
    open DIR/index.html from disk or publish the folder. The same books always give the
    same files, so the site diffs well in git.

    OPTIONS:
      -o, --output DIR    the folder to write the site into (required)
      --as-of DATE        the books as they stood on DATE (default: the date of the
                          books' newest entry)
      -h, --help          show this help

    The books must pass `books check` without errors; otherwise the errors are shown
    and nothing is written. Exit status: 0 success, 1 errors in the books or a file
    could not be written, 2 usage error.

    """

  public static func run(
    _ arguments: [String], environment: Environment,
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today()
  ) -> CommandOutput {
    var parser = Arguments(arguments)
    var files: [String] = []
    var output: String?
    var asOf: CalendarDate?
    var wantsHelp = false
    var problem: String?
    do throws(Arguments.Problem) {
      try parser.parse { option, value throws(Arguments.Problem) in
        switch option {
        case "-f", "--file": files.append(try value())
        case "-o", "--output": output = try value()
        case "--as-of":
          let text = try value()
          asOf = CalendarDate(text)
          if asOf == nil { problem = "--as-of takes a date YYYY-MM-DD, not `\(text)`" }
        case "-h", "--help": wantsHelp = true
        default: return false
        }
        return true
      }
    } catch {
      return .usage(error, help: help)
    }
    if wantsHelp { return CommandOutput(stdout: help) }
    if let problem { return .usage(problem, help: help) }
    guard let output, !output.isEmpty else {
      return .usage("name the folder to write the site into with -o DIR", help: help)
    }
    files = environment.books(parser.positionals + files)
    guard !files.isEmpty else {
      return .usage("no books: name a file, use -f FILE, or set BOOKS_FILE", help: help)
    }
    let validation = Validation.run(files, fileSystem: fileSystem)
    if let refusal = CommandOutput.refusing(validation, to: "build the site") { return refusal }
    let day = asOf ?? SiteBuilder.newestEntryDate(validation.books) ?? today
    let site = SiteBuilder.build(validation.books, asOf: day)
    switch write(site, into: output) {
    case .success:
      let pages = site.keys.filter { $0.hasSuffix(".html") }.count
      return CommandOutput(
        stderr: "books: wrote \(pages) pages as of \(day) to \(output)/index.html\n")
    case .failure(let failure):
      return CommandOutput(
        stderr: "books: cannot write the site into `\(output)`: \(failure.message)\n",
        exitCode: 1)
    }
  }

  /// Writes every file of the site under `folder`, creating the folders it needs; a path
  /// that could leave the folder is refused.
  static func write(_ site: [String: String], into folder: String) -> Result<Void, FileProblem> {
    let root = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    var folders: Set<String> = [root]
    for path in site.keys {
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
      guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
      else { return .failure(.other("refusing the path `\(path)`")) }
      if parts.count > 1 { folders.insert(root + "/" + parts.dropLast().joined(separator: "/")) }
    }
    for path in folders.sorted() {
      if case .failure(let problem) = ExportFolder.create(path) { return .failure(problem) }
    }
    for path in site.keys.sorted() {
      if case .failure(let problem) = AtomicFile.write(site[path] ?? "", to: root + "/" + path) {
        return .failure(problem)
      }
    }
    return .success(())
  }
}

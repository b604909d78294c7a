import Foundation
import Testing

@testable import BooksKit

/// `books site`: golden pages for a small fixture, and over both samples every page
/// parses as HTML, every internal link resolves and the same books give the same bytes.
@Suite struct SiteTests {
  static let fixture = """
    business "North Studio"
      address "Kastanienallee 12"
      address "10435 Berlin"
      currency EUR
      terms 14 days
      bank "IBAN DE89 3704 0044 0532 0130 00"

    tax vat "VAT" 19%
    client acme "Acme & <Sons>"
      stage client
      company "Acme Corporation GmbH"
      email ap@acme.example
      contract 5000
    client globex "Globex"
      stage lead
    contact jana "Jana Weber"
      category services
      client acme
    project acme-web "Website redesign"
      client acme
      value 4000
      priority high
      status in-progress
      estimate 20h
    service acme-web/design "UX & visual design"
      pricing hourly 95 EUR
      status in-progress
    resource year-end "Year-end checklist"
      kind checklist
      todo [x] "Collect all receipts"
      todo [ ] "Send the books to Lea"
    goal reading "Read 12 books"
      category health
      target 12 books
      progress 2026-02-01 3

    2026-01-12 time acme-web/design 3h30m "Wireframes"
    2026-01-20 expense 49 EUR "Fonts"
      vendor "Type Foundry"
    2026-01-31 invoice INV-2026-001 acme
      project acme-web
      item "Website redesign, January" 10h @ 95 EUR
      tax vat
    2026-02-10 income 1130.50 EUR "Acme: INV-2026-001"
      client acme
      invoice INV-2026-001
      via bank
    2026-02-12 meeting 10:00-10:45 "Design review <1>"
      with jana
      medium zoom
      agenda "Home page"

    """

  static func fixtureSite() throws -> [String: String] {
    let validation = validate(fixture)
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    let asOf = try #require(SiteBuilder.newestEntryDate(validation.books))
    #expect(asOf.description == "2026-02-10")
    return SiteBuilder.build(validation.books, asOf: asOf)
  }

  @Test func fixtureSiteMatchesItsGoldenFiles() throws {
    let site = try Self.fixtureSite()
    #expect(
      site.keys.sorted() == [
        "aging.html", "calendar.html", "calendar/2026-02.html", "calendar/2026-W07.html",
        "clients.html", "clients/acme.html", "clients/globex.html", "contacts.html",
        "contacts/jana.html", "estimates.html", "finance.html", "goals.html",
        "goals/reading.html", "index.html", "invoices.html", "invoices/INV-2026-001.html",
        "meetings/2026-02-12-1.html", "projects.html", "projects/acme-web.html",
        "register.html", "resources.html", "resources/year-end.html", "services.html",
        "services/acme-web_2Fdesign.html", "statements/acme.html", "statements/globex.html",
        "style.css", "tax.html", "unbilled.html", "workflow.html",
      ])
    for (path, text) in site.sorted(by: { $0.key < $1.key }) {
      assertSnapshot(text, named: "site/\(path)")
    }
  }

  @Test func userTextIsEscapedEverywhere() throws {
    let site = try Self.fixtureSite()
    for (path, text) in site {
      #expect(!text.contains("<Sons>"), "\(path) shows a raw <Sons>")
      #expect(!text.contains("<1>"), "\(path) shows a raw <1>")
      #expect(!text.lowercased().contains("<script"), "\(path) has a script")
    }
    #expect(site["clients/acme.html"]?.contains("<h1>Acme &amp; &lt;Sons&gt;</h1>") == true)
  }

  @Test(arguments: ["../x", "a/b", ".", "..", ".hidden", "", "é", "x_2F", "x/"])
  func fileNamesNeverLeaveTheirFolder(_ id: String) {
    let name = SitePaths.slug(id)
    #expect(!name.contains("/"))
    #expect(!name.hasPrefix("."))
    #expect(!name.isEmpty)
    #expect(name.utf8.allSatisfy { $0 < 0x80 })
  }

  @Test func fileNamesAreDistinctForDistinctIds() {
    let ids = ["a/b", "a_2Fb", "a_b", "a-b", "A-b", "..", "._2E", "x", "x.", "é", "_C3_A9"]
    #expect(Set(ids.map(SitePaths.slug)).count == ids.count)
    #expect(SitePaths.slug("a/b") == "a_2Fb")
    #expect(SitePaths.slug("../x") == "_2E._2Fx")
    #expect(SitePaths.invoice("../x") == "invoices/_2E._2Fx.html")
  }

  /// A page's card figures come from one view of each board: they are those of the board
  /// narrowed to the card's own client or project, for every client, project and service
  /// of both samples, and for a service id used in two projects (which `books site`
  /// refuses, but the builder accepts) each page gets its own project's card.
  @Test func cardFiguresAreThoseOfTheNarrowedBoard() throws {
    func narrowed(
      _ site: SiteBuilder, _ report: Report, _ id: String, client: String?, project: String?
    )
      -> [Metric]?
    {
      for block in site.view(report, client: client, project: project).blocks {
        guard case .board(let board) = block else { continue }
        for lane in board.lanes {
          if let card = lane.cards.first(where: { $0.id == id }) {
            return card.fields.filter { $0.value != .empty }
          }
        }
      }
      return nil
    }
    var compared = 0
    for (file, asOf) in Self.samples {
      let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      let books = Validation.run([root.appendingPathComponent(file).path]).books
      let site = SiteBuilder(books: books, asOf: try #require(CalendarDate(asOf)))
      for client in books.clients {
        #expect(
          site.cardFields(ClientsReport.report, id: client.id)
            == narrowed(site, ClientsReport.report, client.id, client: client.id, project: nil))
        compared += 1
      }
      for project in books.projects {
        #expect(
          site.cardFields(ProjectsReport.report, id: project.id)
            == narrowed(site, ProjectsReport.report, project.id, client: nil, project: project.id))
        compared += 1
      }
      for service in books.services {
        let project = service.project?.id
        #expect(
          site.cardFields(ServicesReport.report, id: service.id, project: project)
            == narrowed(site, ServicesReport.report, service.id, client: nil, project: project))
        compared += 1
      }
    }
    #expect(compared > 40)
    let books = validate(
      euroHeader + """
        project p "P"
          client acme
        project q "Q"
          client acme
        service x "In p"
          project p
          status completed
          pricing hourly 100
        service x "In q"
          project q
          pricing hourly 80

        """
    ).books
    let site = SiteBuilder(books: books, asOf: try #require(CalendarDate("2026-12-31")))
    for project in ["p", "q"] {
      let fields = site.cardFields(ServicesReport.report, id: "x", project: project)
      #expect(fields == narrowed(site, ServicesReport.report, "x", client: nil, project: project))
      #expect(fields?.first { $0.id == "project" }?.value == .id(project))
    }
  }

  /// The byte search that places the site bar in printable documents finds what a search
  /// by characters finds, after multibyte text and past partial matches.
  @Test func markersAreFoundByBytesAsByCharacters() {
    let texts = [
      "<html><head></head><body>\n", "é日本😀</hea</head></head>", "</hea", "", "<body>",
      "x<body>\n<body>\n", "<<body>\n", String(repeating: "é", count: 300) + "</head>",
    ]
    for text in texts {
      for marker in ["</head>", "<body>\n"] {
        let found = SiteBuilder.firstRange(of: marker, in: text)
        #expect(found == text.firstRange(of: marker), "\(text.debugDescription) \(marker)")
      }
    }
    #expect(SiteBuilder.firstRange(of: "", in: "abc") == nil)
  }

  static let samples: [(file: String, asOf: String)] = [
    ("samples/freelancer.books", "2026-11-22"),
    ("samples/studio.books", "2026-12-31"),
  ]

  static func sampleSite(_ file: String, asOf: String) throws -> [String: String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let validation = Validation.run([root.appendingPathComponent(file).path])
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    let day = try #require(CalendarDate(asOf))
    return SiteBuilder.build(validation.books, asOf: day)
  }

  @Test(arguments: samples.map(\.file))
  func everyInternalLinkResolvesAndEveryPageIsReachable(_ file: String) throws {
    let asOf = Self.samples.first { $0.file == file }?.asOf ?? "2026-12-31"
    let site = try Self.sampleSite(file, asOf: asOf)
    var broken: [String] = []
    var reached: Set<String> = []
    var todo = ["index.html"]
    while let page = todo.popLast() {
      guard reached.insert(page).inserted, let text = site[page] else { continue }
      for link in Self.links(in: text) {
        if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") {
          continue
        }
        guard let target = Self.resolve(link, from: page) else {
          broken.append("\(page): \(link) leaves the site")
          continue
        }
        if site[target] == nil {
          broken.append("\(page): \(link)")
        } else if target.hasSuffix(".html") {
          todo.append(target)
        }
      }
    }
    #expect(broken.isEmpty, "\(broken.prefix(20))")
    let unreached = site.keys.filter { $0.hasSuffix(".html") && !reached.contains($0) }
    #expect(unreached.isEmpty, "\(unreached.sorted().prefix(20))")
    #expect(site.count > 100)
  }

  @Test(arguments: samples.map(\.file))
  func theSameBooksGiveTheSameSite(_ file: String) throws {
    let first = try Self.sampleSite(file, asOf: "2026-11-22")
    let second = try Self.sampleSite(file, asOf: "2026-11-22")
    #expect(first == second)
  }

  @Test func theCommandWritesTheSiteAndRefusesBooksWithErrors() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("books-site-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    defer { try? FileManager.default.removeItem(at: folder) }
    let books = MemoryFileSystem(["main.books": Self.fixture])
    let output = SiteCommand.run(
      ["main.books", "-o", folder.path + "/out"], environment: Environment(), fileSystem: books)
    #expect(output.exitCode == 0, "\(output.stderr)")
    #expect(
      output.stderr == "books: wrote 29 pages as of 2026-02-10 to \(folder.path)/out/index.html\n")
    let written = try String(
      contentsOf: folder.appendingPathComponent("out/clients/acme.html"), encoding: .utf8)
    #expect(written == (try Self.fixtureSite())["clients/acme.html"])

    let broken = MemoryFileSystem(["main.books": "client acme \"Acme\"\n  stage nowhere\n"])
    let refused = SiteCommand.run(
      ["main.books", "-o", folder.path + "/bad"], environment: Environment(), fileSystem: broken)
    #expect(refused.exitCode == 1)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/bad"))

    let usage = SiteCommand.run(["main.books"], environment: Environment(), fileSystem: books)
    #expect(usage.exitCode == 2)
  }

  /// Every `href="..."` and `src="..."` value in a page, unescaped.
  static func links(in html: String) -> [String] {
    var links: [String] = []
    for marker in ["href=\"", "src=\""] {
      var rest = html[...]
      while let start = rest.firstRange(of: marker) {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        links.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
        rest = rest[end...]
      }
    }
    return links
  }

  /// The site path a relative link from `page` names, without its fragment.
  static func resolve(_ link: String, from page: String) -> String? {
    let path =
      link.split(separator: "#", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    if path.isEmpty { return page }
    var parts = page.split(separator: "/").dropLast().map(String.init)
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
      if part == ".." {
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      } else if part != "." {
        parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }
}

import Foundation
import Testing

@testable import BooksKit

/// Attack text in every text field of the sample books, run through every report in every
/// format, every document and every export: no payload may survive into an output
/// unescaped for that output's medium.
@Suite struct OutputSafetyTests {
  /// Each payload carries the HTML, Markdown and line-break attacks; they differ in how
  /// they start (a spreadsheet formula, a list item, a heading) and in their quotes.
  static let payloads: [String] = [
    #"=cmd|' /C calc'!A0 <script>alert(1)</script> \"><img src=x onerror=alert(1)> a|b *x* [l](javascript:alert(1)) https://evil.example\nINJECTED"#,
    #"+SUM(1) <script>alert(2)</script> '><img src=y onerror=alert(2)> | ` \nINJECTED"#,
    #"@cmd <b>bold</b> \"><svg onload=alert(3)> || \n# INJECTED"#,
    #"- list <script>alert(4)</script> \"><img onerror=alert(4)> |\n=INJECTED"#,
    #"-2+3 \t\"tab\" ; # not a comment \\ \u{202E}reversed\n\n- INJECTED"#,
  ]

  /// Fields whose strings are patterns rather than text.
  static let structuredFields: Set<Substring> = ["invoice-numbers", "estimate-numbers"]

  static let day = CalendarDate(year: 2026, month: 6, day: 30) ?? .earliest

  /// The sample books' text with every quoted string replaced by a payload, in turn.
  static let text: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let sample =
      (try? String(
        contentsOf: root.appendingPathComponent("samples/freelancer.books"), encoding: .utf8)) ?? ""
    var count = 0
    let lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map {
      line -> String in
      let field = line.split(separator: " ").first ?? ""
      if structuredFields.contains(field) { return String(line) }
      return replacingStrings(in: line) {
        count += 1
        return payloads[count % payloads.count]
      }
    }
    return lines.joined(separator: "\n")
  }()

  /// The payload books.
  static let books: Books = {
    var fileSystem = MemoryFileSystem([:])
    fileSystem.files["payload.books"] = Array(text.utf8)
    let validation = Validation.run(["payload.books"], fileSystem: fileSystem)
    let errors = validation.diagnostics.filter { $0.severity == .error }
    precondition(errors.isEmpty, "payload books have errors: \(errors.map(\.message))")
    return validation.books
  }()

  /// `line` with every string literal replaced by `"\(next())"`.
  static func replacingStrings(in line: Substring, _ next: () -> String) -> String {
    var out = ""
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      guard character == "\"" else {
        out.append(character)
        index = line.index(after: index)
        continue
      }
      var end = line.index(after: index)
      while end < line.endIndex, line[end] != "\"" {
        if line[end] == "\\" { end = line.index(after: end) }
        if end < line.endIndex { end = line.index(after: end) }
      }
      out += "\"" + next() + "\""
      index = end < line.endIndex ? line.index(after: end) : end
    }
    return out
  }

  // MARK: The outputs, by medium

  struct Output: CustomStringConvertible {
    var name: String
    var text: String
    var description: String { name }
  }

  static func reports(_ format: String) -> [Output] {
    Reports.all.map { report in
      let view = report.view(ReportContext(books: books, options: ReportOptions(asOf: day)))
      let text: String
      switch format {
      case "html": text = HTMLRenderer.render(view)
      case "md": text = MarkdownRenderer.render(view)
      case "csv": text = CSVRenderer.render(view)
      case "json": text = JSONReportRenderer.render(view)
      default: text = TextRenderer.render(view, color: false)
      }
      return Output(name: "report \(report.name) --format \(format)", text: text)
    }
  }

  /// Every invoice, estimate, statement and reminder, as Markdown or HTML.
  static func documents(html: Bool) -> [Output] {
    var outputs: [Output] = []
    for invoice in books.invoices {
      if case .success(let document) = Document.invoice(invoice.number, in: books, asOf: day) {
        outputs.append(
          Output(
            name: "invoice \(invoice.number)",
            text: html ? DocumentRenderer.html(document) : DocumentRenderer.markdown(document)))
      }
      if case .success(let reminder) = Reminder.make(invoice.number, in: books, asOf: day) {
        outputs.append(
          Output(
            name: "reminder \(invoice.number)",
            text: html ? ReminderRenderer.html(reminder) : ReminderRenderer.markdown(reminder)))
      }
    }
    for estimate in books.estimates {
      if case .success(let document) = Document.estimate(estimate.number, in: books, asOf: day) {
        outputs.append(
          Output(
            name: "estimate \(estimate.number)",
            text: html ? DocumentRenderer.html(document) : DocumentRenderer.markdown(document)))
      }
    }
    for client in books.clients {
      if case .success(let statement) = Statement.make(client: client.id, in: books, asOf: day) {
        outputs.append(
          Output(
            name: "statement \(client.id)",
            text: html ? StatementRenderer.html(statement) : StatementRenderer.markdown(statement)))
      }
    }
    return outputs
  }

  static func journals() -> [Output] {
    let journal = Journal(books, asOf: day)
    let source = LedgerWriter.Source(files: ["payload.books"], asOf: day, generator: "books")
    return [
      Output(name: "hledger", text: LedgerWriter.write(journal, .hledger, source: source)),
      Output(name: "ledger", text: LedgerWriter.write(journal, .ledger, source: source)),
      Output(
        name: "beancount",
        text: BeancountWriter.write(
          journal, source: source, title: books.business?.name, currency: books.defaultCurrency)),
    ]
  }

  static let data = DataExport(books, asOf: day)

  // MARK: Tests

  @Test func everyPayloadIsInTheBooks() {
    #expect(Self.books.clients.allSatisfy { $0.name.contains("INJECTED") })
    #expect(Self.books.invoices.flatMap(\.items).allSatisfy { $0.description.contains("INJECTED") })
    #expect(Self.documents(html: false).count > 40)
  }

  @Test(arguments: [
    ("- a", "\\- a"), ("+ a", "\\+ a"), ("---", "\\---"), ("===", "\\==="), ("=x", "\\=x"),
    ("1. a", "1\\. a"), ("12) a", "12\\) a"), ("3.", "3\\."), ("+33 6 12", "+33 6 12"),
    ("-12.50 EUR", "-12.50 EUR"), ("1.5h", "1.5h"), ("2026-01-31", "2026-01-31"), ("", ""),
  ])
  func markdownLineStartIsEscaped(line: String, escaped: String) {
    #expect(MarkdownRenderer.escapingLineStart(line) == escaped)
  }

  @Test func htmlEscapesElementsAndAttributes() {
    let outputs = Self.reports("html") + Self.documents(html: true)
    for output in outputs {
      let lower = output.text.lowercased()
      for raw in ["<script", "<img", "<svg", "<b>bold", "\"><img", "'><img", "\"><svg"] {
        #expect(!lower.contains(raw), "\(output): `\(raw)` survived")
      }
      #expect(lower.contains("&lt;script&gt;") || !output.text.contains("INJECTED"), "\(output)")
    }
  }

  /// Every page of the site built from the same books: no element or attribute of a
  /// payload survives, and no link leaves for anything but http(s) and mailto.
  @Test func siteEscapesElementsAndAttributes() {
    let site = SiteBuilder.build(Self.books, asOf: Self.day)
    #expect(site.count > 50)
    var injected = 0
    for (path, text) in site.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
      let lower = text.lowercased()
      // The site's own SVG is its chart; a payload's would carry `onload`.
      for raw in ["<script", "<img", "<svg onload", "<b>bold", "\"><img", "'><img"] {
        #expect(!lower.contains(raw), "\(path): `\(raw)` survived")
      }
      #expect(
        lower.components(separatedBy: "<svg").count
          == lower.components(separatedBy: "<svg class=\"chart\"").count, "\(path)")
      #expect(!lower.contains("javascript:alert(1)\""), "\(path): a javascript: link")
      if text.contains("INJECTED") { injected += 1 }
    }
    // The payloads are on the pages, escaped.
    #expect(injected > 10)
  }

  @Test func markdownEscapesTablesLinksAndLineStarts() {
    for output in Self.reports("md") + Self.documents(html: false) {
      var columns: Int?
      for line in output.text.split(separator: "\n", omittingEmptySubsequences: false) {
        let text = String(line)
        expectInertMarkdown(text, in: output.name)
        // Every row of a table has as many cells as its header.
        if text.hasPrefix("|") {
          let cells = unescapedCount("|", in: text)
          if let columns {
            #expect(cells == columns, "\(output): row with \(cells - 1) cells: \(text)")
          } else {
            columns = cells
          }
        } else {
          columns = nil
        }
      }
    }
  }

  @Test func csvDefusesFormulasAndQuotesLineBreaks() throws {
    var outputs = Self.reports("csv")
    outputs += CSVExport.files(Self.data).map {
      Output(name: "export csv \($0.name)", text: $0.text)
    }
    for output in outputs {
      let records = try #require(parseCSV(output.text), "\(output) is not RFC 4180")
      guard let width = records.first?.count else { continue }
      for record in records {
        #expect(record.count == width, "\(output): \(record)")
        for field in record {
          guard let first = field.first else { continue }
          let dangerous =
            "=+@\t\r".contains(first)
            || (first == "-" && Double(field) == nil)
          #expect(!dangerous, "\(output): cell `\(field.prefix(30))` would run as a formula")
        }
      }
    }
  }

  @Test func jsonIsValidAndKeepsTheText() throws {
    var outputs = Self.reports("json")
    outputs.append(
      Output(name: "export json", text: JSONExport.write(Self.data, generator: "books")))
    for output in outputs {
      let value = try JSONSerialization.jsonObject(with: Data(output.text.utf8))
      #expect(value is [String: Any], "\(output)")
    }
    let export = JSONExport.write(Self.data, generator: "books")
    #expect(
      export.contains(#"<script>alert(1)<\/script>"#)
        || export.contains("<script>alert(1)</script>"))
  }

  /// The language server's replies are JSON, and the Markdown of its hovers escapes names,
  /// titles and labels like the Markdown reports do.
  @Test func languageServerHoversEscapeTheirMarkdown() throws {
    let uri = "file:///payload/payload.books"
    let server = LanguageServer(
      fileSystem: MemoryFileSystem(["/payload/payload.books": Self.text]), today: Self.day)
    var replies = server.handle(LSPFixtures.request(0, "initialize", ["capabilities": [:]]))
    replies += server.handle(LSPFixtures.notification("initialized", [:]))
    replies += server.handle(LSPFixtures.didOpen(uri, Self.text))
    var hovers: [String] = []
    var id = 1
    let lines = Self.text.split(separator: "\n", omittingEmptySubsequences: false)
    for (number, line) in lines.enumerated() {
      // A hover at the start of every word; the payloads' non-ASCII comes after the ids.
      var column = 0
      var afterBlank = true
      for unit in line.utf16 {
        if afterBlank, unit != 0x20 {
          let reply = server.handle(LSPFixtures.at(id, "textDocument/hover", uri, number, column))
          id += 1
          replies += reply
          if let value = LSPFixtures.result(reply)["contents"]?["value"]?.stringValue {
            hovers.append(value)
          }
        }
        afterBlank = unit == 0x20
        column += 1
      }
      replies += server.handle(
        LSPFixtures.at(id, "textDocument/completion", uri, number, line.utf16.count))
      id += 1
    }
    replies += server.handle(
      LSPFixtures.request(
        id, "textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]]))
    for reply in replies {
      let text = reply.serialized(pretty: false)
      #expect(
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "not JSON: \(text)")
    }
    #expect(hovers.count > 100)
    #expect(hovers.contains { $0.contains("script") }, "no payload reached a hover")
    for hover in hovers {
      for line in hover.split(separator: "\n", omittingEmptySubsequences: false) {
        expectInertMarkdown(String(line), in: "hover")
      }
    }
  }

  @Test func icalendarEscapesText() {
    let text = CalendarExport.write(Self.data, generator: "books")
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare line feed")
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "a bare CR")
    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
    for line in unfolded.split(separator: "\r\n") {
      let name = line.prefix { $0.isUppercase || $0 == "-" || $0.isNumber }
      #expect(!name.isEmpty && "; :".contains(line.dropFirst(name.count).first ?? " "), "\(line)")
      if line.hasPrefix("SUMMARY") || line.hasPrefix("DESCRIPTION") || line.hasPrefix("LOCATION") {
        // The value's commas and semicolons are escaped.
        let value = line.drop { $0 != ":" }.dropFirst()
        #expect(!hasUnescaped(",", in: String(value)), "\(line)")
        #expect(!hasUnescaped(";", in: String(value)), "\(line)")
      }
    }
    #expect(unfolded.contains("INJECTED"))
  }

  @Test func journalsAndTextKeepEachValueOnItsLine() {
    for output in Self.journals() + Self.reports("text") {
      for line in output.text.split(separator: "\n") {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        for start in ["INJECTED", "=INJECTED", "# INJECTED", "- INJECTED"] {
          #expect(!trimmed.hasPrefix(start), "\(output): a line starts with `\(start)`")
        }
        if output.name == "beancount", line.contains("INJECTED") {
          #expect(unescapedCount("\"", in: String(line)) % 2 == 0, "\(line)")
        }
      }
    }
  }
}

/// True when `text` holds `character` without a backslash before it.
/// A line of Markdown output: no raw `<`, no link, no payload starting a block.
private func expectInertMarkdown(
  _ text: String, in output: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    !hasUnescaped("<", in: text), "\(output): raw `<` in \(text)", sourceLocation: sourceLocation)
  #expect(
    !text.contains("](javascript") || text.contains("\\](javascript"),
    "\(output): a link in \(text)", sourceLocation: sourceLocation)
  for start in ["INJECTED", "=INJECTED", "# INJECTED", "- INJECTED", "- list"] {
    #expect(
      !text.hasPrefix(start), "\(output): a line starts with `\(start)`",
      sourceLocation: sourceLocation)
  }
}

private func hasUnescaped(_ character: Character, in text: String) -> Bool {
  unescapedCount(character, in: text) > 0
}

private func unescapedCount(_ character: Character, in text: String) -> Int {
  var count = 0
  var escaped = false
  for current in text {
    if escaped {
      escaped = false
    } else if current == "\\" {
      escaped = true
    } else if current == character {
      count += 1
    }
  }
  return count
}

/// Records of an RFC 4180 text (CRLF or LF line ends), or nil if a quote is unbalanced.
private func parseCSV(_ text: String) -> [[String]]? {
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text)[...]
  while let character = characters.popFirst() {
    if quoted {
      if character == "\"" {
        if characters.first == "\"" {
          field.append("\"")
          characters.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.append(character)
      }
      continue
    }
    switch character {
    case "\"" where field.isEmpty: quoted = true
    case ",":
      record.append(field)
      field = ""
    case "\r\n", "\n":
      record.append(field)
      records.append(record)
      record = []
      field = ""
    default: field.append(character)
    }
  }
  if quoted { return nil }
  if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
  return records
}

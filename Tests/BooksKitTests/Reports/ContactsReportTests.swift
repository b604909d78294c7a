import Testing

@testable import BooksKit

/// Contacts: lanes by category, the organisation a contact works for, and the client filter.
@Suite struct ContactsReportTests {
  static let books = """
    contact-category accountant "Accountant"
    client acme "Acme Corp"
      company "Acme Corporation GmbH"
    client initech "Initech"
    project acme-web "Acme website"
      client acme

    contact jana "Jana Weber"
      category services
      designation "Head of Product"
      company "Acme Product Lab"
      client acme
      email jana.weber@acme.example
      phone "+49 30 1234567"
    contact paul "Paul Schmidt"
      category finance
      designation "Accounts payable"
      client acme
      email ap@acme.example
    contact bob "Bob Porter"
      category finance
      client initech
    contact lea "Lea Brandt"
      category accountant
      company "Brandt Steuerberatung"
      phone "+49 30 7654321"
      address "Torstraße 5"
      address "10119 Berlin"
    contact loose "Someone"

    """

  static func report(client: String? = nil, project: String? = nil) throws -> ContactsReport {
    let validation = validate(books)
    #expect(describe(validation) == [])
    let options = ReportOptions(
      client: client, project: project, asOf: try #require(CalendarDate("2026-03-31")))
    return ContactsReport(ReportContext(books: validation.books, options: options))
  }

  @Test func everyContactInItsCategory() throws {
    let report = try Self.report()
    let lanes = report.lanes()
    #expect(lanes.map(\.id) == ["finance", "services", "legal", "accountant", "(none)"])
    #expect(lanes.map(\.title) == ["Finance", "Services", "Legal", "Accountant", "No category"])
    #expect(
      lanes.map { $0.rows.map(\.id) } == [["paul", "bob"], ["jana"], [], ["lea"], ["loose"]])
  }

  @Test func organisationIsTheCompanyElseTheClients() throws {
    let byID = Dictionary(uniqueKeysWithValues: try Self.report().rows.map { ($0.id, $0) })
    // Its own company wins over its client's.
    #expect(byID["jana"]?.organisation == "Acme Product Lab")
    #expect(byID["jana"]?.client == "acme")
    // No company: the client's company, else the client's name.
    #expect(byID["paul"]?.organisation == "Acme Corporation GmbH")
    #expect(byID["bob"]?.organisation == "Initech")
    #expect(byID["lea"]?.organisation == "Brandt Steuerberatung")
    #expect(byID["lea"]?.client == nil)
    #expect(byID["lea"]?.address == ["Torstraße 5", "10119 Berlin"])
    #expect(byID["loose"]?.organisation == nil)
    #expect(byID["jana"]?.designation == "Head of Product")
    #expect(byID["jana"]?.phone == "+49 30 1234567")
    #expect(byID["paul"]?.email == "ap@acme.example")
  }

  @Test func clientAndProjectKeepThatClientsContacts() throws {
    #expect(try Self.report(client: "acme").rows.map(\.id) == ["jana", "paul"])
    #expect(try Self.report(client: "initech").rows.map(\.id) == ["bob"])
    // A project narrows to its client.
    #expect(try Self.report(project: "acme-web").rows.map(\.id) == ["jana", "paul"])
    // Options that agree on no client keep nothing.
    #expect(try Self.report(client: "initech", project: "acme-web").rows.isEmpty)
    // With every contact categorised, no "no category" lane.
    #expect(
      try Self.report(client: "acme").lanes().map(\.id) == [
        "finance", "services", "legal", "accountant",
      ])
  }

  @Test func theBoardCardCarriesTheDetails() throws {
    let validation = validate(Self.books)
    let asOf = try #require(CalendarDate("2026-03-31"))
    let view = ContactsReport.report.view(
      ReportContext(books: validation.books, options: ReportOptions(asOf: asOf)))
    guard case .board(let board) = view.blocks.last else {
      Issue.record("the contacts report ends with a board")
      return
    }
    let paul = try #require(board.lanes.flatMap(\.cards).first { $0.id == "paul" })
    #expect(paul.title == "Paul Schmidt")
    #expect(
      paul.fields == [
        Metric("designation", "Designation", .text("Accounts payable")),
        Metric("company", "Company", .text("Acme Corporation GmbH")),
        Metric("client", "Client", .id("acme")),
        Metric("phone", "Phone", .empty),
        Metric("email", "E-mail", .text("ap@acme.example")),
        Metric("address", "Address", .empty),
      ])
  }
}

/// The contacts catalogue: a column per contact category (finance, services, legal,
/// declared), each contact with designation, organisation, phone and e-mail — the seed's
/// contact section, where the accountant and the client's accounts payable sit side by side.
///
/// `--client` keeps the contacts who work for that client (`--project`: for the project's
/// client); contacts have no dates, so `--period` and `--as-of` do not apply.
public struct ContactsReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var id: String
    public var name: String
    public var category: String?
    public var designation: String?
    /// The client the contact works for, when it names one.
    public var client: String?
    /// Where the contact works: its `company`, else its client's company or name, so a
    /// client's contact never shows without an organisation.
    public var organisation: String?
    public var phone: String?
    public var email: String?
    public var address: [String]
  }

  public var rows: [Row]
  /// The board's columns: every contact category, in vocabulary order.
  public var categories: [(id: String, title: String)]

  public init(_ context: ReportContext) {
    let books = context.books
    let wanted = ToolsReportSupport.wantedClients(context)
    rows = books.contacts.compactMap { contact in
      let client = contact.client?.id
      if let wanted, !(client.map(wanted.contains) ?? false) { return nil }
      let owner = client.flatMap { books.client($0) }
      return Row(
        id: contact.id, name: contact.name, category: contact.category?.id,
        designation: contact.designation, client: client,
        organisation: contact.company ?? owner.map { $0.company ?? $0.name },
        phone: contact.phone, email: contact.email, address: contact.address)
    }
    categories = ToolsReportSupport.lanes(
      .contactCategory, books.vocabulary, used: rows.map(\.category), none: "No category")
  }

  /// Lanes in vocabulary order, each with its contacts in file order.
  public func lanes() -> [(id: String, title: String, rows: [Row])] {
    categories.map { category in
      (
        category.id, category.title,
        rows.filter { ToolsReportSupport.lane($0.category) == category.id }
      )
    }
  }

  public static let report = Report(
    "contacts", "contacts by category, with designation, company, phone and e-mail"
  ) { context in
    let report = ContactsReport(context)
    let board = Board(
      id: "contacts",
      lanes: report.lanes().map { lane in
        Lane(
          id: lane.id, title: lane.title,
          summary: [Metric("count", "Contacts", .integer(lane.rows.count))],
          cards: lane.rows.map { row in
            Card(
              id: row.id, title: row.name,
              fields: [
                Metric("designation", "Designation", row.designation.map { .text($0) } ?? .empty),
                Metric("company", "Company", row.organisation.map { .text($0) } ?? .empty),
                Metric("client", "Client", row.client.map { .id($0) } ?? .empty),
                Metric("phone", "Phone", row.phone.map { .text($0) } ?? .empty),
                Metric("email", "E-mail", row.email.map { .text($0) } ?? .empty),
                Metric(
                  "address", "Address",
                  row.address.isEmpty ? .empty : .text(row.address.joined(separator: ", "))),
              ])
          })
      })
    return context.view(
      "contacts", "Contacts",
      [
        .metrics(
          id: "totals", title: nil, [Metric("count", "Contacts", .integer(report.rows.count))]),
        .board(board),
      ])
  }
}

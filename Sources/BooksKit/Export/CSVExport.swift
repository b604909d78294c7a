/// `books export csv -o DIR`: one CSV file per kind of entity (FORMAT.md 2.10).
///
/// Each file is RFC 4180 with CRLF line ends and a header row of column names, written
/// the way `CSVRenderer` writes reports: amounts are plain decimal numbers with a
/// currency column beside them, dates `YYYY-MM-DD`, durations whole minutes, lists of
/// ids separated by spaces and lines of text (addresses, notes) by line breaks inside the
/// quoted cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, tab or CR) gets a leading `'`; numbers keep their sign.
public enum CSVExport {
  /// One cell: text (neutralised) or a number (kept as it is).
  enum Cell {
    case text(String?)
    case number(String?)
  }

  /// A file: its name and its rows under the header.
  struct Table {
    var name: String
    var header: [String]
    var rows: [[Cell]] = []

    /// The file's text: the header, then each row, CRLF after every line.
    var text: String {
      var lines = [header.map(CSVRenderer.field).joined(separator: ",")]
      for row in rows {
        lines.append(
          row.map { cell in
            switch cell {
            case .text(let text): CSVRenderer.field(CSVRenderer.neutralised(text ?? ""))
            case .number(let number): CSVRenderer.field(number ?? "")
            }
          }.joined(separator: ","))
      }
      return lines.joined(separator: "\r\n") + "\r\n"
    }
  }

  /// Every file of the export, by name, in a fixed order; tables without rows keep their
  /// header.
  public static func files(_ export: DataExport) -> [(name: String, text: String)] {
    tables(export).map { ($0.name + ".csv", $0.text) }
  }

  static func tables(_ export: DataExport) -> [Table] {
    [
      business(export.books), taxes(export.books), clients(export), contacts(export.books),
      projects(export), milestones(export.books), services(export.books), staff(export.books),
      resources(export.books), goals(export), incomes(export.books), payments(export),
      expenses(export), time(export), invoices(export), invoiceItems(export), estimates(export),
      estimateItems(export), purchaseOrders(export.books), creditNotes(export),
      creditNoteItems(export), meetings(export.books),
    ]
  }

  // MARK: Cells

  static func text(_ value: String?) -> Cell { .text(value) }
  static func lines(_ values: [String]) -> Cell {
    .text(values.isEmpty ? nil : values.joined(separator: "\n"))
  }
  static func ref(_ value: Ref?) -> Cell { .text(value?.id) }
  static func refs(_ values: [Ref]) -> Cell { .text(values.map(\.id).joined(separator: " ")) }
  static func words(_ values: [String]) -> Cell { .text(values.joined(separator: " ")) }
  static func date(_ value: CalendarDate?) -> Cell { .text(value?.description) }
  static func int(_ value: Int?) -> Cell { .number(value.map(String.init)) }
  static func minutes(_ value: TimeSpan?) -> Cell { .number(value.map { String($0.minutes) }) }
  static func decimal(_ value: DecimalNumber?) -> Cell { .number(value?.description) }
  static func bool(_ value: Bool?) -> Cell { .text(value.map { $0 ? "yes" : "no" }) }
  /// An amount without its currency, for tables with one `currency` column.
  static func amount(_ value: Money?) -> Cell { .number(value.map(DataExport.amount)) }
  /// An amount and its currency: two cells, under `NAME` and `NAME-currency`.
  static func money(_ value: Money?) -> [Cell] {
    [amount(value), .text(value?.currency.code)]
  }
  static func moneyHeader(_ name: String) -> [String] { [name, name + "-currency"] }

  // MARK: Settings and definitions

  static func business(_ books: Books) -> Table {
    var table = Table(
      name: "business",
      header: [
        "name", "legal-name", "address", "email", "phone", "website", "tax-id", "currency",
        "terms-days", "invoice-numbering", "estimate-numbering", "bank", "payment-link",
      ])
    if let business = books.business {
      table.rows.append([
        text(business.name), text(business.legalName), lines(business.address),
        text(business.email), text(business.phone), text(business.website), text(business.taxID),
        text(business.currency?.code), int(business.termsDays), text(business.invoiceNumbering),
        text(business.estimateNumbering), lines(business.bank), text(business.paymentLink),
      ])
    }
    return table
  }

  static func taxes(_ books: Books) -> Table {
    Table(
      name: "taxes", header: ["id", "name", "rate-percent"],
      rows: books.taxes.map { [text($0.id), text($0.name), decimal($0.rate.value)] })
  }

  static func clients(_ export: DataExport) -> Table {
    var header = [
      "id", "name", "stage", "company", "contact", "position", "email", "phone", "website",
      "address", "tax-id",
    ]
    header += moneyHeader("contract")
    header += ["currency", "terms-days", "rounding-minutes", "staff", "tags", "notes"]
    header += moneyHeader("invoiced") + moneyHeader("paid") + moneyHeader("outstanding")
    header += ["contract-invoiced-percent"]
    let rows = zip(export.books.clients, export.clients).map { client, summary in
      [
        text(client.id), text(client.name), ref(client.stage), text(client.company),
        text(client.contact), text(client.position), text(client.email), text(client.phone),
        text(client.website), lines(client.address), text(client.taxID),
      ] + money(client.contract)
        + [
          text(client.currency?.code), int(client.termsDays), minutes(client.rounding),
          refs(client.staff), words(client.tags), lines(client.notes),
        ] + money(summary.invoiced) + money(summary.paid) + money(summary.outstanding)
        + [decimal(summary.contractInvoicedPercent)]
    }
    return Table(name: "clients", header: header, rows: rows)
  }

  static func contacts(_ books: Books) -> Table {
    Table(
      name: "contacts",
      header: [
        "id", "name", "category", "designation", "company", "client", "phone", "email", "address",
        "notes",
      ],
      rows: books.contacts.map { contact in
        [
          text(contact.id), text(contact.name), ref(contact.category), text(contact.designation),
          text(contact.company), ref(contact.client), text(contact.phone), text(contact.email),
          lines(contact.address), lines(contact.notes),
        ]
      })
  }

  static func projects(_ export: DataExport) -> Table {
    let header =
      ["id", "name", "client"] + moneyHeader("value")
      + [
        "priority", "status", "start", "end", "estimate-minutes", "tags", "notes",
        "minutes-logged",
      ] + moneyHeader("invoiced") + ["completion-basis", "completion-percent"]
    let rows = zip(export.books.projects, export.projects).map { project, progress in
      [text(project.id), text(project.name), ref(project.client)] + money(project.value)
        + [
          text(project.priority.rawValue), text(project.status.rawValue), date(project.start),
          date(project.end), minutes(project.estimate), words(project.tags), lines(project.notes),
          int(progress.actual.minutes),
        ] + money(progress.invoiced)
        + [text(progress.basis.rawValue), decimal(progress.completion)]
    }
    return Table(name: "projects", header: header, rows: rows)
  }

  static func milestones(_ books: Books) -> Table {
    var table = Table(
      name: "milestones", header: ["project", "name"] + moneyHeader("amount") + ["due"])
    for project in books.projects {
      for milestone in project.milestones {
        table.rows.append(
          [text(project.id), text(milestone.name)] + money(milestone.amount) + [date(milestone.due)]
        )
      }
    }
    return table
  }

  static func services(_ books: Books) -> Table {
    Table(
      name: "services",
      header: ["id", "name", "project", "pricing"] + moneyHeader("rate")
        + ["duration-minutes", "status", "notes"],
      rows: books.services.map { service in
        [text(service.id), text(service.name), ref(service.project), ref(service.pricing)]
          + money(service.rate)
          + [minutes(service.duration), text(service.status.rawValue), lines(service.notes)]
      })
  }

  static func staff(_ books: Books) -> Table {
    Table(
      name: "staff",
      header: ["id", "name", "role", "email"] + moneyHeader("cost-rate")
        + moneyHeader("billing-rate") + ["clients", "may-approve"],
      rows: books.staff.map { member in
        [text(member.id), text(member.name), text(member.role), text(member.email)]
          + money(member.costRate) + money(member.billingRate)
          + [refs(member.clients), bool(member.mayApprove)]
      })
  }

  static func resources(_ books: Books) -> Table {
    Table(
      name: "resources",
      header: ["id", "title", "kind", "topics", "links", "notes", "todos-done", "todos"],
      rows: books.resources.map { resource in
        [
          text(resource.id), text(resource.title), ref(resource.kind), refs(resource.topics),
          lines(resource.links), lines(resource.notes), int(resource.todos.filter(\.done).count),
          int(resource.todos.count),
        ]
      })
  }

  static func goals(_ export: DataExport) -> Table {
    Table(
      name: "goals",
      header: [
        "id", "title", "category", "target", "unit", "metric", "current", "completion-percent",
        "notes",
      ],
      rows: zip(export.books.goals, export.goals).map { goal, status in
        [
          text(goal.id), text(goal.title), ref(goal.category), decimal(goal.target),
          text(goal.unit), text(goal.metric?.kind.rawValue), decimal(status.current),
          decimal(status.completion), lines(goal.notes),
        ]
      })
  }
}

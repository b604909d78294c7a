/// The pipeline board of the seed's client portal: a column per stage (lead, negotiation,
/// client, then the declared stages), each client with its contract and what has been
/// invoiced, paid and is still owed against it.
///
/// The figures are `ClientSummary`'s, counting the invoices dated in the period and on or
/// before the as-of day, with payments and credit notes as they stood on that day.
public struct ClientsReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var id: String
    public var name: String
    public var company: String?
    public var currency: Currency?
    public var contract: Money?
    public var invoiced: Money?
    /// `invoiced ÷ contract × 100`, one decimal.
    public var contractInvoicedPercent: DecimalNumber?
    public var paid: Money?
    public var outstanding: Money?
  }

  /// A column of the board: one pipeline stage.
  public struct Stage: Sendable, Equatable {
    /// The stage word; nil for the clients that have none.
    public var id: String?
    public var title: String
    public var rows: [Row]
    /// Σ contract values of the stage's clients, per currency.
    public var contract: MoneyTotals
  }

  /// Built-in stages, then declared ones in declaration order, then any other stage word
  /// used, then "No stage" when some client has none.
  public var stages: [Stage]

  public init(_ context: ReportContext) {
    let books = context.books
    let options = context.options
    let summaries = ClientSummary.all(
      books, context.ledger, counting: options.counts, project: options.project)
    let projectClient = options.project.flatMap { books.clientID(ofProject: $0) }
    var rowsByStage: [String?: [Row]] = [:]
    var usedWords: [String] = []
    for (client, summary) in zip(books.clients, summaries) {
      if let wanted = options.client, client.id != wanted { continue }
      if options.project != nil, projectClient != client.id { continue }
      if let currency = summary.currency, !context.shows(currency) { continue }
      let row = Row(
        id: client.id, name: client.name, company: client.company, currency: summary.currency,
        contract: client.contract, invoiced: summary.invoiced,
        contractInvoicedPercent: summary.contractInvoicedPercent, paid: summary.paid,
        outstanding: summary.outstanding)
      let stage = client.stage?.id
      if let stage, !usedWords.contains(stage) { usedWords.append(stage) }
      rowsByStage[stage, default: []].append(row)
    }
    let known = books.vocabulary.words(.stage)
    let words = known + usedWords.filter { !known.contains($0) }
    stages = words.map { word in
      Self.stage(word, Self.title(word, books.vocabulary), rowsByStage[word] ?? [])
    }
    if let unstaged = rowsByStage[nil], !unstaged.isEmpty {
      stages.append(Self.stage(nil, "No stage", unstaged))
    }
  }

  private static func stage(_ id: String?, _ title: String, _ rows: [Row]) -> Stage {
    var contract = MoneyTotals()
    for row in rows { if let amount = row.contract { contract.add(amount) } }
    return Stage(id: id, title: title, rows: rows, contract: contract)
  }

  /// A stage's label: as declared, else the word with a capital ("Lead").
  static func title(_ word: String, _ vocabulary: Vocabulary) -> String {
    if let label = vocabulary.declaration(.stage, word)?.label { return label }
    return word.prefix(1).uppercased() + word.dropFirst()
  }

  public static let report = Report(
    "clients", aliases: ["pipeline"], "the client pipeline: contract, invoiced, paid, outstanding"
  ) { context in
    let report = ClientsReport(context)
    let currency = context.options.currency ?? context.books.defaultCurrency
    var contract = MoneyTotals()
    var invoiced = MoneyTotals()
    var outstanding = MoneyTotals()
    var count = 0
    for stage in report.stages {
      for row in stage.rows {
        count += 1
        // Zeros are left out so a lead in another currency adds no "0.00 GBP" to the sums.
        if let amount = row.contract, !amount.isZero { contract.add(amount) }
        if let amount = row.invoiced, !amount.isZero { invoiced.add(amount) }
        if let amount = row.outstanding, !amount.isZero { outstanding.add(amount) }
      }
    }
    let board = Board(
      id: "clients",
      lanes: report.stages.map { stage in
        Lane(
          id: stage.id ?? "none", title: stage.title,
          summary: [
            Metric("count", "Count", .integer(stage.rows.count)),
            Metric("contract", "Contract", stage.contract.cell(default: currency)),
          ],
          cards: stage.rows.map { row in
            Card(
              id: row.id, title: row.name,
              fields: [
                Metric("company", "Company", row.company.map { .text($0) } ?? .empty),
                Metric("contract", "Contract", row.contract.map { .money($0) } ?? .empty),
                Metric("invoiced", "Invoiced excl. tax", row.invoiced.map { .money($0) } ?? .empty),
                Metric(
                  "contract-invoiced", "% of contract",
                  row.contractInvoicedPercent.map { .percent($0) } ?? .empty),
                Metric("paid", "Paid", row.paid.map { .money($0) } ?? .empty),
                Metric(
                  "outstanding", "Outstanding", row.outstanding.map { .money($0) } ?? .empty),
              ])
          })
      })
    return context.view(
      "clients", "Clients",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Clients", .integer(count)),
            Metric("contract", "Contract value", contract.cell(default: currency)),
            Metric("invoiced", "Invoiced excl. tax", invoiced.cell(default: currency)),
            Metric("outstanding", "Outstanding", outstanding.cell(default: currency)),
          ]),
        .board(board),
      ])
  }
}

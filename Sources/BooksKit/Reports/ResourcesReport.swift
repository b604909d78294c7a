/// The resources shelf: a column per kind (checklist, guide, strategy, tip, declared), each
/// resource with its topics, links and to-dos done out of all, and a list of the open
/// to-dos — the seed's resources section, where a checklist is worth keeping only if what
/// is left to do is easy to see.
///
/// Resources have no dates and belong to no client, so the period, client, project and
/// as-of options do not narrow them.
public struct ResourcesReport: Sendable {
  public struct Row: Sendable, Equatable {
    public var id: String
    public var title: String
    public var kind: String?
    public var topics: [String]
    public var links: [String]
    /// To-dos done.
    public var done: Int
    /// To-dos in all.
    public var total: Int
    /// The to-dos not done yet, in file order.
    public var open: [String]
  }

  /// An open to-do and the resource it belongs to.
  public struct OpenTodo: Sendable, Equatable {
    public var resource: String
    public var text: String
  }

  public var rows: [Row]
  /// The board's columns: every resource kind, in vocabulary order.
  public var kinds: [(id: String, title: String)]

  public init(_ context: ReportContext) {
    rows = context.books.resources.map { resource in
      let progress = resource.progress
      return Row(
        id: resource.id, title: resource.title, kind: resource.kind?.id,
        topics: resource.topics.map(\.id), links: resource.links, done: progress.done,
        total: progress.total, open: resource.todos.filter { !$0.done }.map(\.text))
    }
    kinds = ToolsReportSupport.lanes(
      .resourceKind, context.books.vocabulary, used: rows.map(\.kind), none: "No kind")
  }

  /// Lanes in vocabulary order, each with its resources in file order.
  public func lanes() -> [(id: String, title: String, rows: [Row])] {
    kinds.map { kind in
      (kind.id, kind.title, rows.filter { ToolsReportSupport.lane($0.kind) == kind.id })
    }
  }

  /// Every open to-do, resource by resource in file order.
  public var openTodos: [OpenTodo] {
    rows.flatMap { row in row.open.map { OpenTodo(resource: row.id, text: $0) } }
  }

  public static let report = Report(
    "resources", "resources by kind, with topics, links and to-dos done; open to-dos"
  ) { context in
    let report = ResourcesReport(context)
    let board = Board(
      id: "resources",
      lanes: report.lanes().map { lane in
        Lane(
          id: lane.id, title: lane.title,
          summary: [
            Metric("count", "Resources", .integer(lane.rows.count)),
            Metric("open", "Open to-dos", .integer(lane.rows.reduce(0) { $0 + $1.open.count })),
          ],
          cards: lane.rows.map { row in
            Card(
              id: row.id, title: row.title,
              fields: [
                Metric(
                  "topics", "Topics",
                  row.topics.isEmpty ? .empty : .text(row.topics.joined(separator: ", "))),
                Metric(
                  "links", "Links",
                  row.links.isEmpty ? .empty : .text(row.links.joined(separator: " "))),
                Metric("done", "Done", .integer(row.done)),
                Metric("todos", "To-dos", .integer(row.total)),
              ])
          })
      })
    let open = report.openTodos
    let done = report.rows.reduce(0) { $0 + $1.done }
    return context.view(
      "resources", "Resources",
      [
        .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Resources", .integer(report.rows.count)),
            Metric("done", "To-dos done", .integer(done)),
            Metric("open", "To-dos open", .integer(open.count)),
          ]),
        .board(board),
        .table(
          Table(
            id: "open-todos", title: "Open to-dos",
            columns: [Column("resource", "Resource"), Column("todo", "To-do")],
            rows: open.map { [.id($0.resource), .text($0.text)] })),
      ], primary: "resources")
  }
}

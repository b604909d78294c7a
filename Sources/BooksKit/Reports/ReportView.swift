/// One value in a report, typed so each renderer can format and align it for its medium
/// (and JSON and CSV can keep it exact).
public enum Cell: Sendable, Equatable {
  case text(String)
  case money(Money)
  /// A sum in several currencies, which cannot be added up.
  case amounts([Money])
  case number(DecimalNumber)
  case integer(Int)
  /// A percentage, e.g. 58.3 for 58.3 %.
  case percent(DecimalNumber)
  case date(CalendarDate)
  case time(TimeOfDay)
  case duration(TimeSpan)
  /// A reference to an entity: shown as its id, linkable by renderers that can.
  case id(String)
  case empty

  /// True for values that read best right-aligned.
  public var isNumeric: Bool {
    switch self {
    case .money, .amounts, .number, .integer, .percent, .duration: true
    default: false
    }
  }
}

/// A column of a table: a stable id (used as the JSON key and CSV header) and a title.
public struct Column: Sendable, Equatable {
  public var id: String
  public var title: String

  public init(_ id: String, _ title: String) {
    self.id = id
    self.title = title
  }
}

public struct Table: Sendable, Equatable {
  public var id: String
  public var title: String?
  public var columns: [Column]
  public var rows: [[Cell]]
  /// A totals row, shown apart from the rows.
  public var footer: [Cell]?

  public init(
    id: String, title: String? = nil, columns: [Column], rows: [[Cell]], footer: [Cell]? = nil
  ) {
    self.id = id
    self.title = title
    self.columns = columns
    self.rows = rows
    self.footer = footer
  }
}

/// A labelled figure: "Outstanding 1,200.00 EUR".
public struct Metric: Sendable, Equatable {
  public var id: String
  public var label: String
  public var value: Cell

  public init(_ id: String, _ label: String, _ value: Cell) {
    self.id = id
    self.label = label
    self.value = value
  }
}

/// A card on a board: an entity with a few figures.
public struct Card: Sendable, Equatable {
  public var id: String
  public var title: String
  public var fields: [Metric]

  public init(id: String, title: String, fields: [Metric]) {
    self.id = id
    self.title = title
    self.fields = fields
  }
}

/// A column of a board (a pipeline stage, a priority, a status) with its cards.
public struct Lane: Sendable, Equatable {
  public var id: String
  public var title: String
  /// Figures for the whole lane: count, total.
  public var summary: [Metric]
  public var cards: [Card]

  public init(id: String, title: String, summary: [Metric] = [], cards: [Card]) {
    self.id = id
    self.title = title
    self.summary = summary
    self.cards = cards
  }
}

public struct Board: Sendable, Equatable {
  public var id: String
  public var title: String?
  public var lanes: [Lane]

  public init(id: String, title: String? = nil, lanes: [Lane]) {
    self.id = id
    self.title = title
    self.lanes = lanes
  }

  /// The board as one table, a row per card, for CSV and other flat media.
  public var flattened: Table {
    var fieldColumns: [Column] = []
    for lane in lanes {
      for card in lane.cards {
        for field in card.fields where !fieldColumns.contains(where: { $0.id == field.id }) {
          fieldColumns.append(Column(field.id, field.label))
        }
      }
    }
    let rows = lanes.flatMap { lane in
      lane.cards.map { card in
        [Cell.text(lane.id), .id(card.id), .text(card.title)]
          + fieldColumns.map { column in
            card.fields.first { $0.id == column.id }?.value ?? .empty
          }
      }
    }
    return Table(
      id: id, title: title,
      columns: [Column("lane", "Lane"), Column("id", "Id"), Column("title", "Title")]
        + fieldColumns, rows: rows)
  }
}

/// A month of days with events, drawn as a grid by renderers that can.
public struct CalendarMonth: Sendable, Equatable {
  public struct Event: Sendable, Equatable {
    public var date: CalendarDate
    public var time: TimeOfDay?
    public var title: String

    public init(date: CalendarDate, time: TimeOfDay?, title: String) {
      self.date = date
      self.time = time
      self.title = title
    }
  }

  public var year: Int
  public var month: Int
  public var events: [Event]

  public init(year: Int, month: Int, events: [Event]) {
    self.year = year
    self.month = month
    self.events = events
  }
}

/// A part of a report.
public enum Block: Sendable, Equatable {
  case metrics(id: String, title: String?, [Metric])
  case table(Table)
  case board(Board)
  case calendar(CalendarMonth)
  /// A sentence for the reader, such as "No unbilled work."
  case note(String)
}

/// A report ready to render: its title, what it covers, and its blocks.
///
/// Reports compute plain data from the model; `ReportView` is how that data is laid out,
/// shared by every renderer, so text, Markdown, HTML, JSON and CSV show the same numbers.
public struct ReportView: Sendable, Equatable {
  /// The report's name, as on the command line: `aging`.
  public var name: String
  public var title: String
  /// What the numbers cover: the period, the filters, the as-of day.
  public var subtitle: String
  public var asOf: CalendarDate
  public var period: DayRange
  public var blocks: [Block]
  /// The id of the table or board CSV exports, when it is not the first table;
  /// `ReportView.allMetrics` exports every metrics block as one table.
  public var primary: String?

  /// The `primary` value that exports every metrics block as one table.
  public static let allMetrics = "*metrics"

  public init(
    name: String, title: String, subtitle: String, asOf: CalendarDate, period: DayRange,
    blocks: [Block], primary: String? = nil
  ) {
    self.primary = primary
    self.name = name
    self.title = title
    self.subtitle = subtitle
    self.asOf = asOf
    self.period = period
    self.blocks = blocks
  }

  /// The table a CSV export writes: the first table, else the first board flattened, else
  /// the first metrics as a two-column table.
  public var primaryTable: Table {
    if primary == Self.allMetrics {
      var rows: [[Cell]] = []
      for block in blocks {
        guard case .metrics(let id, _, let metrics) = block else { continue }
        rows += metrics.map { [.text(id), .text($0.id), .text($0.label), $0.value] }
      }
      return Table(
        id: name,
        columns: [
          Column("block", "Block"), Column("metric", "Metric"), Column("label", "Label"),
          Column("value", "Value"),
        ], rows: rows)
    }
    if let primary {
      for block in blocks {
        if case .table(let table) = block, table.id == primary { return table }
        if case .board(let board) = block, board.id == primary { return board.flattened }
      }
    }
    for block in blocks {
      if case .table(let table) = block { return table }
    }
    for block in blocks {
      if case .board(let board) = block { return board.flattened }
    }
    for block in blocks {
      if case .metrics(let id, let title, let metrics) = block {
        return Table(
          id: id, title: title, columns: [Column("metric", "Metric"), Column("value", "Value")],
          rows: metrics.map { [.text($0.label), $0.value] })
      }
    }
    return Table(id: name, columns: [], rows: [])
  }
}

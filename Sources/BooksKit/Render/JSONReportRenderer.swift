/// Reports as JSON: a stable, versioned shape for tools.
///
/// ```json
/// { "version": 1, "report": "aging", "title": "...", "subtitle": "...",
///   "asOf": "2026-11-22", "period": { "from": "2026-01-01", "to": "2026-12-31" },
///   "blocks": [
///     { "type": "metrics", "id": "...", "title": "...", "metrics": [ { "id": "...", "label": "...", "value": VALUE } ] },
///     { "type": "table", "id": "...", "title": "...", "columns": [ { "id": "...", "title": "..." } ],
///       "rows": [ { "COLUMN-ID": VALUE, ... } ], "footer": { ... } or null },
///     { "type": "board", "id": "...", "lanes": [ { "id": "...", "title": "...", "summary": [METRIC],
///       "cards": [ { "id": "...", "title": "...", "fields": [METRIC] } ] } ] },
///     { "type": "calendar", "year": 2026, "month": 3, "events": [ { "date": "...", "time": "10:00" or null, "title": "..." } ] },
///     { "type": "note", "text": "..." } ] }
/// ```
/// A VALUE is a string for text, ids, dates and times; `{"amount": "1234.50", "currency":
/// "EUR"}` for money (the amount a decimal string, never a float, at least at the
/// currency's minor units); an array of those for a sum in several currencies; a decimal string for
/// numbers and percentages; `{"minutes": 90}` for durations; an integer for counts; null
/// when empty.
public enum JSONReportRenderer {
  public static func render(_ view: ReportView) -> String {
    let document: JSONValue = .object([
      ("version", 1),
      ("report", .string(view.name)),
      ("title", .string(view.title)),
      ("subtitle", .string(view.subtitle)),
      ("asOf", .string(view.asOf.description)),
      (
        "period",
        .object([
          ("from", view.period.from.map { .string($0.description) } ?? .null),
          ("to", view.period.to.map { .string($0.description) } ?? .null),
        ])
      ),
      ("blocks", .array(view.blocks.map(block))),
    ])
    return document.serialized(pretty: true) + "\n"
  }

  static func value(_ cell: Cell) -> JSONValue {
    switch cell {
    case .text(let text): .string(text)
    case .money(let money): moneyValue(money)
    case .amounts(let amounts): .array(amounts.map(moneyValue))
    case .number(let number): .string(number.description)
    case .integer(let value): .int(value)
    case .percent(let value): .string(value.description)
    case .date(let date): .string(date.description)
    case .time(let time): .string(time.description)
    case .duration(let span): .object([("minutes", .int(span.minutes))])
    case .id(let id): .string(id)
    case .empty: .null
    }
  }

  /// Money with its amount at least at the currency's minor units: `"1377.00"`, not `"1377"`.
  private static func moneyValue(_ money: Money) -> JSONValue {
    let amount = money.description.split(separator: " ").first.map(String.init) ?? ""
    return .object([("amount", .string(amount)), ("currency", .string(money.currency.code))])
  }

  private static func metric(_ metric: Metric) -> JSONValue {
    .object([
      ("id", .string(metric.id)), ("label", .string(metric.label)), ("value", value(metric.value)),
    ])
  }

  private static func row(_ cells: [Cell], _ columns: [Column]) -> JSONValue {
    .object(zip(columns, cells).map { ($0.id, value($1)) })
  }

  private static func block(_ block: Block) -> JSONValue {
    switch block {
    case .metrics(let id, let title, let metrics):
      return .object([
        ("type", "metrics"), ("id", .string(id)), ("title", title.map { .string($0) } ?? .null),
        ("metrics", .array(metrics.map(metric))),
      ])
    case .table(let table):
      return .object([
        ("type", "table"), ("id", .string(table.id)),
        ("title", table.title.map { .string($0) } ?? .null),
        (
          "columns",
          .array(
            table.columns.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })
        ),
        ("rows", .array(table.rows.map { row($0, table.columns) })),
        ("footer", table.footer.map { row($0, table.columns) } ?? .null),
      ])
    case .board(let board):
      return .object([
        ("type", "board"), ("id", .string(board.id)),
        ("title", board.title.map { .string($0) } ?? .null),
        (
          "lanes",
          .array(
            board.lanes.map { lane in
              .object([
                ("id", .string(lane.id)), ("title", .string(lane.title)),
                ("summary", .array(lane.summary.map(metric))),
                (
                  "cards",
                  .array(
                    lane.cards.map { card in
                      .object([
                        ("id", .string(card.id)), ("title", .string(card.title)),
                        ("fields", .array(card.fields.map(metric))),
                      ])
                    })
                ),
              ])
            })
        ),
      ])
    case .calendar(let month):
      return .object([
        ("type", "calendar"), ("year", .int(month.year)), ("month", .int(month.month)),
        (
          "events",
          .array(
            month.events.map { event in
              .object([
                ("date", .string(event.date.description)),
                ("time", event.time.map { .string($0.description) } ?? .null),
                ("title", .string(event.title)),
              ])
            })
        ),
      ])
    case .note(let text):
      return .object([("type", "note"), ("text", .string(text))])
    }
  }
}

/// How a cell reads as plain text, shared by the text, Markdown, HTML and CSV renderers.
public enum CellFormat {
  /// Human reading: grouped money with its currency, `58.3 %`, `12h30m`.
  public static func display(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): text
    case .money(let money): money.formatted()
    case .amounts(let amounts): sum(amounts)
    case .number(let number): number.formatted(grouping: true)
    case .integer(let value): String(value)
    case .percent(let value): "\(value) %"
    case .date(let date): date.description
    case .time(let time): time.description
    case .duration(let span): span.description
    case .id(let id): id
    case .empty: ""
    }
  }

  /// Amounts in several currencies as one sum: `500.00 EUR - 120.00 USD`, not `+ -120.00`.
  public static func sum(_ amounts: [Money]) -> String {
    var text = ""
    for (index, money) in amounts.enumerated() {
      if index == 0 {
        text = money.formatted()
      } else {
        text += money.isNegative ? " - " + money.negated.formatted() : " + " + money.formatted()
      }
    }
    return text
  }

  /// Machine reading (CSV): exact, ungrouped numbers; money as amount and code.
  public static func plain(_ cell: Cell) -> String {
    switch cell {
    case .money(let money): money.description
    case .amounts(let amounts): amounts.map(\.description).joined(separator: "; ")
    case .number(let number): number.description
    case .percent(let value): value.description
    case .duration(let span): span.hours(scale: 2).description
    default: display(cell)
    }
  }
}

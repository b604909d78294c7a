import Testing

@testable import BooksKit

/// The five renderers on a small synthetic view: layout and escaping, exactly.
@Suite struct RenderersTests {
  static let eur = Currency.eur
  static func money(_ text: String) -> Money {
    Money(DecimalNumber(text) ?? .zero, eur)
  }

  static let hostile =
    "<script>alert('x')</script> & \"q\" | =cmd|' /C calc'!A0 *b* _i_ [l](u)\nnext"

  static let view = ReportView(
    name: "demo", title: "Demo", subtitle: "2026 · as of 2026-11-22",
    asOf: CalendarDate(year: 2026, month: 11, day: 22) ?? .earliest,
    period: DayRange(
      from: CalendarDate(year: 2026, month: 1, day: 1),
      to: CalendarDate(year: 2026, month: 12, day: 31)),
    blocks: [
      .metrics(
        id: "totals", title: nil,
        [Metric("net", "Net", .money(money("1234.5"))), Metric("count", "Count", .integer(3))]),
      .table(
        Table(
          id: "rows", title: "Rows", columns: [Column("name", "Name"), Column("amount", "Amount")],
          rows: [[.text(hostile), .money(money("-20.00"))], [.id("acme"), .money(money("5"))]],
          footer: [.text("Total"), .money(money("-15.00"))])),
      .board(
        Board(
          id: "board",
          lanes: [
            Lane(
              id: "lead", title: "Lead", summary: [Metric("count", "Count", .integer(1))],
              cards: [
                Card(
                  id: "a", title: "=HYPERLINK()",
                  fields: [Metric("value", "Value", .percent(DecimalNumber("58.3") ?? .zero))])
              ])
          ])),
    ])

  /// Free text is shortened with `…` so the table fits 80 columns.
  @Test func text() {
    #expect(
      TextRenderer.render(Self.view) == """
        Demo
        2026 · as of 2026-11-22

          Net    1,234.50 EUR
          Count             3

        Rows
        Name                                                                      Amount
        ────────────────────────────────────────────────────────────────────  ──────────
        <script>alert('x')</script> & "q" | =cmd|' /C calc'!A0 *b* _i_ [l](…  -20.00 EUR
        acme                                                                    5.00 EUR
        ────────────────────────────────────────────────────────────────────  ──────────
        Total                                                                 -15.00 EUR

        Lead · count 1
          • =HYPERLINK()
            value 58.3 %

        """)
  }

  /// Wide characters take two columns: the columns after a Japanese name or an emoji line
  /// up as a terminal draws them (every line is 80 columns by Python's `east_asian_width`),
  /// and a wide name is shortened by columns, not characters.
  @Test func textAlignsWideCharactersByColumns() {
    let view = ReportView(
      name: "wide", title: "Wide", subtitle: "",
      asOf: CalendarDate(year: 2026, month: 11, day: 22) ?? .earliest, period: Self.view.period,
      blocks: [
        .table(
          Table(
            id: "rows", title: nil, columns: [Column("name", "Name"), Column("amount", "Amount")],
            rows: [
              [.text("日本商事"), .money(Self.money("5"))],
              [.text("Café 🚀 ✔️"), .money(Self.money("12"))],
              [.text(String(repeating: "漢", count: 40)), .money(Self.money("1"))],
            ]))
      ])
    #expect(
      TextRenderer.render(view) == """
        Wide


        Name                                                                      Amount
        ─────────────────────────────────────────────────────────────────────  ─────────
        日本商事                                                                5.00 EUR
        Café 🚀 ✔️                                                             12.00 EUR
        漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢…   1.00 EUR

        """)
    #expect(TerminalWidth.of("日本 a 🚀") == 9)
    #expect(TerminalWidth.of("e\u{301}") == 1)
    #expect(TerminalWidth.prefix("日本語", fitting: 5) == "日本")
    #expect(TerminalWidth.of("1\u{FE0F}\u{20E3}") == 2)  // a keycap
    #expect(TerminalWidth.of("\u{231A}\u{FE0E}") == 1)  // a watch asked for as text
    #expect(TerminalWidth.of("\u{231A}") == 2)
    #expect(TerminalWidth.of("\u{17000}") == 2)  // Tangut
  }

  @Test func markdownEscapesEveryActiveCharacter() {
    let markdown = MarkdownRenderer.render(Self.view)
    #expect(
      markdown.contains(
        "| \\<script\\>alert('x')\\</script\\> \\& \"q\" \\| =cmd\\|' /C calc'\\!A0 \\*b\\* \\_i\\_ \\[l\\](u) next | -20.00 EUR |"
      ))
    #expect(markdown.contains("| Name | Amount |\n| --- | ---: |"))
    #expect(markdown.contains("| **Total** | **-15.00 EUR** |"))
    #expect(markdown.hasPrefix("# Demo\n\n_2026 · as of 2026-11-22_\n"))
  }

  @Test func htmlEscapesTextAndAttributes() {
    let html = HTMLRenderer.render(Self.view)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(!html.contains("<script>"))
    #expect(
      html.contains(
        "<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; | =cmd|&#39; /C calc&#39;!A0 *b* _i_ [l](u)\nnext</td>"
      ))
    #expect(html.contains("<td class=\"num\"><span class=\"neg\">-20.00 EUR</span></td>"))
    #expect(!html.contains("http://") && !html.contains("https://"))
  }

  @Test func csvQuotesAndNeutralisesFormulas() {
    #expect(
      CSVRenderer.render(Self.view)
        == "name,amount,amount-currency\r\n"
        + "\"<script>alert('x')</script> & \"\"q\"\" | =cmd|' /C calc'!A0 *b* _i_ [l](u)\nnext\",-20.00,EUR\r\n"
        + "acme,5.00,EUR\r\nTotal,-15.00,EUR\r\n")
    #expect(CSVRenderer.neutralised("=SUM(A1)") == "'=SUM(A1)")
    #expect(CSVRenderer.neutralised("@cmd") == "'@cmd")
    #expect(CSVRenderer.neutralised("-2+3") == "'-2+3")
    #expect(CSVRenderer.neutralised("plain") == "plain")
  }

  @Test func jsonKeepsExactValues() {
    let json = JSONReportRenderer.render(Self.view)
    #expect(json.contains("\"amount\": \"-20.00\""))
    #expect(json.contains("\"currency\": \"EUR\""))
    #expect(
      json.contains(
        "\"name\": \"<script>alert('x')</script> & \\\"q\\\" | =cmd|' /C calc'!A0 *b* _i_ [l](u)\\nnext\""
      ))
    #expect(json.contains("\"value\": \"58.3\""))
    #expect(json.hasPrefix("{\n  \"version\": 1,\n  \"report\": \"demo\","))
  }

  @Test(arguments: [
    ("2026", "2026-01-01", "2026-12-31"), ("2026-Q1", "2026-01-01", "2026-03-31"),
    ("2024-02", "2024-02-01", "2024-02-29"), ("2026-q4", "2026-10-01", "2026-12-31"),
    ("2026-03-05", "2026-03-05", "2026-03-05"),
  ])
  func periods(_ text: String, _ from: String, _ to: String) {
    let range = DayRange.period(text)
    #expect(range?.from?.description == from)
    #expect(range?.to?.description == to)
  }

  @Test(arguments: ["26", "2026-Q5", "2026-13", "2026-02-30", "x", "2026-1", ""])
  func badPeriods(_ text: String) {
    #expect(DayRange.period(text) == nil)
  }
}

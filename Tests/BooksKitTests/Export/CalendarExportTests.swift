import Foundation
import Testing

@testable import BooksKit

/// `books export ics`: RFC 5545 folding and escaping, which events are written, and the
/// golden calendars of both samples.
@Suite struct CalendarExportTests {
  static let books = """
    business "Léa Studio"
      currency EUR
      terms 30 days
    client acme "Acme, Inc."
    contact bob "Bob Stone"
      client acme
    2026-03-01 invoice INV-1 acme
      item "Design" 100 EUR
      status sent
    2026-03-02 invoice INV-2 acme
      item "Paid" 50 EUR
      status sent
    2026-03-03 invoice INV-3 acme
      item "Draft" 10 EUR
      status draft
    2026-03-04 income 50 EUR
      invoice INV-2
      via bank
    2026-03-05 estimate EST-1 acme
      item "Plan" 300 EUR
      valid-until 2026-04-05
      status sent
    2026-03-05 estimate EST-2 acme
      item "Old" 300 EUR
      valid-until 2026-04-05
      status declined
    2026-03-06 meeting 16:00 Kick-off; budget, scope
      end 24:00
      with acme bob
      agenda "Goals\\nand \\\\ more"
      priority high
    2026-03-07 meeting Offsite day
    2026-03-07 meeting Offsite day

    """

  func export(asOf: String = "2026-03-10") -> String {
    let output = ExportCommand.run(
      ["ics", "b.books", "--as-of", asOf], environment: Environment(),
      fileSystem: MemoryFileSystem(["b.books": Self.books]))
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    return output.stdout
  }

  @Test func eventsOfTheBooks() {
    let ics = export()
    #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//books//books "))
    #expect(ics.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
    #expect(ics.contains("\r\nCALSCALE:GREGORIAN\r\n"))
    let lines = ics.components(separatedBy: "\r\n")
    // The meeting: floating local times, an end of 24:00 on the next day, escaped text.
    #expect(lines.contains("UID:meeting-2026-03-06-kick-off-budget-scope-1600@lea-studio.books"))
    #expect(lines.contains("DTSTAMP:20260310T000000Z"))
    #expect(lines.contains("DTSTART:20260306T160000"))
    #expect(lines.contains("DTEND:20260307T000000"))
    #expect(lines.contains("SUMMARY:Kick-off\\; budget\\, scope"))
    #expect(lines.contains("PRIORITY:1"))
    #expect(lines.contains("CATEGORIES:meeting"))
    #expect(
      lines.contains(
        "DESCRIPTION:With: Acme\\, Inc.\\, Bob Stone\\nAgenda:\\n- Goals\\nand \\\\ more"))
    // All-day meetings, two of the same title on the same day with distinct UIDs.
    #expect(lines.contains("UID:meeting-2026-03-07-offsite-day@lea-studio.books"))
    #expect(lines.contains("UID:meeting-2026-03-07-offsite-day-2@lea-studio.books"))
    #expect(lines.contains("DTSTART;VALUE=DATE:20260307"))
    #expect(lines.contains("DTEND;VALUE=DATE:20260308"))
    // Only the invoice with a balance due, on its due date; only the open estimate.
    #expect(lines.contains("UID:invoice-inv-1-due@lea-studio.books"))
    #expect(lines.contains("DTSTART;VALUE=DATE:20260331"))
    #expect(lines.contains("SUMMARY:Invoice INV-1 due — Acme\\, Inc."))
    #expect(!ics.contains("INV-2"))
    #expect(!ics.contains("INV-3"))
    #expect(lines.contains("UID:estimate-est-1-expires@lea-studio.books"))
    #expect(!ics.contains("EST-2"))
    #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 5)
  }

  @Test func theSameDayGivesTheSameFile() {
    #expect(export() == export())
    #expect(export(asOf: "2026-03-11").contains("DTSTAMP:20260311T000000Z"))
  }

  @Test func paidInvoicesLeaveTheCalendar() {
    // On 2026-03-03 INV-2 is not paid yet: its due date is an event.
    #expect(export(asOf: "2026-03-03").contains("UID:invoice-inv-2-due@lea-studio.books"))
  }

  struct Escape: CustomTestStringConvertible, Sendable {
    var input: String
    var expected: String
    var testDescription: String { input.debugDescription }
  }

  @Test(arguments: [
    Escape(input: "plain", expected: "plain"),
    Escape(input: "a;b,c\\d", expected: "a\\;b\\,c\\\\d"),
    Escape(input: "one\ntwo", expected: "one\\ntwo"),
    Escape(input: "one\r\ntwo\rthree", expected: "one\\ntwo\\nthree"),
    Escape(input: "tab\there", expected: "tab\there"),
    Escape(input: "bell\u{07}nul\u{00}", expected: "bell\u{FFFD}nul\u{FFFD}"),
    Escape(input: "colon: \"quoted\"", expected: "colon: \"quoted\""),
  ])
  func textIsEscaped(_ example: Escape) {
    #expect(CalendarExport.text(example.input) == example.expected)
  }

  /// Octet lengths of each physical line of a folded line, and its unfolded text.
  func physicalLines(_ folded: String) -> (lengths: [Int], unfolded: String) {
    let parts = folded.components(separatedBy: "\r\n")
    let unfolded = parts.enumerated().map { $0 == 0 ? $1 : String($1.dropFirst()) }.joined()
    for part in parts.dropFirst() { #expect(part.hasPrefix(" ")) }
    return (parts.map(\.utf8.count), unfolded)
  }

  @Test func shortLinesAreNotFolded() {
    let line = String(repeating: "a", count: 75)
    #expect(CalendarExport.fold(line) == line)
  }

  @Test func asciiFoldsAt75Octets() {
    let line = String(repeating: "a", count: 75 + 74)
    let (lengths, unfolded) = physicalLines(CalendarExport.fold(line))
    #expect(lengths == [75, 75])
    #expect(unfolded == line)
  }

  @Test(arguments: [1, 2, 3, 4])
  func multibyteAtTheFoldMovesWhole(_ offset: Int) {
    // 73 + offset octets of ASCII, then "é" (2 octets), "€" (3) and "😀" (4) repeated:
    // whichever sequence crosses octet 75 goes to the next line whole.
    let line = String(repeating: "a", count: 72 + offset) + String(repeating: "é€😀", count: 20)
    let folded = CalendarExport.fold(line)
    let (lengths, unfolded) = physicalLines(folded)
    #expect(unfolded == line)
    #expect(lengths.allSatisfy { $0 <= 75 })
    #expect(lengths.dropLast().allSatisfy { $0 >= 72 })
    for part in folded.components(separatedBy: "\r\n") {
      #expect(String(validating: Array(part.utf8), as: UTF8.self) != nil)
    }
  }

  @Test func aFourOctetCharacterEndingExactlyAt75StaysOnTheLine() {
    let line = String(repeating: "a", count: 71) + "😀" + "b"
    #expect(CalendarExport.fold(line) == String(repeating: "a", count: 71) + "😀\r\n b")
  }

  @Test func aTwoOctetCharacterCrossing75Moves() {
    let line = String(repeating: "a", count: 74) + "é" + "b"
    #expect(CalendarExport.fold(line) == String(repeating: "a", count: 74) + "\r\n éb")
  }

  @Test func slugsAreReadableASCII() {
    #expect(CalendarExport.slug("Léa Marchand — Design & Code") == "lea-marchand-design-code")
    #expect(CalendarExport.slug("INV-2026-001") == "inv-2026-001")
    #expect(CalendarExport.slug("日本") == "event")
  }

  @Test(arguments: ExportSampleTests.samples)
  func sampleCalendarMatchesItsGoldenFile(_ sample: String) {
    let path = ExportSampleTests.root.appendingPathComponent("samples/\(sample).books").path
    let output = ExportCommand.run(
      ["ics", path, "--as-of", ExportSampleTests.asOf], environment: Environment())
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    assertSnapshot(output.stdout, named: "exports/\(sample).ics")
  }
}

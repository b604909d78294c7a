import Testing

@testable import BooksKit

/// Regression tests for bugs found while writing the catalogue, end-to-end and robustness
/// tests.
@Suite struct RegressionTests {
  private static let header = """
    business "North Studio"
      currency EUR

    client acme "Acme Corp"
      stage client

    """

  private func validate(_ text: String) -> [Diagnostic] {
    let fileSystem = MemoryFileSystem(["books.books": Self.header + text])
    return Validation.run(["books.books"], fileSystem: fileSystem).diagnostics
  }

  private func messages(_ text: String) -> [String] {
    validate(text).map { "\($0.code): \($0.message)" }
  }

  /// A text field mixing quoted and bare words is reported twice: once for the mix, and
  /// once more as "`note` needs a value", pointing after the key, although it has one.
  @Test func mixedTextInAFieldIsReportedOnce() {
    let found = messages(
      """
      2026-02-10 income 40 EUR "Acme, hosting"
        client acme
        note "Paid" late

      """)
    #expect(found == ["values: text mixes quoted and bare words"])
  }

  /// `enumValue` builds "a \(noun)", which gives "a invoice status", "a estimate status".
  @Test func invoiceStatusMessageUsesAn() {
    let found = messages(
      """
      2026-01-31 invoice INV-2026-001 acme
        item "UX design, January" 20h @ 95 EUR
        status payed
      2026-01-10 estimate EST-2026-001 acme
        item "Website redesign" 12000 EUR
        status approved

      """)
    #expect(
      found == [
        "vocab: `payed` is not an invoice status",
        "vocab: `approved` is not an estimate status",
      ])
  }

  /// `MeetingsCheck` compares each meeting only with the one that starts just before it,
  /// so a long meeting overlapping two later ones reports only the first overlap.
  @Test func everyOverlapWithALongMeetingIsReported() {
    let found = messages(
      """
      2026-02-03 meeting 10:00-13:00 "Workshop at Acme"
      2026-02-03 meeting 10:30-11:00 "Call with Jane"
      2026-02-03 meeting 11:30-12:00 "Call with Globex"

      """)
    #expect(
      found == [
        "meetings: “Call with Jane” starts at 10:30, before “Workshop at Acme” ends at 13:00",
        "meetings: “Call with Globex” starts at 11:30, before “Workshop at Acme” ends at 13:00",
      ])
  }

  /// An invoice credited for more than its total, with no payment at all, is reported as
  /// "overpaid", with a fix about payment amounts and a note pointing at the same place.
  @Test func overCreditedInvoiceIsNotCalledOverpaid() {
    let diagnostics = validate(
      """
      2026-01-31 invoice INV-2026-001 acme
        item "Workshop" 100 EUR
      2026-02-05 credit CN-2026-001 INV-2026-001
        item "Workshop cancelled, with apologies" 150 EUR

      """)
    #expect(diagnostics.map(\.code) == ["invoices"])
    #expect(!diagnostics.contains { $0.message.contains("overpaid") })
  }

  /// A flag given a value with `=` is accepted and the value ignored: `--strict=no` turns
  /// strict mode on. A flag that takes no value should refuse one (usage error, exit 2).
  @Test func flagWithAValueIsAUsageError() {
    let fileSystem = MemoryFileSystem([
      "books.books": Self.header
        + """
        2026-01-31 invoice INV-2026-001 acme
          item "UX design, January" 20h @ 95 EUR
        2026-03-31 invoice INV-2026-003 acme
          item "UX design, March" 10h @ 95 EUR

        """
    ])
    let lenient = CheckCommand.run(
      ["books.books"], environment: Environment(), fileSystem: fileSystem)
    #expect(lenient.exitCode == 0)
    for flag in ["--strict=no", "--list=no"] {
      let output = CheckCommand.run(
        [flag, "books.books"], environment: Environment(), fileSystem: fileSystem)
      #expect(output.exitCode == 2, "\(flag)")
      #expect(output.stdout == "", "\(flag)")
    }
  }
}

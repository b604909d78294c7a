import Foundation
import Testing

@testable import BooksKit

@Suite struct ReminderTests {
  static let sample = DocumentTests.sample

  @Test(arguments: ["md", "html"])
  func overdueSampleReminderMatchesItsGoldenFile(_ format: String) {
    let output = BooksCLI.run(
      ["reminder", "INV-2026-020", Self.sample, "--format", format, "--as-of", "2026-11-22"],
      environment: Environment())
    #expect(output.exitCode == 0)
    #expect(output.stderr == "")
    assertSnapshot(output.stdout, named: "documents/reminder-INV-2026-020.\(format)")
  }

  @Test func overdueSampleHasTheLateFee() throws {
    let validation = Validation.run([Self.sample])
    let asOf = try LateFeeTests.day("2026-11-22")
    let reminder = try Reminder.make("INV-2026-020", in: validation.books, asOf: asOf).get()
    #expect(reminder.situation == .overdue)
    #expect(reminder.daysOverdue == 84)
    #expect(reminder.lateFee?.periods == 3)
    #expect(reminder.lateFee?.total == LateFeeTests.money("81.31"))
    #expect(reminder.totalDue == LateFeeTests.money("1458.31"))
  }

  @Test func notOverdueInvoicesSaySo() throws {
    let validation = Validation.run([Self.sample])
    let early = try Reminder.make(
      "INV-2026-020", in: validation.books, asOf: try LateFeeTests.day("2026-08-01")
    ).get()
    #expect(early.situation == .notYetDue)
    #expect(early.lateFee == nil)
    #expect(ReminderRenderer.markdown(early).contains("is not yet due"))
    let paid = try Reminder.make(
      "INV-2026-021", in: validation.books, asOf: try LateFeeTests.day("2026-11-22")
    ).get()
    #expect(paid.situation == .paid)
    #expect(ReminderRenderer.html(paid).contains("nothing is left to pay"))
  }

  static let hostile = """
    business "<b>North</b> & Co"
      currency EUR
      late-fee 40 EUR + 1% per month
      bank "IBAN | <i>x</i>"
    client evil "<script>alert(1)</script> | *x* &amp;"
      contact "\\"Bobby\\" <img src=x onerror=alert(2)>"
    2026-01-31 invoice INV-1 evil
      due 2026-02-28
      item "Work" 100

    """

  @Test func hostileNamesRenderInert() throws {
    let validation = validate(Self.hostile)
    #expect(validation.diagnostics.filter { $0.severity == .error }.isEmpty)
    let asOf = try LateFeeTests.day("2026-04-15")
    let reminder = try Reminder.make("INV-1", in: validation.books, asOf: asOf).get()
    #expect(reminder.situation == .overdue)

    let html = ReminderRenderer.html(reminder)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>"))
    #expect(!html.contains("<i>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | *x* &amp;amp;"))
    #expect(html.contains("Dear &quot;Bobby&quot; &lt;img"))

    let markdown = ReminderRenderer.markdown(reminder)
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> \\| \\*x\\* \\&amp;"))
    #expect(markdown.contains("IBAN \\| \\<i\\>x\\</i\\>"))
    // Every table row keeps its three unescaped pipes.
    for row in markdown.split(separator: "\n") where row.hasPrefix("| ") {
      let characters = Array(row)
      let pipes = characters.indices.filter { index in
        characters[index] == "|" && (index == 0 || characters[index - 1] != "\\")
      }
      #expect(pipes.count == 3, "\(row)")
    }
  }

  @Test func usageErrors() {
    let unknown = BooksCLI.run(
      ["reminder", "INV-2026-20", Self.sample], environment: Environment())
    #expect(unknown.exitCode == 2)
    #expect(unknown.stderr.contains("did you mean `INV-2026-020`?"))
    let badDate = BooksCLI.run(
      ["reminder", "INV-2026-020", Self.sample, "--as-of", "2026-13-01"],
      environment: Environment())
    #expect(badDate.exitCode == 2)
    let help = BooksCLI.run(["help", "reminder"], environment: Environment())
    #expect(help.stdout.contains("USAGE: books reminder NUMBER"))
    #expect(BooksCLI.help.contains("reminder"))
  }
}

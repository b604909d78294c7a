import Testing

@testable import BooksKit

/// Hours, amounts at the billing rate, costs at the cost rate and entries to approve, per
/// staff member and client, by hand.
@Suite struct StaffReportTests {
  static let books = """
    business "North Studio"
      currency EUR
    client acme "Acme"
      rounding 15m
    client globex "Globex"
    staff mira "Mira"
      cost 50
      rate 100
      may-approve yes
    staff tom "Tom"
      cost 30
      rate 70
    staff ext "Extern"
    project web "Web"
      client acme
    project gx "Globex app"
      client globex

    2026-05-04 time web 2h
      staff mira
    2026-05-05 time web 1h30m
      staff tom
      approved-by mira
    2026-05-05 time web 45m "Waiting for approval"
      staff tom
    2026-05-06 time web 1h "Not billable, waiting for approval"
      staff tom
      billable no
    2026-05-07 time gx 20m
      staff tom
      approved-by mira
    2026-05-07 time gx 3h "Not billable"
      staff mira
      billable no
    2026-05-08 time gx 1h "No rates, waiting for approval"
      staff ext
    2026-05-09 time web 5h "No staff: not counted"
    2026-07-01 time web 2h "After the as-of day"
      staff tom

    """

  static func report(client: String? = nil) -> StaffReport {
    let validation = validate(books)
    #expect(describe(validation) == [])
    let options = ReportOptions(
      client: client, asOf: CalendarDate(year: 2026, month: 6, day: 30) ?? .earliest)
    return StaffReport(ReportContext(books: validation.books, options: options))
  }

  @Test func perStaffMemberAndClient() {
    let rows = Self.report().rows
    #expect(rows.map(\.staff) == ["mira", "mira", "tom", "tom", "ext"])
    #expect(rows.map(\.client) == ["acme", "globex", "acme", "globex", "globex"])
    #expect(rows.map(\.hours.minutes) == [120, 180, 195, 20, 60])
    #expect(rows.map(\.billableHours.minutes) == [120, 0, 135, 20, 60])
    // Billable time as logged (no client rounding) × rate: 135 min × 70 ÷ 60 = 157.50,
    // 20 min × 70 ÷ 60 = 23.33.
    #expect(
      rows.map { $0.amount?.description } == [
        "200.00 EUR", "0.00 EUR", "157.50 EUR", "23.33 EUR", nil,
      ])
    // All time × cost: 195 min × 30 ÷ 60 = 97.50.
    #expect(
      rows.map { $0.cost?.description } == [
        "100.00 EUR", "150.00 EUR", "97.50 EUR", "10.00 EUR", nil,
      ])
    // Mira may approve; Tom's two entries without approved-by, and Extern's one.
    #expect(rows.map(\.toApprove) == [0, 0, 2, 0, 1])
  }

  @Test func perStaffMember() {
    let members = Self.report().members
    #expect(members.map(\.staff) == ["mira", "tom", "ext"])
    #expect(members.map(\.hours.minutes) == [300, 215, 60])
    #expect(members.map { $0.amount?.description } == ["200.00 EUR", "180.83 EUR", nil])
    #expect(members.map { $0.cost?.description } == ["250.00 EUR", "107.50 EUR", nil])
    #expect(members.map(\.toApprove) == [0, 2, 1])
  }

  @Test func filtersByClient() {
    #expect(Self.report(client: "acme").rows.map(\.staff) == ["mira", "tom"])
  }

  @Test func rendersTheSamplesInEveryFormat() throws {
    try SampleReportRendering.check(StaffReport.report)
  }
}

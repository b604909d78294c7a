import Testing

@testable import BooksKit

/// The dashboard's figures over `reportBooks`, each worked out by hand.
@Suite struct DashboardReportTests {
  @Test func figuresAsOfMidYear() throws {
    let report = DashboardReport(try reportContext(reportBooks, asOf: "2026-06-30"))
    // No --period: the as-of day's year.
    #expect(report.period.description == "2026-01-01 to 2026-12-31")
    #expect(report.periodTitle == "2026, to 2026-06-30")

    // Received 2026 income up to 06-30: 240 + 1000 + 200 + 1500 + 12.34 EUR, and 50 GBP.
    // Not 2025's 300, not the expected 1000, not July's 999.
    #expect(amount(report.income) == "2952.34 EUR")
    #expect(amount(report.income, .gbp) == "50.00 GBP")
    #expect(amount(report.expected) == "1000.00 EUR")
    // 119.99 + 60.00 + 45.50; not 2025's 25.00 nor August's 10.
    #expect(amount(report.expenses) == "225.49 EUR")
    #expect(amount(report.net) == "2726.85 EUR")
    #expect(amount(report.net, .gbp) == "50.00 GBP")

    // INV-1 240 + INV-2 3600 + INV-3 1000; paid on them 240 + 1000 + 0.
    #expect(amount(report.invoiced) == "4840.00 EUR")
    #expect(amount(report.paid) == "1240.00 EUR")
    // INV-2 2600 + INV-3 1000 + last year's INV-4 500; overdue: INV-2 and INV-4.
    #expect(amount(report.outstanding) == "4100.00 EUR")
    #expect(report.overdueCount == 2)
    #expect(amount(report.overdue) == "3100.00 EUR")

    // 1h10m + 50m + 1h + 20m unbilled, valued as `unbilled` values them: the 50m on the
    // project goes to its only hourly service (web/dev, 80); the 1h on a flat service has
    // no rate. 70 min × 100 ÷ 60 = 116.67; acme rounds up to 30m steps, so 50m → 60m and
    // 20m → 30m: 90 min × 80 ÷ 60 = 120.00; 236.67 in all.
    #expect(report.unbilledTime == TimeSpan(minutes: 200))
    #expect(report.unvaluedTime == TimeSpan(minutes: 60))
    #expect(amount(report.unbilledTimeValue) == "236.67 EUR")
    // 60.00 (acme) + 25.00 (web, last year); the taxi is on INV-1, August's is later.
    #expect(report.unbilledExpenseCount == 2)
    #expect(amount(report.unbilledExpenses) == "85.00 EUR")

    #expect(
      report.pipeline.map { "\($0.id) \($0.count)" } == [
        "lead 1", "negotiation 1", "client 2", "paused 1", "none 1",
      ])
    #expect(
      report.pipeline.map(\.title) == ["Lead", "Negotiation", "Client", "On hold", "No stage"])

    // web: (3000 + 1000) ÷ 6000 by invoicing, before tax — INV-7 is after the as-of day;
    // app: (2h + 1h10m + 30m) ÷ 10h by hours — December's hour is after it.
    #expect(report.activeProjects.map(\.id) == ["web", "app"])
    #expect(
      report.activeProjects.map(\.completion) == [DecimalNumber("66.7"), DecimalNumber("36.7")])
    #expect(report.activeProjects.map(\.basis) == [.invoicing, .hours])

    #expect(
      report.meetings.map(\.title) == ["Today early", "Today late", "Tomorrow", "No time", "Fifth"])

    // run: 30 of 100 km (July's 50 is later); cash: client income 240 + 1000 + 200 of 2000.
    #expect(report.goals.map(\.id) == ["run", "cash"])
    #expect(report.goals.map(\.current) == [DecimalNumber(30), DecimalNumber(1440)])
    #expect(report.goals.map(\.completion) == [DecimalNumber("30.0"), DecimalNumber("72.0")])
  }

  @Test func oneClient() throws {
    let report = DashboardReport(
      try reportContext(reportBooks, asOf: "2026-06-30", client: "acme"))
    #expect(amount(report.income) == "1000.00 EUR")
    #expect(report.income.amounts.count == 1)
    #expect(amount(report.expected) == "1000.00 EUR")
    // Only the expense billable to acme in 2026.
    #expect(amount(report.expenses) == "60.00 EUR")
    #expect(amount(report.invoiced) == "4600.00 EUR")
    #expect(amount(report.paid) == "1000.00 EUR")
    #expect(amount(report.outstanding) == "3600.00 EUR")
    #expect(report.overdueCount == 1)
    #expect(amount(report.overdue) == "2600.00 EUR")
    // 50m + 1h + 20m; 50m → 60m and 20m → 30m at web/dev's 80: 90 × 80 ÷ 60 = 120.00.
    #expect(report.unbilledTime == TimeSpan(minutes: 130))
    #expect(amount(report.unbilledTimeValue) == "120.00 EUR")
    #expect(amount(report.unbilledExpenses) == "85.00 EUR")
    #expect(report.pipeline.map(\.count) == [0, 0, 1, 0])
    #expect(report.activeProjects.map(\.id) == ["web"])
    #expect(report.meetings.map(\.title) == ["Tomorrow"])
    #expect(report.goals.isEmpty)
  }

  @Test func givenPeriod() throws {
    let report = DashboardReport(
      try reportContext(reportBooks, asOf: "2026-06-30", period: "2026-Q2"))
    #expect(report.periodTitle == "2026-Q2")
    // 1000 + 200 + 1500 + 12.34; no expenses in Q2; INV-2 and INV-3.
    #expect(amount(report.income) == "2712.34 EUR")
    #expect(amount(report.expenses) == "0.00 EUR")
    #expect(amount(report.invoiced) == "4600.00 EUR")
    // Standings ignore the period.
    #expect(amount(report.outstanding) == "4100.00 EUR")
  }
}

/// Every report, in the order `books report --help` lists them.
public enum Reports {
  public static let all: [Report] = [
    DashboardReport.report,
    FinanceReport.report,
    ClientsReport.report,
    ProjectsReport.report,
    ServicesReport.report,
    InvoicesReport.report,
    EstimatesReport.report,
    AgingReport.report,
    UnbilledReport.report,
    WorkflowReport.report,
    TaxReport.report,
    GoalsReport.report,
    ContactsReport.report,
    ResourcesReport.report,
    CalendarReport.report,
    StaffReport.report,
    RegisterReport.report,
  ]

  public static func named(_ name: String) -> Report? {
    all.first { $0.name == name || $0.aliases.contains(name) }
  }
}

/// Every report, in the order `books report --list` shows them.
public enum Reports {
  public static let all: [Report] = [
    DashboardReport.report,
    FinanceReport.report,
    InvoicesReport.report,
    WorkflowReport.report,
    TaxReport.report,
    RegisterReport.report,
  ]

  public static func named(_ name: String) -> Report? {
    all.first { $0.name == name || $0.aliases.contains(name) }
  }
}

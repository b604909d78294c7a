import Testing

@testable import BooksKit

/// Small books whose report figures are worked out by hand in the tests' comments.
///
/// As of 2026-06-30, the day the dashboard tests look from. Invoices (VAT 20 %, 30 days):
/// - INV-1 beta 2026-03-10: 2h @ 100 + VAT = 240.00, paid 240.00 on 2026-03-20;
/// - INV-2 acme 2026-04-01: 3000 + VAT = 3600.00, due 2026-05-01, 1000.00 paid: 2600.00
///   due, overdue;
/// - INV-3 acme 2026-06-15: 1000.00, due 2026-07-15, its 1000.00 income not received yet;
/// - INV-4 gamma 2025-11-01: 500.00, due 2025-12-01, unpaid: overdue, from last year;
/// - INV-5 draft, INV-6 void, INV-7 dated after the as-of day: never counted.
let reportBooks = """
  business "North Studio"
    currency EUR
    terms 30 days
  tax vat "VAT" 20%
  stage paused "On hold"
  client acme "Acme Corp"
    stage client
    rounding 15m
  client beta "Beta GmbH"
    stage lead
  client gamma "Gamma"
    stage negotiation
  client delta "Delta"
    stage paused
  client omega "Omega"
    stage client
  client zeta "Zeta"
  project web "Website"
    client acme
    value 6000
    status in-progress
    end 2026-12-31
  project app "App"
    client beta
    estimate 10h
    status in-progress
  project old "Old site"
    client acme
    status completed
  service app/dev "Development"
    pricing hourly 100
  service web/dev "Development"
    pricing hourly 80
  service web/design "Design"
    pricing flat 2000
  goal run "Run 100 km"
    category health
    target 100 km
    progress 2026-03-01 30
    progress 2026-07-10 50
  goal cash "2,000 EUR of client income"
    category wealth
    target 2000 EUR
    metric income client 2026

  2025-11-01 invoice INV-4 gamma
    item "Audit" 500
  2025-12-15 expense 25.00 "Domain for the new site"
    via card
    billable web
  2025-12-20 income 300 "Old royalties"
    class other
    via bank
  2026-01-10 expense 119.99 "Figma"
    category software
    via card
  2026-02-01 expense 60.00 "Train to Acme"
    category travel
    via card
    billable acme
  2026-02-14 income 50 GBP "Talk in London"
    class other
    via bank
  2026-03-01 expense 45.50 "Taxi to Beta"
    category travel
    via card
    billable app
    invoice INV-1
  2026-03-02 time app/dev 2h "Billed"
    invoice INV-1
  2026-03-03 time app/dev 1h10m "Unbilled, valued"
  2026-03-04 time web 50m "On the project: no rate"
  2026-03-05 time web/design 1h "Flat service: no rate"
  2026-03-06 time app/dev 30m "Not billable"
    billable no
  2026-03-07 time web/dev 20m "Acme rounds up to 30m"
  2026-03-10 invoice INV-1 beta
    project app
    item "Development" 2h @ 100
    tax vat
  2026-03-20 income 240 "Beta pays INV-1"
    class client
    client beta
    invoice INV-1
    via bank
  2026-04-01 invoice INV-2 acme
    project web
    item "Design" 3000
    tax vat
  2026-04-15 income 1000 "Acme, part of INV-2"
    client acme
    invoice INV-2
    via bank
  2026-05-01 invoice INV-5 acme
    status draft
    item "Maybe" 999
  2026-05-02 invoice INV-6 acme
    status void
    item "Cancelled" 777
  2026-05-10 income 200 "Omega, no invoice"
    client omega
    via cash
  2026-05-31 income 1500 "Teaching"
    class salary
    via bank
  2026-06-15 invoice INV-3 acme
    project web
    item "Build" 1000
  2026-06-20 income 1000 "Acme will pay INV-3"
    client acme
    project web
    invoice INV-3
  2026-06-29 meeting 10:00 "Past"
  2026-06-30 meeting 15:00 "Today late"
  2026-06-30 meeting 09:00 "Today early"
  2026-06-30 income 12.34 "Interest"
    class interest
    via bank
  2026-07-01 meeting 11:00 "Tomorrow"
    with acme
  2026-07-01 income 999 "After the as-of day"
    class salary
    via bank
  2026-07-02 meeting "No time"
  2026-07-03 meeting 10:00 "Fifth"
  2026-07-04 meeting 10:00 "Sixth"
  2026-07-15 invoice INV-7 acme
    project web
    item "Later" 400
  2026-08-01 expense 10 "After the as-of day"
    billable acme
  2026-12-01 time app/dev 1h "After the as-of day"

  """

/// The context of a report over `text` with these options; fails the test on errors in
/// the books, so a typo in a fixture cannot pass as a zero.
func reportContext(
  _ text: String, asOf: String, period: String? = nil, client: String? = nil,
  project: String? = nil, currency: Currency? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> ReportContext {
  let validation = validate(text)
  let errors = validation.diagnostics.filter { $0.severity == .error }
  #expect(errors.isEmpty, "\(describe(validation))", sourceLocation: sourceLocation)
  let day = try #require(CalendarDate(asOf), sourceLocation: sourceLocation)
  let range = try period.map { try #require(DayRange.period($0), sourceLocation: sourceLocation) }
  return ReportContext(
    books: validation.books,
    options: ReportOptions(
      period: range ?? DayRange(), client: client, project: project, asOf: day,
      currency: currency))
}

/// The amount in `currency` as written with its minor units: "2,600.00" reads worse in
/// an assertion than "2600.00 EUR".
func amount(_ totals: MoneyTotals, _ currency: Currency = .eur) -> String {
  totals.total(currency).description
}

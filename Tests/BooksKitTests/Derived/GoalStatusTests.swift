import Testing

@testable import BooksKit

@Suite struct GoalStatusTests {
  @Test func progressEntriesAndMetrics() throws {
    let validation = validate(
      euroHeader + """
        goal read "Read"
          target 12 books
          progress 2026-01-31 2
          progress 2026-02-28 1.5
          progress 2026-12-01 4
        goal earn "Earn"
          target 8000
          metric income client 2026
        goal hours "Hours"
          target 10
          metric hours 2026
        project p "P"
          client acme
        2026-01-05 time p 1h20m
        2025-12-30 time p 5h
        2026-02-01 income 1000 "client, received"
          client acme
          via bank
        2026-02-02 income 500 "client, not received"
          client acme
        2026-02-03 income 300 "salary"
          class salary
          via bank
        2025-02-03 income 700 "last year"
          client acme
          via bank
        resource r "R"
          todo [x] "a"
          todo [ ] "b"
          todo [x] "c"

        """)
    #expect(describe(validation) == [])
    let ledger = InvoiceLedger(validation.books)
    let asOf = try #require(CalendarDate("2026-11-22"))
    let goals = GoalStatus.all(validation.books, ledger, asOf: asOf)
    #expect(goals.map(\.current.description) == ["3.5", "1000", "1.33"])
    #expect(goals.map { $0.completion?.description ?? "-" } == ["29.2", "12.5", "13.3"])
    let resource = try #require(validation.books.resources.first)
    #expect(resource.progress.done == 2)
    #expect(resource.progress.total == 3)
  }
}

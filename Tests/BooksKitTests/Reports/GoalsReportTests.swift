import Testing

@testable import BooksKit

/// Goals: progress counted as of the as-of day, completion to one decimal, lanes by
/// category — every number below is worked out by hand from the fixture.
@Suite struct GoalsReportTests {
  static let books = """
    business "T"
      currency EUR
    goal-category learning "Learning"
    client acme "Acme"

    goal run "Run"
      category health
      target 200 km
      progress 2026-01-31 30
      progress 2026-02-28 25.5
      progress 2026-04-30 40
    goal save "Save"
      category wealth
      target 3000 EUR
      metric income client 2026
    goal friends "Friends"
      category relationship
      target 4 dinners
      progress 2026-01-10 1
      progress 2026-02-10 1
      progress 2026-03-10 1
      progress 2026-03-31 1
    goal read "Read"
      category learning
      target 3 books
      progress 2026-02-01 1
    goal someday "Someday"
      progress 2026-01-01 5

    2026-01-15 income 1000 "January"
      client acme
      via bank
    2026-03-01 income 250.50 "March"
      client acme
      via bank
    2026-03-15 income 400 "Not received yet"
      client acme
    2026-03-20 income 999 "Salary"
      class salary
      via bank
    2026-04-02 income 500 "After the as-of day"
      client acme
      via bank

    """

  static func report(asOf: String = "2026-03-31") throws -> GoalsReport {
    let validation = validate(books)
    #expect(describe(validation) == [])
    let day = try #require(CalendarDate(asOf))
    return GoalsReport(ReportContext(books: validation.books, options: ReportOptions(asOf: day)))
  }

  @Test func progressAndCompletionAsOfTheDay() throws {
    let report = try Self.report()
    let byID = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.id, $0) })
    // 30 + 25.5 (the April line is after the as-of day); 55.5 ÷ 200 = 27.75 % → 27.8 %.
    let run = try #require(byID["run"])
    #expect(run.current == DecimalNumber("55.5"))
    #expect(run.completion == DecimalNumber("27.8"))
    #expect(run.target == DecimalNumber(200))
    #expect(run.unit == "km")
    #expect(run.progressCount == 2)
    #expect(run.lastProgress == CalendarDate("2026-02-28"))
    #expect(run.metric == nil)
    #expect(!run.isReached)
    // Client income received in 2026 up to 31 March: 1000 + 250.50 (not the unpaid 400, the
    // salary, or April); 1250.50 ÷ 3000 = 41.683 % → 41.7 %.
    let save = try #require(byID["save"])
    #expect(save.current == DecimalNumber("1250.50"))
    #expect(save.completion == DecimalNumber("41.7"))
    #expect(save.unit == "EUR")
    #expect(save.metric == GoalMetric(kind: .income, filter: "client", year: 2026))
    #expect(save.progressCount == 0)
    #expect(save.lastProgress == nil)
    // Four dinners, the last on the as-of day itself: 100 %, reached.
    let friends = try #require(byID["friends"])
    #expect(friends.current == DecimalNumber(4))
    #expect(friends.completion == DecimalNumber("100.0"))
    #expect(friends.isReached)
    #expect(byID["read"]?.completion == DecimalNumber("33.3"))
    // No target: progress but no completion.
    let someday = try #require(byID["someday"])
    #expect(someday.current == DecimalNumber(5))
    #expect(someday.completion == nil)
    #expect(someday.category == nil)
  }

  @Test func anEarlierDayCountsLess() throws {
    let report = try Self.report(asOf: "2026-01-31")
    let byID = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.id, $0) })
    // 30 ÷ 200 = 15 %; 1000 ÷ 3000 = 33.33 % → 33.3 %; one dinner of four.
    #expect(byID["run"]?.completion == DecimalNumber("15.0"))
    #expect(byID["save"]?.current == DecimalNumber(1000))
    #expect(byID["save"]?.completion == DecimalNumber("33.3"))
    #expect(byID["friends"]?.completion == DecimalNumber("25.0"))
    #expect(byID["read"]?.current == DecimalNumber.zero)
    #expect(byID["read"]?.lastProgress == nil)
  }

  @Test func lanesFollowTheVocabularyThenNoCategory() throws {
    let lanes = try Self.report().lanes()
    #expect(lanes.map(\.id) == ["health", "wealth", "relationship", "learning", "(none)"])
    #expect(lanes.map(\.title) == ["Health", "Wealth", "Relationship", "Learning", "No category"])
    #expect(
      lanes.map { $0.rows.map(\.id) } == [["run"], ["save"], ["friends"], ["read"], ["someday"]])
  }

  @Test func theBoardShowsTargetCurrentCompletionAndWhatIsMeasured() throws {
    let validation = validate(Self.books)
    let asOf = try #require(CalendarDate("2026-03-31"))
    let view = GoalsReport.report.view(
      ReportContext(books: validation.books, options: ReportOptions(asOf: asOf)))
    guard case .board(let board) = view.blocks.last else {
      Issue.record("the goals report ends with a board")
      return
    }
    let save = try #require(board.lanes.flatMap(\.cards).first { $0.id == "save" })
    let fields = Dictionary(uniqueKeysWithValues: save.fields.map { ($0.id, $0.value) })
    #expect(fields["target"] == .number(DecimalNumber(3000)))
    #expect(fields["unit"] == .text("EUR"))
    #expect(fields["current"] == .number(try #require(DecimalNumber("1250.50"))))
    #expect(fields["completion"] == .percent(try #require(DecimalNumber("41.7"))))
    #expect(fields["measured"] == .text("client income received in 2026"))
    #expect(
      view.blocks.first
        == .metrics(
          id: "totals", title: nil,
          [
            Metric("count", "Goals", .integer(5)), Metric("reached", "Reached", .integer(1)),
          ]))
  }

  @Test func measuredWording() {
    #expect(
      GoalsReport.measured(GoalMetric(kind: .income, filter: nil, year: nil)) == "income received")
    #expect(
      GoalsReport.measured(GoalMetric(kind: .expenses, filter: "software", year: 2026))
        == "software expenses in 2026")
    #expect(
      GoalsReport.measured(GoalMetric(kind: .invoiced, filter: nil, year: 2027))
        == "amounts invoiced in 2027")
    #expect(
      GoalsReport.measured(GoalMetric(kind: .hours, filter: nil, year: nil))
        == "hours of time logged")
  }
}

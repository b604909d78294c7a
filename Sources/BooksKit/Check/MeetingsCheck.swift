/// Meetings on the same day do not overlap (a freelancer cannot be in two at once).
enum MeetingsCheck {
  static let name = "meetings"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let meetings = context.books.meetings
    // Meetings are read in place, by index: a copy of one retains each of its strings.
    var byDay: [CalendarDate: [Int]] = [:]
    meetings.forEachAddress { index, meeting in
      guard meeting.pointee.start != nil else { return }
      byDay[meeting.pointee.date, default: []].append(index)
    }
    func start(_ index: Int) -> Int { meetings[index].start?.minutes ?? 0 }
    for day in byDay.keys.sorted() {
      // Meetings that start together keep file order.
      let order = (byDay[day] ?? []).sorted { (start($0), $0) < (start($1), $1) }
      // Compare each meeting with the earlier one that ends last, so a long meeting is
      // reported against every meeting inside it.
      var latest: Int?
      for later in order {
        defer {
          if let end = meetings[later].end,
            end > (latest.flatMap { meetings[$0].end } ?? TimeOfDay.midnight)
          {
            latest = later
          }
        }
        guard let earlier = latest, let end = meetings[earlier].end,
          let start = meetings[later].start, start < end
        else { continue }
        out.append(
          .warning(
            name,
            "“\(meetings[later].title)” starts at \(start), before “\(meetings[earlier].title)” ends at \(end)",
            at: meetings[later].range,
            notes: [DiagnosticNote("the earlier meeting", at: meetings[earlier].range)],
            fix: "move one of the meetings"))
      }
    }
    return out
  }
}

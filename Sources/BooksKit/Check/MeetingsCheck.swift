/// Meetings on the same day do not overlap (a freelancer cannot be in two at once).
enum MeetingsCheck {
  static let name = "meetings"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var byDay: [CalendarDate: [Meeting]] = [:]
    for meeting in context.books.meetings where meeting.start != nil {
      byDay[meeting.date, default: []].append(meeting)
    }
    for day in byDay.keys.sorted() {
      let meetings = (byDay[day] ?? []).sorted {
        ($0.start?.minutes ?? 0) < ($1.start?.minutes ?? 0)
      }
      // Compare each meeting with the earlier one that ends last, so a long meeting is
      // reported against every meeting inside it.
      var latest: Meeting?
      for later in meetings {
        defer {
          if let end = later.end, end > (latest?.end ?? TimeOfDay.midnight) { latest = later }
        }
        guard let earlier = latest, let end = earlier.end, let start = later.start, start < end
        else { continue }
        out.append(
          .warning(
            name, "“\(later.title)” starts at \(start), before “\(earlier.title)” ends at \(end)",
            at: later.range, notes: [DiagnosticNote("the earlier meeting", at: earlier.range)],
            fix: "move one of the meetings"))
      }
    }
    return out
  }
}

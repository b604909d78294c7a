/// A calendar day as a count of days since 1970-01-01, with the civil-calendar conversions
/// of Howard Hinnant's `days_from_civil`; the generator needs nothing more.
struct CivilDay: Comparable, Hashable {
  var serial: Int

  init(serial: Int) { self.serial = serial }

  init(year: Int, month: Int, day: Int) {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    serial = era * 146_097 + dayOfEra - 719_468
  }

  var parts: (year: Int, month: Int, day: Int) {
    let z = serial + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `2026-03-05`.
  var text: String {
    let (year, month, day) = parts
    return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
  }

  static func + (day: CivilDay, days: Int) -> CivilDay { CivilDay(serial: day.serial + days) }
  static func < (a: CivilDay, b: CivilDay) -> Bool { a.serial < b.serial }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

/// Cents as `1234.50`.
func amountText(cents: Int) -> String {
  let pennies = cents % 100
  return "\(cents / 100).\(twoDigits(pennies))"
}

/// Minutes as a `books` duration: `45m`, `3h`, `12h45m`.
func durationText(minutes: Int) -> String {
  let hours = minutes / 60
  let rest = minutes % 60
  if hours == 0 { return "\(rest)m" }
  return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
}

/// Bar charts drawn as inline SVG: no script, no fetch, scaled with integer arithmetic so the
/// same numbers always draw the same bytes.
enum SVGChart {
  struct Group {
    var label: String
    /// Whole units of the currency, one per series.
    var values: [Int]
  }

  /// Grouped bars, one group per label and one bar per series, with a legend, a labelled
  /// top line and a table-like text alternative in the title.
  static func bars(_ groups: [Group], series: [String], unit: String, title: String) -> String {
    let h = HTMLRenderer.escape
    let slot = min(96, max(44, 704 / max(1, groups.count)))
    let top = 22
    let plot = 180
    let left = 8
    let width = max(400, left * 2 + slot * groups.count)
    let height = top + plot + 40
    let highest = groups.flatMap(\.values).max() ?? 0
    let scale = niceCeiling(max(highest, 1))
    var out: [String] = []
    let summary = groups.map { group in
      group.label + ": "
        + zip(series, group.values).map { "\($0) \(grouped($1)) \(unit)" }.joined(separator: ", ")
    }.joined(separator: "; ")
    out.append(
      "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
        + "aria-label=\"\(h(title))\" preserveAspectRatio=\"xMinYMin meet\">")
    out.append("<title>\(h(title + ". " + summary))</title>")
    for step in 0...4 {
      let y = top + plot - plot * step / 4
      out.append(
        "<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - left)\" y1=\"\(y)\" y2=\"\(y)\"/>")
    }
    out.append(
      "<text class=\"axis\" x=\"\(left)\" y=\"\(top - 8)\">\(h(grouped(scale) + " " + unit))</text>"
    )
    let barWidth = max(4, (slot - 12) / max(1, series.count))
    for (index, group) in groups.enumerated() {
      let x0 = left + index * slot + 6
      for (which, value) in group.values.enumerated() {
        let barHeight = max(0, value) * plot / scale
        let x = x0 + which * barWidth
        let y = top + plot - barHeight
        let name = series.indices.contains(which) ? series[which] : ""
        out.append(
          "<rect class=\"s\(which)\" x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth - 1)\" "
            + "height=\"\(barHeight)\"><title>\(h("\(group.label) \(name): \(grouped(value)) \(unit)"))</title></rect>"
        )
      }
      out.append(
        "<text class=\"label\" x=\"\(x0 + (slot - 12) / 2)\" y=\"\(top + plot + 16)\" "
          + "text-anchor=\"middle\">\(h(group.label))</text>")
    }
    var legendX = left
    for (which, name) in series.enumerated() {
      out.append(
        "<rect class=\"s\(which)\" x=\"\(legendX)\" y=\"\(top + plot + 28)\" width=\"10\" height=\"10\"/>"
      )
      out.append(
        "<text class=\"legend\" x=\"\(legendX + 14)\" y=\"\(top + plot + 37)\">\(h(name))</text>")
      legendX += 14 + 9 * name.count + 16
    }
    out.append("</svg>")
    return out.joined(separator: "\n")
  }

  /// The smallest of 1, 2 or 5 times a power of ten at least `value`: a round top line.
  static func niceCeiling(_ value: Int) -> Int {
    var power = 1
    while power <= value / 10 { power *= 10 }
    for factor in [1, 2, 5, 10] where factor * power >= value { return factor * power }
    return 10 * power
  }

  /// `12,345`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
  }
}

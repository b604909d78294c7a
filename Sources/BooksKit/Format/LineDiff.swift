/// A unified diff of two texts, line by line, for `books fmt --diff`.
enum LineDiff {
  private enum Step: Equatable {
    case same(Int, Int)
    case removed(Int)
    case added(Int)
  }

  /// `diff -u` style: `---`/`+++` headers, then hunks with three lines of context; empty
  /// when the texts are equal.
  static func unified(_ old: String, _ new: String, path: String, context: Int = 3) -> String {
    let before = lines(old)
    let after = lines(new)
    let steps = self.steps(before, after)
    guard steps.contains(where: { if case .same = $0 { false } else { true } }) else {
      return ""
    }
    // consumed[i]: the old and new lines before step i.
    var consumed: [(old: Int, new: Int)] = [(0, 0)]
    for step in steps {
      guard let last = consumed.last else { break }
      switch step {
      case .same: consumed.append((last.old + 1, last.new + 1))
      case .removed: consumed.append((last.old + 1, last.new))
      case .added: consumed.append((last.old, last.new + 1))
      }
    }
    var out = "--- \(path)\n+++ \(path) (formatted)\n"
    var index = 0
    while index < steps.count {
      guard
        let change = steps[index...].firstIndex(where: { step in
          if case .same = step { false } else { true }
        })
      else { break }
      let start = max(index, change - context)
      // A hunk runs until `2 * context` unchanged lines in a row, or the end.
      var end = change
      var quiet = 0
      var cursor = change
      while cursor < steps.count {
        if case .same = steps[cursor] {
          quiet += 1
          if quiet > 2 * context { break }
        } else {
          quiet = 0
          end = cursor
        }
        cursor += 1
      }
      let stop = min(steps.count, end + 1 + context)
      var oldCount = 0
      var newCount = 0
      var body = ""
      for step in steps[start..<stop] {
        switch step {
        case .same(let left, _):
          oldCount += 1
          newCount += 1
          body += " " + before[left] + "\n"
        case .removed(let left):
          oldCount += 1
          body += "-" + before[left] + "\n"
        case .added(let right):
          newCount += 1
          body += "+" + after[right] + "\n"
        }
      }
      let oldStart = consumed[start].old
      let newStart = consumed[start].new
      out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
      index = stop
    }
    return out
  }

  private static func range(_ start: Int, _ count: Int) -> String {
    count == 0 ? "\(start),0" : "\(start + 1),\(count)"
  }

  private static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The longest common subsequence of lines, after the common start and end are set aside.
  private static func steps(_ old: [String], _ new: [String]) -> [Step] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let oldMiddle = Array(old[prefix..<(old.count - suffix)])
    let newMiddle = Array(new[prefix..<(new.count - suffix)])
    var steps = (0..<prefix).map { Step.same($0, $0) }
    let rows = oldMiddle.count
    let columns = newMiddle.count
    if rows * columns <= 16_000_000 {
      // lengths[i][j]: LCS length of oldMiddle[i...] and newMiddle[j...].
      var lengths = [Int32](repeating: 0, count: (rows + 1) * (columns + 1))
      for row in stride(from: rows - 1, through: 0, by: -1) {
        for column in stride(from: columns - 1, through: 0, by: -1) {
          let here = row * (columns + 1) + column
          lengths[here] =
            oldMiddle[row] == newMiddle[column]
            ? lengths[here + columns + 2] + 1
            : max(lengths[here + columns + 1], lengths[here + 1])
        }
      }
      var row = 0
      var column = 0
      while row < rows || column < columns {
        let here = row * (columns + 1) + column
        if row < rows, column < columns, oldMiddle[row] == newMiddle[column] {
          steps.append(.same(prefix + row, prefix + column))
          row += 1
          column += 1
        } else if row < rows,
          column == columns || lengths[here + columns + 1] >= lengths[here + 1]
        {
          steps.append(.removed(prefix + row))
          row += 1
        } else {
          steps.append(.added(prefix + column))
          column += 1
        }
      }
    } else {
      steps += (0..<rows).map { .removed(prefix + $0) }
      steps += (0..<columns).map { .added(prefix + $0) }
    }
    steps += (0..<suffix).map { .same(old.count - suffix + $0, new.count - suffix + $0) }
    return steps
  }
}

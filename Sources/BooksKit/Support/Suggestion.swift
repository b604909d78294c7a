/// "Did you mean ...?" — the closest candidate by edit distance, when it is close enough.
public enum Suggestion {
  /// The candidate nearest to `word`, or nil when none is plausibly a typo of it.
  public static func closest<S: Sequence<String>>(to word: String, in candidates: S) -> String? {
    let target = Array(word.unicodeScalars)
    guard !target.isEmpty, target.count <= 64 else { return nil }
    let limit = max(1, min(3, target.count / 3))
    var best: (String, Int)?
    for candidate in candidates where candidate != word {
      let scalars = Array(candidate.unicodeScalars)
      guard abs(scalars.count - target.count) <= limit, scalars.count <= 64 else { continue }
      let distance = editDistance(target, scalars)
      if distance <= limit, distance < (best?.1 ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// Damerau–Levenshtein distance (optimal string alignment): swaps count as one edit.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
      }
      previous2 = previous
      previous = current
    }
    return previous[b.count]
  }
}

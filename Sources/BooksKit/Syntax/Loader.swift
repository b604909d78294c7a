/// Loads a set of books: the named files and everything they `include`.
///
/// Each file is read and parsed on its own; the include graph is walked depth-first in
/// the order files name each other, so entries keep the order a reader sees them.
public struct Loader {
  public static let code = "includes"

  /// The files, their syntax trees (same order), and problems found while loading.
  public struct Result: Sendable {
    public var files: [SourceFile] = []
    public var trees: [SyntaxTree] = []
    public var diagnostics: [Diagnostic] = []
  }

  private let fileSystem: any FileSystem
  private var result = Result()
  /// Canonical path → index in `files`.
  private var loaded: [String: Int] = [:]
  /// Canonical paths of the files being loaded, outermost first, for cycle detection.
  private var stack: [String] = []

  public init(fileSystem: any FileSystem = LocalFileSystem()) {
    self.fileSystem = fileSystem
  }

  /// Loads `paths` (each with its includes).
  public static func load(_ paths: [String], fileSystem: any FileSystem = LocalFileSystem())
    -> Result
  {
    var loader = Loader(fileSystem: fileSystem)
    for path in paths {
      loader.loadFile(path, includedAt: nil)
    }
    return loader.result
  }

  private mutating func loadFile(_ path: String, includedAt: SourceRange?) {
    let canonical = fileSystem.canonical(path)
    if stack.contains(canonical) {
      let chain = (stack.drop { $0 != canonical } + [canonical]).map { displayName($0) }
      result.diagnostics.append(
        .error(
          Self.code, "include cycle: " + chain.joined(separator: " → "), at: includedAt,
          fix: "remove this include; a file cannot include itself, directly or indirectly"))
      return
    }
    if let index = loaded[canonical] {
      if let includedAt {
        result.diagnostics.append(
          .warning(
            Self.code, "`\(result.files[index].path)` is already loaded; not loading it again",
            at: includedAt, fix: "remove this include; each file is read once"))
      }
      return
    }
    let bytes: [UInt8]
    switch fileSystem.read(path) {
    case .success(let read): bytes = read
    case .failure(let problem):
      result.diagnostics.append(
        .error(
          Self.code, "cannot read `\(path)`: \(problem.message)", at: includedAt,
          fix: includedAt == nil
            ? "check the path" : "check the path; it is relative to the including file"))
      return
    }
    let index = result.files.count
    let file = SourceFile(path: path, bytes: bytes)
    let tree = Parser.parse(file, fileIndex: index)
    loaded[canonical] = index
    result.files.append(file)
    result.trees.append(tree)
    result.diagnostics += tree.diagnostics
    stack.append(canonical)
    for entry in tree.entries {
      guard let keyword = entry.head.first, tree.isWord(keyword, "include") else { continue }
      guard entry.head.count == 2 else {
        result.diagnostics.append(
          .error(
            Parser.code, "`include` takes one path",
            at: tree.range(start: entry.start, end: entry.end),
            fix: "include \"clients/*.books\""))
        continue
      }
      let target = tree.text(entry.head[1])
      let range = tree.range(entry.head[1])
      let resolved = Path.resolve(target, from: path)
      if Path.isGlob(target) {
        let matches = fileSystem.glob(resolved)
        if matches.isEmpty {
          result.diagnostics.append(
            .warning(
              Self.code, "`\(target)` matches no file", at: range,
              fix: "check the pattern; it is relative to this file's folder"))
        }
        for match in matches where fileSystem.canonical(match) != canonical {
          loadFile(match, includedAt: range)
        }
      } else {
        loadFile(resolved, includedAt: range)
      }
    }
    stack.removeLast()
  }

  private func displayName(_ canonical: String) -> String {
    loaded[canonical].map { result.files[$0].path } ?? canonical
  }
}

@testable import BooksKit

/// Builds books from in-memory text, the way `books check` would from files.
func validate(_ text: String, path: String = "main.books", more: [String: String] = [:])
  -> Validation
{
  var files = more
  files[path] = text
  return Validation.run([path], fileSystem: MemoryFileSystem(files))
}

/// "path:line:col code: message" for each diagnostic, for compact exact assertions.
func describe(_ validation: Validation) -> [String] {
  validation.diagnostics.map { diagnostic in
    guard let range = diagnostic.range, validation.files.indices.contains(range.file) else {
      return "\(diagnostic.code): \(diagnostic.message)"
    }
    let file = validation.files[range.file]
    let (line, column) = file.location(of: range.start)
    return "\(file.path):\(line):\(column) \(diagnostic.code): \(diagnostic.message)"
  }
}

let euroHeader = """
  business "North Studio"
    currency EUR
  tax vat "VAT" 20%
  tax low "Reduced" 5.5%
  client acme "Acme Corp"
    contract 12000

  """

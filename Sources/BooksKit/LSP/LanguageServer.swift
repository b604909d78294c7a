/// `books lsp`: a Language Server Protocol server for `.books` files.
///
/// The server is a state machine over JSON-RPC messages: `handle` takes one message and
/// returns what to send back (responses and notifications), `idle` publishes diagnostics
/// once no message is waiting. It holds the editor's open documents and checks them with
/// the same loader, model builder and checks as `books check`, so an editor shows exactly
/// what CI would report. It never stops on a bad message; only `exit` ends it.
public final class LanguageServer {
  /// JSON-RPC and LSP error codes.
  public enum ErrorCode: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
  }

  struct RequestError: Error {
    var code: ErrorCode
    var message: String
  }

  enum State { case uninitialized, running, shutDown }

  /// An open document: the editor's text, not what is on disk.
  struct Document {
    var uri: String
    var bytes: [UInt8]
    var version: Int?
    /// When it was opened, so roots are chosen in a stable order.
    var order: Int
  }

  private(set) var state = State.uninitialized
  /// Set by `exit`: 0 after a `shutdown`, 1 without one.
  public private(set) var exitCode: Int32?
  var documents: [String: Document] = [:]
  private var openCount = 0
  let base: any FileSystem
  /// Main files from the client's `initializationOptions.mainFiles` (or `BOOKS_FILE`): a
  /// document they include is checked as part of them.
  var mainFiles: [String] = []
  /// The day of the checks and of hover's "days overdue" (`initializationOptions.asOf`).
  var today: CalendarDate
  private var cachedAnalyses: [Analysis]?
  /// The main file found for a document no open file includes ("" when none was found),
  /// kept until files are saved or created.
  private var discoveredMains: [String: String] = [:]
  /// Analyses of documents asked about but in no open set of books, until the next change.
  private var looseAnalyses: [String: Analysis] = [:]
  private var diagnosticsDirty = false
  /// What was last published per path, so unchanged diagnostics are not sent again.
  private var published: [String: JSONValue] = [:]

  public init(
    fileSystem: any FileSystem = LocalFileSystem(), today: CalendarDate = ReportOptions.today(),
    mainFiles: [String] = []
  ) {
    self.base = fileSystem
    self.today = today
    self.mainFiles = mainFiles.map(Path.normalize)
  }

  // MARK: Messages

  /// Handles the bytes of one message; text that is not JSON gets a parse error response.
  public func handle(bytes: [UInt8]) -> [JSONValue] {
    switch JSONParser.parse(bytes) {
    case .success(let message): return handle(message)
    case .failure(let failure):
      return [
        Self.errorResponse(
          id: .null, .parseError, "invalid JSON at byte \(failure.offset): \(failure.message)")
      ]
    }
  }

  /// Handles one message and returns the messages to send back.
  public func handle(_ message: JSONValue) -> [JSONValue] {
    guard case .object = message else {
      return [Self.errorResponse(id: .null, .invalidRequest, "a message is a JSON object")]
    }
    let id = message["id"]
    guard let method = message["method"]?.stringValue else {
      // A response to a request of ours (we send none), or garbage.
      if id != nil, message["result"] != nil || message["error"] != nil { return [] }
      return [Self.errorResponse(id: id ?? .null, .invalidRequest, "a message needs a method")]
    }
    let params = message["params"] ?? .null
    guard let id else {
      notify(method, params)
      return []
    }
    guard Self.isValidID(id) else {
      return [Self.errorResponse(id: .null, .invalidRequest, "an id is a number or a string")]
    }
    do throws(RequestError) {
      return [["jsonrpc": "2.0", "id": id, "result": try request(method, params)]]
    } catch {
      return [Self.errorResponse(id: id, error.code, error.message)]
    }
  }

  /// Diagnostics that changed since they were last published, for every file of every
  /// open set of books. Call it when no message is waiting, so a burst of changes is
  /// checked once.
  public func idle() -> [JSONValue] {
    guard diagnosticsDirty, state == .running else { return [] }
    diagnosticsDirty = false
    var current: [String: (uri: String, items: [JSONValue])] = [:]
    for analysis in analyses() {
      for file in analysis.loaded.files {
        let path = Path.normalize(file.path)
        if current[path] == nil { current[path] = (uri(for: path), []) }
      }
      for diagnostic in analysis.diagnostics {
        guard let (path, json) = lspDiagnostic(diagnostic, in: analysis) else { continue }
        current[path, default: (uri(for: path), [])].items.append(json)
      }
    }
    var out: [JSONValue] = []
    for path in Set(current.keys).union(published.keys).sorted() {
      let items = JSONValue.array(current[path]?.items ?? [])
      guard published[path] != items else { continue }
      if current[path] == nil {
        published[path] = nil
      } else {
        published[path] = items
      }
      let uri = current[path]?.uri ?? uri(for: path)
      var params: [(String, JSONValue)] = [("uri", .string(uri))]
      if let version = documents[path]?.version { params.append(("version", .int(version))) }
      params.append(("diagnostics", items))
      out.append(
        [
          "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
          "params": .object(params),
        ])
    }
    return out
  }

  static func isValidID(_ id: JSONValue) -> Bool {
    switch id {
    case .int, .string: true
    default: false
    }
  }

  static func errorResponse(id: JSONValue, _ code: ErrorCode, _ message: String) -> JSONValue {
    [
      "jsonrpc": "2.0", "id": id,
      "error": ["code": .int(code.rawValue), "message": .string(message)],
    ]
  }

  private func notify(_ method: String, _ params: JSONValue) {
    if method == "exit" {
      exitCode = state == .shutDown ? 0 : 1
      return
    }
    // Before `initialize`, notifications are dropped (LSP 3.17, "initialize").
    guard state == .running else { return }
    switch method {
    case "textDocument/didOpen": didOpen(params)
    case "textDocument/didChange": didChange(params)
    case "textDocument/didClose": didClose(params)
    case "workspace/didChangeWatchedFiles", "textDocument/didSave":
      discoveredMains = [:]
      invalidate()
    default: break  // `initialized`, `$/cancelRequest`, `$/setTrace`... need nothing.
    }
  }

  private func request(_ method: String, _ params: JSONValue) throws(RequestError) -> JSONValue {
    if method == "initialize" {
      guard state == .uninitialized else {
        throw RequestError(code: .invalidRequest, message: "the server is already initialized")
      }
      return initialize(params)
    }
    switch state {
    case .uninitialized:
      throw RequestError(
        code: .serverNotInitialized, message: "the server is not initialized yet")
    case .shutDown:
      throw RequestError(code: .invalidRequest, message: "the server is shutting down")
    case .running: break
    }
    switch method {
    case "shutdown":
      state = .shutDown
      return .null
    case "textDocument/definition": return try definition(params)
    case "textDocument/references": return try references(params)
    case "textDocument/hover": return try hover(params)
    case "textDocument/completion": return try completion(params)
    case "textDocument/documentSymbol": return try documentSymbols(params)
    case "textDocument/formatting": return try formatting(params)
    case "textDocument/foldingRange": return try foldingRanges(params)
    case "textDocument/codeAction": return try codeActions(params)
    default:
      throw RequestError(code: .methodNotFound, message: "unknown method `\(method)`")
    }
  }

  private func initialize(_ params: JSONValue) -> JSONValue {
    state = .running
    let options = params["initializationOptions"]
    for main in options?["mainFiles"]?.arrayValue ?? [] {
      guard let text = main.stringValue else { continue }
      mainFiles.append(Path.normalize(DocumentURI.path(text) ?? text))
    }
    if let asOf = options?["asOf"]?.stringValue.flatMap(CalendarDate.init) { today = asOf }
    return [
      "capabilities": [
        "textDocumentSync": ["openClose": true, "change": 1, "save": false],
        "definitionProvider": true,
        "referencesProvider": true,
        "hoverProvider": true,
        "completionProvider": ["triggerCharacters": [" "], "resolveProvider": false],
        "documentSymbolProvider": true,
        "documentFormattingProvider": true,
        "foldingRangeProvider": true,
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
      ],
      "serverInfo": ["name": "books", "version": .string(BooksCLI.version)],
    ]
  }

  // MARK: Documents

  private func didOpen(_ params: JSONValue) {
    guard let item = params["textDocument"], let uri = item["uri"]?.stringValue,
      let path = DocumentURI.path(uri), let text = item["text"]?.stringValue
    else { return }
    openCount += 1
    documents[path] = Document(
      uri: uri, bytes: Array(text.utf8), version: item["version"]?.intValue, order: openCount)
    invalidate()
  }

  private func didChange(_ params: JSONValue) {
    guard let item = params["textDocument"], let uri = item["uri"]?.stringValue,
      let path = DocumentURI.path(uri), let changes = params["contentChanges"]?.arrayValue
    else { return }
    var document: Document
    if let open = documents[path] {
      document = open
    } else {
      // A change for a document never opened: start from the disk.
      openCount += 1
      let bytes = (try? base.read(path).get()) ?? []
      document = Document(uri: uri, bytes: bytes, version: nil, order: openCount)
    }
    for change in changes {
      guard let text = change["text"]?.stringValue else { continue }
      if let range = change["range"], let start = LSPPosition(range["start"]),
        let end = LSPPosition(range["end"])
      {
        // Clients should send whole documents (we ask for full sync); ranges still work.
        let file = SourceFile(path: path, bytes: document.bytes)
        let lower = file.offset(of: start)
        let upper = max(lower, file.offset(of: end))
        document.bytes.replaceSubrange(lower..<upper, with: Array(text.utf8))
      } else {
        document.bytes = Array(text.utf8)
      }
    }
    document.version = item["version"]?.intValue ?? document.version
    documents[path] = document
    invalidate()
  }

  private func didClose(_ params: JSONValue) {
    guard let uri = params["textDocument"]?["uri"]?.stringValue,
      let path = DocumentURI.path(uri)
    else { return }
    documents[path] = nil
    invalidate()
  }

  private func invalidate() {
    cachedAnalyses = nil
    looseAnalyses = [:]
    diagnosticsDirty = true
  }

  /// The URI a path is published under: the one the editor used when it is open.
  func uri(for path: String) -> String {
    documents[Path.normalize(path)]?.uri ?? DocumentURI.uri(path)
  }

  var fileSystem: EditorFileSystem {
    EditorFileSystem(base: base, buffers: documents.mapValues(\.bytes))
  }

  // MARK: Sets of books

  /// The sets of books of the open documents: each document is checked as part of a main
  /// file that includes it (a configured main file, or another open document), else on
  /// its own.
  func analyses() -> [Analysis] {
    if let cachedAnalyses { return cachedAnalyses }
    let fileSystem = fileSystem
    var roots: [(path: String, loaded: Loader.Result, files: Set<String>, main: Bool)] = []
    func covered(_ path: String) -> Bool { roots.contains { $0.files.contains(path) } }
    for main in mainFiles where !covered(main) {
      let loaded = Loader.load([main], fileSystem: fileSystem)
      roots.append((main, loaded, Set(loaded.files.map { Path.normalize($0.path) }), true))
    }
    let open = documents.sorted { $0.value.order < $1.value.order }.map(\.key)
    for path in open where !covered(path) {
      if let main = discoverMain(of: path, fileSystem), !covered(main) {
        let loaded = Loader.load([main], fileSystem: fileSystem)
        roots.append((main, loaded, Set(loaded.files.map { Path.normalize($0.path) }), true))
        if covered(path) { continue }
      }
      let loaded = Loader.load([path], fileSystem: fileSystem)
      roots.append((path, loaded, Set(loaded.files.map { Path.normalize($0.path) }), false))
    }
    // A document opened before the file that includes it is checked through that file.
    let kept = roots.enumerated().filter { index, root in
      root.main
        || !roots.enumerated().contains { other, candidate in
          other != index && candidate.files.contains(root.path)
            && (!root.files.contains(candidate.path) || other < index)
        }
    }.map(\.element)
    let built = kept.map { Analysis(root: $0.path, loaded: $0.loaded, today: today) }
    cachedAnalyses = built
    return built
  }

  /// A file that includes `path`, looked for among the `.books` files of its folder and of
  /// the folder above, so that opening an included file checks it with the books it
  /// belongs to even when the editor names no main file.
  private func discoverMain(of path: String, _ fileSystem: EditorFileSystem) -> String? {
    if let known = discoveredMains[path] { return known.isEmpty ? nil : known }
    let folder = Path.directory(of: path)
    let parent = Path.directory(of: folder)
    var candidates = fileSystem.glob(Path.normalize(folder + "/*.books"))
    if parent != folder { candidates += fileSystem.glob(Path.normalize(parent + "/*.books")) }
    var found = ""
    for candidate in candidates.prefix(64) where Path.normalize(candidate) != path {
      let loaded = Loader.load([candidate], fileSystem: fileSystem)
      if loaded.files.dropFirst().contains(where: { Path.normalize($0.path) == path }) {
        found = Path.normalize(candidate)
        break
      }
    }
    discoveredMains[path] = found
    return found.isEmpty ? nil : found
  }

  /// The set of books a document is part of, and the document's index in it.
  func analysis(for path: String) -> (Analysis, Int)? {
    let path = Path.normalize(path)
    for analysis in analyses() {
      if let index = analysis.fileIndex[path] { return (analysis, index) }
    }
    if let loose = looseAnalyses[path], let index = loose.fileIndex[path] {
      return (loose, index)
    }
    let loaded = Loader.load([path], fileSystem: fileSystem)
    guard !loaded.files.isEmpty else { return nil }
    let analysis = Analysis(root: path, loaded: loaded, today: today)
    looseAnalyses[path] = analysis
    guard let index = analysis.fileIndex[path] else { return nil }
    return (analysis, index)
  }

  /// The document and position a `TextDocumentPositionParams` names.
  func target(_ params: JSONValue) throws(RequestError) -> (
    analysis: Analysis, file: Int, offset: Int
  ) {
    let (analysis, file) = try document(params)
    guard let position = LSPPosition(params["position"]), let source = analysis.file(file)
    else {
      throw RequestError(code: .invalidParams, message: "a position is required")
    }
    return (analysis, file, source.offset(of: position))
  }

  /// The set of books and file index of `params.textDocument.uri`.
  func document(_ params: JSONValue) throws(RequestError) -> (Analysis, Int) {
    guard let uri = params["textDocument"]?["uri"]?.stringValue else {
      throw RequestError(code: .invalidParams, message: "textDocument.uri is required")
    }
    guard let path = DocumentURI.path(uri) else {
      throw RequestError(code: .invalidParams, message: "only file: URIs are supported")
    }
    guard let found = analysis(for: path) else {
      throw RequestError(code: .invalidParams, message: "`\(uri)` is neither open nor readable")
    }
    return found
  }

  /// An LSP `Location` for a range in one of the analysis's files.
  func location(_ range: SourceRange, in analysis: Analysis) -> JSONValue? {
    guard let file = analysis.file(range.file) else { return nil }
    return [
      "uri": .string(uri(for: file.path)), "range": file.lspRange(range.start, range.end),
    ]
  }
}

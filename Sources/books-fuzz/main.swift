import BooksKit

// The fuzz target of `books`: the whole pipeline (`WholePipeline`) under libFuzzer.
//
// Built for fuzzing by `.ci/fuzz` (libFuzzer and AddressSanitizer, `-DFUZZING`); built
// without `FUZZING` by a plain `swift build`, it runs the pipeline once over each file
// named on the command line, which is how a crash input is replayed.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if FUZZING
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// libFuzzer's own entry point, used when its `main` is linked instead of this file's
  /// (debug builds rename this file's `main` so that tests can import the module).
  @_cdecl("LLVMFuzzerTestOneInput")
  func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    WholePipeline.run(bytes)
    return 0
  }

  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  let status = runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
  exit(status)
#else
  var failed = false
  for path in CommandLine.arguments.dropFirst() {
    switch LocalFileSystem().read(path) {
    case .success(let bytes):
      print("\(path): \(WholePipeline.run(bytes)) outputs")
    case .failure(let problem):
      print("\(path): \(problem.message)")
      failed = true
    }
  }
  exit(failed ? 1 : 0)
#endif

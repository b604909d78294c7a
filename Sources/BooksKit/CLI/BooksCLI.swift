#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Entry point of the `books` command line.
public enum BooksCLI {
  /// Runs the command line and returns the process exit code.
  public static func main(arguments: [String]) -> Int32 {
    0
  }
}

import BooksKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The CLI is thin: all logic lives in BooksKit so tests can call it without a process.
exit(BooksCLI.main(arguments: Array(CommandLine.arguments.dropFirst())))

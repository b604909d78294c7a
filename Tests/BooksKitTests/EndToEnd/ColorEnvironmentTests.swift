import Testing

@testable import BooksKit

/// `--color auto` in process, where the tests can pretend standard output is a terminal
/// (a child process of the tests never writes to one).
@Suite struct ColorEnvironmentTests {
  private let fileSystem = MemoryFileSystem([
    "books.books": """
    client acme "Acme Corp"
      stage clinet

    """
  ])

  private func check(
    _ arguments: [String] = [], variables: [String: String] = [:], terminal: Bool
  ) -> CommandOutput {
    CheckCommand.run(
      arguments + ["books.books"],
      environment: Environment(variables: variables, stdoutIsTerminal: terminal),
      fileSystem: fileSystem)
  }

  private func colored(_ output: CommandOutput) -> Bool {
    output.stdout.contains("\u{1B}[")
  }

  @Test func autoColorsATerminal() {
    let output = check(terminal: true)
    #expect(output.exitCode == 1)
    #expect(colored(output))
    #expect(colored(check(["--color", "auto"], terminal: true)))
  }

  @Test func autoDoesNotColorAPipe() {
    #expect(!colored(check(terminal: false)))
  }

  @Test func noColorTurnsAutoOff() {
    #expect(!colored(check(["--color", "auto"], variables: ["NO_COLOR": "1"], terminal: true)))
    #expect(!colored(check(variables: ["NO_COLOR": "yes"], terminal: true)))
  }

  /// no-color.org: NO_COLOR counts when it is present and not empty.
  @Test func emptyNoColorIsIgnored() {
    #expect(colored(check(variables: ["NO_COLOR": ""], terminal: true)))
  }

  @Test func dumbTerminalIsNotColored() {
    #expect(!colored(check(variables: ["TERM": "dumb"], terminal: true)))
    #expect(colored(check(variables: ["TERM": "xterm-256color"], terminal: true)))
  }

  @Test func explicitChoiceWins() {
    #expect(colored(check(["--color", "always"], variables: ["NO_COLOR": "1"], terminal: false)))
    #expect(!colored(check(["--color", "never"], terminal: true)))
  }
}

import ArgumentParser
import DepositIndex
import Foundation

@main
struct Deposits: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deposits",
        abstract: "Mineral deposits, rail lines, corridors and regions: exact answers on the WGS84 ellipsoid.",
        discussion: """
            Places are named by id, name or alias in any spelling (Latin, Cyrillic, Kazakh; case and \
            diacritics do not matter), or given as coordinates, latitude first: 48.683,73.283 or 48°41'N 73°17'E. \
            Southern and western ones are typed as they are (deposits at -33.87,151.21); a sign must agree with a \
            hemisphere letter (-48°41'N and -48°41'S are refused). Names are printed with control characters \
            escaped (\\u{1B}); JSON keeps them exact.
            Distances are geodesic, in metres on WGS84; areas are ellipsoidal.

            Exit codes:\(ExitStatus.documentation)
            """,
        version: depositIndexVersion,
        subcommands: [
            At.self, NearRail.self, CorridorCommand.self, RegionCommand.self, List.self, Show.self, Export.self,
            Validate.self, Import.self, Add.self, Remove.self,
        ]
    )

    /// Parses and runs, like swift-argument-parser's own `main()`, with two differences: a place
    /// written with a leading minus reaches its subcommand as a place (`PlaceArguments`), and a refusal
    /// from the parser is printed with its control characters escaped (it may quote an argument), with
    /// a hint when a value that begins with `-` needs `--` before it.
    static func main() {
        let arguments = PlaceArguments.prepared(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            // Help and version go to standard output; an ExitCode from `reportingErrors` has already said why.
            guard code != .success, !message.isEmpty else { exit(withError: error) }
            var text = TerminalText.escapedLines(message)
            if let hint = PlaceArguments.hint(for: arguments) { text += "\n" + hint }
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

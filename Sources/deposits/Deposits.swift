import ArgumentParser
import DepositAnswers
import DepositIndex
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

            Output: -o FILE replaces a regular file atomically, writes a FIFO or a character device \
            (/dev/null) in place, and takes - for standard output; a directory or other node is refused (73). \
            When the reader of standard output stops early (deposits list | head -1) the command stops \
            quietly with 0 (validate: 3 when the survey has errors).

            Exit codes:\(ExitStatus.documentation)
            """,
        version: depositIndexVersion,
        subcommands: [
            At.self, NearRail.self, CorridorCommand.self, RegionCommand.self, List.self, Show.self, Export.self,
            Network.self, RouteCommand.self, Gateways.self, Validate.self, Import.self, Add.self, Remove.self, Serve.self,
        ]
    )

    /// ArgumentParser's `main`, with three differences: a place written with a leading minus reaches its
    /// subcommand as a place (`PlaceArguments`); help, version and usage texts are written through
    /// `StandardStreams` (it would `print` them, losing a write error); and a refusal from the parser is
    /// printed with its control characters escaped (it may quote an argument), with a hint when a value
    /// that begins with `-` needs `--` before it.
    static func main() {
        StandardStreams.prepare()
        let arguments = PlaceArguments.prepared(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if !text.isEmpty {
                if code == .success {
                    do {
                        try StandardStreams.output(text + "\n")
                    } catch OutputFailure.readerClosed {
                        terminate(ExitCode.success.rawValue)
                    } catch {
                        StandardStreams.error("deposits: \(AnswerError(error).message)\n")
                        terminate(ExitStatus.ioError.rawValue)
                    }
                } else if error is ExitCode {
                    // An ExitCode from `reportingErrors` has already said why.
                } else {
                    var message = TerminalText.escapedLines(text)
                    if let hint = PlaceArguments.hint(for: arguments) { message += "\n" + hint }
                    StandardStreams.error(message + "\n")
                }
            }
            terminate(code.rawValue)
        }
    }

    private static func terminate(_ status: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }
}

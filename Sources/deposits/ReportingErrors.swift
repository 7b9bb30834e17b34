import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

extension ParsableCommand {
    /// Runs `body`, turning library errors into one line on stderr (control characters escaped, see
    /// `TerminalText`) and the right exit code. When the reader of standard output (or of a FIFO given to
    /// `-o`) has closed it, as `| head -1` does, the command stops quietly with 0: the reader chose to
    /// stop, and its own status tells if it failed (`validate` still exits 3 for a survey with errors).
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch OutputFailure.readerClosed {
            throw ExitCode.success
        } catch {
            let failure = AnswerError(error)
            // The one place errors are printed: whatever a message quotes (an argument, a name from the
            // data) cannot drive the terminal; its own line breaks (a list under a message) are kept. When
            // stderr is closed or full too, the exit code is all that can be said.
            StandardStreams.error("deposits: \(TerminalText.escapedLines(failure.message))\n")
            throw ExitCode(failure.status.rawValue)
        }
    }
}

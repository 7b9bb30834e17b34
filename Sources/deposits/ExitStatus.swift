import ArgumentParser
import DepositIndex
import Foundation
import Geo

/// One exit code per class of failure, so scripts can tell a typo from broken data.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// Something unexpected inside the tool.
    case failure = 1
    /// No deposit, corridor or region by that name.
    case notFound = 2
    /// `deposits validate` found errors in the survey (warnings alone exit 0).
    case surveyErrors = 3
    /// Bad arguments: unknown options, malformed coordinates, impossible values.
    case usage = 64
    /// A data file is missing, unreadable or malformed.
    case badData = 65
    /// An output file could not be written.
    case cannotWrite = 73

    static var documentation: String {
        """

          0 success
          2 not found: no deposit, corridor or region by that name
          3 survey errors: deposits validate found errors in the survey
          64 usage: bad arguments or coordinates
          65 bad data: a data file is missing, unreadable or malformed
          73 cannot write: the output file could not be written
          1 anything else
        """
    }
}

/// A failure the user can act on: one line on stderr, and its class's exit code. No stack traces.
struct UserFacingError: Error, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    var description: String { message }

    /// Classifies an error from the library.
    init(_ error: any Error) {
        switch error {
        case let e as UserFacingError: self = e
        case let e as CoordinateText.Failure: self.init(.usage, e.description)
        case let e as CatalogError: self.init(.badData, e.description)
        case let e as GeoJSONError: self.init(.badData, e.description)
        case let e as JSONSyntaxError: self.init(.badData, e.description)
        case let e as AtomicFile.Failure: self.init(.cannotWrite, e.description)
        case let e as StoreError: self.init(.badData, e.description)
        case let e as SurveyRefusal: self.init(.badData, e.description)
        // A file SQLite cannot read as a database (26) or finds damaged (11) is bad data; the rest is ours.
        case let e as SQLiteError: self.init([11, 26].contains(e.code) ? .badData : .failure, e.description)
        case let e as QueryError:
            switch e {
            case .unknownDeposit, .unknownCorridor, .unknownRegion: self.init(.notFound, e.description)
            case .noGeometry, .invalidArgument: self.init(.usage, e.description)
            }
        case let e as GeoError: self.init(.failure, e.description)
        default: self.init(.failure, "\(error)")
        }
    }

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}

extension ParsableCommand {
    /// Runs `body`, turning library errors into one line on stderr (control characters escaped, see
    /// `TerminalText`) and the right exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let failure = UserFacingError(error)
            // The one place errors are printed: whatever a message quotes (an argument, a name from the
            // data) cannot drive the terminal; its own line breaks (a list under a message) are kept.
            FileHandle.standardError.write(Data("deposits: \(TerminalText.escapedLines(failure.message))\n".utf8))
            throw ExitCode(failure.status.rawValue)
        }
    }
}

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
    /// An output file could not be written or created (nothing was replaced).
    case cannotWrite = 73
    /// Reading or writing failed part-way: standard output, a FIFO or a device (`/dev/full`, a closed
    /// stdout), or the disk under the store (full, an I/O error).
    case ioError = 74

    static var documentation: String {
        """

          0 success
          2 not found: no deposit, corridor or region by that name (or id)
          3 survey errors: deposits validate found errors in the survey
          64 usage: bad arguments or coordinates
          65 bad data: a data file is missing, unreadable or malformed (or in a format read through GDAL, which is not installed)
          73 cannot write: the output file or the store could not be written or created (nothing was replaced)
          74 I/O error: writing to standard output, a FIFO or a device failed, or the disk did (full, I/O error)
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
        case let e as OutputFailure:
            switch e {
            case .ioError, .readerClosed: self.init(.ioError, e.description)
            case .wouldOverwriteInput, .cannotWrite, .notWritable: self.init(.cannotWrite, e.description)
            }
        case let e as InputFile.Failure: self.init(.badData, e.description)
        case let e as StoreError: self.init(store: e)
        case let e as SurveyRefusal: self.init(.badData, e.description)
        // What a user can act on (read-only, busy, damaged, disk full) becomes a StoreError; the rest is ours.
        case let e as SQLiteError: self = StoreError(e).map { UserFacingError(store: $0) } ?? UserFacingError(.failure, e.description)
        case let e as QueryError:
            switch e {
            case .unknownDeposit, .unknownCorridor, .unknownRegion: self.init(.notFound, e.description)
            case .noGeometry, .invalidArgument: self.init(.usage, e.description)
            case .missingLayer, .measurementFailed: self.init(.badData, e.description)
            }
        case let e as RouteError:
            switch e {
            case .unknownStation: self.init(.notFound, e.description)
            case .disconnected, .leavesCountry, .gaugeChange: self.init(.badData, e.description)
            case .samePlace: self.init(.usage, e.description)
            }
        case let e as GeoError: self.init(.failure, e.description)
        default: self.init(.failure, "\(error)")
        }
    }

    /// A store's failure by its class: not found (2), cannot write (73), I/O (74), else bad data (65).
    init(store e: StoreError) {
        switch e {
        case .unknownIDs: self.init(.notFound, e.description)
        case .cannotWrite, .busy: self.init(.cannotWrite, e.description)
        case .ioFailure: self.init(.ioError, e.description)
        case .notAStore, .badRow, .refused, .missingLayer, .cannotRead: self.init(.badData, e.description)
        }
    }

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}

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
            let failure = UserFacingError(error)
            // The one place errors are printed: whatever a message quotes (an argument, a name from the
            // data) cannot drive the terminal; its own line breaks (a list under a message) are kept. When
            // stderr is closed or full too, the exit code is all that can be said.
            StandardStreams.error("deposits: \(TerminalText.escapedLines(failure.message))\n")
            throw ExitCode(failure.status.rawValue)
        }
    }
}

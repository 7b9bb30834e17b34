import DepositIndex
import Foundation
import Geo

/// A failure the user can act on, as a typed value: its class (`status`, the CLI's exit code; a server
/// maps it to an HTTP status) and one line saying what and where (`message`). No stack traces, no
/// paths beyond what the user gave.
public struct AnswerError: Error, CustomStringConvertible, Sendable {
    public var status: ExitStatus
    public var message: String

    public var description: String { message }

    /// Classifies an error from the library.
    public init(_ error: any Error) {
        switch error {
        case let e as AnswerError: self = e
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
        case let e as SQLiteError: self = StoreError(e).map { AnswerError(store: $0) } ?? AnswerError(.failure, e.description)
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
    public init(store e: StoreError) {
        switch e {
        case .unknownIDs: self.init(.notFound, e.description)
        case .cannotWrite, .busy: self.init(.cannotWrite, e.description)
        case .ioFailure: self.init(.ioError, e.description)
        case .notAStore, .badRow, .refused, .missingLayer, .cannotRead: self.init(.badData, e.description)
        }
    }

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}

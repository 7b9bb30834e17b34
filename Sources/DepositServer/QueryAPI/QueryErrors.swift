import DepositIndex
import Geo

/// The library's failures as problems: a name not found is 404, what the question cannot be asked
/// of (coordinates, a place, a layer the data lacks) 400 or 422, anything else 500 with no detail of
/// where it happened (never a path or a trace).
enum QueryErrors {
    static func problem(for error: any Error) -> Problem {
        switch error {
        case let p as Problem: return p
        case let e as CoordinateText.Failure: return Problem(status: 400, title: "Bad Request", detail: e.description)
        default:
            return Problem(status: 500, title: "Internal Server Error", detail: "the question could not be answered")
        }
    }
}

import DepositAnswers
import DepositIndex
import Foundation

/// The CLI's failures as problems, by their class (`AnswerError.status`, the CLI's exit code): usage
/// is 400 naming the parameter, not found 404, a question the data cannot answer (a layer it lacks, a
/// route that would leave the country) 422; anything else 500 saying only that. Paths of the server's
/// files are never shown: the data's own location is written as "the served data".
struct AnswerProblem {
    /// The data's locations as the server knows them, to be kept out of every answer.
    let hiddenPaths: [String]

    func problem(for error: any Error, parameters: [String], primary: String) -> Problem {
        if let p = error as? Problem { return p }
        let e = AnswerError(error)
        let message = scrubbed(e.message)
        switch e.status {
        case .usage:
            let name = Self.parameter(in: message, among: parameters) ?? primary
            return Problem.badParameter(name, Self.withoutDashes(message, parameters))
        case .notFound:
            return Problem(status: 404, title: "Not Found", detail: message)
        case .badData, .surveyErrors:
            return Problem(status: 422, title: "Unprocessable Content", detail: Self.withoutDashes(message, parameters))
        case .success, .failure, .cannotWrite, .ioError, .unavailable:
            return Problem(status: 500, title: "Internal Server Error", detail: "the question could not be answered")
        }
    }

    /// The message with the data's paths replaced, and any other absolute path shortened to its last part.
    func scrubbed(_ message: String) -> String {
        var out = message
        for path in hiddenPaths where !path.isEmpty && path != "/" { out = out.replacingOccurrences(of: path, with: "the served data") }
        return out.replacingOccurrences(of: #"(/[^\s/'"]+){2,}/?"#, with: "(a file of the server)", options: .regularExpression)
    }

    /// The endpoint parameter a CLI message names (`--max-km`, `-k`), if any.
    static func parameter(in message: String, among parameters: [String]) -> String? {
        for name in parameters.sorted(by: { $0.count > $1.count }) {
            if message.range(of: optionPattern(name), options: .regularExpression) != nil { return name }
        }
        return nil
    }

    /// The CLI option of a parameter as it stands in a message: `-k` or `--max-km`, not inside a word.
    private static func optionPattern(_ name: String) -> String {
        #"(?<![\w-])"# + (name.count == 1 ? "-" : "--") + NSRegularExpression.escapedPattern(for: name) + #"(?![\w-])"#
    }

    /// `--max-km must …` as `max-km must …`: the server's parameters carry no dashes.
    static func withoutDashes(_ message: String, _ parameters: [String]) -> String {
        var out = message
        for name in parameters.sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: optionPattern(name), with: name, options: .regularExpression)
        }
        return out
    }
}

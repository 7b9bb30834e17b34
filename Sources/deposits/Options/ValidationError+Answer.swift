import ArgumentParser
import DepositAnswers

extension ValidationError {
    /// Runs a question's `check()`, its refusal becoming the parser's own (printed with the usage, 64).
    static func from(_ check: () throws -> Void) throws {
        do { try check() } catch let e as AnswerError { throw ValidationError(e.message) }
    }
}

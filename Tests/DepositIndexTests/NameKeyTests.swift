import XCTest
@testable import DepositIndex

/// The "did you mean" suggestions: near misses found, and a query far longer than any name not measured
/// against each spelling (the server hands this any text a client sends).
final class NameKeyTests: XCTestCase {
    private let features = [(id: "kz-w-001", spellings: ["Upper Kairakty", "Верхнее Кайракты"]),
                            (id: "kz-w-002", spellings: ["North Katpar"])]

    /// "Uper Kairakty" is one edit from the key "upperkairakty" (the key drops spaces and case): within a third of
    /// its 12 characters, so suggested; "North Katpar" is far.
    func testANearMissIsSuggested() {
        XCTAssertEqual(NameKey.closest(to: "Uper Kairakty", among: features, limit: 3), ["Upper Kairakty (kz-w-001)"])
    }

    /// 200,000 characters: the edit distance to any of these names is at least 200,000 less the name's length, far
    /// over a third of the query, so nothing is suggested, and the answer comes without any edit distance measured
    /// (a quadratic one over these lengths would be 2.8 × 10⁶ cells per spelling; the test would take minutes).
    func testAHugeQueryIsAnsweredAtOnceWithNothingSuggested() {
        XCTAssertEqual(NameKey.closest(to: String(repeating: "a", count: 200_000), among: features, limit: 3), [])
    }
}

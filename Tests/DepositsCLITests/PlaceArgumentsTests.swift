@testable import deposits
import XCTest

/// The rewrite `deposits` applies before parsing (`PlaceArguments.prepared`), argument by argument.
final class PlaceArgumentsTests: XCTestCase {
    private func prepared(_ line: String...) -> [String] { PlaceArguments.prepared(line) }

    func testSignedPlacesMoveAfterDashDashInTheirOrder() {
        XCTAssertEqual(prepared("at", "-33.87,151.21"), ["at", "--", "-33.87,151.21"])
        XCTAssertEqual(prepared("near-rail", "-40,147", "-k", "3", "-o", "-"), ["near-rail", "-k", "3", "-o", "-", "--", "-40,147"])
        XCTAssertEqual(prepared("region", "-33.87", "151.21", "--format", "json"), ["region", "--format", "json", "--", "-33.87 151.21"])
        XCTAssertEqual(prepared("at", ".5,-73"), ["at", ".5,-73"])  // no leading minus, one place: untouched
    }

    func testNegativeOptionValuesAreAttachedToTheirOption() {
        XCTAssertEqual(prepared("near-rail", "--max-km", "-5", "kz-w-001"), ["near-rail", "--max-km=-5", "--", "kz-w-001"])
        XCTAssertEqual(prepared("at", "--radius-km", "-1", "48,73"), ["at", "--radius-km=-1", "--", "48,73"])
    }

    func testWhatNeedsNoRewriteIsLeftAlone() {
        for line in [["near-rail", "Upper Kairakty", "-k", "3"], ["at", "48.683,73.283", "--format", "json"], ["near-rail", "--all"],
                     ["show", "-40,147"], ["list", "-5"], ["at", "--", "-33.87,151.21"], ["near-rail", "Upper", "Kairakty"]] {
            XCTAssertEqual(PlaceArguments.prepared(line), line, "\(line)")
        }
    }

    /// After an explicit `--` everything is a place already; two coordinate halves there are still joined.
    func testTextAfterAnExplicitDashDashIsKept() {
        XCTAssertEqual(prepared("at", "-k", "--", "-33.87", "151.21"), ["at", "-k", "--", "-33.87 151.21"])
        XCTAssertEqual(prepared("near-rail", "-40,147", "--", "--all"), ["near-rail", "--", "-40,147", "--all"])
    }

    func testHintOnlyForAStrayDashValue() {
        XCTAssertEqual(PlaceArguments.hint(for: ["show", "-40,147"]), "If '-40,147' is a value and not an option, put -- before it: deposits show -- '-40,147'")
        XCTAssertNil(PlaceArguments.hint(for: ["show", "kz-w-001", "--format", "json"]))
        XCTAssertNil(PlaceArguments.hint(for: ["show", "kz-w-001", "-o", "x.txt"]))
        XCTAssertNil(PlaceArguments.hint(for: ["list", "-x"]))  // list takes no positional argument
    }

    /// A negative value after an option that takes one: `--` before it would make it the positional
    /// argument (`deposits corridor -- '-5'` asks for a corridor named -5), so the hint says to attach it.
    func testHintForANegativeOptionValueSaysToAttachIt() {
        XCTAssertEqual(PlaceArguments.hint(for: ["corridor", "Trans-Caspian", "--width-km", "-5"]),
                       "If '-5' is the value of --width-km, attach it with =: deposits corridor --width-km='-5'")
        XCTAssertEqual(PlaceArguments.hint(for: ["list", "--status", "-x"]),
                       "If '-x' is the value of --status, attach it with =: deposits list --status='-x'")
    }
}

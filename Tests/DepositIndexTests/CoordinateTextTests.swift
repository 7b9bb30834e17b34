import XCTest
import Geo
import DepositIndex

final class CoordinateTextTests: XCTestCase {
    private func read(_ text: String) throws -> Coordinate { try CoordinateText.parse(text) }

    func testDecimalPairsAreLatitudeFirst() throws {
        for text in ["48.683,73.283", "48.683 73.283", "48.683, 73.283", " 48.683 ;73.283 "] {
            let c = try read(text)
            XCTAssertEqual(c.latitude, 48.683, text)
            XCTAssertEqual(c.longitude, 73.283, text)
        }
        XCTAssertEqual(try read("-33.9 18.4"), Coordinate(longitude: 18.4, latitude: -33.9))
    }

    /// 48°41'N = 48 + 41/60 = 48.68333…; 73°17'E = 73 + 17/60 = 73.28333… (by hand).
    func testDegreesMinutesAndSeconds() throws {
        let c = try read("48°41'N 73°17'E")
        XCTAssertEqual(c.latitude, 48 + 41.0 / 60, accuracy: 1e-12)
        XCTAssertEqual(c.longitude, 73 + 17.0 / 60, accuracy: 1e-12)
        // Boguty as its EIA prints it: 43°32'22.0"N 78°58'31.0"E → 43.539444…, 78.975277…
        let b = try read("43°32'22.0\"N 78°58'31.0\"E")
        XCTAssertEqual(b.latitude, 43 + 32.0 / 60 + 22.0 / 3600, accuracy: 1e-12)
        XCTAssertEqual(b.longitude, 78 + 58.0 / 60 + 31.0 / 3600, accuracy: 1e-12)
        // Typographic primes, as Wikipedia prints them.
        let w = try read("48°41′02″N 73°15′31″E")
        XCTAssertEqual(w.latitude, 48 + 41.0 / 60 + 2.0 / 3600, accuracy: 1e-12)
        XCTAssertEqual(w.longitude, 73 + 15.0 / 60 + 31.0 / 3600, accuracy: 1e-12)
    }

    func testHemisphereLettersDecideTheOrderAndSign() throws {
        XCTAssertEqual(try read("N48.683 E73.283"), Coordinate(longitude: 73.283, latitude: 48.683))
        XCTAssertEqual(try read("73.283E 48.683N"), Coordinate(longitude: 73.283, latitude: 48.683))
        XCTAssertEqual(try read("33.9S 18.4W"), Coordinate(longitude: -18.4, latitude: -33.9))
    }

    func testASwappedPairIsRefusedWithAHint() {
        XCTAssertThrowsError(try read("148.683,73.283")) { error in
            let failure = error as! CoordinateText.Failure
            XCTAssertTrue(failure.message.contains("beyond ±90"), failure.description)
            XCTAssertEqual(failure.hint?.contains("73.283,148.683"), true, failure.description)
        }
    }

    func testNonsenseIsRefused() {
        for text in ["48.683", "48.683 73.283 12 4", "48°61'N 73°17'E", "abc", "48.683N 73.283N", "95,10"] {
            XCTAssertThrowsError(try read(text), text)
        }
    }

    func testTellsCoordinatesFromNames() {
        XCTAssertTrue(CoordinateText.looksLikeCoordinates("48.683,73.283"))
        XCTAssertTrue(CoordinateText.looksLikeCoordinates("48°41'N 73°17'E"))
        XCTAssertFalse(CoordinateText.looksLikeCoordinates("Upper Kairakty"))
        XCTAssertFalse(CoordinateText.looksLikeCoordinates("Верхнее Кайракты"))
    }
}

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

    // MARK: - Hostile input (issue 11, case 4): refused with a message, never a trap

    private func assertRefused(_ text: String, saying words: String..., file: StaticString = #filePath, line: UInt = #line) {
        do {
            let c = try CoordinateText.parse(text)
            XCTFail("'\(text)' read as \(c)", file: file, line: line)
        } catch {
            for word in words {
                XCTAssertTrue(error.description.contains(word), "\(error.description) should say \(word)", file: file, line: line)
            }
            XCTAssertFalse(error.description.contains("\n"), "one line: \(error.description)", file: file, line: line)
        }
    }

    /// 9999999999999999999 is above Int.max (9223372036854775807): the old message formatting converted
    /// it with Int(_:) and trapped. Now it is printed as Swift prints the Double (1e+19).
    func testHugeIntegersAreRefusedNotTrapped() {
        assertRefused("9999999999999999999,73", saying: "latitude 1e+19 is beyond ±90°")
        assertRefused("48,9999999999999999999", saying: "longitude 1e+19 is beyond ±180°")
        assertRefused("9999999999999999999°N 73°E", saying: "latitude 1e+19")
        assertRefused("48°99999999999999999999'N 73°17'E", saying: "minutes must be under 60, found 1e+20")
        assertRefused("48°41'99999999999999999999\"N 73°17'E", saying: "seconds must be under 60")
        // A swapped pair's hint formats both values: 1e+19 is not ≤ 180, so no hint, and no trap.
        assertRefused("-9999999999999999999,73", saying: "beyond ±90°")
    }

    /// Digits beyond Double's range (about 1.8e308) read as infinity; 400 nines are refused as too
    /// large, and the message quotes only the first 80 characters.
    func testNumbersBeyondDoubleAreRefused() {
        let nines = String(repeating: "9", count: 400)
        assertRefused(nines + ",1", saying: "too large to be a coordinate", "…")
        do {
            _ = try CoordinateText.parse("1," + nines)
        } catch {
            XCTAssertLessThan(error.description.count, 300, error.description)
        }
        // 1e999 is not scientific notation here: E is east, so it is three values.
        assertRefused("1e999,73", saying: "found 3", "E is east here, not an exponent")
        assertRefused("4.8e1 7.3e1", saying: "not an exponent")
        // A million digits: refused at once, not slowly.
        assertRefused(String(repeating: "1", count: 1_000_000) + ",1", saying: "too large")
    }

    func testEmptyPartsAndStrayMarksAreRefused() {
        assertRefused("48,,73", saying: "nothing before a separator")
        assertRefused(",48,73", saying: "nothing before a separator")
        assertRefused("48,73,", saying: "nothing after the last separator")
        assertRefused("°41'N 73°17'E", saying: "degree mark with no number before it")
        assertRefused("48°''N 73°17'E", saying: "second mark with no number before it")
        assertRefused("NN48 E73", saying: "two hemisphere letters in a row")
        assertRefused("-,73", saying: "'-' is not a number")
        assertRefused("48.6.8,73", saying: "'48.6.8' is not a number")
        assertRefused("", saying: "found 0")
        assertRefused("48°60'N 73°17'E", saying: "minutes must be under 60, found 60")
        assertRefused("48°41'60\"N 73°17'E", saying: "seconds must be under 60, found 60")
        assertRefused("48.5°30'N 73°E", saying: "degrees with a decimal fraction")
        assertRefused("48°41.5'30\"N 73°E", saying: "minutes with a decimal fraction")
        assertRefused("48°-5'N 73°17'E", saying: "a sign before minutes or seconds")
    }

    /// Issue 11, case 18: "-48°41'N" was read as 48.68°S. A minus sign with any hemisphere letter is
    /// refused (with N or E it contradicts; with S or W it is ambiguous), a plus sign with S or W too.
    func testASignAndAHemisphereLetterMustAgree() throws {
        assertRefused("-48°41'N 73°17'E", saying: "a minus sign contradicts N")
        assertRefused("48°41'N -73°17'E", saying: "a minus sign contradicts E")
        assertRefused("-48°41'S 73°17'E", saying: "both a minus sign and S given")
        assertRefused("N-48.5 E73", saying: "a minus sign contradicts N")
        assertRefused("+48°41'S 73°17'E", saying: "a plus sign contradicts S")
        assertRefused("−0°30'N 73°E", saying: "a minus sign contradicts N")  // U+2212, and minus zero
        // A plus sign agreeing with its letter is harmless: 48 + 41/60 = 48.68333…
        let c = try read("+48°41'N +73°17'E")
        XCTAssertEqual(c.latitude, 48 + 41.0 / 60, accuracy: 1e-12)
        XCTAssertEqual(c.longitude, 73 + 17.0 / 60, accuracy: 1e-12)
    }

    /// The sign is kept apart from the value, so minus zero degrees keeps it: -0°30' is -0.5°, not +0.5°.
    func testMinusZeroDegreesKeepsItsSign() throws {
        let c = try read("-0°30' 73°")
        XCTAssertEqual(c.latitude, -0.5)
        XCTAssertEqual(c.longitude, 73)
        XCTAssertEqual(try read("−33.87,151.21"), Coordinate(longitude: 151.21, latitude: -33.87))  // U+2212 minus
    }

    /// Southern and western DMS, as the README writes them: 48°41'S = -(48 + 41/60), 73°17'W = -(73 + 17/60).
    func testSouthernAndWesternDegreesMinutes() throws {
        let c = try read("48°41'S 73°17'W")
        XCTAssertEqual(c.latitude, -(48 + 41.0 / 60), accuracy: 1e-12)
        XCTAssertEqual(c.longitude, -(73 + 17.0 / 60), accuracy: 1e-12)
    }

    /// A control character is quoted escaped, so the message stays one line that cannot drive the terminal.
    func testFailuresQuoteControlCharactersEscaped() {
        assertRefused("1\u{1B}[31m,2", saying: "'1\\u{1B}[31m,2'", "unexpected '\\u{1B}'")
        assertRefused("48\n", saying: "'48\\n'")
    }

    /// The tables' formatter reads back: 48.683333… printed with 5 places is 48.68333, within 0.5e-5.
    func testPrintedCoordinatesReadBack() throws {
        for c in [Coordinate(longitude: 73 + 17.0 / 60, latitude: 48 + 41.0 / 60), Coordinate(longitude: -180, latitude: -90),
                  Coordinate(longitude: 151.21, latitude: -33.87), Coordinate(longitude: -0.000001, latitude: -0.000004)] {
            let text = CoordinateText.text(c)
            let back = try read(text)
            XCTAssertEqual(back.latitude, c.latitude, accuracy: 0.5e-5, text)
            XCTAssertEqual(back.longitude, c.longitude, accuracy: 0.5e-5, text)
        }
        XCTAssertEqual(CoordinateText.text(Coordinate(longitude: 73 + 17.0 / 60, latitude: 48 + 41.0 / 60)), "48.68333, 73.28333")
    }
}

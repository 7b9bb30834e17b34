import Foundation
import XCTest

/// Issue 11, case 6: a place written with a leading minus (southern latitude first, or western
/// longitude first) reaches every subcommand that reads coordinates, however the options sit around it.
final class SignedCoordinateTests: XCTestCase {
    /// Sydney, -33.87,151.21, as each subcommand heads its table (the point printed to 5 places).
    func testEverySubcommandThatTakesAPlaceReadsSouthernCoordinates() throws {
        let heads = ["at": "At -33.87000, 151.21000", "near-rail": "Nearest rail to -33.87000, 151.21000",
                     "region": "-33.87000, 151.21000 lies in no region"]
        for (command, head) in heads {
            for form in [["-33.87,151.21"], ["-33.87", "151.21"], ["--", "-33.87,151.21"], ["33°52'12\"S 151°12'36\"E"]] {
                let out = try CLIRunner.succeed([command] + form)
                XCTAssertTrue(out.hasPrefix(head), "\(command) \(form): \(out.prefix(200))")
            }
        }
    }

    /// 48°41'S 73°17'W = -48.68333, -73.28333 (by hand: 41/60 = 0.68333, 17/60 = 0.28333); and the western
    /// longitude first, with letters, is read by its letters.
    func testSouthernAndWesternDegreesMinutes() throws {
        for command in ["at", "near-rail", "region"] {
            for form in [["48°41'S 73°17'W"], ["48°41'S", "73°17'W"], ["73°17'W 48°41'S"], ["-48.68333,-73.28333"], ["-48.68333", "-73.28333"]] {
                let out = try CLIRunner.succeed([command] + form)
                XCTAssertTrue(out.contains("-48.68333, -73.28333"), "\(command) \(form): \(out.prefix(200))")
            }
        }
    }

    /// The options before and after the place keep their meaning: -k 2 gives two lines, as JSON, with the
    /// query point [147, -40] (GeoJSON order, from the text -40.0,147.0).
    func testOptionsAroundASignedPlaceKeepTheirValues() throws {
        for arguments in [["near-rail", "-40.0,147.0", "-k", "2", "--format", "json"],
                          ["near-rail", "-k", "2", "-40.0,147.0", "--format", "json"],
                          ["near-rail", "--format", "json", "-k", "2", "-40.0", "147.0"],
                          ["near-rail", "-k", "2", "--format=json", "--", "-40.0,147.0"]] {
            let out = try CLIRunner.succeed(arguments)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], out)
            XCTAssertEqual((json["results"] as? [Any])?.count, 2, "\(arguments)")
            XCTAssertEqual((json["query"] as? [String: Any])?["point"] as? [Double], [147, -40], "\(arguments)")
        }
        let at = try CLIRunner.succeed(["at", "--radius-km", "10", "-40.0,147.0"])
        XCTAssertTrue(at.contains("deposits within 10.0 km: 0"), at)
    }

    /// A negative number given as an option's value reaches the option's own check (it used to be
    /// "missing value"); the option's name is not taken for a place.
    func testNegativeOptionValuesAreRefusedByTheirOption() throws {
        let maxKm = try CLIRunner.run(["near-rail", "--max-km", "-5", "kz-w-001"])
        XCTAssertEqual(maxKm.status, 64, maxKm.stderr)
        XCTAssertTrue(maxKm.stderr.contains("--max-km must be a distance of 0 or more"), maxKm.stderr)
        let k = try CLIRunner.run(["near-rail", "-40,147", "-k", "-3"])
        XCTAssertEqual(k.status, 64, k.stderr)
        XCTAssertTrue(k.stderr.contains("-k must be at least 1"), k.stderr)
        let radius = try CLIRunner.run(["at", "-33.87,151.21", "--radius-km", "-1"])
        XCTAssertEqual(radius.status, 64, radius.stderr)
        XCTAssertTrue(radius.stderr.contains("--radius-km must be 0 or more"), radius.stderr)
    }

    /// Issue 11, case 18: a minus sign against N was read as south; it is refused (64) with or without `--`.
    func testASignContradictingItsLetterIsAUsageError() throws {
        for arguments in [["at", "--", "-48°41'N 73°17'E"], ["at", "-48°41'N 73°17'E"], ["near-rail", "-48°41'N", "73°17'E"],
                          ["region", "-48°41'S 73°17'E"], ["at", "+48°41'S 73°17'E"]] {
            let r = try CLIRunner.run(arguments)
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("cannot read coordinates") && r.stderr.contains("sign"), "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stdout.isEmpty, r.stdout)
        }
    }

    /// Issue 11, case 4: huge values trapped (exit 132) in every subcommand that reads coordinates.
    func testHugeCoordinatesAreUsageErrorsNotCrashes() throws {
        for command in ["at", "near-rail", "region"] {
            for text in ["9999999999999999999,73", "48,9999999999999999999", "-9999999999999999999,73",
                         "48°99999999999999999999'N 73°17'E", String(repeating: "9", count: 400) + ",1", "1e999,73"] {
                let r = try CLIRunner.run([command, text])
                XCTAssertEqual(r.status, 64, "\(command) \(text.prefix(40)): \(r.stderr)")
                XCTAssertTrue(r.stderr.hasPrefix("deposits: cannot read coordinates"), r.stderr)
                XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, "one line: \(r.stderr)")
            }
        }
    }

    /// Where a value that begins with '-' is not read as a place (a subcommand that takes no
    /// coordinates, a name that begins with '-'), the refusal says to put -- before it.
    func testWhereDashDashIsStillNeededTheErrorSaysSo() throws {
        for arguments in [["show", "-40,147"], ["corridor", "-5"], ["near-rail", "-Kairakty"], ["show", "-x", "--format", "json"]] {
            let r = try CLIRunner.run(arguments)
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("put -- before it: deposits \(arguments[0]) -- '\(arguments[1])'"), "\(arguments): \(r.stderr)")
        }
        // Told so, the name is looked up (and not found: 2).
        let r = try CLIRunner.run(["show", "--", "-40,147"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("no deposit named '-40,147'"), r.stderr)
    }
}

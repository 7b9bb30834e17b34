import DepositIndex
import Foundation
import XCTest

/// Each class of failure: one line on stderr saying what and where, and its own exit code
/// (documented in `deposits --help`: 2 not found, 64 usage, 65 bad data, 73 cannot write).
final class ErrorTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func assertFails(_ arguments: [String], status: Int32, mentions: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try CLIRunner.run(arguments)
        XCTAssertEqual(r.status, status, "deposits \(arguments): \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stdout.isEmpty, "nothing on stdout when failing: \(r.stdout)", file: file, line: line)
        for word in mentions { XCTAssertTrue(r.stderr.contains(word), "stderr should mention \(word): \(r.stderr)", file: file, line: line) }
        XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Stack dump"), r.stderr, file: file, line: line)
    }

    func testUnknownNamesAreNotFoundWithSuggestions() throws {
        try assertFails(["near-rail", "Upper Kiarakty"], status: 2, mentions: ["no deposit named 'Upper Kiarakty'", "did you mean", "kz-w-001"])
        try assertFails(["corridor", "Trans-Siberian"], status: 2, mentions: ["no corridor named"])
        try assertFails(["show", "zzzzzz"], status: 2, mentions: ["no deposit named 'zzzzzz'"])
    }

    func testAmbiguousNamesListTheCandidates() throws {
        // "Inkai" names both Inkai and South Inkai in the bundled data.
        let r = try CLIRunner.run(["near-rail", "inka"])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("kz-u-101") && r.stderr.contains("kz-u-102"), r.stderr)
    }

    func testMalformedAndSwappedCoordinatesAreUsageErrors() throws {
        try assertFails(["at", "48.683"], status: 64, mentions: ["cannot read coordinates '48.683'"])
        try assertFails(["at", "148.683,73.283"], status: 64, mentions: ["latitude 148.683 is beyond ±90°", "73.283,148.683"])
        try assertFails(["at", "48°75'N 73°17'E"], status: 64, mentions: ["minutes must be under 60"])
        try assertFails(["near-rail", "kz-w-001", "-k", "0"], status: 64, mentions: ["-k must be at least 1"])
        // A corridor wider than 20,000 km (half of it past a quarter meridian) is no corridor; it used to answer.
        try assertFails(["corridor", "Trans-Caspian", "--width-km", "1e9"], status: 64, mentions: ["more than 20000 km"])
        // A typo in a filter is refused, not answered "0 deposits"; a real value no deposit has answers 0.
        try assertFails(["list", "--status", "producting"], status: 64, mentions: ["--status 'producting' is not a status", "producing"])
        try assertFails(["list", "--commodity", "Wx"], status: 64, mentions: ["not an element symbol", "W"])
        let og = try CLIRunner.run(["list", "--commodity", "Og"])
        XCTAssertEqual(og.status, 0, og.stderr)
        XCTAssertTrue(og.stdout.hasPrefix("0 deposits"), og.stdout)
    }

    func testBadDataNamesTheFileAndFeature() throws {
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        for layer in ["rail", "stations", "corridors", "regions", "country"] {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent("\(layer).geojson"), to: scratch.appendingPathComponent("\(layer).geojson"))
        }
        // A deposit whose polygon has a position with one number.
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"bad-1","properties":{"name":"Bad"},"geometry":{"type":"Point","coordinates":[73.1]}}]}"#
            .write(to: scratch.appendingPathComponent("deposits.geojson"), atomically: true, encoding: .utf8)
        try assertFails(["list", "--data", scratch.path], status: 65, mentions: ["deposits.geojson", "bad-1"])
        // Broken JSON: the line and column.
        try "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",,}]}".write(to: scratch.appendingPathComponent("deposits.geojson"), atomically: true, encoding: .utf8)
        try assertFails(["list", "--data", scratch.path], status: 65, mentions: ["deposits.geojson", "line 3"])
        try assertFails(["list", "--data", scratch.appendingPathComponent("missing").path], status: 65, mentions: ["no such directory"])
    }

    func testOutputsNeverReplaceAnInput() throws {
        let input = try XCTUnwrap(Catalog.bundledDirectory).appendingPathComponent("deposits.geojson")
        let before = try Data(contentsOf: input)
        try assertFails(["export", "-o", input.path], status: 73, mentions: ["refusing to write over the input file"])
        XCTAssertEqual(try Data(contentsOf: input), before)
    }

    /// A write that fails part-way (here: the file-size limit, `ulimit -f`, stops it after 1 KiB) leaves the
    /// old output whole: the answer goes to a temporary file that is renamed over the old one only when complete.
    func testAFailedWriteLeavesTheOldFileWhole() throws {
        let output = scratch.appendingPathComponent("regions.geojson")
        let old = Data("previous answer\n".utf8)
        try old.write(to: output)
        let r = try CLIRunner.run(["export", "--layer", "regions", "-o", output.path], shellPrefix: "ulimit -f 1; trap '' XFSZ;")
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("cannot write"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: output), old)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0 != "regions.geojson" }
        XCTAssertEqual(leftovers, [], "temporary files left behind")
        // And a successful write replaces it whole.
        _ = try CLIRunner.succeed(["export", "--layer", "corridors", "-o", output.path])
        XCTAssertEqual(try GeoJSON.features(parsing: Array(try Data(contentsOf: output))).count, try Catalog.bundled().corridors.count)
    }

    func testHelpDocumentsTheExitCodes() throws {
        let help = try CLIRunner.run(["--help"]).stdout
        for code in ["2 not found", "64 usage", "65 bad data", "73 cannot write"] { XCTAssertTrue(help.contains(code), help) }
    }

    /// `$DEPOSITS_DATA` naming a directory without deposits.geojson (a typo) used to fall through to the
    /// GeoData beside the program or in the source tree, answering from other data with exit 0.
    func testAMistypedDataVariableIsRefusedNotReplaced() throws {
        let missing = scratch.appendingPathComponent("no-such-data").path
        let r = try CLIRunner.run(["list"], environment: ["DEPOSITS_DATA": missing])
        XCTAssertEqual(r.status, 65, r.stdout)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("$DEPOSITS_DATA names \(missing), which holds no deposits.geojson"), r.stderr)
    }
}

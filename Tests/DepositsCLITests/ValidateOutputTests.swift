import DepositIndex
import Foundation
import XCTest

/// `validate --fix F -o F` kept only one of the two documents (issue 11, case 3). Two outputs naming one
/// file (by device and inode, or by path when neither exists), or an output naming a survey, is a usage
/// error (64) before anything is written.
final class ValidateOutputTests: XCTestCase {
    private var scratch: URL!
    private var survey = ""

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let example = try XCTUnwrap(Catalog.bundledDirectory).appendingPathComponent("surveys/example-upper-kairakty-blocks.geojson")
        survey = scratch.appendingPathComponent("survey.geojson").path
        try FileManager.default.copyItem(atPath: example.path, toPath: survey)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    private func usage(_ arguments: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: survey))
        let r = try CLIRunner.run(["validate", survey] + arguments)
        XCTAssertEqual(r.status, 64, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, "deposits: \(message)\n", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: survey)), before, "the survey is untouched", file: file, line: line)
    }

    func testTheSameNewFileTwiceIsRefused() throws {
        let f = path("F")
        try usage(["--fix", f, "-o", f], "--fix \(f) and -o \(f) name the same file; give the repaired survey and the report different places")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f), "nothing written")
    }

    func testTwoNamesOfOneFileAreRefused() throws {
        let a = path("a.geojson"), b = path("b.geojson")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: a))
        XCTAssertEqual(link(a, b), 0)
        try usage(["--fix", a, "-o", b], "--fix \(a) and -o \(b) name the same file; give the repaired survey and the report different places")
        XCTAssertEqual(try String(contentsOfFile: a, encoding: .utf8), "old\n")
    }

    func testFixToStandardOutputNeedsTheReportElsewhere() throws {
        try usage(["--fix", "-"], "--fix - and the report (standard output) name the same file; give the repaired survey and the report different places")
        let report = path("report.txt")
        let r = try CLIRunner.run(["validate", survey, "--fix", "-", "-o", report])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("{\"type\":\"FeatureCollection\""), String(r.stdout.prefix(80)))
        // The example survey is clean: 1 feature, nothing to report (GeoData/surveys is validated by every test run).
        XCTAssertEqual(try String(contentsOfFile: report, encoding: .utf8), "1 file, 1 feature: 0 errors, 0 warnings\n")
        XCTAssertTrue(r.stderr.contains("1 feature, 0 changes, 0 not repaired; written to standard output"), r.stderr)
    }

    func testAnOutputNamingTheSurveyIsRefused() throws {
        let hard = path("hard.geojson"), soft = path("soft.geojson")
        XCTAssertEqual(link(survey, hard), 0)
        XCTAssertEqual(symlink(survey, soft), 0)
        try usage(["--fix", survey], "--fix \(survey) is the survey \(survey); choose another output path")
        try usage(["-o", hard], "-o \(hard) is the survey \(survey); choose another output path")
        try usage(["--fix", soft, "-o", path("report.txt")], "--fix \(soft) is the survey \(survey); choose another output path")
    }

    func testTwoDifferentFilesGetBothDocuments() throws {
        let fixed = path("fixed.geojson"), report = path("report.json")
        let r = try CLIRunner.run(["validate", survey, "--fix", fixed, "-o", report, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: fixed, encoding: .utf8).hasPrefix("{\"type\":\"FeatureCollection\""))
        XCTAssertTrue(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("{"))
    }

    /// The data a survey is checked against is an input too: `--fix` onto a layer of `--data` used to
    /// replace that layer with the repaired survey, and `--fix` onto the `--store` replaced the whole
    /// GeoPackage with GeoJSON. Refused (64) before anything is written, naming the data file.
    func testOutputsOntoTheDataCheckedAgainstAreRefused() throws {
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.copyItem(at: try XCTUnwrap(Catalog.bundledDirectory), to: data)
        let deposits = data.appendingPathComponent("deposits.geojson").path
        let before = try Data(contentsOf: URL(fileURLWithPath: deposits))
        for option in ["--fix", "-o"] {
            let r = try CLIRunner.run(["validate", survey, "--data", data.path, option, deposits])
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertEqual(r.stderr, "deposits: \(option) \(deposits) is a file of the data checked against \(deposits); choose another output path\n")
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: deposits)), before, "the layer is untouched")

        let store = path("catalog.gpkg")
        let imported = try CLIRunner.run(["import", data.path, "--into", store])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let storeBefore = try Data(contentsOf: URL(fileURLWithPath: store))
        let r = try CLIRunner.run(["validate", survey, "--store", store, "--fix", store])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, "deposits: --fix \(store) is a file of the data checked against \(store); choose another output path\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), storeBefore, "the store is untouched")
    }
}

import DepositIndex
import Foundation
import XCTest

/// `deposits validate` as a user runs it on the intake folder and on a broken survey from the corpus.
final class ValidateCommandTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private let example = root.appendingPathComponent("GeoData/surveys/example-upper-kairakty-blocks.geojson").path
    private let bowTie = root.appendingPathComponent("Tests/SurveyTests/Corpus/bowtie.geojson").path

    func testAValidSurveyExitsZero() throws {
        let r = try CLIRunner.run(["validate", example])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("0 errors"), r.stdout)
    }

    /// The corpus's bow-tie crosses itself once; the report names the code, the feature and the point,
    /// in every format, and the exit status is 3 (survey errors).
    func testABrokenSurveyIsReportedInEveryFormat() throws {
        let table = try CLIRunner.run(["validate", bowTie])
        XCTAssertEqual(table.status, 3, table.stderr)
        XCTAssertTrue(table.stdout.contains("self-intersection") && table.stdout.contains("kz-w-901"), table.stdout)

        let json = try CLIRunner.run(["validate", bowTie, "--format", "json"])
        XCTAssertEqual(json.status, 3)
        let report = try JSONDecoder().decode(SurveyReport.self, from: Data(json.stdout.utf8))
        XCTAssertTrue(report.hasErrors)
        XCTAssertTrue(report.codes.contains(.selfIntersection), "\(report.codes)")

        let geojson = try CLIRunner.run(["validate", bowTie, "--format", "geojson"])
        XCTAssertEqual(geojson.status, 3)
        let points = try GeoJSON.features(parsing: Array(geojson.stdout.utf8))
        let crossing = try XCTUnwrap(points.first { $0.properties["code"] == "self-intersection" })
        guard case .point = crossing.geometry else { return XCTFail("a problem should be a Point: \(String(describing: crossing.geometry))") }
    }

    func testFixWritesARepairedCopyThatValidatesAndRefusesTheInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("bowtie.geojson")
        try FileManager.default.copyItem(atPath: bowTie, toPath: input.path)
        let before = try Data(contentsOf: input)
        let fixed = directory.appendingPathComponent("fixed.geojson")
        let r = try CLIRunner.run(["validate", input.path, "--fix", fixed.path])
        XCTAssertEqual(r.status, 3, "the input still has its errors: \(r.stderr)")
        XCTAssertTrue(r.stdout.contains("make-valid"), r.stdout)
        XCTAssertEqual(try CLIRunner.run(["validate", fixed.path]).status, 0)
        let refused = try CLIRunner.run(["validate", input.path, "--fix", input.path])
        // An output naming a survey is a usage error, found before anything is read (issue 11, case 3).
        XCTAssertEqual(refused.status, 64, refused.stderr)
        XCTAssertEqual(try Data(contentsOf: input), before)
    }

    func testAMissingFileIsBadData() throws {
        let r = try CLIRunner.run(["validate", "/nonexistent/survey.geojson"])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("/nonexistent/survey.geojson"), r.stderr)
    }
}

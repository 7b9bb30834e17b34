import DepositIndex
import Foundation
import XCTest

/// `deposits validate` judging geometry by default, the catalog schema with --schema, and a CRS PROJ
/// does not know as a usage error (issue 11, cases 16 and 18).
final class ValidateSchemaAndCRSTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let corpus = root.appendingPathComponent("Tests/SurveyTests/Corpus")
    /// A valid square outline with `properties: null`: no id and none of the catalog's properties.
    private let fieldSurvey = corpus.appendingPathComponent("missing-properties.geojson").path

    /// By default a field survey's geometry is judged alone: exit 0, and one line says what the catalog
    /// would still need, naming the properties (GeoData/README.md's table) and not listing them per feature.
    func testAFieldSurveyPassesWithOneLineOnTheCatalog() throws {
        let r = try CLIRunner.run(["validate", fieldSurvey])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertFalse(r.stdout.contains("missing-property"), r.stdout)
        let line = try XCTUnwrap(r.stdout.split(separator: "\n").first { $0.hasPrefix("catalog: ") }, r.stdout)
        XCTAssertEqual(String(line), "catalog: 1 feature lacks or holds wrongly aliases, commodities, footprint, id, location_precision_m, name, source, status (deposits add will require them; --schema checks them here)")
    }

    /// With --schema the same survey fails (3) with each missing property listed.
    func testSchemaChecksTheCatalogProperties() throws {
        let r = try CLIRunner.run(["validate", "--schema", fieldSurvey])
        XCTAssertEqual(r.status, 3, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("missing-property") && r.stdout.contains("missing-id"), r.stdout)
        XCTAssertFalse(r.stdout.contains("catalog: "), r.stdout)
    }

    /// An unknown --crs is a usage error (64) naming the text, not a survey error (3).
    func testAnUnknownCRSIsAUsageError() throws {
        let r = try CLIRunner.run(["validate", "--crs", "nonsense", fieldSurvey])
        XCTAssertEqual(r.status, 64, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("deposits: --crs 'nonsense': PROJ does not know this CRS"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    /// A CRS stated inside the file is the survey's own: an unknown one stays a survey error (3).
    func testAnUnknownCRSInTheFileIsASurveyError() throws {
        let r = try CLIRunner.run(["validate", Self.corpus.appendingPathComponent("csv-unknown-crs.csv").path])
        XCTAssertEqual(r.status, 3, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("unknown-crs"), r.stdout)
    }
}

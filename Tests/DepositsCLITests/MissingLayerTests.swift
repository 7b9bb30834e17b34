import Foundation
import XCTest

/// A question that needs a layer the data lacks is refused (65) naming the layer, never answered "none"
/// (issue 11, case 7). The data directories are the bundled GeoData with layers left out.
final class MissingLayerTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-missing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// A copy of the bundled data holding only `layers`.
    private func data(_ layers: [String]) throws -> String {
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("GeoData")
        let dir = scratch.appendingPathComponent(layers.joined(separator: "-"))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for layer in layers {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent("\(layer).geojson"), to: dir.appendingPathComponent("\(layer).geojson"))
        }
        return dir.path
    }

    private func assertRefused(_ arguments: [String], naming layer: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try CLIRunner.run(arguments)
        XCTAssertEqual(r.status, 65, "deposits \(arguments.joined(separator: " ")): \(r.stdout)\(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stdout.isEmpty, "no answer when refusing: \(r.stdout)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains("no \(layer) layer"), r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.contains("none"), r.stderr, file: file, line: line)
    }

    func testQuestionsNeedingAbsentLayersAreRefusedNamingTheLayer() throws {
        let depositsAndRail = try data(["deposits", "rail"])
        // Upper Kairakty's point: the bundled data answers Karagandy; without regions.geojson it used to say "none".
        try assertRefused(["at", "48.683,73.283", "--data", depositsAndRail], naming: "regions")
        try assertRefused(["region", "48.683,73.283", "--data", depositsAndRail], naming: "regions")
        try assertRefused(["region", "KZ-KAR", "--data", depositsAndRail], naming: "regions")
        for format in ["table", "json", "jsonl", "geojsonseq"] {
            try assertRefused(["region", "--all", "--format", format, "--data", depositsAndRail], naming: "regions")
        }
        try assertRefused(["show", "Boguty", "--data", depositsAndRail], naming: "regions")
        try assertRefused(["corridor", "Trans-Caspian", "--data", depositsAndRail], naming: "corridors")
        try assertRefused(["corridor", "--data", depositsAndRail], naming: "corridors")
        try assertRefused(["export", "--layer", "stations", "--data", depositsAndRail], naming: "stations")
        try assertRefused(["list", "--region", "Karaganda", "--data", depositsAndRail], naming: "regions")
        // show needs corridors once regions are there.
        try assertRefused(["show", "Boguty", "--data", try data(["deposits", "rail", "regions"])], naming: "corridors")
    }

    /// Route and gateways without a corridors layer answered `corridors: []`, "none", as if the path ran along
    /// no corridor. Now they say the corridors were not checked. Expected numbers: the README's Upper Kairakty
    /// route to Kuryk port (2,089.4 km, 2,054.2 km of it along the Middle Corridor with the layer there).
    func testRouteAndGatewaysWithoutCorridorsSayNotChecked() throws {
        let dir = try data(["deposits", "rail", "stations", "country"])
        let table = try CLIRunner.run(["route", "Upper Kairakty", "Kuryk", "--data", dir])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("2089.4 km"), table.stdout)
        XCTAssertTrue(table.stdout.contains("Along corridors: not checked (the data has no corridors layer)."), table.stdout)
        let json = try CLIRunner.run(["route", "Upper Kairakty", "Kuryk", "--data", dir, "--format", "json"])
        let route = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(route["corridors_checked"] as? Bool, false)
        let gateways = try CLIRunner.run(["gateways", "Upper Kairakty", "--data", dir, "--format", "json"])
        XCTAssertEqual(gateways.status, 0, gateways.stderr)
        let ranked = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(gateways.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(ranked["corridors_checked"] as? Bool, false)
        let first = try XCTUnwrap((ranked["gateways"] as? [[String: Any]])?.first)
        XCTAssertNil(first["corridors"], "no corridors list when none were asked")
        // With the layer: checked, and the Middle Corridor is there.
        let full = try CLIRunner.run(["route", "Upper Kairakty", "Kuryk", "--format", "json"])
        let bundled = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(bundled["corridors_checked"] as? Bool, true)
        XCTAssertEqual((bundled["corridors"] as? [[String: Any]])?.first?["id"] as? String, "corridor-titr")
    }

    func testWithoutSaysWhatWasLeftOut() throws {
        let dir = try data(["deposits", "rail"])
        let r = try CLIRunner.run(["at", "48.683,73.283", "--data", dir, "--without", "regions", "--without", "corridors", "--without", "stations"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("region:           not asked (--without regions)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("in corridors:     not asked (--without corridors)"), r.stdout)
        // The bundled answer (README): 38.2 km to the Сәкен Сейфуллин – Ақадыр line.
        XCTAssertTrue(r.stdout.contains("38.2 km"), r.stdout)
        let json = try CLIRunner.run(["show", "Boguty", "--data", dir, "--without", "regions", "--without", "corridors", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["without"] as? [String], ["regions", "corridors"])
        XCTAssertNil(object["regions"])
        XCTAssertNotNil(object["nearest_rail"])
        // The refusal tells the way out.
        let refused = try CLIRunner.run(["at", "48.683,73.283", "--data", dir])
        XCTAssertTrue(refused.stderr.contains("give --without regions"), refused.stderr)
    }

    func testValidateWithoutACountryOutlineIsRefusedUnlessSaid() throws {
        // A block in Paris: without country.geojson it used to validate as if inside Kazakhstan.
        let survey = scratch.appendingPathComponent("paris.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"p1","properties":{},"geometry":{"type":"Polygon","coordinates":[[[2.29,48.85],[2.30,48.85],[2.30,48.86],[2.29,48.86],[2.29,48.85]]]}}]}"#
            .write(to: survey, atomically: true, encoding: .utf8)
        let dir = try data(["deposits", "rail", "regions"])
        try assertRefused(["validate", survey.path, "--data", dir], naming: "country")
        let said = try CLIRunner.run(["validate", survey.path, "--data", dir, "--without-country"])
        XCTAssertNotEqual(said.status, 65, said.stderr)
        XCTAssertTrue(said.stderr.contains("was not checked"), said.stderr)
    }

    /// A store imported without deposits used to be listed as "0 deposits" (exit 0) while `export` of the
    /// same store was refused: `list` needs the deposits layer as every other question does.
    func testListOfAStoreWithoutDepositsIsRefused() throws {
        let store = scratch.appendingPathComponent("rail-only.gpkg").path
        let railOnly = try data(["rail"])
        let imported = try CLIRunner.run(["import", railOnly + "/rail.geojson", "--into", store])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        try assertRefused(["list", "--store", store], naming: "deposits")
        try assertRefused(["list", "--store", store, "--format", "json"], naming: "deposits")
    }

    /// `at --radius-km` past half a meridian (20,004 km) asks nothing more and, past about 1.8e305 km, made
    /// radius_m infinite: JSON output failed with Swift's EncodingError and exit 1. Refused (64).
    func testAtRadiusBeyondHalfAMeridianIsRefused() throws {
        for radius in ["1e308", "20005"] {
            let r = try CLIRunner.run(["at", "48.683,73.283", "--radius-km", radius, "--format", "json"])
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.contains("--radius-km must be at most 20004"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertEqual(try CLIRunner.run(["at", "48.683,73.283", "--radius-km", "20004", "--format", "json"]).status, 0)
    }

    func testNearRailWithoutStationsSaysWhyNoStationIsNamed() throws {
        let dir = try data(["deposits", "rail"])
        let r = try CLIRunner.run(["near-rail", "Boguty", "--data", dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        // README: Boguty is 22.8 km from the Zhetygen – Altynkol – Khorgos line.
        XCTAssertTrue(r.stdout.contains("22.8 km"), r.stdout)
        XCTAssertTrue(r.stdout.contains("The data has no stations layer, so no station is named."), r.stdout)
        let all = try CLIRunner.run(["near-rail", "--all", "--data", dir])
        XCTAssertTrue(all.stdout.contains("The data has no stations layer"), all.stdout)
    }

    func testAStoreRefusalForAnOmittableLayerTellsTheWayOut() throws {
        let store = scratch.appendingPathComponent("catalog.gpkg").path
        XCTAssertEqual(try CLIRunner.run(["import", try data(["deposits", "rail"]), "--into", store]).status, 0)
        let r = try CLIRunner.run(["at", "48.683,73.283", "--store", store])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("has no") && r.stderr.contains("give --without"), r.stderr)
        // Every deposit's region shares, streamed from the store, is refused the same way, naming the layer.
        for format in ["json", "jsonl"] {
            let all = try CLIRunner.run(["region", "--all", "--store", store, "--format", format])
            XCTAssertEqual(all.status, 65, all.stderr)
            XCTAssertTrue(all.stderr.contains("no regions layer"), all.stderr)
            XCTAssertEqual(all.stdout, "")
        }
        let without = try CLIRunner.run(["at", "48.683,73.283", "--store", store, "--without", "regions", "--without", "corridors", "--without", "stations"])
        XCTAssertEqual(without.status, 0, without.stderr)
        XCTAssertTrue(without.stdout.contains("38.2 km"), without.stdout)
    }

    func testARouteToAStationNameWithoutAStationsLayerNamesTheLayer() throws {
        let dir = try data(["deposits", "rail"])
        // Сарысу is a station of the bundled data (the first Upper Kairakty's route west passes, RouteTests).
        try assertRefused(["route", "kz-w-001", "Сарысу", "--data", dir], naming: "stations")
        // Coordinates need no stations.
        let point = try CLIRunner.run(["route", "kz-w-001", "48.5,73", "--data", dir])
        XCTAssertEqual(point.status, 0, point.stderr)
    }
}

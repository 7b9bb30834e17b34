import DepositIndex
import Foundation
import Geo
import XCTest

/// `deposits network` on the bundled data in every format, compared with the engine's own report, and
/// its refusals of a tolerance outside 0–10 km.
final class NetworkCommandTests: XCTestCase {
    func testJSONIsTheEngineReport() throws {
        let text = try CLIRunner.succeed(["network", "--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let report = NetworkReport(network: try RailNetwork(catalog: try Catalog.bundled(), toleranceM: 100))
        XCTAssertEqual(json["tolerance_m"] as? Double, 100)  // the default
        XCTAssertEqual((json["components"] as? [[String: Any]])?.count, report.components.count)
        XCTAssertEqual((json["bridges"] as? [[String: Any]])?.count, report.bridges.count)
        XCTAssertEqual((json["dead_ends"] as? [[String: Any]])?.count, report.deadEnds.count)
        XCTAssertEqual((json["stations_beyond_tolerance"] as? [[String: Any]])?.count, report.stationsBeyondTolerance.count)
        let track = try XCTUnwrap(json["track_m"] as? Double)
        XCTAssertEqual(track, report.trackM, accuracy: 1e-6)
        let first = try XCTUnwrap((json["components"] as? [[String: Any]])?.first)
        XCTAssertEqual(try XCTUnwrap(first["track_m"] as? Double), report.components[0].trackM, accuracy: 1e-6)
    }

    func testTableAndToleranceOption() throws {
        let table = try CLIRunner.succeed(["network"])
        // 29 components since issue 12's data joined the chains to the lines they run into (NetworkTests, GeoData/README.md).
        XCTAssertTrue(table.hasPrefix("Rail network, line ends joined within 100 m: 29 components"), table)
        XCTAssertTrue(table.contains("Gaps bridged (within 100 m): 2"), table)
        XCTAssertTrue(table.contains("rail-chain-zhezkazgan-saksaulskiy – rail-ne-14102"), table)
        // At 50 m the two station chains' junctions (54 and 62 m) are breaks, not bridges: on the operating lines
        // one piece comes apart, 30 components (NetworkTests).
        let strict = try CLIRunner.succeed(["network", "--tolerance-m", "50"])
        XCTAssertTrue(strict.hasPrefix("Rail network, line ends joined within 50 m: 30 components"), strict)
        XCTAssertTrue(strict.contains("Gaps bridged (within 50 m): 0"), strict)
        let full = try CLIRunner.succeed(["network", "--full"])
        XCTAssertGreaterThan(full.split(separator: "\n").count, table.split(separator: "\n").count + 1000)
    }

    func testGeoJSONHasComponentsBridgesDeadEndsAndBreaks() throws {
        let text = try CLIRunner.succeed(["network", "--format", "geojson"])
        let features = try GeoJSON.features(parsing: Array(text.utf8))
        func kind(_ k: String) -> [Feature] { features.filter { $0.properties["kind"] == .string(k) } }
        // Counts on the bundled data since issue 12's additions and chain connectors (NetworkTests).
        XCTAssertEqual(kind("component").count, 29)
        XCTAssertEqual(kind("bridge").count, 2)
        XCTAssertEqual(kind("dead_end").count, 730)
        XCTAssertEqual(kind("break").count, 29)
        for f in kind("component") {
            guard case .multiLineString? = f.geometry else { return XCTFail("component \(f.id ?? "?") is not a MultiLineString") }
        }
    }

    func testBadTolerancesAreUsageErrors() throws {
        for bad in ["-1", "nan", "10001", "inf"] {
            let r = try CLIRunner.run(["network", "--tolerance-m=\(bad)"])
            XCTAssertEqual(r.status, 64, "\(bad): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--tolerance-m"), r.stderr)
        }
    }
}

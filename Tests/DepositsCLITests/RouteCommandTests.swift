import DepositIndex
import Foundation
import Geo
import XCTest

/// `deposits route` on the bundled data in every format, compared with the engine, and its refusals.
final class RouteCommandTests: XCTestCase {
    private static let aktogay = "osm-4020137341"  // Aqtoğay
    private static let dostyk = "osm-4025083258"   // Dostıq, the crossing to China

    /// Aktogay to Dostyk, station to station: 304.75 km on WGS84, as `NetworkTests.testAktogayToDostyk`
    /// measures with `shortestPath`; no access legs, and the path runs along the Dostyk–Moiynty corridor.
    func testAktogayToDostykAsJSON() throws {
        let text = try CLIRunner.succeed(["route", Self.aktogay, Self.dostyk, "--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let rail = try XCTUnwrap(json["rail_m"] as? Double)
        XCTAssertEqual(rail / 1000, 304.75, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(json["total_m"] as? Double), rail, accuracy: 1e-9)
        XCTAssertEqual(json["access_m"] as? Double, 0)
        XCTAssertEqual((json["from"] as? [String: Any])?["id"] as? String, Self.aktogay)
        XCTAssertEqual((json["to"] as? [String: Any])?["kind"] as? String, "station")
        let via = try XCTUnwrap(json["via"] as? [[String: Any]])
        XCTAssertEqual(via.first?["station_id"] as? String, Self.aktogay)
        XCTAssertEqual(via.last?["station_id"] as? String, Self.dostyk)
        XCTAssertEqual(try XCTUnwrap(via.last?["from_start_m"] as? Double), rail, accuracy: 1e-6)
        let corridors = try XCTUnwrap(json["corridors"] as? [[String: Any]])
        let dostykMoiynty = try XCTUnwrap(corridors.first { $0["id"] as? String == "corridor-dostyk-moiynty" })
        XCTAssertEqual(try XCTUnwrap(dostykMoiynty["km"] as? Double), rail / 1000, accuracy: 1e-6)
        XCTAssertNotNil(dostykMoiynty["name"] as? String)
    }

    /// Upper Kairakty to Aktogay: the access leg is the near-rail distance (35.2 km), the total its sum
    /// with the rail, as the library's route gives.
    func testDepositToStationTableAndGeoJSON() throws {
        let table = try CLIRunner.succeed(["route", "Upper Kairakty", Self.aktogay])
        XCTAssertTrue(table.hasPrefix("Route from Verkhnee Kairaktinskoye (Upper Kairakty) to Aqtoğay: 763.0 km"), table)
        XCTAssertTrue(table.contains("access (off rail)   35.2 km"), table)
        XCTAssertTrue(table.contains("rail               727.8 km"), table)
        let text = try CLIRunner.succeed(["route", "Upper Kairakty", Self.aktogay, "--format", "geojson"])
        let features = try GeoJSON.features(parsing: Array(text.utf8))
        let route = try XCTUnwrap(features.first { $0.id == "route" })
        guard case .lineString(let line)? = route.geometry else { return XCTFail("the route is not a LineString") }
        // Densified along the geodesic: no two points more than 10 km apart.
        for (p, q) in zip(line, line.dropFirst()) { XCTAssertLessThanOrEqual(Geodesic.wgs84.distance(p, q), 10_000.01) }
        let access = try XCTUnwrap(features.first { $0.id == "access-from" })
        XCTAssertEqual(access.properties["off_rail"], true)
        guard case .number(let accessM)? = access.properties["access_m"] else { return XCTFail("no access_m") }
        XCTAssertEqual(accessM, try Catalog.bundled().nearestRail(to: .deposit("kz-w-001"))[0].distanceM, accuracy: 1e-6)
        XCTAssertNil(features.first { $0.id == "access-to" })  // a station has no access leg
        XCTAssertEqual(features.filter { $0.geometry.map { if case .point = $0 { true } else { false } } ?? false }.count, 2)
    }

    func testRefusals() throws {
        // Unknown place: 2.
        let unknown = try CLIRunner.run(["route", "Nowhere at all", Self.aktogay])
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("no deposit or station named 'Nowhere at all'"), unknown.stderr)
        // Two stations are called Dostyk: 64, both listed.
        let ambiguous = try CLIRunner.run(["route", Self.aktogay, "Dostyk"])
        XCTAssertEqual(ambiguous.status, 64, ambiguous.stderr)
        XCTAssertTrue(ambiguous.stderr.contains(Self.dostyk) && ambiguous.stderr.contains("osm-4038453578"), ambiguous.stderr)
        // A station on a small piece of the network and one on the main network: 65, naming both components.
        let net = try RailNetwork(catalog: try Catalog.bundled(), toleranceM: 100)
        let apart = try XCTUnwrap(net.stations.first { net.nodes[$0.node].component != 0 })
        let different = try CLIRunner.run(["route", apart.stationId, Self.aktogay])
        XCTAssertEqual(different.status, 65, different.stderr)
        XCTAssertTrue(different.stderr.contains("different components (\(net.nodes[apart.node].component) and 0)"), different.stderr)
        XCTAssertTrue(different.stderr.contains("nearest break"), different.stderr)
        XCTAssertTrue(different.stdout.isEmpty)
    }

    func testSamePlaceIsRefusedAndSignedCoordinatesAreTwoPlaces() throws {
        // A route from a place to itself would be its access leg twice: refused (64).
        let same = try CLIRunner.run(["route", "kz-w-001", "kz-w-001"])
        XCTAssertEqual(same.status, 64, same.stderr)
        XCTAssertTrue(same.stderr.contains("the same place"), same.stderr)
        // Southern and western coordinates are places here too, and two of them stay two places.
        let signed = try CLIRunner.run(["route", "-33.87,151.21", "-40,147", "--format", "json"])
        XCTAssertEqual(signed.status, 0, signed.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(signed.stdout.utf8)) as? [String: Any])
        let total = try XCTUnwrap(object["total_m"] as? Double)
        let rail = try XCTUnwrap(object["rail_m"] as? Double)
        XCTAssertGreaterThan(total, rail, "both ends are far off the rail: the total holds two long access legs")
        let first = try CLIRunner.run(["route", "-33.87,151.21", "kz-w-001"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("Route from -33.87000, 151.21000 to Verkhnee Kairaktinskoye"), first.stdout)
    }
}

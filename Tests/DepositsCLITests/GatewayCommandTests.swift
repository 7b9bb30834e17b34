import DepositIndex
import Foundation
import Geo
import XCTest

/// `route` with the routing rules and `gateways`, `at` and `show` with their gateways, on a hand-made data
/// directory and on the bundled data, in table, JSON and GeoJSON, and their refusals.
///
/// The fixture, on the equator (lengths: a·Δλ along it, the meridian arc along a meridian, PROJ's
/// geod_inverse for the rest, as `BorderRuleTests` derives them): "Kazakhstan" is the box 0.1° W–3.1° E,
/// 1° S–0.3° N. Line "main" (operating, 1,520 mm) runs 0°–3° E on the equator; a port "gw-west" at 0° E, a
/// border crossing to CN "gw-east" at 3° E (1,435 mm across). Line "ru" (countries KZ, RU) leaves main at 2° E,
/// runs north to 0.5° N (abroad), east to 2.5° E and south to 0.5° S; line "south" goes on to station "st-south"
/// at 0.8° S. Line "link", under construction, runs straight from (1° E, 0) to (2.5° E, 0.5° S). Deposit
/// "dep" is a point at (1° E, 0.01° S), 1.1 km off the equator. Port "gw-island" lies on a line of its own
/// ("island", 0.5°–0.6° E at 0.9° S), joined to nothing.
final class GatewayCommandTests: XCTestCase {
    private var dir: String!

    override func setUpWithError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-gateways-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        dir = url.path
        func write(_ name: String, _ features: [String]) throws {
            try Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8)
                .write(to: url.appendingPathComponent("\(name).geojson"))
        }
        func line(_ id: String, _ coords: String, _ props: String) -> String {
            "{\"type\":\"Feature\",\"id\":\"\(id)\",\"properties\":{\"name\":\"\(id)\",\(props)},\"geometry\":{\"type\":\"LineString\",\"coordinates\":\(coords)}}"
        }
        func point(_ id: String, _ lon: Double, _ lat: Double, _ props: String) -> String {
            "{\"type\":\"Feature\",\"id\":\"\(id)\",\"properties\":{\"name\":\"\(id)\",\(props)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}}"
        }
        try write("deposits", [point("dep", 1, -0.01, "\"aliases\":[],\"commodities\":[\"W\"],\"status\":\"exploration\",\"footprint\":\"not_located\",\"location_precision_m\":null,\"source\":\"a test fixture\"")])
        try write("rail", [
            line("main", "[[0,0],[1,0],[2,0],[3,0]]", "\"status\":\"operating\",\"gauge_mm\":1520,\"countries\":[\"KZ\"],\"name_latin\":\"Main Line\""),
            line("ru", "[[2,0],[2,0.5],[2.5,0.5],[2.5,-0.5]]", "\"status\":\"operating\",\"gauge_mm\":1520,\"countries\":[\"KZ\",\"RU\"]"),
            line("south", "[[2.5,-0.5],[2.5,-0.8]]", "\"status\":\"operational\",\"gauge_mm\":1520"),
            line("island", "[[0.5,-0.9],[0.6,-0.9]]", "\"status\":\"operating\""),
            line("link", "[[1,0],[2.5,-0.5]]", "\"status\":\"under_construction\",\"opened_or_due\":\"2027\",\"gauge_mm\":1520"),
        ])
        try write("stations", [
            point("gw-west", 0, 0, "\"kind\":\"port\",\"in_kazakhstan\":true,\"sea\":\"Caspian Sea\",\"gauge_across_mm\":null"),
            point("gw-east", 3, 0, "\"kind\":\"border_crossing\",\"in_kazakhstan\":true,\"country_across\":\"CN\",\"gauge_across_mm\":1435"),
            point("st-south", 2.5, -0.8, "\"kind\":\"station\",\"in_kazakhstan\":true"),
            point("gw-island", 0.6, -0.9, "\"kind\":\"port\",\"in_kazakhstan\":true"),
        ])
        try write("country", ["{\"type\":\"Feature\",\"id\":\"KZ\",\"properties\":{\"name\":\"Kazakhstan\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-0.1,-1],[3.1,-1],[3.1,0.3],[-0.1,0.3],[-0.1,-1]]]}}"])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let text = try CLIRunner.succeed(arguments + ["--format", "json"])
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private let a = 6_378_137.0
    private func equator(_ degrees: Double) -> Double { a * degrees * .pi / 180 }

    /// To the port gw-west: 1° of equator; to the crossing gw-east: 2°, arriving on 1,520 mm where 1,435 mm is across.
    func testGatewaysRankedFromADeposit() throws {
        let answer = try json(["gateways", "dep", "--data", dir])
        let list = try XCTUnwrap(answer["gateways"] as? [[String: Any]])
        XCTAssertEqual(list.map { $0["id"] as? String }, ["gw-west", "gw-east", "gw-island"])
        // The island is listed last, unreachable, with why; a route to it is refused (65).
        XCTAssertEqual(list[2]["reachable"] as? Bool, false)
        XCTAssertTrue((list[2]["unreachable"] as? String)?.contains("different components") ?? false, "\(list[2])")
        XCTAssertNil(list[2]["total_m"])
        let island = try CLIRunner.run(["route", "dep", "gw-island", "--data", dir])
        XCTAssertEqual(island.status, 65, island.stderr)
        XCTAssertEqual(try XCTUnwrap(list[0]["rail_m"] as? Double), equator(1), accuracy: 1e-3)
        XCTAssertEqual(try XCTUnwrap(list[1]["rail_m"] as? Double), equator(2), accuracy: 1e-3)
        XCTAssertEqual(list[1]["gauge_break"] as? Bool, true)
        XCTAssertEqual(list[1]["country_across"] as? String, "CN")
        XCTAssertEqual(list[0]["gauge_break"] as? Bool, false)
        XCTAssertEqual(answer["lines"] as? [String], ["operating"])
        XCTAssertEqual(answer["borders_checked"] as? Bool, true)
        let access = try XCTUnwrap(list[0]["access_m"] as? Double)
        XCTAssertEqual(try XCTUnwrap(list[0]["total_m"] as? Double), access + equator(1), accuracy: 1e-3)
        // The same numbers as `route`, one gateway at a time.
        let route = try json(["route", "dep", "gw-east", "--data", dir])
        XCTAssertEqual(try XCTUnwrap(route["total_m"] as? Double), try XCTUnwrap(list[1]["total_m"] as? Double), accuracy: 1e-6)
        let gateway = try XCTUnwrap(route["gateway"] as? [String: Any])
        XCTAssertEqual(gateway["gauge_break"] as? Bool, true)
        XCTAssertEqual(gateway["gauge_across_mm"] as? Double, 1435)
        XCTAssertEqual(route["lines"] as? [String], ["operating"])
        XCTAssertEqual(route["line_statuses_used"] as? [String], ["operating"])
        XCTAssertEqual((route["line_runs"] as? [[String: Any]])?.first?["name"] as? String, "Main Line")

        let table = try CLIRunner.succeed(["gateways", "dep", "--data", dir])
        XCTAssertTrue(table.contains("break to 1435 mm"), table)
        XCTAssertTrue(table.contains("Not reachable by rail under the rules:\n  gw-island: the two places meet the rail network in different components"), table)
        let geo = try GeoJSON.features(parsing: Array(try CLIRunner.succeed(["gateways", "dep", "--data", dir, "--format", "geojson"]).utf8))
        XCTAssertEqual(geo.filter { $0.properties["kind"] == "gateway" }.count, 3)
        XCTAssertEqual(geo.filter { $0.properties["kind"] == "rail" }.count, 2)
        XCTAssertEqual(geo.first { $0.id == "access" }?.properties["off_rail"], true)

        // --all: one search per gateway, the same totals.
        let all = try json(["gateways", "--all", "--data", dir])
        let results = try XCTUnwrap(all["results"] as? [[String: Any]])
        let mine = try XCTUnwrap(results.first { $0["deposit_id"] as? String == "dep" }?["gateways"] as? [[String: Any]])
        XCTAssertEqual(mine.map { $0["id"] as? String }, ["gw-west", "gw-east", "gw-island"])
        XCTAssertNil(mine[2]["total_m"])
        XCTAssertEqual(try XCTUnwrap(mine[1]["total_m"] as? Double), try XCTUnwrap(list[1]["total_m"] as? Double), accuracy: 1e-3)
        XCTAssertTrue(try CLIRunner.succeed(["gateways", "--all", "--data", dir]).contains("dep"))
    }

    /// st-south is reached only through RU (refused, 65), unless RU is a transit country, or the line under
    /// construction is included: then straight along it, shorter.
    func testBorderRuleTransitAndInclude() throws {
        let refused = try CLIRunner.run(["route", "dep", "st-south", "--data", dir])
        XCTAssertEqual(refused.status, 65, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("leaves the country and comes back in") && refused.stderr.contains("along ru"), refused.stderr)
        let transit = try json(["route", "dep", "st-south", "--data", dir, "--transit", "RU"])
        XCTAssertEqual(transit["transit"] as? [String], ["RU"])
        let included = try json(["route", "dep", "st-south", "--data", dir, "--include", "under_construction"])
        XCTAssertEqual(included["lines"] as? [String], ["operating", "under_construction"])
        XCTAssertTrue((included["line_statuses_used"] as? [String])?.contains("under_construction") ?? false)
        XCTAssertLessThan(try XCTUnwrap(included["rail_m"] as? Double), try XCTUnwrap(transit["rail_m"] as? Double))
        let ranked = try json(["gateways", "dep", "--data", dir, "--include", "under_construction,planned"])
        XCTAssertEqual(ranked["lines"] as? [String], ["operating", "under_construction", "planned"])
    }

    /// `network` lists the piece south of 0.5° S ("south" and the tail of "ru") as a border detour: it joins
    /// the main piece only through RU. Its frontier node (2.5° E, 0.5° S) is nearest the main piece's frontier
    /// nodes at (2° E, 0) and (3° E, 0), equally far by symmetry — by PROJ's geod_inverse, as the library measures it. With the line under construction
    /// included, "link" joins it inside and nothing is listed.
    func testNetworkListsTheBorderDetour() throws {
        let report = try json(["network", "--data", dir])
        XCTAssertEqual(report["borders_checked"] as? Bool, true)
        let detours = try XCTUnwrap(report["border_detours"] as? [[String: Any]])
        XCTAssertEqual(detours.count, 1)
        XCTAssertEqual(try XCTUnwrap(detours[0]["gap_m"] as? Double),
                       Geodesic.wgs84.distance(Coordinate(longitude: 2.5, latitude: -0.5), Coordinate(longitude: 2, latitude: 0)), accuracy: 1e-3)
        let included = try json(["network", "--data", dir, "--include", "under_construction"])
        XCTAssertEqual((included["border_detours"] as? [[String: Any]])?.count, 0)
        XCTAssertTrue(try CLIRunner.succeed(["network", "--data", dir]).contains("Border detours (places inside Kazakhstan the rail joins only through abroad): 1"))
    }

    func testBadInputs() throws {
        for arguments in [["route", "dep", "gw-west", "--include", "bogus"], ["route", "dep", "gw-west", "--transit", "RUS"],
                          ["gateways", "dep", "--transit", "1"], ["gateways"], ["gateways", "dep", "--all"], ["gateways", "dep", "--include", ""],
                          // The home country (the fixture's country layer is KZ) is no transit country, in any case.
                          ["route", "dep", "gw-west", "--transit", "kz"]] {
            let r = try CLIRunner.run(arguments + ["--data", dir])
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stdout.isEmpty)
        }
        let unknown = try CLIRunner.run(["gateways", "Nowhere", "--data", dir])
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        let unknownGateway = try CLIRunner.run(["route", "dep", "No such port", "--data", dir])
        XCTAssertEqual(unknownGateway.status, 2, unknownGateway.stderr)
        let same = try CLIRunner.run(["route", "gw-west", "gw-west", "--data", dir])
        XCTAssertEqual(same.status, 64, same.stderr)
    }

    /// `at` and `show`: west of 1° E is the port gw-west, east of it the crossing gw-east.
    func testAtAndShowNameTheNearestGatewayWestAndEast() throws {
        let at = try json(["at", "-0.01,1", "--data", dir, "--without", "regions", "--without", "corridors"])
        let gateways = try XCTUnwrap(at["nearest_gateways"] as? [String: Any])
        XCTAssertEqual((gateways["west"] as? [String: Any])?["id"] as? String, "gw-west")
        XCTAssertEqual((gateways["east"] as? [String: Any])?["id"] as? String, "gw-east")
        XCTAssertEqual(try XCTUnwrap((gateways["east"] as? [String: Any])?["rail_m"] as? Double), equator(2), accuracy: 1e-3)
        let show = try json(["show", "dep", "--data", dir, "--without", "regions", "--without", "corridors"])
        XCTAssertEqual(((show["nearest_gateways"] as? [String: Any])?["west"] as? [String: Any])?["id"] as? String, "gw-west")
        let table = try CLIRunner.succeed(["show", "dep", "--data", dir, "--without", "regions", "--without", "corridors"])
        XCTAssertTrue(table.contains("gateway west") && table.contains("gateway east"), table)
        let without = try CLIRunner.succeed(["show", "dep", "--data", dir, "--without", "regions", "--without", "corridors", "--without", "stations"])
        XCTAssertTrue(without.contains("not asked (--without stations)"), without)
        let geo = try GeoJSON.features(parsing: Array(try CLIRunner.succeed(["at", "-0.01,1", "--data", dir, "--without", "regions",
                                                                            "--without", "corridors", "--format", "geojson"]).utf8))
        XCTAssertEqual(Set(geo.compactMap { $0.properties["side"]?.stringValue }), ["west", "east"])
    }

    /// From a store made of the fixture, `at` reads every rail line, station and the outline (the network)
    /// and names the same gateways with the same distances as from the directory.
    func testAtFromAStoreNamesTheSameGateways() throws {
        let store = dir + "/catalog.gpkg"
        let made = try CLIRunner.run(["import", dir, "--into", store])
        XCTAssertEqual(made.status, 0, made.stderr)
        let arguments = ["at", "-0.01,1", "--without", "regions", "--without", "corridors"]
        let fromStore = try XCTUnwrap(try json(arguments + ["--store", store])["nearest_gateways"] as? [String: Any])
        let fromFiles = try XCTUnwrap(try json(arguments + ["--data", dir])["nearest_gateways"] as? [String: Any])
        for side in ["west", "east"] {
            let a = try XCTUnwrap(fromStore[side] as? [String: Any]), b = try XCTUnwrap(fromFiles[side] as? [String: Any])
            XCTAssertEqual(a["id"] as? String, b["id"] as? String)
            XCTAssertEqual(try XCTUnwrap(a["total_m"] as? Double), try XCTUnwrap(b["total_m"] as? Double), accuracy: 1e-6)
        }
    }

    /// On the bundled data Upper Kairakty's nearest gateway by rail is the crossing into Kyrgyzstan, Шалдуар
    /// (as DocExampleTests), then Dostyk into China at 1,056.8 km, in every format; show names Шалдуар east and
    /// Мамлютка (into Russia, 68.5°E) west. Values measured December 2026 on the bundled data.
    func testBundledUpperKairakty() throws {
        let table = try CLIRunner.succeed(["gateways", "Upper Kairakty"])
        XCTAssertTrue(table.contains(" 1  Шалдуар (Shalduar)"), table)
        XCTAssertTrue(table.contains(" 6  Dostıq"), table)
        let answer = try json(["gateways", "Upper Kairakty"])
        let first = try XCTUnwrap((answer["gateways"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["id"] as? String, "osm-3729466654")
        XCTAssertEqual(try XCTUnwrap(first["total_m"] as? Double), 858_485.73, accuracy: 0.01)
        let dostyk = try XCTUnwrap((answer["gateways"] as? [[String: Any]])?.first { $0["id"] as? String == "osm-4025083258" })
        XCTAssertEqual(try XCTUnwrap(dostyk["total_m"] as? Double), 1_056_829.48, accuracy: 0.01)
        XCTAssertFalse(try GeoJSON.features(parsing: Array(try CLIRunner.succeed(["gateways", "Upper Kairakty", "--format", "geojson"]).utf8)).isEmpty)
        let show = try json(["show", "Upper Kairakty"])
        XCTAssertEqual(((show["nearest_gateways"] as? [String: Any])?["east"] as? [String: Any])?["id"] as? String, "osm-3729466654")
        XCTAssertEqual(((show["nearest_gateways"] as? [String: Any])?["west"] as? [String: Any])?["id"] as? String, "osm-3501507424")
    }
}

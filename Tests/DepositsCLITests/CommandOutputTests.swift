import DepositIndex
import Foundation
import Geo
import XCTest

/// Every subcommand in every format on the bundled data. JSON answers are compared with the engine's own
/// answers on the same data (the engine's values are checked against GeographicLib, PostGIS and Shapely
/// in DepositIndexTests); GeoJSON answers are read back with our reader and checked against RFC 7946.
final class CommandOutputTests: XCTestCase {
    static let catalog = try! Catalog.bundled()

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let text = try CLIRunner.succeed(arguments + ["--format", "json"])
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    /// Reads GeoJSON output back with our own reader and checks what RFC 7946 asks of it.
    @discardableResult
    private func geojson(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [Feature] {
        let text = try CLIRunner.succeed(arguments + ["--format", "geojson"], file: file, line: line)
        let features = try GeoJSON.features(parsing: Array(text.utf8))
        XCTAssertFalse(features.isEmpty, "no features from \(arguments)", file: file, line: line)
        for f in features {
            guard let g = f.geometry else { continue }
            XCTAssertTrue(g.isWoundForRFC7946, "\(f.id ?? "?") is not counter-clockwise", file: file, line: line)
            for c in g.coordinates {
                XCTAssertTrue(abs(c.longitude) <= 180 && abs(c.latitude) <= 90, "\(c) out of range", file: file, line: line)
            }
        }
        // At most 7 decimals by default: no number in the text has more.
        XCTAssertNil(text.range(of: #"\d\.\d{8,}"#, options: .regularExpression), "more than 7 decimals", file: file, line: line)
        return features
    }

    func testNearRailJSONMatchesTheEngine() throws {
        let answer = try json(["near-rail", "Upper Kairakty", "-k", "3"])
        let results = try XCTUnwrap(answer["results"] as? [[String: Any]])
        let engine = try Self.catalog.nearestRail(to: .deposit("kz-w-001"), k: 3)
        XCTAssertEqual(results.count, 3)
        for (r, e) in zip(results, engine) {
            XCTAssertEqual(r["rail_id"] as? String, e.railId)
            XCTAssertEqual(r["rail_name"] as? String, e.railName)
            XCTAssertEqual(try XCTUnwrap(r["distance_m"] as? Double), e.distanceM, accuracy: 1e-6)
            // JSON printers may differ in the last digit of a double: compare to 1e-12 degrees.
            for (key, point) in [("rail_point", e.railPoint), ("from_point", e.fromPoint)] {
                let p = try XCTUnwrap(r[key] as? [Double], key)
                XCTAssertEqual(p[0], point.longitude, accuracy: 1e-12, key)
                XCTAssertEqual(p[1], point.latitude, accuracy: 1e-12, key)
            }
            let station = try XCTUnwrap(r["station"] as? [String: Any])
            XCTAssertEqual(station["id"] as? String, e.station?.id)
            XCTAssertNotNil(station["name"] as? String)
            XCTAssertEqual(try XCTUnwrap(station["distance_m"] as? Double), try XCTUnwrap(e.station?.distanceM), accuracy: 1e-6)
        }
        // Cyrillic and lower-case spellings name the same deposit.
        let cyrillic = try json(["near-rail", "Верхнее Кайракты"])
        XCTAssertEqual((cyrillic["query"] as? [String: Any])?["deposit_id"] as? String, "kz-w-001")
    }

    func testNearRailFromCoordinatesInEveryNotation() throws {
        // 48°41'N 73°17'E is 48.68333…, 73.28333… (by hand): both notations ask the same question.
        let a = try json(["near-rail", "48.683333333333,73.283333333333"])
        let b = try json(["near-rail", "48°41'N 73°17'E"])
        let da = try XCTUnwrap(((a["results"] as? [[String: Any]])?.first)?["distance_m"] as? Double)
        let db = try XCTUnwrap(((b["results"] as? [[String: Any]])?.first)?["distance_m"] as? Double)
        XCTAssertEqual(da, db, accuracy: 0.01)
        let engine = try Self.catalog.nearestRail(to: .point(Coordinate(longitude: 73 + 17.0 / 60, latitude: 48 + 41.0 / 60)))
        XCTAssertEqual(db, engine[0].distanceM, accuracy: 1e-6)
    }

    func testNearRailTableHasUnitsAndAttribution() throws {
        let text = try CLIRunner.succeed(["near-rail", "upper kairakty"])
        XCTAssertTrue(text.contains(" km"), text)
        XCTAssertTrue(text.contains("© OpenStreetMap contributors"), text)
    }

    func testNearRailGeoJSONHasTheMeasuredLine() throws {
        let features = try geojson(["near-rail", "Upper Kairakty"])
        let line = try XCTUnwrap(features.first { $0.properties["kind"] == "distance" })
        let engine = try Self.catalog.nearestRail(to: .deposit("kz-w-001"))[0]
        XCTAssertEqual(try XCTUnwrap(line.properties["distance_m"]?.doubleValue), engine.distanceM, accuracy: 0.05)
        // The line runs from the deposit's point to the rail point (7 decimals ≈ 1 cm).
        let cs = try XCTUnwrap(line.geometry).coordinates
        XCTAssertEqual(cs.first!.longitude, engine.fromPoint.longitude, accuracy: 1e-7)
        XCTAssertEqual(cs.last!.latitude, engine.railPoint.latitude, accuracy: 1e-7)
        XCTAssertTrue(features.contains { $0.id == "kz-w-001" })
        XCTAssertTrue(features.contains { $0.id == engine.railId })
    }

    /// `near-rail --all`: every deposit, the measured ones nearest first and each the engine's own single
    /// answer; the table counts them; the GeoJSON colours each located deposit by its distance.
    func testNearRailForEveryDeposit() throws {
        let answer = try json(["near-rail", "--all"])
        XCTAssertEqual((answer["query"] as? [String: Any])?["all_deposits"] as? Bool, true)
        let results = try XCTUnwrap(answer["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, Self.catalog.deposits.count)
        let located = Self.catalog.deposits.filter { $0.geometry != nil }
        let measured = results.prefix { !(($0["rail"] as? [Any]) ?? []).isEmpty }
        XCTAssertEqual(measured.count, located.count)
        var previous = -1.0
        for r in measured {
            let id = try XCTUnwrap(r["deposit_id"] as? String)
            let rail = try XCTUnwrap((r["rail"] as? [[String: Any]])?.first)
            let distance = try XCTUnwrap(rail["distance_m"] as? Double)
            XCTAssertGreaterThanOrEqual(distance, previous, "not nearest first at \(id)")
            previous = distance
            let engine = try Self.catalog.nearestRail(to: .deposit(id))[0]
            XCTAssertEqual(rail["rail_id"] as? String, engine.railId, id)
            XCTAssertEqual(distance, engine.distanceM, accuracy: 1e-6, id)
        }
        // Upper Kairakty is among them at the distance the README quotes (35.2 km).
        let kairakty = try XCTUnwrap(measured.first { $0["deposit_id"] as? String == "kz-w-001" })
        XCTAssertEqual(try XCTUnwrap(((kairakty["rail"] as? [[String: Any]])?.first)?["distance_m"] as? Double), 35_212, accuracy: 1)

        let table = try CLIRunner.succeed(["near-rail", "--all"])
        XCTAssertTrue(table.hasPrefix("Nearest rail to every deposit: \(located.count) measured, \(Self.catalog.deposits.count - located.count) without"), table)
        let features = try geojson(["near-rail", "--all"])
        XCTAssertEqual(features.filter { $0.properties["kind"] == "deposit" && $0.properties["rail_distance_m"] != nil }.count, located.count)
        XCTAssertEqual(features.filter { $0.properties["kind"] == "distance" }.count, located.count)
        XCTAssertEqual(try CLIRunner.run(["near-rail", "Upper Kairakty", "--all"]).status, 64)
    }

    func testCorridorInEveryFormat() throws {
        let answer = try json(["corridor", "Trans-Caspian"])
        let corridor = try XCTUnwrap(answer["corridor"] as? [String: Any])
        XCTAssertEqual(corridor["id"] as? String, "corridor-titr")
        XCTAssertEqual(corridor["width_km"] as? Double, 50)
        let engine = try Self.catalog.corridorOverlap(corridor: "corridor-titr")
        let deposits = try XCTUnwrap(answer["deposits"] as? [[String: Any]])
        XCTAssertEqual(deposits.map { $0["id"] as? String }, engine.deposits.map(\.id))
        for (d, e) in zip(deposits, engine.deposits) {
            XCTAssertEqual(try XCTUnwrap(d["distance_m"] as? Double), e.distanceM, accuracy: 1e-6)
            XCTAssertEqual(try XCTUnwrap(d["overlap_km2"] as? Double), e.overlapKm2, accuracy: 1e-9)
            XCTAssertEqual(try XCTUnwrap(d["share"] as? Double), e.share, accuracy: 1e-9)
            XCTAssertNotNil(d["name"] as? String)
        }
        let wide = try json(["corridor", "corridor-titr", "--width-km", "200"])
        XCTAssertGreaterThanOrEqual((wide["deposits"] as? [Any])?.count ?? 0, deposits.count)
        let table = try CLIRunner.succeed(["corridor", "Middle Corridor"])
        XCTAssertTrue(table.contains("corridor-titr"), table)
        let features = try geojson(["corridor", "Trans-Caspian"])
        XCTAssertEqual(features.filter { $0.properties["kind"] == "corridor_outline" }.count, engine.deposits.filter { $0.overlapKm2 > 0 }.count)
        // Without an argument: the list of corridors.
        let list = try CLIRunner.succeed(["corridor"])
        for c in Self.catalog.corridors { XCTAssertTrue(list.contains(c.id), c.id) }
        try geojson(["corridor"])
        let listed = try JSONSerialization.jsonObject(with: Data(try CLIRunner.succeed(["corridor", "--format", "json"]).utf8)) as? [Any]
        XCTAssertEqual(listed?.count, Self.catalog.corridors.count)
    }

    func testRegionOfADepositAPointAndARegion() throws {
        let ofDeposit = try json(["region", "Upper Kairakty"])
        let regions = try XCTUnwrap(ofDeposit["regions"] as? [[String: Any]])
        XCTAssertEqual(regions.first?["id"] as? String, "KZ-KAR")
        XCTAssertEqual(try XCTUnwrap(regions.first?["share"] as? Double), 1, accuracy: 1e-9)
        XCTAssertEqual(regions.first?["on_boundary"] as? Bool, false)
        let ofPoint = try json(["region", "48.683,73.283"])
        XCTAssertEqual((ofPoint["regions"] as? [[String: Any]])?.map { $0["id"] as? String }, ["KZ-KAR"])
        let ofRegion = try json(["region", "KZ-KAR"])
        let ids = try XCTUnwrap((ofRegion["deposits"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        XCTAssertEqual(Set(ids), Set(try Self.catalog.deposits(in: "KZ-KAR").map(\.id)))
        XCTAssertTrue(ids.contains("kz-w-001"))
        XCTAssertTrue(try CLIRunner.succeed(["region", "Карагандинская область"]).contains("KZ-KAR"))
        try geojson(["region", "Upper Kairakty"])
        try geojson(["region", "KZ-KAR"])
    }

    func testAtAPoint() throws {
        let answer = try json(["at", "48.683,73.283", "--radius-km", "60"])
        XCTAssertEqual((answer["regions"] as? [[String: Any]])?.first?["id"] as? String, "KZ-KAR")
        let engine = try Self.catalog.nearestRail(to: .point(Coordinate(longitude: 73.283, latitude: 48.683)))[0]
        XCTAssertEqual((answer["nearest_rail"] as? [String: Any])?["rail_id"] as? String, engine.railId)
        let within = try XCTUnwrap(answer["deposits_within"] as? [[String: Any]])
        XCTAssertEqual(within.first?["id"] as? String, "kz-w-001")
        XCTAssertEqual(answer["radius_m"] as? Double, 60_000)
        XCTAssertTrue(try CLIRunner.succeed(["at", "48°41'N 73°17'E"]).contains("Karagandy"))
        try geojson(["at", "48.683,73.283"])
    }

    func testListShowAndExport() throws {
        let tungsten = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try CLIRunner.succeed(["list", "--commodity", "W", "--format", "json"]).utf8)) as? [[String: Any]])
        XCTAssertEqual(Set(tungsten.compactMap { $0["id"] as? String }), Set(Self.catalog.deposits.filter { $0.commodities.contains("W") }.map(\.id)))
        let inKaraganda = try CLIRunner.succeed(["list", "--region", "KZ-KAR"])
        XCTAssertTrue(inKaraganda.contains("kz-w-001"), inKaraganda)
        XCTAssertFalse(inKaraganda.contains("kz-w-002"), inKaraganda)  // Boguty is in Almaty region
        XCTAssertTrue(try CLIRunner.succeed(["list", "--status", "exploration"]).contains("deposits"))
        try geojson(["list", "--commodity", "U"])

        let show = try CLIRunner.succeed(["show", "Boguty"])
        XCTAssertTrue(show.contains("kz-w-002") && show.contains("KZ-ALM"), show)
        let record = try json(["show", "kz-w-002"])
        XCTAssertEqual((record["deposit"] as? [String: Any])?["id"] as? String, "kz-w-002")
        try geojson(["show", "kz-w-002"])

        for layer in ["deposits", "rail", "stations", "corridors", "regions"] {
            let text = try CLIRunner.succeed(["export", "--layer", layer])
            let features = try GeoJSON.features(parsing: Array(text.utf8))
            XCTAssertFalse(features.isEmpty, layer)
            XCTAssertTrue(features.allSatisfy { $0.geometry?.isWoundForRFC7946 ?? true }, layer)
        }
        let w = try GeoJSON.features(parsing: Array(try CLIRunner.succeed(["export", "--commodity", "W", "--precision", "3"]).utf8))
        XCTAssertTrue(w.allSatisfy { f in f.geometry!.coordinates.allSatisfy { ($0.x * 1000).rounded() / 1000 == $0.x } })
    }

    /// Where GDAL is installed (apt gdal-bin), its reader accepts what we export.
    func testGDALReadsOurGeoJSON() throws {
        guard let ogrinfo = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("ogrinfo (apt gdal-bin) is not installed; GDAL's reading of our GeoJSON was not checked")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(String, [String])] = [
            ("near-rail.geojson", ["near-rail", "Upper Kairakty", "--format", "geojson"]),
            ("corridor.geojson", ["corridor", "Trans-Caspian", "--format", "geojson"]),
            ("deposits.geojson", ["export", "--layer", "deposits"]),
        ]
        for (name, arguments) in cases {
            let path = directory.appendingPathComponent(name).path
            _ = try CLIRunner.succeed(arguments + ["-o", path])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ogrinfo)
            process.arguments = ["-ro", "-al", "-so", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, output)
            XCTAssertTrue(output.contains("Feature Count:"), output)
            XCTAssertFalse(output.contains("ERROR"), output)
        }
    }
}

import DepositIndex
import Foundation
import XCTest

/// GDAL's OGC API – Features driver (`OAPIF:`) as a real client of `deposits serve`: it lists every
/// collection with its count, and copies with a bbox exactly the features the server selects, which
/// are also exactly those GDAL's own filter picks from the whole layer (so the R-tree and the
/// per-feature test lose nothing and add nothing).
final class OGCClientTests: XCTestCase {
    /// The bundled layers' sizes, counted in GeoData/*.geojson (`features` arrays).
    static let bundledCounts = ["deposits": 54, "rail": 1812, "stations": 1237, "corridors": 6, "regions": 20, "country": 1]

    func testOgrinfoListsEveryLayerWithItsFeatureCount() throws {
        let ogrinfo = try RequiredTool.path("ogrinfo", install: "apt-get install gdal-bin")
        let server = try ServerProcess()
        defer { XCTAssertEqual(server.stop().status, 0) }
        let r = try RequiredTool.run(ogrinfo, ["-ro", "-so", "-al", "OAPIF:" + server.base])
        XCTAssertEqual(r.status, 0, r.err)
        var counts = [String: Int]()
        var layer: String?
        for line in r.out.split(separator: "\n") {
            if line.hasPrefix("Layer name: ") { layer = String(line.dropFirst("Layer name: ".count)) }
            if line.hasPrefix("Feature Count: "), let layer { counts[layer] = Int(line.dropFirst("Feature Count: ".count)) }
        }
        XCTAssertEqual(counts, Self.bundledCounts)
        // The same counts as the catalog the server loaded.
        let catalog = try Catalog.bundled()
        XCTAssertEqual(counts["deposits"], catalog.deposits.count)
        XCTAssertEqual(counts["rail"], catalog.rail.count)
        XCTAssertEqual(counts["stations"], catalog.stations.count)
    }

    /// Around Upper Kairakty (73.25°E 48.70°N) and Karaganda: deposits and rail lines.
    func testOgr2ogrWithABboxCopiesExactlyTheFeaturesTheServerSelects() throws {
        let ogr2ogr = try RequiredTool.path("ogr2ogr", install: "apt-get install gdal-bin")
        let server = try ServerProcess()
        defer { XCTAssertEqual(server.stop().status, 0) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oapif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (w, s, e, n) = (72.0, 48.0, 75.0, 50.0)
        for layer in ["deposits", "rail", "stations"] {
            // What the server selects for the bbox.
            let selected = try RawHTTP.get(server, "/collections/\(layer)/items?bbox=\(w),\(s),\(e),\(n)&limit=10000").json()
            let serverIDs = Set((selected["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            XCTAssertEqual(selected["numberMatched"] as? Int, serverIDs.count)
            XCTAssertFalse(serverIDs.isEmpty, layer)
            // What GDAL copies through the OGC API with that bbox.
            let copied = dir.appendingPathComponent("\(layer)-oapif.geojson").path
            let r = try RequiredTool.run(ogr2ogr, ["-f", "GeoJSON", copied, "OAPIF:" + server.base, layer,
                                                  "-spat", "\(w)", "\(s)", "\(e)", "\(n)"])
            XCTAssertEqual(r.status, 0, r.err)
            let copiedIDs = try Self.ids(in: copied)
            XCTAssertEqual(copiedIDs, serverIDs, layer)
            // What GDAL's own filter picks from the whole layer, fetched without a bbox.
            let whole = dir.appendingPathComponent("\(layer)-all.geojson")
            try RawHTTP.get(server, "/collections/\(layer)/items?limit=10000").body.write(to: whole)
            let local = dir.appendingPathComponent("\(layer)-local.geojson").path
            let l = try RequiredTool.run(ogr2ogr, ["-f", "GeoJSON", local, whole.path, "-spat", "\(w)", "\(s)", "\(e)", "\(n)"])
            XCTAssertEqual(l.status, 0, l.err)
            XCTAssertEqual(try Self.ids(in: local), serverIDs, layer)
        }
        // Upper Kairakty (kz-w-001, 73.25°E 48.70°N in GeoData/deposits.geojson) is inside the box.
        let deposits = try Self.ids(in: dir.appendingPathComponent("deposits-oapif.geojson").path)
        XCTAssertTrue(deposits.contains("kz-w-001"))
    }

    /// On a made-up catalog around ±180° (Fixtures/antimeridian; which features each box holds worked
    /// out by hand from their coordinates): GDAL 3.6 clamps `-spat` to ±180°, so it asks each side
    /// separately, and the box across the antimeridian (west 175 > east -175) is read by GDAL's GeoJSON
    /// driver from the items URL itself.
    func testABboxAcrossTheAntimeridianSelectsBothSides() throws {
        let ogr2ogr = try RequiredTool.path("ogr2ogr", install: "apt-get install gdal-bin")
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/antimeridian").path
        let server = try ServerProcess(["--data", fixture])
        defer { XCTAssertEqual(server.stop().status, 0) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oapif-am-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let across = try RawHTTP.get(server, "/collections/deposits/items?bbox=175,60,-175,70").json()
        XCTAssertEqual(across["numberMatched"] as? Int, 3)
        XCTAssertEqual(Set((across["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }), ["am-east", "am-west", "am-across"])
        let rail = try RawHTTP.get(server, "/collections/rail/items?bbox=175,60,-175,70").json()
        XCTAssertEqual((rail["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }, ["am-rail-across"])

        func copy(_ name: String, _ source: String, _ extra: [String]) throws -> Set<String> {
            let out = dir.appendingPathComponent(name).path
            let r = try RequiredTool.run(ogr2ogr, ["-f", "GeoJSON", out, source] + extra)
            XCTAssertEqual(r.status, 0, r.err)
            return try Self.ids(in: out)
        }
        XCTAssertEqual(try copy("east.geojson", "OAPIF:" + server.base, ["deposits", "-spat", "175", "60", "180", "70"]), ["am-east", "am-across"])
        XCTAssertEqual(try copy("west.geojson", "OAPIF:" + server.base, ["deposits", "-spat", "-180", "60", "-175", "70"]), ["am-west", "am-across"])
        XCTAssertEqual(try copy("across.geojson", server.base + "/collections/deposits/items?bbox=175,60,-175,70", []),
                       ["am-east", "am-west", "am-across"])
        // A box on the other side of the Earth holds only the Greenwich deposit.
        XCTAssertEqual(try copy("greenwich.geojson", "OAPIF:" + server.base, ["deposits", "-spat", "-5", "60", "5", "70"]), ["am-greenwich"])
    }

    /// The feature ids of a GeoJSON file GDAL wrote (the `id` property: GDAL keeps a string id there).
    static func ids(in path: String) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return Set((object?["features"] as? [[String: Any]] ?? []).compactMap { f in
            (f["properties"] as? [String: Any])?["id"] as? String ?? f["id"] as? String
        })
    }
}

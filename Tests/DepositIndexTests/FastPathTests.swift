import Foundation
import Geo
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import DepositIndex

/// The fast paths of loading give exactly what the strict, slower paths give.
final class FastPathTests: XCTestCase {
    /// NameFold's keys equal Foundation's for every spelling in the bundled data and some awkward ones.
    func testNameFoldMatchesFoundation() throws {
        let catalog = try Catalog.bundled()
        var spellings = catalog.deposits.flatMap { [$0.id, $0.name] + $0.aliases }
        spellings += catalog.rail.flatMap { [$0.id, $0.name] }
        spellings += catalog.stations.flatMap { s in
            [s.id, s.name, s.properties["name_local"]?.stringValue ?? ""] + (s.properties["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
        }
        spellings += catalog.corridors.flatMap { [$0.id, $0.name] + $0.aliases }
        spellings += catalog.regions.flatMap { [$0.id, $0.name, $0.nameKk ?? "", $0.nameRu ?? ""] }
        spellings += ["Верхнее Кайракты", "ВЕРХНЕЕ КАЙРАКТЫ", "Ёлки-ЁЖ", "ҚАРАҒАНДЫ облысы", "Ii Ie iie iii ieie", "YQ yq",
                      "line 48°41′ – “quoted” «guillemets» no\u{00A0}break", "Joǵarǵy Qaıraqty", "e\u{301}", "Й\u{308}", "", "  ", "№ 5"]
        var fast = 0
        for s in spellings {
            guard let key = NameFold.key(s) else { continue }
            fast += 1
            XCTAssertEqual(key, NameIndex.foundationKey(s), "spelling \(s)")
        }
        XCTAssertGreaterThan(fast, spellings.count * 9 / 10, "the fast fold should cover most spellings")
    }

    /// The fast GeoJSON reader gives the strict reader's features for every bundled layer.
    func testFastReaderMatchesStrictOnBundledData() throws {
        let directory = try XCTUnwrap(Catalog.bundledDirectory)
        for file in CatalogLoader.layerFiles {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
            let fast = try XCTUnwrap(GeoJSONFastReader.features(bytes), file)
            XCTAssertEqual(fast, try GeoJSON.features(in: try JSONParser.parse(bytes)), file)
        }
    }

    /// Documents the fast reader must either read as the strict one does or leave to it.
    func testFastReaderAgreesOrGivesUp() throws {
        let documents = [
            #"{"features":[{"geometry":{"type":"Point","coordinates":[1,2,3]},"properties":null,"type":"Feature","id":7}],"type":"FeatureCollection"}"#,
            #"{"type":"FeatureCollection","bbox":[0,0,1,1],"features":[{"type":"Feature","id":"a","properties":{"k":[1,{"x":null}]},"geometry":null,"extra":{}}]}"#,
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"coordinates":[1,2],"type":"Point"},"properties":{}}]}"#,
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","id":"b","geometry":null,"properties":{}}]}"#,
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[]]},"properties":{}}]}"#,
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[]},"properties":{}}]}"#,
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1e2,-0],[1.5E-3,-0.0],[12345678901234567,0.1]]}}]}"#,
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["1",2]}}]}"#,
            #"{"type":"FeatureCollection","features":[]} x"#,
            #"{"type":"Feature","features":[]}"#,
        ]
        for text in documents {
            let bytes = Array(text.utf8)
            let strict = Result { try GeoJSON.features(in: try JSONParser.parse(bytes)) }
            if let fast = GeoJSONFastReader.features(bytes) {
                XCTAssertEqual(fast, try strict.get(), text)
            }
            // Whatever the path, the public reader answers as the strict one.
            switch (Result { try GeoJSON.features(parsing: bytes) }, strict) {
            case (.success(let a), .success(let b)): XCTAssertEqual(a, b, text)
            case (.failure(let a), .failure(let b)): XCTAssertEqual("\(a)", "\(b)", text)
            default: XCTFail("fast and strict paths disagree on \(text)")
            }
        }
    }

    /// Numbers read by the parser's exact fast path are bit for bit what strtod gives (seeded).
    func testNumbersMatchStrtod() throws {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<20_000 {
            var text = Bool.random(using: &rng) ? "-" : ""
            let whole = Int.random(in: 0...6, using: &rng)
            text += whole == 0 ? "0" : String(Int.random(in: 1...9, using: &rng)) + String((1..<whole).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            let fraction = Int.random(in: 0...18, using: &rng)
            if fraction > 0 { text += "." + String((0..<fraction).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }) }
            let parsed = try XCTUnwrap(JSONParser.parse(text).doubleValue)
            XCTAssertEqual(parsed.bitPattern, strtod(text, nil).bitPattern, text)
        }
    }
}

/// Point-in-region splitting only the edges near the point answers as the fully split outline does.
final class RegionSplittingTests: XCTestCase {
    func testSplittingNearMatchesWholeSplit() throws {
        let catalog = try Catalog.bundled()
        var rng = SeededRandom(seed: 5)
        var points = (0..<500).map { _ in
            Coordinate(longitude: Double.random(in: 45...88, using: &rng), latitude: Double.random(in: 39...56, using: &rng))
        }
        // Points right beside long region edges, where the geodesic bows away from the straight edge.
        for region in catalog.regions.prefix(6) {
            for ring in region.geometry.polygons.flatMap({ $0 }) {
                for (a, b) in zip(ring, ring.dropFirst()) where max(abs(a.x - b.x), abs(a.y - b.y)) > 0.05 {
                    let mid = Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
                    points += [mid, Coordinate(x: mid.x, y: mid.y + 1e-4), Coordinate(x: mid.x, y: mid.y - 1e-4)]
                }
            }
        }
        for (r, region) in catalog.regions.enumerated() {
            let split = catalog.regionRings(r)
            for p in points {
                XCTAssertEqual(region.geometry.polygons.contains { RegionRings.containsSplittingNear($0, p) },
                               split.contains { RegionRings.contains($0, p) }, "\(region.id) \(p)")
            }
        }
    }
}

@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// The bundled GeoData through the store and back: every layer, every feature, unchanged.
final class StoreRoundTripTests: XCTestCase {
    func testBundledDataComesBackUnchanged() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("catalog.gpkg").path
        let source = try Catalog(directory: try bundledData())
        let store = try CatalogStore(path: path, access: .create)
        let written = try store.importData(from: [try bundledData()])
        // Counts from the GeoJSON files themselves (GeoData/README.md lists the same).
        XCTAssertEqual(written.map(\.layer), [.deposits, .rail, .stations, .corridors, .regions, .country])
        XCTAssertEqual(written.map(\.count), [source.deposits.count, source.rail.count, source.stations.count,
                                              source.corridors.count, source.regions.count, 1])
        let back = try CatalogStore(path: path, access: .read).catalog()
        XCTAssertEqual(back.deposits.map(\.id), source.deposits.map(\.id))
        XCTAssertEqual(back.deposits.map(\.geometry), source.deposits.map(\.geometry))
        XCTAssertEqual(back.rail.map(\.geometry), source.rail.map(\.geometry))
        XCTAssertEqual(back.stations, source.stations.map { s in
            var s = s
            s.properties = Self.withoutNulls(s.properties)
            return s
        })
        XCTAssertEqual(back.corridors, source.corridors)
        XCTAssertEqual(back.regions, source.regions)
        XCTAssertEqual(back.country, source.country)
        for (a, b) in zip(back.deposits, source.deposits) {
            // Scalar nulls are stored as SQL NULL and read back as absent; JSON-typed columns keep them.
            XCTAssertEqual(Self.withoutNulls(a.properties), Self.withoutNulls(b.properties), a.id)
            XCTAssertEqual([a.name, a.status, a.source], [b.name, b.status, b.source])
            XCTAssertEqual(a.aliases, b.aliases)
            XCTAssertEqual(a.commodities, b.commodities)
        }
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testWKBMatchesGEOS() throws {
        let shapes: [Shape] = [
            .point(Coordinate(x: 73.283, y: 48.683)),
            .lineString([Coordinate(x: 0, y: 0), Coordinate(x: 1.5, y: -2.25)]),
            .polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)]]),
            .multiLineString([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)], [Coordinate(x: 2, y: 2), Coordinate(x: 3, y: 3)]]),
            .multiPolygon([[[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)]]]),
        ]
        for shape in shapes {
            // GEOS's writer (little-endian, 2D) is the reference encoding.
            let geos = try Geometry(shape).wkb
            XCTAssertEqual(WKB.encode(shape), geos, shape.typeName)
            XCTAssertEqual(try WKB.decode(geos[...]), shape)
            let blob = GeoPackageBinary.encode(shape)
            XCTAssertEqual(Array(blob.prefix(3)), [0x47, 0x50, 0])
            XCTAssertEqual(try GeoPackageBinary.decode(blob), shape)
            XCTAssertEqual(try GeoPackageBinary.envelope(blob), Envelope(covering: shape.coordinates))
        }
        // Big-endian WKB with a Z coordinate (ISO 1001) from PostGIS: POINT Z (1 2 3), read as 2D.
        let big: [UInt8] = [0, 0, 0, 0x03, 0xE9] + [0x3F, 0xF0, 0, 0, 0, 0, 0, 0] + [0x40, 0, 0, 0, 0, 0, 0, 0] + [0x40, 0x08, 0, 0, 0, 0, 0, 0]
        XCTAssertEqual(try WKB.decode(big[...]), .point(Coordinate(x: 1, y: 2)))
    }

    /// The reader's fast path for whole coordinate runs (little- and big-endian, with Z dropped) gives what
    /// the encoder wrote, and a run cut short falls back to the checked path and its error, naming the
    /// byte where the data ends: 9 header bytes + 2 of the 3 promised vertices x 16 bytes = byte 41.
    func testWKBCoordinateRunsInEitherOrderAndCutShort() throws {
        let line: [Coordinate] = [Coordinate(x: 73.283, y: 48.683), Coordinate(x: -179.5, y: -0.25), Coordinate(x: 1e-7, y: 90)]
        let little = WKB.encode(.lineString(line))
        XCTAssertEqual(try WKB.decode(little[...]), .lineString(line))
        XCTAssertEqual(try GeoPackageBinary.decode(GeoPackageBinary.encode(.lineString(line))), .lineString(line))
        // Big-endian LINESTRING Z (ISO 1002), z = 7 on every vertex, read as 2D.
        func be(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
        func be(_ d: Double) -> [UInt8] { withUnsafeBytes(of: d.bitPattern.bigEndian) { Array($0) } }
        let big = [0] + be(UInt32(1002)) + be(UInt32(3)) + line.flatMap { be($0.x) + be($0.y) + be(7.0) }
        XCTAssertEqual(try WKB.decode(big[...]), .lineString(line))
        // A slice not at index 0 reads the same.
        XCTAssertEqual(try WKB.decode(([9, 9] + little)[2...]), .lineString(line))
        let cut = Array(little.prefix(9 + 32))
        XCTAssertThrowsError(try WKB.decode(cut[...])) { XCTAssertEqual("\($0)", "malformed WKB: ends early at byte 41") }
        XCTAssertThrowsError(try GeoPackageBinary.decode([0x47, 0x50, 0, 1])) { XCTAssertEqual("\($0)", "not a GeoPackage geometry: no \"GP\" magic") }
    }

    static func withoutNulls(_ o: JSONObject) -> JSONObject {
        JSONObject(o.members.filter { !$0.value.isNull })
    }
}

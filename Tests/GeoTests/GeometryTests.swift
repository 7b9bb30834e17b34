import XCTest
import Geo

final class GeometryTests: XCTestCase {
    func testWKTRoundTrip() throws {
        let g = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))")
        XCTAssertEqual(g.type, .polygon)
        XCTAssertEqual(g.wkt, "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))")
        XCTAssertEqual(try g.planarArea(), 15)  // 16 - 1
        XCTAssertEqual(try g.planarLength(), 20)  // 16 + 4
    }

    func testWKBRoundTripInBytesAndHex() throws {
        let g = try Geometry(wkt: "LINESTRING (73.28333 48.68333, 72.83598 48.85692)")
        // Little-endian WKB: byte order 1, type 2 (LineString), 2 points, then the four doubles: 9 + 32 bytes.
        XCTAssertEqual(g.wkb.count, 41)
        XCTAssertEqual(Array(g.wkb.prefix(5)), [1, 2, 0, 0, 0])
        XCTAssertEqual(try Geometry(wkb: g.wkb).wkt, g.wkt)
        // POINT(1 2) as PostGIS prints it: ST_AsBinary hex, little endian.
        let point = try Geometry(wkbHex: "0101000000000000000000F03F0000000000000040")
        XCTAssertEqual(point.coordinates, [Coordinate(x: 1, y: 2)])
        XCTAssertEqual(point.wkbHex, "0101000000000000000000F03F0000000000000040")
    }

    func testShapeRoundTripForEveryType() throws {
        let shapes: [Shape] = [
            .point(Coordinate(x: 1, y: 2)),
            .lineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)]),
            .polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)]]),
            .multiPoint([Coordinate(x: 0, y: 0), Coordinate(x: 5, y: 5)]),
            .multiLineString([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)], [Coordinate(x: 2, y: 2), Coordinate(x: 3, y: 2)]]),
            .multiPolygon([[[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)]],
                           [[Coordinate(x: 5, y: 5), Coordinate(x: 6, y: 5), Coordinate(x: 6, y: 6), Coordinate(x: 5, y: 5)]]]),
            .geometryCollection([.point(Coordinate(x: 9, y: 9)), .lineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0)])]),
        ]
        for shape in shapes {
            XCTAssertEqual(try Geometry(shape).shape, shape)
        }
    }

    func testEnvelopeAndEmptiness() throws {
        let g = try Geometry(wkt: "LINESTRING (3 -1, -2 5)")
        XCTAssertEqual(g.envelope, Envelope(minX: -2, minY: -1, maxX: 3, maxY: 5))
        XCTAssertFalse(g.isEmpty)
        let empty = try Geometry(wkt: "POLYGON EMPTY")
        XCTAssertTrue(empty.isEmpty)
        XCTAssertNil(empty.envelope)
    }

    func testPredicates() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        let inside = try Geometry(point: Coordinate(x: 1, y: 1))
        let onEdge = try Geometry(point: Coordinate(x: 2, y: 1))
        let outside = try Geometry(point: Coordinate(x: 3, y: 1))
        XCTAssertTrue(try square.contains(inside))
        XCTAssertFalse(try square.contains(onEdge))  // the boundary is not the interior
        XCTAssertTrue(try square.covers(onEdge))
        XCTAssertTrue(try onEdge.coveredBy(square))
        XCTAssertTrue(try onEdge.touches(square))
        XCTAssertTrue(try inside.within(square))
        XCTAssertTrue(try outside.disjoint(square))
        XCTAssertFalse(try outside.intersects(square))
        XCTAssertEqual(try square.relate(inside), "0F2FF1FF2")  // point in the interior
        XCTAssertTrue(try square.relate(inside, pattern: "T*****FF*"))  // the DE-9IM pattern of contains
        XCTAssertTrue(try square.topologicallyEquals(try Geometry(wkt: "POLYGON ((2 2, 0 2, 0 0, 2 0, 2 2))")))
    }

    func testOverlayOperations() throws {
        let a = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        let b = try Geometry(wkt: "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))")
        XCTAssertEqual(try a.intersection(b).planarArea(), 1)  // the unit square [1,2]²
        XCTAssertEqual(try a.union(b).planarArea(), 7)  // 4 + 4 - 1
        XCTAssertEqual(try a.difference(b).planarArea(), 3)
        XCTAssertEqual(try Geometry.union([a, b]).planarArea(), 7)
        XCTAssertEqual(try Geometry(wkt: "MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)))").unaryUnion().planarArea(), 7)
        XCTAssertEqual(try a.boundary().type, .lineString)
        XCTAssertEqual(try a.centroid().coordinates, [Coordinate(x: 1, y: 1)])
        XCTAssertTrue(try a.covers(try a.pointOnSurface()))
    }

    func testBufferStyles() throws {
        let segment = try Geometry(wkt: "LINESTRING (0 0, 10 0)")
        // Flat caps: exactly the 10 × 2 rectangle.
        XCTAssertEqual(try segment.buffer(1, endCap: .flat).planarArea(), 20, accuracy: 1e-9)
        // Square caps add 1 at each end: 12 × 2.
        XCTAssertEqual(try segment.buffer(1, endCap: .square).planarArea(), 24, accuracy: 1e-9)
        // Round caps add a unit disc, approximated by a 64-gon of area 32 sin(π/32) ≈ 3.13655.
        XCTAssertEqual(try segment.buffer(1, quadrantSegments: 16).planarArea(), 20 + 32 * sin(Double.pi / 32), accuracy: 1e-9)
        // A mitred join on a right angle keeps the outer corner square.
        let corner = try Geometry(wkt: "LINESTRING (0 0, 10 0, 10 10)")
        XCTAssertEqual(try corner.buffer(1, endCap: .flat, join: .mitre).planarArea(), 40, accuracy: 1e-9)
    }

    func testSimplifyKeepsTopology() throws {
        let wiggly = try Geometry(wkt: "LINESTRING (0 0, 1 0.01, 2 -0.01, 3 0.01, 4 0)")
        XCTAssertEqual(try wiggly.simplified(tolerance: 0.1).coordinates, [Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0)])
    }

    func testNearestPointsAndPlanarDistance() throws {
        let line = try Geometry(wkt: "LINESTRING (0 0, 10 0)")
        let point = try Geometry(point: Coordinate(x: 3, y: 4))
        XCTAssertEqual(try point.planarDistance(to: line), 4)
        let (onPoint, onLine) = try point.nearestPoints(to: line)
        XCTAssertEqual(onPoint, Coordinate(x: 3, y: 4))
        XCTAssertEqual(onLine, Coordinate(x: 3, y: 0))
    }

    func testNormalizedGivesOneFormForOneShape() throws {
        let a = try Geometry(wkt: "POLYGON ((2 2, 0 2, 0 0, 2 0, 2 2))").normalized()
        let b = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))").normalized()
        XCTAssertEqual(a.wkt, b.wkt)
        XCTAssertEqual(a.wkt, "POLYGON ((0 0, 0 2, 2 2, 2 0, 0 0))")  // GEOS normal form: shell clockwise from lowest point
    }

    func testErrorsCarryGEOSsText() {
        XCTAssertThrowsError(try Geometry(wkt: "POLYGON ((0 0, 1 0")) { error in
            guard case GeoError.geos(let message) = error else { return XCTFail("expected a GEOS error, got \(error)") }
            XCTAssertTrue(message.contains("ParseException"), message)
        }
        // An unclosed ring is refused by GEOS, not closed silently.
        XCTAssertThrowsError(try Geometry(.polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 1)]]))) { error in
            guard case GeoError.geos(let message) = error else { return XCTFail("expected a GEOS error, got \(error)") }
            XCTAssertTrue(message.lowercased().contains("closed"), message)
        }
    }

    func testPartsOfAMultiGeometry() throws {
        let multi = try Geometry(wkt: "MULTIPOINT ((0 0), (1 1), (2 2))")
        XCTAssertEqual(multi.partCount, 3)
        XCTAssertEqual(multi.parts.map(\.wkt), ["POINT (0 0)", "POINT (1 1)", "POINT (2 2)"])
    }
}

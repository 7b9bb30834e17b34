import XCTest
import Geo
import DepositIndex

final class RFC7946ExportTests: XCTestCase {
    func testLongEdgesAreDensifiedAlongTheGeodesic() throws {
        // Kuryk port to Dostyk: 2476661.13 m (geographiclib, see GeodesicTests) → 25 edges of ≤ 100 km.
        let a = Coordinate(longitude: 51.44161, latitude: 43.16477), b = Coordinate(longitude: 82.48665, latitude: 45.25286)
        let dense = Shape.lineString([a, b]).densified(maxEdgeLength: 100_000)
        guard case .lineString(let cs) = dense else { return XCTFail("\(dense)") }
        XCTAssertEqual(cs.count, 26)
        XCTAssertEqual(Geodesic.wgs84.length(of: dense), 2476661.1305011134, accuracy: 1e-4)
        // A geodesic between two points on one parallel bows poleward: the midpoint lies north of 43.2°.
        XCTAssertGreaterThan(cs[13].latitude, 45.25286)
    }

    func testALineAcrossTheAntimeridianIsCutThere() throws {
        let line = Shape.lineString([Coordinate(longitude: 179, latitude: 60), Coordinate(longitude: -179, latitude: 60)])
        let split = try line.splitAtAntimeridian()
        guard case .multiLineString(let parts) = split else { return XCTFail("\(split)") }
        XCTAssertEqual(parts.count, 2)
        XCTAssertEqual(parts[0].last?.longitude, 180)
        XCTAssertEqual(parts[1].first?.longitude, -180)
        XCTAssertEqual(parts[0].last?.latitude, 60)  // symmetric edge: crosses at its own latitude
    }

    /// The pieces of a polygon cut at the antimeridian cover the same ellipsoidal area as the whole
    /// (geod_polygonarea reads longitudes modulo 360, so it measures the uncut ring correctly).
    func testAPolygonAcrossTheAntimeridianIsCutIntoTwoOfTheSameArea() throws {
        let ring = [(179.0, 60.0), (-179, 60), (-179, 61), (179, 61), (179, 60)].map { Coordinate(longitude: $0.0, latitude: $0.1) }
        let whole = abs(Geodesic.wgs84.ringArea(ring).area)
        let prepared = try Shape.polygon([ring]).preparedForRFC7946(maxEdgeLength: 5_000)
        guard case .multiPolygon(let pieces) = prepared else { return XCTFail("\(prepared)") }
        XCTAssertEqual(pieces.count, 2)
        for piece in pieces {
            XCTAssertTrue(piece[0].allSatisfy { abs($0.longitude) <= 180 })
        }
        XCTAssertEqual(Geodesic.wgs84.area(of: prepared), whole, accuracy: whole * 1e-6)
        XCTAssertTrue(prepared.isWoundForRFC7946)
    }

    func testClockwiseShellsAreRewound() throws {
        let clockwise = [(0.0, 0.0), (0, 1), (1, 1), (1, 0), (0, 0)].map { Coordinate(longitude: $0.0, latitude: $0.1) }
        let shape = Shape.polygon([clockwise])
        XCTAssertFalse(shape.isWoundForRFC7946)
        let prepared = try shape.preparedForRFC7946()
        XCTAssertTrue(prepared.isWoundForRFC7946)
        XCTAssertEqual(Geodesic.wgs84.area(of: prepared), Geodesic.wgs84.area(of: shape), accuracy: 1)
    }
}

import XCTest
import Geo

final class ProjectionTests: XCTestCase {
    /// Expected: PROJ 9.1.1's own command-line tool,
    /// `echo "48.68333 73.28333" | cs2cs -f "%.4f" EPSG:4326 EPSG:32643` → 373646.7501 5393675.9330
    /// (EPSG:4326 takes latitude first on the command line; our API always takes longitude first).
    func testUTMMatchesCs2cs() throws {
        let utm = try Projection(from: "EPSG:4326", to: "EPSG:32643")
        let p = try utm.forward(Coordinate(longitude: 73.28333, latitude: 48.68333))
        XCTAssertEqual(p.x, 373646.7501, accuracy: 0.01)
        XCTAssertEqual(p.y, 5393675.9330, accuracy: 0.01)
        let back = try utm.inverse(p)
        XCTAssertEqual(back.longitude, 73.28333, accuracy: 1e-9)
        XCTAssertEqual(back.latitude, 48.68333, accuracy: 1e-9)
    }

    /// Expected: `echo "43.16477 51.44161" | cs2cs -f "%.4f" EPSG:4326 EPSG:32639` → 535898.5958 4779207.1314
    func testUTMZone39AtKuryk() throws {
        let p = try Projection(from: "EPSG:4326", to: "EPSG:32639").forward(Coordinate(longitude: 51.44161, latitude: 43.16477))
        XCTAssertEqual(p.x, 535898.5958, accuracy: 0.01)
        XCTAssertEqual(p.y, 4779207.1314, accuracy: 0.01)
    }

    /// Pulkovo-1942 Gauss-Krüger zone 13 officially orders its axes northing first; after normalisation
    /// for visualisation it is easting first like every other CRS here.
    /// Expected: `echo "48.68333 73.28333" | cs2cs -f "%.4f" EPSG:4326 EPSG:28413` → 5395884.7952 13373647.8121
    /// (northing, then easting with the zone prefix 13).
    func testPulkovoGaussKrugerIsEastingFirst() throws {
        let p = try Projection(from: "EPSG:4326", to: "EPSG:28413").forward(Coordinate(longitude: 73.28333, latitude: 48.68333))
        XCTAssertEqual(p.x, 13373647.8121, accuracy: 0.01)
        XCTAssertEqual(p.y, 5395884.7952, accuracy: 0.01)
    }

    func testUnknownCRSIsAnErrorWithPROJsWords() {
        XCTAssertThrowsError(try Projection(from: "EPSG:4326", to: "EPSG:999999")) { error in
            guard case GeoError.proj(let message) = error else { return XCTFail("expected a PROJ error, got \(error)") }
            XCTAssertTrue(message.contains("EPSG:999999"), message)
        }
    }

    func testTransformsWholeGeometries() throws {
        let utm = try Projection(from: "EPSG:4326", to: "EPSG:32643")
        let line = try Geometry(wkt: "LINESTRING (73 48, 73.5 48.5)")
        let projected = try utm.forward(line)
        XCTAssertEqual(projected.type, .lineString)
        let back = try utm.inverse(projected).coordinates
        XCTAssertEqual(back[1].x, 73.5, accuracy: 1e-9)
        XCTAssertEqual(back[1].y, 48.5, accuracy: 1e-9)
    }

    /// The azimuthal equidistant projection keeps distances from its centre: a point 100 km away along
    /// azimuth 30° (geographiclib Direct, see GeodesicTests) lies 100 km from the origin of the plane.
    func testAzimuthalEquidistantKeepsDistanceFromCentre() throws {
        let centre = Coordinate(longitude: 73, latitude: 48)
        let aeqd = try LocalProjection.centered(on: centre, kind: .azimuthalEquidistant)
        let far = Geodesic.wgs84.direct(from: centre, azimuth: 30, distance: 100_000).point
        let p = try aeqd.forward(far)
        XCTAssertEqual((p.x * p.x + p.y * p.y).squareRoot(), 100_000, accuracy: 0.001)
        // And the direction: azimuth 30° clockwise from north is atan2(x, y).
        XCTAssertEqual(atan2(p.x, p.y) * 180 / .pi, 30, accuracy: 1e-7)
    }

    /// The Lambert azimuthal equal-area projection keeps areas: a 1°×1° geodesic cell at 48°N measured
    /// in the plane equals its ellipsoidal area (geographiclib Polygon: 8217589924.770447 m²) once its
    /// edges are densified along the geodesics, which the plane draws as curves.
    func testLambertEqualAreaKeepsArea() throws {
        let corners = [(0.0, 48.0), (1, 48), (1, 49), (0, 49)].map { Coordinate(longitude: $0.0, latitude: $0.1) }
        var ring = [Coordinate]()
        for (a, b) in zip(corners, corners.dropFirst() + [corners[0]]) {
            ring += Geodesic.wgs84.line(from: a, to: b, maxSpacing: 200).dropLast()
        }
        ring.append(ring[0])
        let cell = try Geometry(.polygon([ring]))
        let laea = try LocalProjection.forAreas(around: cell)
        XCTAssertEqual(try laea.forward(cell).planarArea(), 8217589924.770447, accuracy: 8217589924.770447 * 1e-7)
    }

    func testCentreOfAnExtentAcrossTheAntimeridian() {
        let box = Envelope(minX: -179, minY: 60, maxX: 179, maxY: 62)
        let c = LocalProjection.center(of: box)
        XCTAssertEqual(abs(c.longitude), 180, accuracy: 1e-9)
        XCTAssertEqual(c.latitude, 61)
    }
}

import XCTest
import Geo

/// Expected values come from Karney's reference implementation, the Python package `geographiclib`
/// 2.0 (`pip install geographiclib`), computed once with
/// `Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)` → `s12`, `azi1`, `azi2` for each row below.
final class GeodesicTests: XCTestCase {
    // (lat1, lon1, lat2, lon2, s12 m, azi1°, azi2°)
    static let inverseCases: [(Double, Double, Double, Double, Double, Double, Double)] = [
        (48.68333, 73.28333, 48.85692, 72.83598, 38131.15185194485, -59.41723449048368, -59.75367474237663),  // Upper Kairakty to Zharyk
        (51.19582, 71.40929, 43.34142, 76.94922, 967959.8201839126, 152.28004577451645, 156.36042014184198),  // Astana-1 to Almaty-1
        (0, 0, 0, 1, 111319.49079327357, 90.0, 90.0),
        (0, 0, 1, 0, 110574.38855779878, 0.0, 0.0),
        (48, 73, 48.08993, 73, 9999.42436204832, 0.0, 0.0),
        (40.64, -73.78, 1.36, 103.99, 15347512.94051294, 3.3057734780176125, 177.48784020815515),  // JFK to Singapore
        (-41.32, 174.81, 40.96, -5.5, 19959679.26735382, 161.06766998616015, 18.825195123247063),  // Wellington to Salamanca
        (0, 0, 0.5, 179.5, 19936288.578965314, 25.67187286829188, 154.3270854699416),  // nearly antipodal
        (0, 0, -0.5, 179.7, 19944127.420750458, 164.44311720650944, 15.557486109145055),  // nearly antipodal
        (30, 0, -29.9, 179.8, 19989832.82760953, 18.109475263673023, 161.9092627542605),  // nearly antipodal
        (-30, 10, 29.95, -170.1, 19997557.799912006, 170.08812987436056, 9.906857506140836),  // nearly antipodal
        (0, 0, 0, 179.9, 20003008.42150941, 9.545672694738908, 170.4543273052611),  // equatorial, nearly antipodal
        (89.9, 0, -89.9, 180, 20003931.458625447, 0.0, 180.0),  // nearly pole to pole
        (90, 0, -90, 0, 20003931.458625447, 180.0, 180.0),  // pole to pole
        (0, -180, 0, 180, 0.0, 180.0, 180.0),  // the same point on both sides of the antimeridian
        (45, 45, 45, 45.000001, 0.07884683489490897, 89.99999964644661, 90.00000035355339),  // 8 cm
        (10, 20, -10, -20, 4951449.037497902, -115.352939098967, -115.352939098967),
        (60, -150, -60, 30.3, 19995624.889961265, -82.89385835437268, -97.10614164562732),  // nearly antipodal
        (-33.86, 151.21, 51.47, -0.45, 17010080.137537323, -40.5469258468475, -120.03584230281476),  // Sydney to London
        (43.16477, 51.44161, 45.25286, 82.48665, 2476661.1305011134, 73.82610365206541, 95.75179804085315),  // Kuryk to Dostyk
        (47.0, 61.0, 47.0, 62.0, 76055.4819589822, 89.634318818078, 90.365681181922),
        (52.3, 76.97, 52.3001, 76.97, 11.127304702614248, 0.0, 0.0),
    ]

    func testInverseMatchesGeographicLib() {
        var largestDistanceError = 0.0, largestAzimuthError = 0.0
        for (lat1, lon1, lat2, lon2, s12, azi1, azi2) in Self.inverseCases {
            let r = Geodesic.wgs84.inverse(Coordinate(longitude: lon1, latitude: lat1), Coordinate(longitude: lon2, latitude: lat2))
            let where_ = "(\(lat1), \(lon1)) to (\(lat2), \(lon2))"
            XCTAssertEqual(r.distance, s12, accuracy: 0.001, where_)
            XCTAssertEqual(r.azimuth1, azi1, accuracy: 1e-9, where_)
            XCTAssertEqual(r.azimuth2, azi2, accuracy: 1e-9, where_)
            largestDistanceError = max(largestDistanceError, abs(r.distance - s12))
            largestAzimuthError = max(largestAzimuthError, abs(r.azimuth1 - azi1), abs(r.azimuth2 - azi2))
        }
        print("Largest error against GeographicLib: distance \(largestDistanceError) m, azimuth \(largestAzimuthError)°")
    }

    func testDirectMatchesGeographicLib() {
        // geographiclib: Geodesic.WGS84.Direct(48.0, 73.0, 30.0, 100000.0)
        //   → lat2 48.77682291870587, lon2 73.68027730498413, azi2 30.508633061534624
        let r = Geodesic.wgs84.direct(from: Coordinate(longitude: 73, latitude: 48), azimuth: 30, distance: 100_000)
        XCTAssertEqual(r.point.latitude, 48.77682291870587, accuracy: 1e-10)
        XCTAssertEqual(r.point.longitude, 73.68027730498413, accuracy: 1e-10)
        XCTAssertEqual(r.azimuth, 30.508633061534624, accuracy: 1e-9)
        // geographiclib: Geodesic.WGS84.Direct(48.0, 73.0, 0.0, 10000.0) → lat2 48.08993517696939
        let north = Geodesic.wgs84.direct(from: Coordinate(longitude: 73, latitude: 48), azimuth: 0, distance: 10_000)
        XCTAssertEqual(north.point.latitude, 48.08993517696939, accuracy: 1e-10)
        XCTAssertEqual(north.point.longitude, 73, accuracy: 1e-12)
    }

    func testLinePointsLieOnTheGeodesicAndAreEvenlySpaced() {
        let a = Coordinate(longitude: 51.44161, latitude: 43.16477), b = Coordinate(longitude: 82.48665, latitude: 45.25286)
        let points = Geodesic.wgs84.line(from: a, to: b, maxSpacing: 100_000)
        // 2476661.13 m / 100 km → 25 equal steps of 99066.4 m, 26 points.
        XCTAssertEqual(points.count, 26)
        XCTAssertEqual(points.first, a)
        XCTAssertEqual(points.last, b)
        let total = Geodesic.wgs84.distance(a, b)
        for (p, q) in zip(points, points.dropFirst()) {
            XCTAssertEqual(Geodesic.wgs84.distance(p, q), total / 25, accuracy: 1e-6)
        }
        // On the geodesic: the two legs through any intermediate point add up to the whole.
        let mid = points[12]
        XCTAssertEqual(Geodesic.wgs84.distance(a, mid) + Geodesic.wgs84.distance(mid, b), total, accuracy: 1e-6)
    }

    /// The area of the cell between two parallels and two meridians has a closed form on the ellipsoid:
    /// A = b² Δλ / 2 · [q(φ₂) − q(φ₁)], q(φ) = sin φ / (1 − e² sin² φ) + ln((1 + e sin φ)/(1 − e sin φ)) / (2e).
    /// A polygon's edges are geodesics, which bow poleward of the parallels, so the parallels are
    /// densified (2,000 steps; the bow then changes the area by under 0.01 m²) before comparing.
    func testCellAreaMatchesClosedForm() {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let b = a * (1 - f), e2 = f * (2 - f), e = e2.squareRoot()
        func q(_ latitude: Double) -> Double {
            let s = sin(latitude * .pi / 180)
            return s / (1 - e2 * s * s) + log((1 + e * s) / (1 - e * s)) / (2 * e)
        }
        // Closed form, evaluated in Python with the same formula: 12308463893.975204 m² at 0°N,
        // 8217732076.120894 m² at 48°N.
        for (south, expected) in [(0.0, 12308463893.975204), (48.0, 8217732076.120894)] {
            let closedForm = b * b * (Double.pi / 180) / 2 * (q(south + 1) - q(south))
            XCTAssertEqual(closedForm, expected, accuracy: 1e-3)
            let steps = 2000
            var ring = [Coordinate]()
            for i in 0...steps { ring.append(Coordinate(longitude: Double(i) / Double(steps), latitude: south)) }
            for i in 0...steps { ring.append(Coordinate(longitude: 1 - Double(i) / Double(steps), latitude: south + 1)) }
            ring.append(ring[0])
            let area = Geodesic.wgs84.area(of: .polygon([ring]))
            XCTAssertEqual(area, closedForm, accuracy: 1.0, "cell at \(south)°N")
        }
    }

    func testCellAreaWithGeodesicEdgesMatchesGeographicLib() {
        // geographiclib: p = Geodesic.WGS84.Polygon(); p.AddPoint(lat, lon) for (48,0),(48,1),(49,1),(49,0);
        // p.Compute() → (4, 370196.1683474253, 8217589924.770447): perimeter and area, counter-clockwise.
        let ring = [(0.0, 48.0), (1, 48), (1, 49), (0, 49), (0, 48)].map { Coordinate(longitude: $0.0, latitude: $0.1) }
        let r = Geodesic.wgs84.ringArea(ring)
        XCTAssertEqual(r.area, 8217589924.770447, accuracy: 0.01)
        XCTAssertEqual(r.perimeter, 370196.1683474253, accuracy: 1e-6)
        // Clockwise gives the negative area; area(of:) ignores winding.
        XCTAssertEqual(Geodesic.wgs84.ringArea(ring.reversed()).area, -8217589924.770447, accuracy: 0.01)
        XCTAssertEqual(Geodesic.wgs84.area(of: .polygon([ring.reversed()])), 8217589924.770447, accuracy: 0.01)
    }

    func testHolesSubtractFromArea() {
        // The 1°×1° geodesic cell at the equator (geographiclib Polygon: 12308778361.469452 m²) with the same
        // cell scaled by half as a hole: the result is the outer minus the inner, each measured on its own.
        let outer = [(0.0, 0.0), (1, 0), (1, 1), (0, 1), (0, 0)].map { Coordinate(longitude: $0.0, latitude: $0.1) }
        let inner = [(0.25, 0.25), (0.25, 0.75), (0.75, 0.75), (0.75, 0.25), (0.25, 0.25)].map { Coordinate(longitude: $0.0, latitude: $0.1) }
        let whole = Geodesic.wgs84.area(of: .polygon([outer]))
        XCTAssertEqual(whole, 12308778361.469452, accuracy: 0.01)
        let holeArea = abs(Geodesic.wgs84.ringArea(inner).area)
        XCTAssertEqual(Geodesic.wgs84.area(of: .polygon([outer, inner])), whole - holeArea, accuracy: 1e-3)
        XCTAssertEqual(holeArea / whole, 0.25, accuracy: 1e-4)
    }
}

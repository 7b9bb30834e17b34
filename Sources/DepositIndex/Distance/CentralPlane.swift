import Foundation
import Geo

/// The plane tangent to the ellipsoid at a query's centre, onto which points are projected from the
/// Earth's centre. A plane through the Earth's centre cuts the ellipsoid in a great ellipse and the
/// tangent plane in a straight line, so great-ellipse arcs map to straight segments. A geodesic edge
/// departs from the great-ellipse arc between its ends by up to about e²L²/16a (`straightnessGap`), so
/// crossings and containment are decided here with plain segment tests, without a geodesic solve, where
/// the answer is robust against that gap (see `DistanceQuery.meeting`).
struct CentralPlane {
    let origin: Cartesian
    private let up: Cartesian
    private let east: Cartesian
    private let north: Cartesian
    private let height: Double

    /// How far the image of a geodesic edge whose ends are `chord` metres apart can stray from the
    /// straight segment between its ends' images: e²L²/16a at worst (an east–west edge at 45°), with half
    /// as much again to spare: 0.1 mm at 1 km, 0.9 mm at 3 km, 3 cm at 17 km.
    static func straightnessGap(chord: Double) -> Double {
        let length = chord * 1.001
        return 1.5 * WGS84.e2 * length * length / (16 * WGS84.a) + 1e-9
    }

    init(center: Coordinate) {
        let lat = center.latitude * .pi / 180, lon = center.longitude * .pi / 180
        let sinLat = sin(lat), cosLat = cos(lat), sinLon = sin(lon), cosLon = cos(lon)
        origin = Cartesian(center)
        up = Cartesian(x: cosLat * cosLon, y: cosLat * sinLon, z: sinLat)
        east = Cartesian(x: -sinLon, y: cosLon, z: 0)
        north = Cartesian(x: -sinLat * cosLon, y: -sinLat * sinLon, z: cosLat)
        height = up.dot(origin)
    }

    /// How much the plane stretches ground lengths at `p`: (h / up·p)², the square of the secant of its
    /// angle from the centre (radially the central projection stretches by that square, sideways by its
    /// root); 1 at the centre, 1.7 at 40°, 15 at 75°. Gaps on the ground grow by as much in the plane.
    func stretch(_ p: Cartesian) -> Double {
        let k = height / up.dot(p)
        return k * k
    }

    /// The point's image in metres east and north of the centre; nil for points a quarter of the Earth
    /// away or more, which have none.
    func project(_ p: Cartesian) -> Coordinate? {
        let along = up.dot(p)
        guard along > height * 1e-3 else { return nil }
        let k = height / along
        let q = Cartesian(x: p.x * k - origin.x, y: p.y * k - origin.y, z: p.z * k - origin.z)
        return Coordinate(x: q.dot(east), y: q.dot(north))
    }

    /// The surface point whose image is `q`.
    func unproject(_ q: Coordinate) -> Coordinate {
        let x = origin.x + q.x * east.x + q.y * north.x
        let y = origin.y + q.x * east.y + q.y * north.y
        let z = origin.z + q.x * east.z + q.y * north.z
        // Along the ray from the Earth's centre to the ellipsoid, then geodetic latitude of a surface point.
        let b2 = WGS84.a * WGS84.a * (1 - WGS84.e2)
        let t = 1 / ((x * x + y * y) / (WGS84.a * WGS84.a) + z * z / b2).squareRoot()
        let px = x * t, py = y * t, pz = z * t
        let lat = atan2(pz, (1 - WGS84.e2) * (px * px + py * py).squareRoot())
        return Coordinate(longitude: atan2(py, px) * 180 / .pi, latitude: lat * 180 / .pi)
    }
}

import Foundation
import Geo

/// The ellipsoidal azimuthal equidistant plane centred on a query, computed straight from the geodesic:
/// a point at geodesic distance s and azimuth α from the centre maps to (s sin α, s cos α). This is what
/// PROJ's `+proj=aeqd +ellps=WGS84` does (it calls `geod_inverse` too, as `Geodesic.inverse` in
/// `Sources/Geo/Geodesic.swift` does here; a test checks they agree to a millimetre), without building a
/// PROJ pipeline per query, which would cost more than the query.
///
/// Distances from the centre are exact. Any other distance is stretched, never shrunk: the transverse
/// scale is s/m₁₂ ≥ 1 because the ellipsoid's curvature is positive, and at most θ/sin θ with
/// θ = s / a(1 - e²) (Rauch comparison with a sphere of the smallest radius of curvature). So the plane
/// gives both a seed and a rigorous lower bound: true ≥ planar / `maximumScale`.
struct LocalPlane {
    let center: Coordinate

    init(center: Coordinate) {
        self.center = center
    }

    func project(_ c: Coordinate) -> Coordinate {
        let inv = Geodesic.wgs84.inverse(center, c)
        let az = inv.azimuth1 * .pi / 180
        return Coordinate(x: inv.distance * sin(az), y: inv.distance * cos(az))
    }

    func unproject(_ p: Coordinate) -> Coordinate {
        let s = (p.x * p.x + p.y * p.y).squareRoot()
        if s == 0 { return center }
        return Geodesic.wgs84.direct(from: center, azimuth: atan2(p.x, p.y) * 180 / .pi, distance: s).point
    }

    /// An upper bound on the plane's scale anywhere within `radius` metres of the centre; infinity where
    /// the bound stops being useful (beyond about 9 000 km).
    static func maximumScale(within radius: Double) -> Double {
        let theta = radius * 1.01 / WGS84.minimumRadius
        if theta < 1e-4 { return 1 + theta * theta / 6 + 1e-12 }
        if theta > 1.4 { return .infinity }
        return theta / sin(theta) * (1 + 1e-9)
    }

    /// How far the image of a geodesic edge of planar length `length` can stray from its straight chord
    /// when its ends lie within `radius` of the centre: the image bends with curvature of order ρ/R²,
    /// so by about κL²/8; this allows eight times that.
    static func chordDeviation(length: Double, within radius: Double) -> Double {
        let r = WGS84.minimumRadius
        return length * length * radius / (r * r) + 1e-6
    }
}

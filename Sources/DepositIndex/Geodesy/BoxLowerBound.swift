import Foundation
import Geo

/// A query position prepared for lower bounds on geodesic distance to longitude/latitude boxes.
///
/// Why the bound holds: on WGS84 the radii of curvature are never below the meridian radius at the
/// equator, a(1 - e²) = 6 335 439 m. Reading geodetic latitude and longitude as coordinates on a sphere of
/// that radius therefore shrinks every curve, so the ellipsoidal geodesic distance between two points is at
/// least that sphere's great-circle distance between them. The great-circle distance to a box is exact
/// (the nearest meridian edge in wrapped longitude, then the best latitude on it), so the bound is about
/// 0.7% low and never high. Boxes may reach past ±180° (an edge crossing the antimeridian is unwrapped);
/// longitude differences are taken modulo 360°.
struct BoxLowerBound {
    /// a(1 - e²) on WGS84, metres: the smallest radius of curvature anywhere on the ellipsoid.
    static let minimumRadius = 6_378_137.0 * (1 - 0.0066943799901413165)
    /// Relative slack for rounding in the trigonometry (haversine form keeps it near 1e-15).
    private static let shrink = 1 - 1e-9

    let lon: Double
    let lat: Double
    private let latRad: Double
    private let cosLat: Double
    private let sinLat: Double

    init(_ c: Coordinate) {
        lon = c.longitude
        lat = c.latitude
        latRad = lat * .pi / 180
        cosLat = cos(latRad)
        sinLat = sin(latRad)
    }

    /// Metres; never more than the geodesic distance from the point to anything inside `box`.
    func distance(to box: Envelope) -> Double {
        distance(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY)
    }

    func distance(minX: Double, minY: Double, maxX: Double, maxY: Double) -> Double {
        let width = maxX - minX
        var dLon = 0.0
        if width < 360 {
            var d = lon - minX
            // Only a difference outside [0, 360) needs the (costly) remainder.
            if d < 0 || d >= 360 {
                d = d.truncatingRemainder(dividingBy: 360)
                if d < 0 { d += 360 }
            }
            if d > width { dLon = Swift.min(d - width, 360 - d) }
        }
        if dLon == 0 {
            if lat < minY { return (minY - lat) * .pi / 180 * Self.minimumRadius * Self.shrink }
            if lat > maxY { return (lat - maxY) * .pi / 180 * Self.minimumRadius * Self.shrink }
            return 0
        }
        // On the nearest meridian edge, cos(distance) = A sin φ + B cos φ, a sinusoid in φ with its peak at
        // atan2(A, B): the nearest point is that peak when it lies on the edge, otherwise an edge end.
        let dLonRad = dLon * .pi / 180
        let a = sinLat, b = cosLat * cos(dLonRad)
        let peak = atan2(a, b)
        let lo = minY * .pi / 180, hi = maxY * .pi / 180
        var angle = Swift.min(haversineAngle(lo, dLonRad), haversineAngle(hi, dLonRad))
        if peak > lo && peak < hi { angle = Swift.min(angle, haversineAngle(peak, dLonRad)) }
        return angle * Self.minimumRadius * Self.shrink
    }

    /// Central angle to (φ, Δλ) in the haversine form, which stays accurate for tiny angles.
    private func haversineAngle(_ phi: Double, _ dLon: Double) -> Double {
        let sdPhi = sin((phi - latRad) / 2), sdLon = sin(dLon / 2)
        let h = sdPhi * sdPhi + cosLat * cos(phi) * sdLon * sdLon
        return 2 * asin(Swift.min(1, h.squareRoot()))
    }
}

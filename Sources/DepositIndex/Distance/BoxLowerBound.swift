import Foundation
import Geo

/// A query position prepared for lower bounds on geodesic distance to longitude/latitude boxes.
///
/// Why the bound holds: on WGS84 the radii of curvature are never below the meridian radius at the
/// equator, a(1 - e²) = 6 335 439 m. Reading geodetic latitude and longitude as coordinates on a sphere of
/// that radius therefore shrinks every curve, so the ellipsoidal geodesic distance between two points is at
/// least that sphere's great-circle distance between them. For a point outside the box's longitudes the
/// nearest point of the box lies on its nearest side meridian (along a parallel, distance grows with the
/// longitude difference); on that meridian cos θ = sin φ₀ sin φ + cos φ₀ cos Δλ cos φ is a sinusoid in φ,
/// largest at its peak when the peak lies on the side, otherwise at an end. So the bound is about 0.7% low
/// and never high. Boxes may reach past ±180° (an edge crossing the antimeridian is unwrapped); longitude
/// differences are taken modulo 360°.
struct BoxLowerBound {
    /// Relative slack for rounding.
    private static let shrink = 1 - 1e-9

    let lon: Double
    let lat: Double
    private let sinLat: Double
    private let cosLat: Double
    private let sinLon: Double
    private let cosLon: Double

    init(_ c: Coordinate) {
        lon = c.longitude
        lat = c.latitude
        sinLat = sin(lat * .pi / 180)
        cosLat = cos(lat * .pi / 180)
        sinLon = sin(lon * .pi / 180)
        cosLon = cos(lon * .pi / 180)
    }

    /// Metres; never more than the geodesic distance from the point to anything inside `box`.
    func distance(to box: Envelope) -> Double {
        distance(to: TrigBox(box))
    }

    func distance(minX: Double, minY: Double, maxX: Double, maxY: Double) -> Double {
        distance(to: TrigBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY))
    }

    func distance(to b: TrigBox) -> Double {
        let width = b.maxX - b.minX
        var dLon = 0.0, eastSide = false
        if width < 360 {
            var d = lon - b.minX
            // Only a difference outside [0, 360) needs the (costly) remainder; one in (-360, 0), the usual
            // case west of a box, is brought in by adding a turn, which is what the remainder and the
            // turn added after it would give (the remainder of such a d is d itself).
            if d < 0 && d > -360 {
                d += 360
            } else if d < 0 || d >= 360 {
                d = d.truncatingRemainder(dividingBy: 360)
                if d < 0 { d += 360 }
            }
            if d > width {
                // The point lies east of the box by d - width, or west of it by 360 - d.
                eastSide = d - width <= 360 - d
                dLon = eastSide ? d - width : 360 - d
            }
        }
        if dLon == 0 {
            if lat < b.minY { return (b.minY - lat) * .pi / 180 * WGS84.minimumRadius * Self.shrink }
            if lat > b.maxY { return (lat - b.maxY) * .pi / 180 * WGS84.minimumRadius * Self.shrink }
            return 0
        }
        // cos Δλ to the nearest side, from the sides' precomputed sines and cosines.
        let cosDLon = eastSide ? cosLon * b.cosMaxX + sinLon * b.sinMaxX : cosLon * b.cosMinX + sinLon * b.sinMinX
        let a = sinLat, c = cosLat * cosDLon
        var largest = max(a * b.sinMinY + c * b.cosMinY, a * b.sinMaxY + c * b.cosMaxY)
        if c > 0 {
            // The peak lies at sin φ = a / √(a² + c²), within ±90°.
            let amplitude = (a * a + c * c).squareRoot()
            let sinPeak = a / amplitude
            if sinPeak > b.sinMinY && sinPeak < b.sinMaxY { largest = amplitude }
        }
        // sin²(θ/2) = (1 - cos θ)/2, less a margin for rounding in the cosine (a few 10⁻¹⁶).
        let h = max(0, (1 - largest) / 2 - 2e-15)
        let s = h.squareRoot()
        // θ = 2 asin s ≥ 2 s; the arcsine is worth its cost only for far boxes.
        let angle = s < 0.01 ? 2 * s : 2 * asin(min(1, s))
        return angle * WGS84.minimumRadius * Self.shrink
    }
}

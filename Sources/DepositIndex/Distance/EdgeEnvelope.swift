import Foundation
import Geo

/// Boxes that hold whole geodesic edges, not just their vertices.
///
/// A geodesic between two vertices at the same latitude bows towards the pole: about 120 m for one degree
/// of longitude at 48°N. A box of the vertices alone would miss that bow, and a lower bound from it could
/// exceed the true distance. On the auxiliary sphere the bow above the higher vertex is at most
/// tan(φ)(1 - cos Δλ) ≤ tan(φ) Δλ²/2 (Clairaut's relation); the pad below takes that with 20% to spare
/// for the ellipsoid, and gives up (reaching to the pole) for edges too long or too near a pole for it.
enum EdgeEnvelope {
    /// The box of the edge from `a` to `b`. The second longitude is unwrapped to within 180° of the first,
    /// so an edge across the antimeridian gets a box reaching past ±180°.
    static func of(_ a: Coordinate, _ b: Coordinate) -> Envelope {
        let bLon = a.longitude + wrappedDelta(b.longitude - a.longitude)
        var box = Envelope(minX: min(a.longitude, bLon), minY: min(a.latitude, b.latitude),
                           maxX: max(a.longitude, bLon), maxY: max(a.latitude, b.latitude))
        pad(&box, dLon: abs(bLon - a.longitude))
        return box
    }

    /// Widens `box` in latitude for the bow of geodesics spanning `dLon` degrees of longitude.
    static func pad(_ box: inout Envelope, dLon: Double) {
        if dLon == 0 { return }
        let highest = max(abs(box.minY), abs(box.maxY))
        let dLonRad = dLon * .pi / 180
        if dLonRad > 0.2 || highest > 85 {
            if box.maxY > -1 { box.maxY = 90 }
            if box.minY < 1 { box.minY = -90 }
            return
        }
        let padDeg = tan((highest + 1) * .pi / 180) * dLonRad * dLonRad * 0.6 * 180 / .pi + 1e-12
        box.minY = max(-90, box.minY - padDeg)
        box.maxY = min(90, box.maxY + padDeg)
    }

    /// `d` reduced to [-180, 180).
    static func wrappedDelta(_ d: Double) -> Double {
        var x = (d + 180).truncatingRemainder(dividingBy: 360)
        if x < 0 { x += 360 }
        return x - 180
    }

    /// The latitudes the geodesic from `a` to `b` reaches, solved on the ellipsoid: its vertex (the
    /// highest or lowest point of the whole geodesic, reduced latitude β₀ with cos β₀ = |sin α₀|, Clairaut's
    /// constant sin α₀ = sin α₁ cos β₁) when it lies between the two (heading north at `a` and south at `b`,
    /// or the reverse), else the two ends; widened by 1e-9° (0.1 mm) for rounding. One geodesic solve: for
    /// the edges `pad` gives up on, where a box is kept (the store's edge index).
    static func exactLatitudes(_ box: inout Envelope, _ a: Coordinate, _ b: Coordinate) {
        let g = Geodesic.wgs84.inverse(a, b)
        let reduced = atan((1 - WGS84.f) * tan(a.latitude * .pi / 180))
        // sin α₀ and cos α₀ in GeographicLib's well-conditioned form (cos α₀ = hypot(cos α₁, sin α₁ sin β₁),
        // not √(1 - sin²α₀), which loses the vertex of a geodesic close to the equator); the vertex's
        // reduced latitude has sin β₀ = cos α₀ and cos β₀ = sin α₀, and tan φ₀ = tan β₀ / (1 - f).
        let sinAlpha1 = sin(g.azimuth1 * .pi / 180), cosAlpha1 = cos(g.azimuth1 * .pi / 180)
        let sinAlpha0 = abs(sinAlpha1 * cos(reduced))
        let cosAlpha0 = (cosAlpha1 * cosAlpha1 + sinAlpha1 * sinAlpha1 * sin(reduced) * sin(reduced)).squareRoot()
        let vertex = atan2(cosAlpha0, (1 - WGS84.f) * sinAlpha0) * 180 / .pi
        let north1 = cos(g.azimuth1 * .pi / 180), north2 = cos(g.azimuth2 * .pi / 180)
        var lo = min(a.latitude, b.latitude), hi = max(a.latitude, b.latitude)
        if north1 > 0 && north2 < 0 { hi = max(hi, vertex) }
        if north1 < 0 && north2 > 0 { lo = min(lo, -vertex) }
        guard lo.isFinite, hi.isFinite else { return pad(&box, dLon: 180) }
        box.minY = max(-90, lo - 1e-9)
        box.maxY = min(90, hi + 1e-9)
    }

    /// True when `pad` gives up on an edge, reaching to the pole.
    static func padGivesUp(_ box: Envelope, dLon: Double) -> Bool {
        dLon != 0 && (dLon * .pi / 180 > 0.2 || max(abs(box.minY), abs(box.maxY)) > 85)
    }

    /// The box of a chain of geodesic edges (or of a single point). With `exactNearPoles`, the edges `pad`
    /// gives up on (near a pole, or long) get their latitudes solved (`exactLatitudes`) instead.
    static func of(chain: ArraySlice<Coordinate>, exactNearPoles: Bool = false) -> Envelope {
        guard let first = chain.first else { return Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        var box = Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        // Unwrap the chain's longitudes continuously so an antimeridian crossing stays one box.
        var lon = first.longitude
        var previous = first
        for c in chain.dropFirst() {
            let next = lon + wrappedDelta(c.longitude - previous.longitude)
            var edge = Envelope(minX: min(lon, next), minY: min(previous.latitude, c.latitude),
                                maxX: max(lon, next), maxY: max(previous.latitude, c.latitude))
            if exactNearPoles && padGivesUp(edge, dLon: abs(next - lon)) {
                exactLatitudes(&edge, previous, c)
            } else {
                pad(&edge, dLon: abs(next - lon))
            }
            box.expand(toInclude: edge)
            lon = next
            previous = c
        }
        if box.minX < -180 || box.maxX > 180 {
            // Shift so the box starts inside [-180, 180); BoxLowerBound wraps the rest.
            let shift = box.minX < -180 ? 360.0 : (box.minX >= 180 ? -360.0 : 0)
            box.minX += shift
            box.maxX += shift
        }
        return box
    }
}

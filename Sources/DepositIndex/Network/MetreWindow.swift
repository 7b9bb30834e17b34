import Foundation
import Geo

/// A longitude/latitude box that provably holds every point within a geodesic distance of a centre, so an
/// R-tree window search in degrees finds a superset of the candidates, which are then decided in metres.
enum MetreWindow {
    /// The box around `centre` holding every point whose geodesic distance from it is at most `metres`.
    ///
    /// Proof. Along any path on the ellipsoid ds² = M² dφ² + (N cos φ)² dλ², with M ≥ a(1 − e²)
    /// (`WGS84.minimumRadius`, the meridian's radius at the equator) and N ≥ a. So a path of length s
    /// changes latitude by at most s / (a(1 − e²)) radians, and, staying within latitudes whose
    /// |φ| ≤ φmax, changes longitude by at most s / (a cos φmax) radians. The geodesic is such a path.
    /// A relative 1e-9 is added for rounding; where φmax reaches a pole, every longitude is allowed.
    static func around(_ centre: Coordinate, metres: Double) -> Envelope {
        let dLat = metres / WGS84.minimumRadius * (1 + 1e-9) * 180 / .pi + 1e-12
        let minY = max(-90, centre.latitude - dLat), maxY = min(90, centre.latitude + dLat)
        let highest = max(abs(minY), abs(maxY))
        if highest >= 89.999 { return Envelope(minX: -180, minY: minY, maxX: 180, maxY: maxY) }
        let dLon = metres / (WGS84.a * cos(highest * .pi / 180)) * (1 + 1e-9) * 180 / .pi + 1e-12
        if dLon >= 180 { return Envelope(minX: -180, minY: minY, maxX: 180, maxY: maxY) }
        // A window past ±180° is met by the index's turn-shifted search (`SpatialIndex.search`).
        return Envelope(minX: centre.longitude - dLon, minY: minY, maxX: centre.longitude + dLon, maxY: maxY)
    }
}

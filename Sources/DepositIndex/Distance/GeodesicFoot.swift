import Foundation
import Geo

/// The point of a geodesic edge nearest to a given point, found on the ellipsoid.
///
/// Starting from a planar seed, each step walks along the edge (`geod_direct`) to the current estimate X,
/// measures the geodesic from X to the point (`geod_inverse`), and moves by the along-track distance of
/// the spherical right triangle with that hypotenuse and the angle between the two azimuths at X:
/// tan(along) = tan(d) cos(angle). At the foot the angle is 90° and the step is zero. Convergence is
/// quadratic in practice: two or three steps reach a micrometre. Both solves are `Geodesic.wgs84`'s
/// (`Sources/Geo/Geodesic.swift`).
enum GeodesicFoot {
    /// The distance from `v` to the edge `a`–`b` in metres and the nearest point on the edge.
    /// - Parameter seed: the fraction of the way from `a` to `b` where the search starts.
    static func nearest(from v: Coordinate, a: Coordinate, b: Coordinate, seed: Double) -> (distance: Double, point: Coordinate) {
        nearest(from: v, a: a, b: b, edge: Geodesic.wgs84.inverse(a, b), seed: seed)
    }

    /// As above, given the edge's own inverse solution (`Geodesic.inverse(a, b)`), which callers measuring
    /// several points against one edge compute once.
    static func nearest(from v: Coordinate, a: Coordinate, b: Coordinate, edge: GeodesicInverse, seed: Double) -> (distance: Double, point: Coordinate) {
        let g = Geodesic.wgs84
        let length = edge.distance
        if length == 0 { return (g.distance(v, a), a) }
        var s = min(max(seed, 0), 1) * length
        var best = (distance: Double.infinity, point: a)
        for _ in 0..<16 {
            let x: Coordinate, heading: Double
            if s <= 0 {
                (x, heading) = (a, edge.azimuth1)
            } else if s >= length {
                (x, heading) = (b, edge.azimuth2)
            } else {
                (x, heading) = g.direct(from: a, azimuth: edge.azimuth1, distance: s)
            }
            let toV = g.inverse(x, v)
            if toV.distance < best.distance { best = (toV.distance, x) }
            if toV.distance == 0 { break }
            let angle = (toV.azimuth1 - heading) * .pi / 180
            // On a sphere of the mean radius, used only to scale the step; the result is measured by the
            // geodesic itself.
            let hyp = toV.distance / WGS84.meanRadius
            let along = atan2(sin(hyp) * cos(angle), cos(hyp)) * WGS84.meanRadius
            let next = min(max(s + along, 0), length)
            if abs(next - s) < 1e-6 { break }
            s = next
        }
        return best
    }
}

import DepositIndex
import Foundation
import Geo

/// A proven upper bound on how far (degrees of latitude) any geodesic edge of a mapped layer bows beyond
/// its feature's vertex box, from two numbers one aggregate reads when the source opens: `D`, the widest
/// longitude span of any feature's box, and `Φ`, the largest |latitude| of any vertex.
///
/// Why it bounds every edge: take an edge from A = (φ1, λ1) to B = (φ2, λ2), |φ1|, |φ2| ≤ Φ, with
/// Δλ = |λ2 − λ1| ≤ D < 180° (the edge's ends lie in its feature's box, and with Δλ < 180° the geodesic
/// runs between the two longitudes without crossing ±180°). On an ellipsoid of revolution a geodesic's
/// longitude changes monotonically (Clairaut), so over [λ1, λ2] every such geodesic is the graph of a
/// latitude function, and two geodesics shorter than half a meridian meet at most once. Say φ1 ≤ φ2 and
/// let A' = (φ2, λ1): the geodesics AB and A'B meet only at B and AB starts below, so AB stays below A'B
/// everywhere; its rise above φ2 is at most that of A'B, an edge whose ends share the latitude φ2. The
/// same argument with B' = (φ1, λ2) bounds its dip below φ1 by the dip of AB' (latitude −φ1 by symmetry).
/// An edge whose ends share a latitude φ bows most at its middle, by an amount that grows with Δλ; so
/// the bound is the largest bow of the symmetric edge of span D over φ in [0, Φ]. That maximum is taken
/// over samples every `step` degrees (each measured exactly on WGS84 by `CatalogStore.bow(of:)`), plus the
/// largest change between samples: on the sphere the bow's slope in φ is at most (1 − c)/c with
/// c = cos(D/2), and twice that covers the ellipsoid's flattening; a further 1% and 1e-9° cover rounding.
/// A feature's box contains its edges' ends, so no edge leaves its feature's box by more than the bound.
package enum MappedBowPad {
    static let step = 0.1

    /// The bound in degrees; 180 when `longitudeSpan` is 180° or more (or not a number), which the
    /// source takes as "read the layer whole".
    package static func bound(longitudeSpan d: Double, maxAbsLatitude phi: Double) -> Double {
        guard d.isFinite, phi.isFinite, d < 180 else { return 180 }
        guard d > 0 else { return 0 }  // points, or edges along a meridian: no bow
        let top = min(phi, 90)
        var largest = 0.0
        var latitude = 0.0
        while true {
            let at = min(latitude, top)
            let edge = Shape.lineString([Coordinate(longitude: -d / 2, latitude: at), Coordinate(longitude: d / 2, latitude: at)])
            largest = max(largest, CatalogStore.bow(of: edge))
            if at >= top { break }
            latitude += step
        }
        let c = cos(d / 2 * .pi / 180)
        let between = step * 2 * (1 - c) / c
        return min(180, largest * 1.01 + between + 1e-9)
    }
}

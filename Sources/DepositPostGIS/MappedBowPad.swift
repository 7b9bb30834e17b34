import DepositIndex
import Foundation
import Geo

/// A proven upper bound on how far (degrees of latitude) any geodesic edge of a mapped layer bows beyond
/// its feature's vertex box, from two numbers `MappedPostGISSource.measurePad` reads with an aggregate:
/// `D`, an upper bound on the longitude difference between the two ends of any edge as stored (the
/// widest feature box; or the widest edge step by `ST_DumpSegments`, at least 1°, over the features wider
/// than 1°, the others' edges stepping at most 1°), and `Φ`, the largest |latitude| of any vertex.
///
/// Why it bounds every edge: the engine's own edge boxes (`EdgeEnvelope`, behind `Catalog.box(of:)` and
/// the GeoPackage store's `bow(of:)`, which gives the value here) grow an edge's end box in latitude by at most
/// tan(φ + 1°)·Δλ²·0.6 (Clairaut on the auxiliary sphere: the bow above the higher end is at most
/// tan φ·(1 − cos Δλ) ≤ tan φ·Δλ²/2, with 20% to spare for the ellipsoid), where φ is the larger |latitude|
/// of its ends and Δλ its longitude difference, and give up (reach to the pole) when Δλ > 0.2 rad or
/// φ > 85°. That pad grows with φ and with Δλ, and every edge has φ ≤ Φ and Δλ ≤ D, so the pad of an edge
/// with φ = Φ and Δλ = D bounds every edge's; and a feature's vertex box holds its edges' ends, so no edge
/// leaves its feature's box by more. An edge crossing ±180° is stored with |Δλ| > 180°, beyond the 0.2 rad
/// limit. Where the engine would give up, `bound` returns nil: the layer is read whole, which stays exact.
package enum MappedBowPad {
    /// The pad in degrees of latitude, or nil when no pad short of the poles bounds the layer's edges.
    package static func bound(edgeLongitudeSpan d: Double, maxAbsLatitude phi: Double) -> Double? {
        guard d.isFinite, phi.isFinite, d >= 0, phi >= 0, phi <= 90 else { return nil }
        if d == 0 { return 0 }  // points, or edges along a meridian: no bow
        // Where EdgeEnvelope gives up (it reaches to the poles), so does the source.
        guard d * .pi / 180 <= 0.2, phi <= 85 else { return nil }
        return CatalogStore.bow(of: .lineString([Coordinate(longitude: 0, latitude: phi), Coordinate(longitude: d, latitude: phi)]))
    }
}

import Geo

/// Each ring's signed geodesic area and perimeter, solved once (`geod_polygonarea`) and shared by the
/// checks that need them: winding, slivers, the feature's area and its perimeter.
struct RingMeasures {
    /// `rings[p][r]`: polygon p, ring r (0 the exterior); nil for a ring too broken to measure.
    private(set) var rings: [[(area: Double, perimeter: Double)?]] = []

    init(_ shape: Shape) {
        rings = shape.polygons.map { polygon in
            polygon.map { ring in
                guard ring.count >= 4, ring.first == ring.last else { return nil }
                return Geodesic.wgs84.ringArea(ring)
            }
        }
    }

    /// Area in m²: each exterior ring less its holes, whatever their winding (as `Geodesic.area(of:)`).
    var area: Double {
        rings.reduce(0) { total, polygon in
            guard let shell = polygon.first ?? nil else { return total }
            return total + abs(shell.area) - polygon.dropFirst().reduce(0) { $0 + abs($1?.area ?? 0) }
        }
    }

    /// Sum of every ring's perimeter in m.
    var perimeter: Double {
        rings.reduce(0) { $0 + $1.reduce(0) { $0 + ($1?.perimeter ?? 0) } }
    }

    func ring(_ p: Int, _ r: Int) -> (area: Double, perimeter: Double)? {
        rings[p][r]
    }
}

import Geo

/// Region rings prepared for point-in-region tests in longitude/latitude.
///
/// The even-odd test draws each edge straight in degrees, but edges are geodesics; on an edge of 0.01°
/// the two differ by under a centimetre, so longer edges are first split along their geodesic. Points
/// nearer a border than that are settled by geodesic distance to the border (`on_boundary`), not by this test.
enum RegionRings {
    static let maximumEdgeDegrees = 0.01

    static func densified(_ shape: Shape) -> [[[Coordinate]]] {
        shape.polygons.map { rings in rings.map(densify) }
    }

    static func densify(_ ring: [Coordinate]) -> [Coordinate] {
        guard var previous = ring.first else { return ring }
        var out = [previous]
        for c in ring.dropFirst() {
            let span = max(abs(c.x - previous.x), abs(c.y - previous.y))
            if span > maximumEdgeDegrees {
                // Roughly 1.1 km per 0.01°; spacing in metres keeps the split edges under 0.01° everywhere.
                let pieces = Geodesic.wgs84.line(from: previous, to: c, maxSpacing: 500)
                out.append(contentsOf: pieces.dropFirst())
            } else {
                out.append(c)
            }
            previous = c
        }
        return out
    }

    /// Any shape with its long edges split the same way.
    static func densifiedShape(_ shape: Shape) -> Shape {
        switch shape {
        case .polygon(let rings): return .polygon(rings.map(densify))
        case .multiPolygon(let polygons): return .multiPolygon(polygons.map { $0.map(densify) })
        case .geometryCollection(let parts): return .multiPolygon(parts.flatMap(\.polygons).map { $0.map(densify) })
        default: return shape
        }
    }

    /// True when `p` lies inside the polygon (even-odd over shell and holes).
    static func contains(_ polygon: [[Coordinate]], _ p: Coordinate) -> Bool {
        PlanarGeometry.contains(polygon, p)
    }

    /// `contains(densified(shape) polygon, p)` without densifying the whole outline: the same answer,
    /// splitting only the edges whose box holds `p`.
    ///
    /// Why that is the same: a rightward ray from `p` crosses a split edge's pieces an odd number of times
    /// exactly when it crosses the straight edge an odd number of times, unless `p` lies inside the box
    /// of the pieces. The pieces lie within the edge's longitudes (longitude is monotonic along a geodesic
    /// shorter than half a turn) and within `EdgeEnvelope`'s latitudes (which hold the bow); left of that
    /// box the ray crosses every piece between the ends, so both counts have the parity of the ends'
    /// sides; right of it, or above or below, neither is crossed.
    static func containsSplittingNear(_ polygon: [[Coordinate]], _ p: Coordinate) -> Bool {
        var inside = false
        // `a` is the later vertex, as `PlanarGeometry.contains` takes them, so the arithmetic is the same.
        func edge(_ a: Coordinate, _ b: Coordinate) {
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
        }
        for ring in polygon where !ring.isEmpty {
            // The densified ring has at least as many vertices; a ring of fewer than 3 counts for nothing
            // in the even-odd test, so decide on the densified ring in that case.
            var previous = ring[0]
            var count = 1
            for c in ring.dropFirst() {
                let span = max(abs(c.x - previous.x), abs(c.y - previous.y))
                if span > maximumEdgeDegrees && mayBow(previous, c, near: p) {
                    let pieces = Geodesic.wgs84.line(from: previous, to: c, maxSpacing: 500)
                    for (a, b) in zip(pieces, pieces.dropFirst()) { edge(b, a) }
                    count += pieces.count - 1
                } else {
                    edge(c, previous)
                    count += 1
                }
                previous = c
            }
            if count < 3 {
                if PlanarGeometry.contains([densify(ring)], p) { inside.toggle() }
                continue
            }
            // The closing pair, last to first, as the even-odd test takes it (a point when the ring is closed).
            edge(ring[0], previous)
        }
        return inside
    }

    /// True unless `p` lies clear of every piece the edge `a`–`b` splits into.
    private static func mayBow(_ a: Coordinate, _ b: Coordinate, near p: Coordinate) -> Bool {
        if abs(b.x - a.x) >= 180 { return true }
        let box = EdgeEnvelope.of(a, b)
        let slack = 1e-9
        return p.x >= min(a.x, b.x) - slack && p.x <= max(a.x, b.x) + slack && p.y >= box.minY - slack && p.y <= box.maxY + slack
    }
}

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

    /// A region's borders: its rings as chains, less the seam where a region written as two sides of the
    /// antimeridian (RFC 7946's form) is cut: an edge along +180° joining two latitudes that an edge of the
    /// same region along -180° also joins, and that edge. The seam is no border: a deposit across it inside
    /// the region is wholly in the region, and a point on it is inside (`regionContains`).
    static func borders(of shape: Shape) -> [[Coordinate]] {
        let rings = shape.polygons.flatMap { $0 }
        struct Edge: Hashable { var longitude, low, high: Double }
        func meridianEdge(_ a: Coordinate, _ b: Coordinate) -> Edge? {
            guard a.longitude == b.longitude, abs(a.longitude) == 180, a.latitude != b.latitude else { return nil }
            return Edge(longitude: a.longitude, low: min(a.latitude, b.latitude), high: max(a.latitude, b.latitude))
        }
        var onAntimeridian = Set<Edge>()
        for ring in rings {
            for (a, b) in zip(ring, ring.dropFirst()) { meridianEdge(a, b).map { _ = onAntimeridian.insert($0) } }
        }
        guard !onAntimeridian.isEmpty else { return rings }
        var chains = [[Coordinate]]()
        for ring in rings {
            var chain = [Coordinate]()
            for (a, b) in zip(ring, ring.dropFirst()) {
                if let e = meridianEdge(a, b), onAntimeridian.contains(Edge(longitude: -e.longitude, low: e.low, high: e.high)) {
                    if chain.count > 1 { chains.append(chain) }
                    chain = []
                    continue
                }
                if chain.isEmpty { chain = [a] }
                chain.append(b)
            }
            if chain.count > 1 { chains.append(chain) }
        }
        return chains
    }

    /// True when `p` lies in one of a region's polygons (`containsSplittingNear`), ±180° taken as one
    /// meridian: the even-odd test counts a point on a polygon's west edge in and on its east edge out, so
    /// a point on the antimeridian is tried at -180° too.
    static func regionContains(_ polygons: [[[Coordinate]]], _ p: Coordinate) -> Bool {
        if polygons.contains(where: { containsSplittingNear($0, p) }) { return true }
        guard abs(p.longitude) == 180 else { return false }
        let other = Coordinate(longitude: -p.longitude, latitude: p.latitude)
        return polygons.contains { containsSplittingNear($0, other) }
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
        let slack = 1e-9
        // The longitudes first: most edges are settled by them, without the box's trigonometry.
        guard p.x >= min(a.x, b.x) - slack && p.x <= max(a.x, b.x) + slack else { return false }
        let box = EdgeEnvelope.of(a, b)
        return p.y >= box.minY - slack && p.y <= box.maxY + slack
    }
}

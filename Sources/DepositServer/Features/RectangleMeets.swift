import Geo

/// Whether a served geometry meets a longitude/latitude rectangle, decided on the geometry as served
/// (geodesic edges already densified to at most 10 km, cut at the antimeridian): a vertex inside, an
/// edge crossing the rectangle (Liang–Barsky clipping), or a polygon holding the rectangle's corner.
/// It is what a client such as GDAL computes on the features it receives, so a bbox request and the
/// client's own filter agree feature for feature.
enum RectangleMeets {
    static func test(_ shape: Shape, _ r: Envelope) -> Bool {
        switch shape {
        case .point(let c): return r.contains(c)
        case .multiPoint(let cs): return cs.contains { r.contains($0) }
        case .lineString(let cs): return chainMeets(cs, r)
        case .multiLineString(let ls): return ls.contains { chainMeets($0, r) }
        case .polygon(let rings): return polygonMeets(rings, r)
        case .multiPolygon(let ps): return ps.contains { polygonMeets($0, r) }
        case .geometryCollection(let parts): return parts.contains { test($0, r) }
        }
    }

    private static func chainMeets(_ cs: [Coordinate], _ r: Envelope) -> Bool {
        guard let first = cs.first else { return false }
        if cs.count == 1 { return r.contains(first) }
        for i in 1..<cs.count where segmentMeets(cs[i - 1], cs[i], r) { return true }
        return false
    }

    private static func polygonMeets(_ rings: [[Coordinate]], _ r: Envelope) -> Bool {
        if rings.contains(where: { chainMeets($0, r) }) { return true }
        // No edge meets the rectangle: either it lies wholly inside the polygon, or wholly outside.
        let corner = Coordinate(x: r.minX, y: r.minY)
        guard let shell = rings.first, contains(shell, corner) else { return false }
        return !rings.dropFirst().contains { contains($0, corner) }
    }

    /// Even-odd point in ring.
    private static func contains(_ ring: [Coordinate], _ p: Coordinate) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }

    /// Liang–Barsky: does the segment from `a` to `b` have a point inside the closed rectangle?
    private static func segmentMeets(_ a: Coordinate, _ b: Coordinate, _ r: Envelope) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return false } else if t > t0 { t0 = t } }
                else { if t < t0 { return false } else if t < t1 { t1 = t } }
            }
        }
        return true
    }
}

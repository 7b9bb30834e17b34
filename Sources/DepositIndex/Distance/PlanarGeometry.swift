import Geo

/// Plain planar geometry on coordinates of a `LocalPlane` (metres), for seeds and crossing tests.
enum PlanarGeometry {
    /// Distance from `p` to the segment `a`–`b`, and the fraction along it of the nearest point.
    static func segmentDistance(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> (distance: Double, t: Double) {
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        var t = 0.0
        if len2 > 0 { t = min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0), 1) }
        let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
        return ((x * x + y * y).squareRoot(), t)
    }

    static func norm(_ p: Coordinate) -> Double { (p.x * p.x + p.y * p.y).squareRoot() }

    static func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        let dx = a.x - b.x, dy = a.y - b.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Distance from `p` to the infinite line through `a` and `b` (to `a` when they coincide).
    static func lineDistance(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        if length == 0 { return distance(p, a) }
        return abs((p.x - a.x) * dy - (p.y - a.y) * dx) / length
    }

    /// Least distance between the segments `a`–`b` and `c`–`d` (0 when they meet).
    static func segmentsDistance(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate, _ d: Coordinate) -> Double {
        if intersection(a, b, c, d) != nil { return 0 }
        return min(segmentDistance(a, c, d).distance, segmentDistance(b, c, d).distance,
                   segmentDistance(c, a, b).distance, segmentDistance(d, a, b).distance)
    }

    /// Where the segments `a`–`b` and `c`–`d` meet (touching counts); nil when they do not.
    static func intersection(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate, _ d: Coordinate) -> Coordinate? {
        let r = Coordinate(x: b.x - a.x, y: b.y - a.y), s = Coordinate(x: d.x - c.x, y: d.y - c.y)
        let denom = r.x * s.y - r.y * s.x
        let qp = Coordinate(x: c.x - a.x, y: c.y - a.y)
        if denom == 0 {
            // Parallel: they meet only if collinear and overlapping; report the first shared end.
            if qp.x * r.y - qp.y * r.x != 0 { return nil }
            for (p, u, v) in [(c, a, b), (d, a, b), (a, c, d), (b, c, d)] where segmentDistance(p, u, v).distance == 0 {
                return p
            }
            return nil
        }
        let t = (qp.x * s.y - qp.y * s.x) / denom
        let u = (qp.x * r.y - qp.y * r.x) / denom
        guard t >= 0, t <= 1, u >= 0, u <= 1 else { return nil }
        return Coordinate(x: a.x + t * r.x, y: a.y + t * r.y)
    }

    /// Even-odd point in rings (shell and holes of one polygon, closed or not).
    static func contains(_ rings: [[Coordinate]], _ p: Coordinate) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 3 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i], b = ring[j]
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                    inside.toggle()
                }
                j = i
            }
        }
        return inside
    }
}

import Geo

/// Where a ring crosses or touches itself, found by a sweep over its edges sorted by their west end and
/// stopped after `limit` points.
///
/// Why not GEOS: noding a ring finds every crossing, which for a scribbled ring is quadratic in its
/// vertices (a random 3,000-vertex ring has two million crossings and takes half a minute), while a
/// report only lists the first few. This stops as soon as it has them. Like GEOS's validity test it
/// works in the coordinates as given, which is right for topology over survey-length edges.
enum SelfCrossings {
    struct Point: Hashable {
        var location: Coordinate
        /// True where a vertex of the ring lies on another edge (the ring touches itself), false where two edges cross.
        var isTouch: Bool
    }

    /// - Parameter ring: closed (first position repeated last).
    static func find(in ring: [Coordinate], limit: Int) -> [Point] {
        let n = ring.count - 1
        guard n >= 3, limit > 0 else { return [] }
        let edges = (0..<n).filter { ring[$0] != ring[$0 + 1] }
        let order = edges.sorted { min(ring[$0].x, ring[$0 + 1].x) < min(ring[$1].x, ring[$1 + 1].x) }
        var active = [Int]()
        var found = [Point]()
        var seen = Set<Coordinate>()
        for e in order {
            let a = ring[e], b = ring[e + 1]
            let minX = min(a.x, b.x), minY = min(a.y, b.y), maxY = max(a.y, b.y)
            active.removeAll { max(ring[$0].x, ring[$0 + 1].x) < minX }
            for f in active {
                // Neighbouring edges share a vertex by construction; that is not a crossing.
                if abs(e - f) == 1 || (min(e, f) == 0 && max(e, f) == n - 1) { continue }
                let c = ring[f], d = ring[f + 1]
                guard max(c.y, d.y) >= minY, min(c.y, d.y) <= maxY, let p = intersection(a, b, c, d) else { continue }
                if seen.insert(p.location).inserted {
                    found.append(p)
                    if found.count >= limit { return found }
                }
            }
            active.append(e)
        }
        return found
    }

    private static func orientation(_ p: Coordinate, _ q: Coordinate, _ r: Coordinate) -> Double {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    }

    private static func onSegment(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Bool {
        p.x >= min(a.x, b.x) && p.x <= max(a.x, b.x) && p.y >= min(a.y, b.y) && p.y <= max(a.y, b.y)
    }

    /// The meeting point of segments ab and cd, if they meet.
    private static func intersection(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate, _ d: Coordinate) -> Point? {
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d), o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) {
            let t = o3 / (o3 - o4)
            return Point(location: Coordinate(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)), isTouch: false)
        }
        // A vertex on the other edge (or collinear overlap): the ring touches itself there.
        if o1 == 0 && onSegment(c, a, b) { return Point(location: c, isTouch: true) }
        if o2 == 0 && onSegment(d, a, b) { return Point(location: d, isTouch: true) }
        if o3 == 0 && onSegment(a, c, d) { return Point(location: a, isTouch: true) }
        if o4 == 0 && onSegment(b, c, d) { return Point(location: b, isTouch: true) }
        return nil
    }
}

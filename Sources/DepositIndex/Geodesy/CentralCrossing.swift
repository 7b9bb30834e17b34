import Geo

/// Whether a geodesic line edge meets the query's area, decided in the query's `CentralPlane`.
///
/// There a great-ellipse arc is straight but a geodesic is not: it strays from the straight image of its
/// ends by up to `CentralPlane.straightnessGap` (0.6 mm at 3 km, 2.4 cm at 17 km). So the straight test is
/// taken only when it is robust against that gap on both sides: a crossing whose four ends lie farther
/// than twice the gap from the other segment's line, or no crossing with every boundary segment farther
/// than twice the gap. Otherwise the line edge and the query's edges are cut at points of their own
/// geodesics into pieces of at most a kilometre, whose gap is under 0.1 mm, and tested piece by piece.
extension DistanceQuery {
    /// Longest piece of an edge in the exact test, metres of chord.
    static let crossingPiece = 1_000.0

    /// Where the line edge `a`–`b` meets the query's area: a crossing of its boundary (a point on both), or
    /// the edge's start `a` when it lies inside; nil when the edge keeps outside. The edge's end is left to
    /// the next edge. Nil `planeless` result: some point has no image in the central plane (a query
    /// spanning a quarter of the Earth), so the caller measures in the `LocalPlane` instead.
    func meeting(_ a: Coordinate, _ b: Coordinate, _ ca: Cartesian, _ cb: Cartesian) -> Meeting {
        guard isCentrallyProjected, let pa = central.project(ca), let pb = central.project(cb) else { return .planeless }
        let gap = CentralPlane.straightnessGap(chord: ca.chord(to: cb)) + centralGap
        if let robust = straightMeeting(pa, pb, a: a, gap: gap) { return robust }
        return exactMeeting(a, b)
    }

    enum Meeting {
        case meets(NearestPair)
        case apart
        case planeless
    }

    /// The straight test, or nil when its answer could change within `gap` of the segments.
    private func straightMeeting(_ pa: Coordinate, _ pb: Coordinate, a: Coordinate, gap: Double) -> Meeting? {
        let margin = 2 * gap
        var clearance = Double.infinity
        for rings in polygons {
            for ring in rings {
                for e in ring.lowerBound..<(ring.upperBound - 1) {
                    guard let c = centralVertices[e], let d = centralVertices[e + 1] else { return nil }
                    if let x = PlanarGeometry.intersection(pa, pb, c, d) {
                        guard PlanarGeometry.lineDistance(pa, c, d) > margin, PlanarGeometry.lineDistance(pb, c, d) > margin,
                              PlanarGeometry.lineDistance(c, pa, pb) > margin, PlanarGeometry.lineDistance(d, pa, pb) > margin
                        else { return nil }
                        let point = central.unproject(x)
                        return .meets(NearestPair(distance: 0, from: point, to: point))
                    }
                    clearance = min(clearance, PlanarGeometry.segmentsDistance(pa, pb, c, d))
                }
            }
        }
        guard clearance > margin else { return nil }
        return containsCentral(pa) ? .meets(NearestPair(distance: 0, from: a, to: a)) : .apart
    }

    /// The test on pieces of at most `crossingPiece` of both the line edge and the query's edges.
    private func exactMeeting(_ a: Coordinate, _ b: Coordinate) -> Meeting {
        guard let rings = fineCentralRings else { return .planeless }
        let points = Geodesic.wgs84.line(from: a, to: b, maxSpacing: Self.crossingPiece)
        var previous: Coordinate?
        for point in points {
            guard let p = central.project(Cartesian(point)) else { return .planeless }
            defer { previous = p }
            guard let q = previous else { continue }
            for polygon in rings {
                for ring in polygon {
                    for e in 0..<(ring.count - 1) {
                        if let x = PlanarGeometry.intersection(q, p, ring[e], ring[e + 1]) {
                            // The crossing lies on the piece's great ellipse, within 0.1 mm of the edge.
                            let point = central.unproject(x)
                            return .meets(NearestPair(distance: 0, from: point, to: point))
                        }
                    }
                }
            }
        }
        guard let pa = central.project(Cartesian(a)) else { return .planeless }
        return rings.contains { PlanarGeometry.contains($0, pa) } ? .meets(NearestPair(distance: 0, from: a, to: a)) : .apart
    }

    /// True when `p` (its image in the central plane) lies inside the query's area, robustly against the
    /// query's own edges' gap; points nearer the boundary than that are tested on the fine rings.
    func containsCentral(_ p: Coordinate) -> Bool {
        var nearest = Double.infinity
        var inside = false
        for rings in polygons {
            var insideThis = false
            for ring in rings {
                for i in ring.lowerBound..<(ring.upperBound - 1) {
                    guard let a = centralVertices[i], let b = centralVertices[i + 1] else { continue }
                    if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { insideThis.toggle() }
                    nearest = min(nearest, PlanarGeometry.segmentDistance(p, a, b).distance)
                }
            }
            if insideThis { inside = true }
        }
        if nearest > centralGap || !isCentrallyProjected { return inside }
        guard let rings = fineCentralRings else { return inside }
        return rings.contains { PlanarGeometry.contains($0, p) }
    }
}

import Geo

/// Whether a geodesic line edge meets the query's area, decided in the query's `CentralPlane`.
///
/// There a great-ellipse arc is straight but a geodesic is not: it strays from the straight image of its
/// ends by up to `CentralPlane.straightnessGap` (0.9 mm at 3 km, 3 cm at 17 km, on the ground; times the
/// plane's `stretch` far from the centre). So the straight test is
/// taken only when it is robust against that gap on both sides: a crossing whose four ends lie farther
/// than twice the gap from the other segment's line, or no crossing with every boundary segment farther
/// than twice the gap. Otherwise the line edge and the query's edges are cut at points of their own
/// geodesics (`Geodesic.line`, `Sources/Geo/Geodesic.swift`) into pieces of at most a kilometre (less
/// where the plane stretches), whose gap is under 0.1 mm, and tested piece by piece.
extension DistanceQuery {
    /// Longest piece of an edge in the exact test, metres of chord.
    static let crossingPiece = 1_000.0

    /// Where the line edge `a`–`b` meets the query's area: a crossing of its boundary (a point on both), or
    /// the edge's start `a` when it lies inside; nil when the edge keeps outside. The edge's end is left to
    /// the next edge. Nil `planeless` result: some point has no image in the central plane (a query
    /// spanning a quarter of the Earth), so the caller measures in the `LocalPlane` instead.
    func meeting(_ a: Coordinate, _ b: Coordinate, _ ca: Cartesian, _ cb: Cartesian) -> Meeting {
        guard isCentrallyProjected, let pa = central.project(ca), let pb = central.project(cb) else { return .planeless }
        let stretch = max(central.stretch(ca), central.stretch(cb))
        let gap = CentralPlane.straightnessGap(chord: ca.chord(to: cb)) * stretch + centralGap
        if let robust = straightMeeting(pa, pb, a: a, gap: gap) { return robust }
        return exactMeeting(a, b, pa: pa, pb: pb, gap: gap, pieces: Self.crossingPiece / stretch.squareRoot())
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

    /// The test on pieces of the line edge of at most `pieces` metres against the query's edges, each cut
    /// into pieces as well where its gap could matter (`fineCentralEdge`): an edge whose straight image,
    /// widened by the gaps, misses the line edge's cannot meet it.
    private func exactMeeting(_ a: Coordinate, _ b: Coordinate, pa: Coordinate, pb: Coordinate, gap: Double, pieces: Double) -> Meeting {
        var line = [Coordinate]()
        for point in Geodesic.wgs84.line(from: a, to: b, maxSpacing: pieces) {
            guard let p = central.project(Cartesian(point)) else { return .planeless }
            line.append(p)
        }
        let reach = Self.box(pa, pb, widenedBy: gap)
        for rings in polygons {
            for ring in rings {
                for e in ring.lowerBound..<(ring.upperBound - 1) {
                    guard let c = centralVertices[e], let d = centralVertices[e + 1] else { return .planeless }
                    guard Self.box(c, d, widenedBy: centralGap).intersects(reach) else { continue }
                    guard let edge = fineCentralEdge(e) else { return .planeless }
                    for k in 0..<(line.count - 1) {
                        let piece = Self.box(line[k], line[k + 1], widenedBy: 0)
                        for m in 0..<(edge.count - 1) where Self.box(edge[m], edge[m + 1], widenedBy: 0).intersects(piece) {
                            if let x = PlanarGeometry.intersection(line[k], line[k + 1], edge[m], edge[m + 1]) {
                                // The crossing lies on the pieces' great ellipses, within 0.1 mm of both edges.
                                let point = central.unproject(x)
                                return .meets(NearestPair(distance: 0, from: point, to: point))
                            }
                        }
                    }
                }
            }
        }
        guard let inside = centralParity(pa) else { return .planeless }
        return inside ? .meets(NearestPair(distance: 0, from: a, to: a)) : .apart
    }

    /// True when `p` (its image in the central plane) lies inside the query's area.
    func containsCentral(_ p: Coordinate) -> Bool {
        centralParity(p) ?? false
    }

    /// Even-odd along a ray from `p` to the east, per polygon. A curved edge and its straight image cross
    /// the ray the same number of times, modulo 2, unless the sliver between them holds `p`, so an edge
    /// farther than its gap from `p` counts by its straight image and a nearer one by its pieces. Nil when
    /// some point has no image in the plane.
    private func centralParity(_ p: Coordinate) -> Bool? {
        func crosses(_ a: Coordinate, _ b: Coordinate) -> Bool {
            (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
        }
        for rings in polygons {
            var inside = false
            for ring in rings {
                for e in ring.lowerBound..<(ring.upperBound - 1) {
                    guard let a = centralVertices[e], let b = centralVertices[e + 1] else { return nil }
                    if PlanarGeometry.segmentDistance(p, a, b).distance > centralGap {
                        if crosses(a, b) { inside.toggle() }
                    } else {
                        guard let edge = fineCentralEdge(e) else { return nil }
                        for m in 0..<(edge.count - 1) where crosses(edge[m], edge[m + 1]) { inside.toggle() }
                    }
                }
            }
            if inside { return true }
        }
        return false
    }

    private static func box(_ a: Coordinate, _ b: Coordinate, widenedBy w: Double) -> Envelope {
        Envelope(minX: min(a.x, b.x) - w, minY: min(a.y, b.y) - w, maxX: max(a.x, b.x) + w, maxY: max(a.y, b.y) + w)
    }
}

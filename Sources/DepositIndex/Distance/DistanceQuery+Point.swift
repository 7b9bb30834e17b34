import Geo

extension DistanceQuery {
    /// The nearest pair between the query and a single point, if nearer than `limit`: a point query by one
    /// geodesic solve (`Geodesic.distance`, `Sources/Geo/Geodesic.swift`), an area by its edges' feet.
    func nearest(toPoint target: Coordinate, below limit: Double) -> NearestPair? {
        // Nothing of the query lies farther than `chordRadius` from its centre in a straight line, and no
        // geodesic is shorter than its chord.
        let point = Cartesian(target)
        if point.chord(to: centerCartesian) - chordRadius - Self.rounding >= limit { return nil }
        if !isAreal {
            // Measured from every vertex (a point query has one).
            var best: NearestPair?
            for v in vertices {
                let d = Geodesic.wgs84.distance(v, target)
                if d < (best?.distance ?? limit) { best = NearestPair(distance: d, from: v, to: target) }
            }
            return best
        }
        var edges = [(Double, Int, Double)]()
        if isCentrallyProjected, let p = central.project(point) {
            if containsCentral(p) { return NearestPair(distance: 0, from: target, to: target) }
            // The point against each query edge, bounded by Euclidean distance to the edge's chord.
            for rings in polygons {
                for ring in rings {
                    for e in ring.lowerBound..<(ring.upperBound - 1) {
                        let (d, t) = Cartesian.segmentDistance(point, cartesian[e], cartesian[e + 1])
                        edges.append((max(0, d - edgeSagitta[e] - 1e-6), e, t))
                    }
                }
            }
        } else {
            let p = plane.project(target)
            if containsPlanar(p) { return NearestPair(distance: 0, from: target, to: target) }
            // The point against each query edge, bounded in the plane.
            let reach = max(radius, PlanarGeometry.norm(p))
            let scale = LocalPlane.maximumScale(within: reach)
            let planar = self.planar
            for rings in polygons {
                for ring in rings {
                    for e in ring.lowerBound..<(ring.upperBound - 1) {
                        let (d, t) = PlanarGeometry.segmentDistance(p, planar[e], planar[e + 1])
                        let slack = LocalPlane.chordDeviation(length: PlanarGeometry.distance(planar[e], planar[e + 1]), within: reach)
                        edges.append((scale.isFinite ? max(0, d - slack) / scale : 0, e, t))
                    }
                }
            }
        }
        var best: NearestPair?
        var bestDistance = limit
        edges.sort { $0.0 < $1.0 }
        for (lb, e, t) in edges {
            if lb >= bestDistance { break }
            let foot = GeodesicFoot.nearest(from: target, a: vertices[e], b: vertices[e + 1], seed: t)
            if foot.distance < bestDistance {
                bestDistance = foot.distance
                best = NearestPair(distance: foot.distance, from: foot.point, to: target)
            }
        }
        return best
    }
}

import Geo

extension DistanceQuery {
    /// The nearest pair between the query and a chain, measured through the query's `LocalPlane`: the
    /// way for queries too wide for `chordNearest`'s central plane (and edges over 500 km, which callers
    /// cut first).
    func nearestInPlane(toChain w: UnsafeBufferPointer<Coordinate>, below limit: Double) -> NearestPair? {
        var candidates = [DistanceCandidate]()
        if let touching = planeCandidates(w, below: limit, into: &candidates) { return touching }
        return refine(candidates, line: w, below: limit)
    }

    /// The vertex–edge candidates between the query and a chain, bounded in the query's azimuthal
    /// equidistant plane; or, when the chain meets the query's area, the pair at distance 0 that shows it.
    ///
    /// Used where a line edge comes near enough to the query to cross it: the plane finds crossings
    /// and line vertices inside the area. A candidate's planar distance, less the chord's possible bend and
    /// divided by the plane's largest scale, bounds its true distance from below (see `LocalPlane`).
    func planeCandidates(_ w: UnsafeBufferPointer<Coordinate>, below limit: Double, into candidates: inout [DistanceCandidate]) -> NearestPair? {
        // Edges that might come nearer than the limit.
        var kept = [Int]()
        var touchesCircle = [Bool]()
        for j in 0..<(w.count - 1) {
            let box = EdgeEnvelope.of(w[j], w[j + 1])
            let lb = lowerBound(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY)
            if lb < limit {
                kept.append(j)
                touchesCircle.append(lb == 0)
            }
        }
        if kept.isEmpty { return nil }
        let plane = self.plane
        let planar = self.planar
        var projected = [Coordinate?](repeating: nil, count: w.count)
        func planarW(_ i: Int) -> Coordinate {
            if let p = projected[i] { return p }
            let p = plane.project(w[i])
            projected[i] = p
            return p
        }

        if isAreal {
            for (n, j) in kept.enumerated() where touchesCircle[n] {
                if let crossing = crossing(planarW(j), planarW(j + 1)) {
                    let point = plane.unproject(crossing)
                    return NearestPair(distance: 0, from: point, to: point)
                }
                for end in [j, j + 1] where containsPlanar(planarW(end)) {
                    return NearestPair(distance: 0, from: w[end], to: w[end])
                }
            }
        }

        var rho = radius
        for j in kept { rho = max(rho, PlanarGeometry.norm(planarW(j)), PlanarGeometry.norm(planarW(j + 1))) }
        let scale = LocalPlane.maximumScale(within: rho)
        for j in kept {
            let a = planarW(j), b = planarW(j + 1)
            let slack = LocalPlane.chordDeviation(length: PlanarGeometry.distance(a, b), within: rho)
            for (i, p) in planar.enumerated() {
                let (d, t) = PlanarGeometry.segmentDistance(p, a, b)
                let lb = scale.isFinite ? max(0, d - slack) / scale : 0
                if lb < limit { candidates.append(DistanceCandidate(bound: lb, queryVertex: true, a: i, b: j, t: t)) }
            }
        }
        if isAreal {
            var ends = Set<Int>()
            for j in kept { ends.insert(j); ends.insert(j + 1) }
            for m in ends.sorted() {
                let p = planarW(m)
                for rings in polygons {
                    for ring in rings {
                        for e in ring.lowerBound..<(ring.upperBound - 1) {
                            let a = planar[e], b = planar[e + 1]
                            let (d, t) = PlanarGeometry.segmentDistance(p, a, b)
                            let slack = LocalPlane.chordDeviation(length: PlanarGeometry.distance(a, b), within: rho)
                            let lb = scale.isFinite ? max(0, d - slack) / scale : 0
                            if lb < limit { candidates.append(DistanceCandidate(bound: lb, queryVertex: false, a: m, b: e, t: t)) }
                        }
                    }
                }
            }
        }
        return nil
    }

    /// Where the planar segment meets the query's boundary, if it does.
    private func crossing(_ a: Coordinate, _ b: Coordinate) -> Coordinate? {
        for rings in planarPolygons {
            for ring in rings {
                for e in 0..<(ring.count - 1) {
                    if let x = PlanarGeometry.intersection(a, b, ring[e], ring[e + 1]) { return x }
                }
            }
        }
        return nil
    }

    /// The best of `candidates` measured on the ellipsoid (`GeodesicFoot`, each edge's inverse solved once
    /// by `Geodesic.inverse` in `Sources/Geo/Geodesic.swift`), nearest first by bound, until the bound
    /// passes the best distance found.
    func refine(_ candidates: [DistanceCandidate], line w: UnsafeBufferPointer<Coordinate>, below limit: Double) -> NearestPair? {
        var candidates = candidates
        var best: NearestPair?
        var bestDistance = limit
        // Each edge's inverse solution, solved once however many candidates measure against it.
        var lineEdges = [GeodesicInverse?](repeating: nil, count: w.count)
        var queryEdges = [GeodesicInverse?](repeating: nil, count: isAreal ? vertices.count : 0)
        func measure(_ c: DistanceCandidate) {
            if c.queryVertex {
                let edge = lineEdges[c.b] ?? Geodesic.wgs84.inverse(w[c.b], w[c.b + 1])
                lineEdges[c.b] = edge
                let foot = GeodesicFoot.nearest(from: vertices[c.a], a: w[c.b], b: w[c.b + 1], edge: edge, seed: c.t)
                if foot.distance < bestDistance {
                    bestDistance = foot.distance
                    best = NearestPair(distance: foot.distance, from: vertices[c.a], to: foot.point)
                }
            } else {
                let edge = queryEdges[c.b] ?? Geodesic.wgs84.inverse(vertices[c.b], vertices[c.b + 1])
                queryEdges[c.b] = edge
                let foot = GeodesicFoot.nearest(from: w[c.a], a: vertices[c.b], b: vertices[c.b + 1], edge: edge, seed: c.t)
                if foot.distance < bestDistance {
                    bestDistance = foot.distance
                    best = NearestPair(distance: foot.distance, from: foot.point, to: w[c.a])
                }
            }
        }
        // Refining the most promising candidate first usually leaves only a few with a bound below its
        // distance, so only those are sorted and refined in order.
        guard let first = candidates.indices.min(by: { candidates[$0].bound < candidates[$1].bound }) else { return nil }
        measure(candidates.remove(at: first))
        candidates.removeAll { $0.bound >= bestDistance }
        candidates.sort { $0.bound < $1.bound }
        for c in candidates {
            if c.bound >= bestDistance { break }
            measure(c)
        }
        return best
    }
}

/// A vertex of one geometry against an edge of the other, with a lower bound on their geodesic distance.
struct DistanceCandidate {
    var bound: Double
    /// true: query vertex `a` to line edge `b` (from vertex `b` to `b + 1`); false: line vertex `a` to
    /// the query edge starting at vertex `b`.
    var queryVertex: Bool
    var a: Int
    var b: Int
    /// Where along the edge (0...1) the refinement starts.
    var t: Double
}

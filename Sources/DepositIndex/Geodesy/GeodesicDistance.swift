import Foundation
import Geo

/// Geodesic distance between a point or polygon and a polyline on WGS84, with the nearest points on both.
///
/// How: unless the line meets the query's area (then the distance is 0), the nearest pair joins a vertex
/// of one geometry to an edge of the other (between two short geodesics that do not cross, the distance
/// is least at an end of one of them), so every vertex–edge pair is a candidate. Each candidate gets a
/// lower bound on its true distance, cheaply: from Earth-centred coordinates (`ChordCandidates`), or,
/// where a line edge comes near enough to the query to cross it, from the query's azimuthal equidistant
/// plane, which also finds crossings (`PlaneCandidates`). Candidates are refined on the ellipsoid
/// (`GeodesicFoot`) in order of that bound until the bound passes the best distance found.
public enum GeodesicDistance {
    /// The nearest pair between `shape` (point, polygon or multipolygon) and the polylines `lines`.
    public static func nearest(from shape: Shape, to lines: [[Coordinate]]) -> NearestPair? {
        let query = DistanceQuery(shape: shape)
        var best: NearestPair?
        for line in lines where !line.isEmpty {
            if let pair = query.nearest(toChain: line[...], below: best.map { $0.distance } ?? .infinity) { best = pair }
        }
        return best
    }

    /// The nearest pair between a point and polylines.
    public static func nearest(from point: Coordinate, to lines: [[Coordinate]]) -> NearestPair? {
        nearest(from: .point(point), to: lines)
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

extension DistanceQuery {
    /// The nearest pair between the query and the chain of geodesic edges `chain`, if nearer than `limit`.
    func nearest(toChain chain: ArraySlice<Coordinate>, below limit: Double) -> NearestPair? {
        let cartesian = chain.map(Cartesian.init)
        return chain.withUnsafeBufferPointer { w in
            cartesian.withUnsafeBufferPointer { nearest(toChain: w, cartesian: $0, below: limit) }
        }
    }

    /// As above, given the chain's vertices in Earth-centred coordinates.
    func nearest(toChain w: UnsafeBufferPointer<Coordinate>, cartesian: UnsafeBufferPointer<Cartesian>, below limit: Double) -> NearestPair? {
        if w.count == 1 { return nearest(toPoint: w[0], below: limit) }
        switch chordNearest(w, cartesian, below: limit, boundOnly: false) {
        case .pair(let pair):
            return pair
        case .bound:
            preconditionFailure("exact mode gives a pair")
        case .unbounded:
            var candidates = [DistanceCandidate]()
            if let touching = planeCandidates(w, below: limit, into: &candidates) { return touching }
            return refine(candidates, line: w, below: limit)
        }
    }

    /// A lower bound on the distance between the query and the chain, nearly exact, at no geodesic solve;
    /// infinity when nothing of the chain comes nearer than `limit`.
    func lowerBound(toChain w: UnsafeBufferPointer<Coordinate>, cartesian: UnsafeBufferPointer<Cartesian>, below limit: Double) -> Double {
        if w.count == 1 { return 0 }
        switch chordNearest(w, cartesian, below: limit, boundOnly: true) {
        case .bound(let b):
            return b
        case .pair, .unbounded:
            return 0
        }
    }

    /// The best of `candidates` measured on the ellipsoid, nearest first by bound, until the bound passes
    /// the best distance found.
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

    /// The nearest pair between the query and a single point, if nearer than `limit`.
    func nearest(toPoint target: Coordinate, below limit: Double) -> NearestPair? {
        let lb = lowerBound(minX: target.x, minY: target.y, maxX: target.x, maxY: target.y)
        if lb >= limit { return nil }
        if !isAreal {
            let d = Geodesic.wgs84.distance(vertices[0], target)
            return d < limit ? NearestPair(distance: d, from: vertices[0], to: target) : nil
        }
        let point = Cartesian(target)
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

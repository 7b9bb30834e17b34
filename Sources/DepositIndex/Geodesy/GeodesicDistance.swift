import Foundation
import Geo

/// Geodesic distance between a point or polygon and a polyline on WGS84, with the nearest points on both.
///
/// How: the query's own vertices and the line's vertices are placed in the azimuthal equidistant plane
/// centred on the query (`LocalPlane`). A line edge crossing the query's boundary, or a line vertex inside
/// it, gives 0. Otherwise the nearest pair joins a vertex of one geometry to an edge of the other (between
/// two short geodesics that do not cross, the distance is least at an end of one of them), so every
/// vertex–edge pair is a candidate. Its planar distance, less the chord's possible bend and divided by the
/// plane's largest scale, bounds its true distance from below; candidates are refined on the ellipsoid
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

extension DistanceQuery {
    private struct Candidate {
        var bound: Double
        /// true: query vertex `a` to line edge `b`; false: line vertex `a` to query edge starting at `b`.
        var queryVertex: Bool
        var a: Int
        var b: Int
        var t: Double
    }

    /// The nearest pair between the query and the chain of geodesic edges `chain`, if nearer than `limit`.
    func nearest(toChain chain: ArraySlice<Coordinate>, below limit: Double) -> NearestPair? {
        let w = Array(chain)
        if w.count == 1 { return nearest(toPoint: w[0], below: limit) }
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
        for j in kept { rho = max(rho, norm(planarW(j)), norm(planarW(j + 1))) }
        let scale = LocalPlane.maximumScale(within: rho)
        var candidates = [Candidate]()
        for j in kept {
            let a = planarW(j), b = planarW(j + 1)
            let slack = LocalPlane.chordDeviation(length: distance(a, b), within: rho)
            for (i, p) in planar.enumerated() {
                let (d, t) = PlanarGeometry.segmentDistance(p, a, b)
                let lb = scale.isFinite ? max(0, d - slack) / scale : 0
                if lb < limit { candidates.append(Candidate(bound: lb, queryVertex: true, a: i, b: j, t: t)) }
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
                            let slack = LocalPlane.chordDeviation(length: distance(a, b), within: rho)
                            let lb = scale.isFinite ? max(0, d - slack) / scale : 0
                            if lb < limit { candidates.append(Candidate(bound: lb, queryVertex: false, a: m, b: e, t: t)) }
                        }
                    }
                }
            }
        }
        var best: NearestPair?
        var bestDistance = limit
        // Each edge's inverse solution, solved once however many candidates measure against it.
        var lineEdges = [GeodesicInverse?](repeating: nil, count: w.count)
        var queryEdges = [GeodesicInverse?](repeating: nil, count: isAreal ? vertices.count : 0)
        func refine(_ c: Candidate) {
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
        refine(candidates.remove(at: first))
        candidates.removeAll { $0.bound >= bestDistance }
        candidates.sort { $0.bound < $1.bound }
        for c in candidates {
            if c.bound >= bestDistance { break }
            refine(c)
        }
        return best
    }

    /// The nearest pair between the query and a single point, if nearer than `limit`.
    func nearest(toPoint target: Coordinate, below limit: Double) -> NearestPair? {
        let lb = lowerBound(minX: target.x, minY: target.y, maxX: target.x, maxY: target.y)
        if lb >= limit { return nil }
        let p = plane.project(target)
        if isAreal, containsPlanar(p) { return NearestPair(distance: 0, from: target, to: target) }
        if !isAreal {
            let d = Geodesic.wgs84.distance(vertices[0], target)
            return d < limit ? NearestPair(distance: d, from: vertices[0], to: target) : nil
        }
        // The point against each query edge, in order of planar distance.
        var best: NearestPair?
        var bestDistance = limit
        var edges = [(Double, Int, Double)]()
        let scale = LocalPlane.maximumScale(within: max(radius, norm(p)))
        for rings in polygons {
            for ring in rings {
                for e in ring.lowerBound..<(ring.upperBound - 1) {
                    let (d, t) = PlanarGeometry.segmentDistance(p, planar[e], planar[e + 1])
                    let slack = LocalPlane.chordDeviation(length: distance(planar[e], planar[e + 1]), within: max(radius, norm(p)))
                    edges.append((scale.isFinite ? max(0, d - slack) / scale : 0, e, t))
                }
            }
        }
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

    private func norm(_ p: Coordinate) -> Double { (p.x * p.x + p.y * p.y).squareRoot() }
    private func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        let dx = a.x - b.x, dy = a.y - b.y
        return (dx * dx + dy * dy).squareRoot()
    }
}

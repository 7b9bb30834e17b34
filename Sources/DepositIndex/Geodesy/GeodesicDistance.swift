import Foundation
import Geo

/// Geodesic distance between a point or polygon and a polyline on WGS84, with the nearest points on both.
///
/// How: unless the line meets the query's area (then the distance is 0), the nearest pair joins a vertex
/// of one geometry to an edge of the other (between two short geodesics that do not cross, the distance
/// is least at an end of one of them), so every vertex–edge pair is a candidate. Each candidate gets a
/// lower bound on its true distance that costs no geodesic solve, from Earth-centred coordinates
/// (`ChordNearest`; crossings are found in the query's `CentralPlane`), and candidates are refined on the
/// ellipsoid (`GeodesicFoot`) in order of that bound until the bound passes the best distance found.
/// Line edges over 400 km are first cut at points of their own geodesics (`LongEdges`). Only queries
/// spanning a quarter of the Earth, which have no central-plane image, take the older way through the
/// query's azimuthal equidistant plane (`PlaneNearest`), which costs a geodesic solve per vertex; a
/// property test checks the two ways agree.
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
    /// The nearest pair between the query and the chain of geodesic edges `chain`, if nearer than `limit`.
    func nearest(toChain original: ArraySlice<Coordinate>, below limit: Double) -> NearestPair? {
        let chain = LongEdges.split(original, over: ChainLayer.longestEdge)?[...] ?? original
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
            return nearestInPlane(toChain: w, below: limit)
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

    /// The nearest pair between the query and a single point, if nearer than `limit`.
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

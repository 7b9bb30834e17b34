import Geo

extension DistanceQuery {
    enum ChordResult {
        /// The nearest pair nearer than the limit (nil: none), or in bound mode a lower bound on its distance.
        case pair(NearestPair?)
        case bound(Double)
        /// An edge too long for these bounds, or a query too wide for its central plane: measure in the
        /// `LocalPlane` instead.
        case unbounded
    }

    /// The nearest pair between the query and a chain (or, with `boundOnly`, a lower bound on its
    /// distance that costs no geodesic solve), from bounds in Earth-centred coordinates (see `Cartesian`):
    /// the Euclidean distance from a vertex to an edge's chord, less the edge's sagitta, is never more than
    /// their geodesic distance, and within a metre of it for edges of a few kilometres.
    ///
    /// Each edge first gets its reach: the distance from the query's centre to its chord less the query's
    /// radius, a bound for every candidate pair on it. An edge within the radius is tested for crossing
    /// the area in the `CentralPlane`. The others are taken nearest reach first; an edge's vertex–edge
    /// candidates (query vertices against it, its ends against the query's edges) are bounded and, in
    /// exact mode, refined on the ellipsoid (`GeodesicFoot`; an edge's inverse is solved once, by
    /// `Geodesic.inverse` in `Sources/Geo/Geodesic.swift`) while their bound is below the best distance;
    /// edges whose reach passes that distance are never looked at closely.
    func chordNearest(
        _ w: UnsafeBufferPointer<Coordinate>, _ line: UnsafeBufferPointer<Cartesian>, below limit: Double, boundOnly: Bool
    ) -> ChordResult {
        let edgeCount = w.count - 1
        return withUnsafeTemporaryAllocation(of: (reach: Double, edge: Int).self, capacity: edgeCount) { edges in
            var kept = 0
            for j in 0..<edgeCount {
                let a = line[j], b = line[j + 1]
                guard let reach = reach(a, b) else { return .unbounded }
                guard reach < limit else { continue }
                // Only an edge that comes within the query's radius of its centre can meet its area.
                if isAreal && reach <= 0 {
                    switch meeting(w[j], w[j + 1], a, b) {
                    case .meets(let pair): return boundOnly ? .bound(0) : .pair(pair)
                    case .planeless: return .unbounded
                    case .apart: break
                    }
                }
                edges[kept] = (max(0, reach), j)
                kept += 1
            }
            // Nearest reach first.
            var nearestFirst = UnsafeMutableBufferPointer(rebasing: edges[0..<kept])
            nearestFirst.stableSort { $0.reach }
            if kept == 0 { return boundOnly ? .bound(.infinity) : .pair(nil) }
            var search = ChordSearch(w: w, line: line, best: limit, boundOnly: boundOnly)
            for n in 0..<kept {
                let (reach, j) = edges[n]
                if reach >= search.bestDistance { break }
                search.take(edge: j, of: self)
                if isAreal {
                    // A line vertex goes with the nearer of its two edges, so it is taken once.
                    if !search.tookVertex(j) { search.take(lineVertex: j, of: self) }
                    if !search.tookVertex(j + 1) { search.take(lineVertex: j + 1, of: self) }
                }
            }
            return boundOnly ? .bound(search.bestDistance) : .pair(search.best)
        }
    }

    /// The edge `a`–`b`'s reach: the Euclidean distance from the query's centre to its chord, less its
    /// sagitta and the query's radius (`chordRadius`), a lower bound for every pair of a query point and an
    /// edge point (see `Cartesian`); nil for an edge too long to bound so.
    func reach(_ a: Cartesian, _ b: Cartesian) -> Double? {
        let sagitta = Cartesian.sagitta(chord: a.chord(to: b))
        if !sagitta.isFinite { return nil }
        return Cartesian.segmentDistance(centerCartesian, a, b).distance - sagitta - chordRadius - Self.rounding
    }

    /// Rounding in coordinates of 6·10⁶ m is far below this.
    static let rounding = 1e-6
}

/// The running state of `chordNearest`: the best pair so far (exact mode) or the least bound (bound mode).
/// The query is passed to each step rather than kept, so it is borrowed, not retained, chain after chain.
private struct ChordSearch {
    let w: UnsafeBufferPointer<Coordinate>
    let line: UnsafeBufferPointer<Cartesian>
    let boundOnly: Bool
    var bestDistance: Double
    var best: NearestPair?
    /// Line vertices already taken, as bits (chains from the index have at most nine vertices; longer
    /// lines passed whole keep a set).
    private var takenBits: UInt64 = 0
    private var takenSet = Set<Int>()

    init(w: UnsafeBufferPointer<Coordinate>, line: UnsafeBufferPointer<Cartesian>, best: Double, boundOnly: Bool) {
        self.w = w
        self.line = line
        self.bestDistance = best
        self.boundOnly = boundOnly
    }

    mutating func tookVertex(_ m: Int) -> Bool {
        if m < 64 {
            let bit = UInt64(1) << UInt64(m)
            defer { takenBits |= bit }
            return takenBits & bit != 0
        }
        return !takenSet.insert(m).inserted
    }

    /// Query vertices against line edge `j`.
    mutating func take(edge j: Int, of query: DistanceQuery) {
        let a = line[j], b = line[j + 1], w = self.w
        let sagitta = Cartesian.sagitta(chord: a.chord(to: b))
        let count = query.cartesian.count
        withUnsafeTemporaryAllocation(of: Candidate.self, capacity: count) { found in
            var n = 0
            for i in 0..<count {
                let (d, t) = Cartesian.segmentDistance(query.cartesian[i], a, b)
                let bound = max(0, d - sagitta - DistanceQuery.rounding)
                if bound < bestDistance {
                    found[n] = (bound, i, t)
                    n += 1
                }
            }
            var edge: GeodesicInverse?
            settle(found, n) { c in
                let solved = edge ?? Geodesic.wgs84.inverse(w[j], w[j + 1])
                edge = solved
                let v = query.vertices[c.other]
                let foot = GeodesicFoot.nearest(from: v, a: w[j], b: w[j + 1], edge: solved, seed: c.t)
                return NearestPair(distance: foot.distance, from: v, to: foot.point)
            }
        }
    }

    /// Line vertex `m` against every edge of the query's rings.
    mutating func take(lineVertex m: Int, of query: DistanceQuery) {
        let p = line[m], w = self.w
        let count = query.cartesian.count
        withUnsafeTemporaryAllocation(of: Candidate.self, capacity: count) { found in
            var n = 0
            for rings in query.polygons {
                for ring in rings {
                    for e in ring.lowerBound..<(ring.upperBound - 1) {
                        let (d, t) = Cartesian.segmentDistance(p, query.cartesian[e], query.cartesian[e + 1])
                        let bound = max(0, d - query.edgeSagitta[e] - DistanceQuery.rounding)
                        if bound < bestDistance {
                            found[n] = (bound, e, t)
                            n += 1
                        }
                    }
                }
            }
            settle(found, n) { c in
                let foot = GeodesicFoot.nearest(from: w[m], a: query.vertices[c.other], b: query.vertices[c.other + 1], seed: c.t)
                return NearestPair(distance: foot.distance, from: foot.point, to: w[m])
            }
        }
    }

    /// A candidate: its bound, the vertex or edge start on the query's side, where along the edge to start.
    typealias Candidate = (bound: Double, other: Int, t: Double)

    /// Lowers the best with the first `n` candidates: in bound mode by their bounds; otherwise by measuring
    /// them (`measure`, on the ellipsoid) in order of bound while the bound is below the best distance.
    private mutating func settle(_ found: UnsafeMutableBufferPointer<Candidate>, _ n: Int, measure: (Candidate) -> NearestPair) {
        if boundOnly {
            for k in 0..<n { bestDistance = min(bestDistance, found[k].bound) }
            return
        }
        if n > 1 {
            // Ordered by bound (a large polygon gives thousands, so not by insertion).
            var first = UnsafeMutableBufferPointer(rebasing: found[0..<n])
            first.stableSort { $0.bound }
        }
        for k in 0..<n where found[k].bound < bestDistance {
            let pair = measure(found[k])
            if pair.distance < bestDistance {
                bestDistance = pair.distance
                best = pair
            }
        }
    }
}

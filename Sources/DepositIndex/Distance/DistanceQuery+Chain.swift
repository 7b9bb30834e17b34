import Geo

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

    /// A lower bound on the distance between the query and the chain from its edges' reach alone: the
    /// least Euclidean distance from the query's centre to an edge's chord, less the edge's sagitta and the
    /// query's radius (`chordRadius`): every point of the query lies within that radius of its centre and
    /// every point of an edge within its sagitta of the chord (see `Cartesian`). Cheaper than
    /// `lowerBound(toChain:cartesian:below:)` and looser by up to the query's radius; 0 for an edge too
    /// long to bound.
    func reachBound(toChain line: UnsafeBufferPointer<Cartesian>) -> Double {
        if line.count == 1 { return 0 }
        var least = Double.infinity
        for j in 0..<(line.count - 1) {
            guard let reach = reach(line[j], line[j + 1]) else { return 0 }
            least = min(least, reach)
        }
        return max(0, least)
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
}

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

extension ChainLayer {
    /// The `k` features nearest to the query, each with its nearest pair, nearest first; features at the
    /// same distance (to a millimetre) are ordered by `tieOrder`, so a tie at the k-th place is settled by it.
    /// - Parameter maxDistance: features farther than this (metres) are left out.
    func nearest(
        to query: DistanceQuery, k: Int, maxDistance: Double = .infinity,
        tieOrder: (Int, Int) -> Bool = { $0 < $1 }
    ) -> [(feature: Int, pair: NearestPair)] {
        guard k > 0 else { return [] }
        var known = KnownFeatures()
        var accepted = [(feature: Int, pair: NearestPair)]()
        // The k smallest known feature distances, ascending, kept as they come in (a feature's own
        // distance only ever shrinks), rather than sorting every known distance at each chain.
        var smallest = KSmallest(k: k)
        // The k-th smallest known feature distance: nothing farther can enter the answer. A millimetre of
        // slack keeps ties at the k-th place for the tie-break.
        func kthKnown() -> Double {
            guard let kth = smallest.kth else { return maxDistance }
            return min(maxDistance, kth + DistanceTolerance.tie)
        }
        var limit = maxDistance
        index.nearest(
            lowerBound: { query.lowerBound($0) },
            limit: { limit },
            // A chain's own bounds before its exact distance: most chains whose box is near enough are
            // settled by them and never measured on the ellipsoid. For an area, first the reach of the
            // chain's edges from the area's circle (a few vector operations an edge), then the nearly exact
            // bound of the near edges' vertex pairs (one an area vertex and edge, a dozen of each): a chain
            // whose box is near but whose edges pass farther off is passed over on the first.
            stages: query.isAreal ? 2 : 1,
            refine: { stage, c in
                let feature = Int(chainFeature[c])
                let met = known.lookUp(feature)
                if met.accepted { return nil }
                let own = met.pair?.distance ?? .infinity
                let below = min(own, limit.nextUp)
                let bound = stage == 0 && query.isAreal
                    ? reachBound(to: query, chain: c)
                    : lowerBound(to: query, chain: c, below: below)
                // A bound at the limit means nothing of the chain comes nearer.
                return bound < below ? bound : nil
            },
            exact: { c in
                let feature = Int(chainFeature[c])
                let met = known.lookUp(feature)
                if met.accepted { return nil }
                let own = met.pair?.distance ?? .infinity
                guard let pair = nearest(to: query, chain: c, below: min(own, limit.nextUp)) else { return nil }
                known.record(feature, pair)
                smallest.offer(feature, pair.distance)
                limit = kthKnown()
                return pair.distance
            },
            visit: { c, d in
                let feature = Int(chainFeature[c])
                let met = known.lookUp(feature)
                guard !met.accepted, let pair = met.pair, pair.distance == d else { return true }
                known.accept(feature)
                accepted.append((feature, pair))
                // Keep going past k only while ties at the k-th distance may still come.
                if accepted.count >= k { limit = min(limit, accepted[k - 1].pair.distance + DistanceTolerance.tie) }
                return true
            })
        // A line that meets the query (distance 0) touches it along a stretch or at several crossings,
        // each an exact nearest point; which chain the search met first depends on the other lines in the
        // index. The point reported is the first in the line's own order, so that the answer does not
        // depend on what else is loaded (a store's candidates or the whole catalog give the same bytes).
        // Only chains whose box bound is 0 can meet the query (the bound never exceeds the distance): on a
        // long line most chains are passed over by their box alone, without reading their vertices.
        for i in accepted.indices where accepted[i].pair.distance == 0 {
            for c in chains(ofFeature: accepted[i].feature) where query.lowerBound(chainBox(c)) == 0 {
                if let pair = nearest(to: query, chain: c, below: .leastNonzeroMagnitude) {
                    accepted[i].pair = pair
                    break
                }
            }
        }
        if accepted.count > 1 { accepted.sort { a, b in
            DistanceTolerance.precedes(a.pair.distance, b.pair.distance, tieOrder: tieOrder(a.feature, b.feature))
        } }
        return Array(accepted.prefix(k))
    }
}

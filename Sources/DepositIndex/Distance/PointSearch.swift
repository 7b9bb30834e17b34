/// k-nearest over an index whose items are each one whole feature (stations, deposits).
enum PointSearch {
    static func nearest(
        index: SpatialIndex, query: DistanceQuery, k: Int, maxDistance: Double,
        tieOrder: (Int, Int) -> Bool, exact: (Int, Double) -> Double?
    ) -> [(Int, Double)] {
        var found = [(Int, Double)]()
        var limit = maxDistance
        index.nearest(
            lowerBound: { query.lowerBound($0) },
            limit: { limit },
            exact: { exact($0, limit.nextUp) },
            visit: { item, d in
                found.append((item, d))
                // Past k, keep only ties with the k-th (to a millimetre) for the tie-break.
                if found.count >= k { limit = min(limit, found[k - 1].1 + DistanceTolerance.tie) }
                return true
            })
        found.sort { a, b in
            DistanceTolerance.precedes(a.1, b.1, tieOrder: tieOrder(a.0, b.0))
        }
        return Array(found.prefix(k))
    }
}

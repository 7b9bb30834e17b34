import Geo

/// The polylines of one layer (rail lines, corridor centre lines, region boundaries) cut into short
/// chains of geodesic edges, each with a box that holds its edges' bows, indexed together.
///
/// Short chains keep boxes tight: a whole 500 km line in one box would be a candidate for every query
/// near any part of it. Consecutive chains share their joining vertex, so no edge is lost.
struct ChainLayer: Sendable {
    /// Edges per chain: small enough for tight boxes, large enough that the index stays small.
    static let edgesPerChain = 8
    /// Longest edge kept whole, metres of chord.
    static let longestEdge = 400_000.0

    let coordinates: [Coordinate]
    /// `coordinates` in Earth-centred coordinates, for bounds that need no geodesic solve.
    let cartesian: [Cartesian]
    /// Chain `c` is `coordinates[chainStart[c] ..< chainEnd[c]]`, owned by feature `chainFeature[c]`.
    let chainStart: [Int32]
    let chainEnd: [Int32]
    let chainFeature: [Int32]
    /// The chains of feature `f` are `featureChains[f]` (chains are made feature by feature).
    let featureChains: [Range<Int>]
    let chainBoxes: [TrigBox]
    let index: SpatialIndex

    /// - Parameter lines: for each feature, its polylines (or rings); a feature may have none.
    init(lines: [[[Coordinate]]]) {
        var coordinates = [Coordinate]()
        var starts = [Int32](), ends = [Int32](), features = [Int32]()
        var boxes = [Envelope]()
        var featureChains = [Range<Int>]()
        for (feature, parts) in lines.enumerated() {
            let first = starts.count
            defer { featureChains.append(first..<starts.count) }
            for original in parts where !original.isEmpty {
                // Edges over 400 km are cut at points of their geodesics, within the Earth-centred bounds.
                let part = LongEdges.split(original[...], over: Self.longestEdge) ?? original
                let base = coordinates.count
                coordinates.append(contentsOf: part)
                var i = 0
                repeat {
                    let end = min(i + Self.edgesPerChain + 1, part.count)
                    starts.append(Int32(base + i))
                    ends.append(Int32(base + end))
                    features.append(Int32(feature))
                    boxes.append(EdgeEnvelope.of(chain: part[i..<end]))
                    i = end - 1
                } while i < part.count - 1
            }
        }
        self.coordinates = coordinates
        cartesian = coordinates.map(Cartesian.init)
        chainStart = starts
        chainEnd = ends
        chainFeature = features
        self.featureChains = featureChains
        chainBoxes = boxes.map(TrigBox.init)
        index = SpatialIndex(boxes: boxes)
    }

    func chain(_ c: Int) -> ArraySlice<Coordinate> {
        coordinates[Int(chainStart[c])..<Int(chainEnd[c])]
    }

    /// The nearest pair between the query and chain `c`, if nearer than `limit`.
    func nearest(to query: DistanceQuery, chain c: Int, below limit: Double) -> NearestPair? {
        let range = Int(chainStart[c])..<Int(chainEnd[c])
        return coordinates.withUnsafeBufferPointer { w in
            cartesian.withUnsafeBufferPointer { x in
                query.nearest(toChain: UnsafeBufferPointer(rebasing: w[range]), cartesian: UnsafeBufferPointer(rebasing: x[range]), below: limit)
            }
        }
    }

    /// A nearly exact lower bound on the distance between the query and chain `c` (see
    /// `DistanceQuery.lowerBound(toChain:cartesian:below:)`).
    func lowerBound(to query: DistanceQuery, chain c: Int, below limit: Double) -> Double {
        let range = Int(chainStart[c])..<Int(chainEnd[c])
        return coordinates.withUnsafeBufferPointer { w in
            cartesian.withUnsafeBufferPointer { x in
                query.lowerBound(toChain: UnsafeBufferPointer(rebasing: w[range]), cartesian: UnsafeBufferPointer(rebasing: x[range]), below: limit)
            }
        }
    }

    /// The nearest pair between the query and one feature, if nearer than `limit`.
    func nearest(to query: DistanceQuery, feature: Int, below limit: Double = .infinity) -> NearestPair? {
        var order = [(Double, Int)]()
        for c in featureChains[feature] {
            let b = chainBoxes[c]
            let lb = query.lowerBound(b)
            if lb < limit { order.append((lb, c)) }
        }
        order.sort { $0.0 < $1.0 }
        var best: NearestPair?
        var bestDistance = limit
        for (lb, c) in order where lb < bestDistance {
            if let pair = nearest(to: query, chain: c, below: bestDistance) {
                best = pair
                bestDistance = pair.distance
            }
        }
        return best
    }

    /// The chains of `feature` that may come within `distance` of the query.
    func chains(of feature: Int, near query: DistanceQuery, within distance: Double) -> [Int] {
        featureChains[feature].filter { c in
            let b = chainBoxes[c]
            return query.lowerBound(b) <= distance
        }
    }

    /// The `k` features nearest to the query, each with its nearest pair, nearest first; features at the
    /// same distance (to a millimetre) are ordered by `tieOrder`, so a tie at the k-th place is settled by it.
    /// - Parameter maxDistance: features farther than this (metres) are left out.
    func nearest(
        to query: DistanceQuery, k: Int, maxDistance: Double = .infinity,
        tieOrder: (Int, Int) -> Bool = { $0 < $1 }
    ) -> [(feature: Int, pair: NearestPair)] {
        guard k > 0 else { return [] }
        var known = [Int: NearestPair]()
        var accepted = [(feature: Int, pair: NearestPair)]()
        var acceptedSet = Set<Int>()
        // The k smallest known feature distances, ascending, kept as they come in (a feature's own
        // distance only ever shrinks), rather than sorting every known distance at each chain.
        var smallest = KSmallest(k: k)
        // The k-th smallest known feature distance: nothing farther can enter the answer. A millimetre of
        // slack keeps ties at the k-th place for the tie-break.
        func kthKnown() -> Double {
            guard let kth = smallest.kth else { return maxDistance }
            return min(maxDistance, kth + 1e-3)
        }
        var limit = maxDistance
        index.nearest(
            lowerBound: { query.lowerBound($0) },
            limit: { limit },
            // A chain's own bound, nearly exact, before its exact distance: most chains whose box is near
            // enough are settled by it and never measured on the ellipsoid.
            refine: { c in
                let feature = Int(chainFeature[c])
                if acceptedSet.contains(feature) { return nil }
                let own = known[feature].map { $0.distance } ?? .infinity
                let below = min(own, limit.nextUp)
                let bound = lowerBound(to: query, chain: c, below: below)
                // A bound at the limit means nothing of the chain comes nearer.
                return bound < below ? bound : nil
            },
            exact: { c in
                let feature = Int(chainFeature[c])
                if acceptedSet.contains(feature) { return nil }
                let own = known[feature].map { $0.distance } ?? .infinity
                guard let pair = nearest(to: query, chain: c, below: min(own, limit.nextUp)) else { return nil }
                known[feature] = pair
                smallest.offer(feature, pair.distance)
                limit = kthKnown()
                return pair.distance
            },
            visit: { c, d in
                let feature = Int(chainFeature[c])
                guard !acceptedSet.contains(feature), let pair = known[feature], pair.distance == d else { return true }
                acceptedSet.insert(feature)
                accepted.append((feature, pair))
                // Keep going past k only while ties at the k-th distance may still come.
                if accepted.count >= k { limit = min(limit, accepted[k - 1].pair.distance + 1e-3) }
                return true
            })
        if accepted.count > 1 { accepted.sort { a, b in
            let da = (a.pair.distance * 1000).rounded(), db = (b.pair.distance * 1000).rounded()
            return da != db ? da < db : tieOrder(a.feature, b.feature)
        } }
        return Array(accepted.prefix(k))
    }
}

/// The k smallest values by feature, for features whose values only decrease.
struct KSmallest {
    let k: Int
    private var entries: [(feature: Int, value: Double)] = []

    init(k: Int) {
        self.k = k
    }

    /// The k-th smallest value, once k features are known.
    var kth: Double? { entries.count >= k ? entries[k - 1].value : nil }

    mutating func offer(_ feature: Int, _ value: Double) {
        if let i = entries.firstIndex(where: { $0.feature == feature }) {
            entries[i].value = min(entries[i].value, value)
        } else if entries.count < k {
            entries.append((feature, value))
        } else if value < entries[entries.count - 1].value {
            // A feature outside the k smallest that now beats the largest of them takes its place.
            entries[entries.count - 1] = (feature, value)
        } else {
            return
        }
        entries.sort { $0.value < $1.value }
    }
}

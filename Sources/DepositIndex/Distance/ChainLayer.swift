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
}

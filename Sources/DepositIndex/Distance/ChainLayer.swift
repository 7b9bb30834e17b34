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
        // Each feature is cut on a core of its own (long edges split, chains boxed, vertices made
        // Earth-centred), then the pieces are laid end to end in feature order.
        let cut = lines.count < 256 ? lines.map(Self.cut) : Parallel.map(lines.count) { Self.cut(lines[$0]) }
        var coordinates = [Coordinate](), cartesian = [Cartesian]()
        var starts = [Int32](), ends = [Int32](), features = [Int32]()
        var boxes = [Envelope](), trig = [TrigBox]()
        var featureChains = [Range<Int>]()
        let vertexCount = cut.reduce(0) { $0 + $1.coordinates.count }, chainCount = cut.reduce(0) { $0 + $1.boxes.count }
        coordinates.reserveCapacity(vertexCount); cartesian.reserveCapacity(vertexCount)
        starts.reserveCapacity(chainCount); ends.reserveCapacity(chainCount); features.reserveCapacity(chainCount)
        boxes.reserveCapacity(chainCount); trig.reserveCapacity(chainCount); featureChains.reserveCapacity(cut.count)
        for (feature, piece) in cut.enumerated() {
            let base = Int32(coordinates.count)
            featureChains.append(starts.count..<(starts.count + piece.boxes.count))
            coordinates += piece.coordinates
            cartesian += piece.cartesian
            starts += piece.starts.lazy.map { $0 + base }
            ends += piece.ends.lazy.map { $0 + base }
            features += repeatElement(Int32(feature), count: piece.boxes.count)
            boxes += piece.boxes
            trig += piece.trig
        }
        self.coordinates = coordinates
        self.cartesian = cartesian
        chainStart = starts
        chainEnd = ends
        chainFeature = features
        self.featureChains = featureChains
        chainBoxes = trig
        index = SpatialIndex(boxes: boxes)
    }

    /// One feature's chains, numbered from its own first vertex.
    private struct FeatureCut {
        var coordinates = [Coordinate](), cartesian = [Cartesian]()
        var starts = [Int32](), ends = [Int32](), boxes = [Envelope](), trig = [TrigBox]()
    }

    private static func cut(_ parts: [[Coordinate]]) -> FeatureCut {
        var out = FeatureCut()
        for original in parts where !original.isEmpty {
            // Edges over 400 km are cut at points of their geodesics, within the Earth-centred bounds.
            let part = LongEdges.split(original[...], over: Self.longestEdge) ?? original
            let base = out.coordinates.count
            out.coordinates += part
            var i = 0
            repeat {
                let end = min(i + Self.edgesPerChain + 1, part.count)
                out.starts.append(Int32(base + i))
                out.ends.append(Int32(base + end))
                let box = EdgeEnvelope.of(chain: part[i..<end])
                out.boxes.append(box)
                out.trig.append(TrigBox(box))
                i = end - 1
            } while i < part.count - 1
        }
        out.cartesian = out.coordinates.map(Cartesian.init)
        return out
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

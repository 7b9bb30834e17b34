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
    /// Chains are numbered and stored along the index's Hilbert curve, so chains near each other on the
    /// map are near each other in memory: a search reads a few pages of vertices, not one per chain (on
    /// the 1,000,000-deposit world set, a cache miss at a chain's first vertex took a sixth of the time).
    let chainStart: [Int32]
    let chainEnd: [Int32]
    let chainFeature: [Int32]
    /// The chains of feature `f`, in the line's own order, are `featureChainIDs[featureChains[f]]`
    /// (see `chains(ofFeature:)`).
    let featureChains: [Range<Int>]
    private let featureChainIDs: [Int32]
    let index: SpatialIndex

    /// Chain `c`'s box, with its edges' bows (`EdgeEnvelope`): the index's own, not a second copy (at
    /// 200,000 lines, 2.2 million boxes of twelve numbers and eight sines and cosines each).
    func chainBox(_ c: Int) -> TrigBox {
        index.box(ofItem: c)
    }

    /// The number of chains.
    var chainCount: Int { index.count }

    /// - Parameter lines: for each feature, its polylines (or rings); a feature may have none.
    init(lines: [[[Coordinate]]]) {
        // Each feature is cut on a core of its own (long edges split, chains boxed, vertices made
        // Earth-centred), its chains numbered feature by feature; then the chains are copied once, along
        // the Hilbert curve, into arrays of their exact final size (a copy in feature order first doubled
        // the memory written: at 200,000 lines, page faults and copies were two thirds of the build).
        let cut = lines.count < 256 ? lines.map(Self.cut) : Parallel.map(lines.count) { Self.cut(lines[$0]) }
        var owner = [Int32](), featureChains = [Range<Int>](), boxes = [Envelope]()
        let chainTotal = cut.reduce(0) { $0 + $1.boxes.count }
        owner.reserveCapacity(chainTotal)
        boxes.reserveCapacity(chainTotal)
        featureChains.reserveCapacity(cut.count)
        for (feature, piece) in cut.enumerated() {
            featureChains.append(boxes.count..<(boxes.count + piece.boxes.count))
            owner += repeatElement(Int32(feature), count: piece.boxes.count)
            boxes += piece.boxes
        }
        let order = SpatialIndex.hilbertOrder(boxes)
        // Where each chain goes (a running sum of lengths along the curve), then the copies, a feature's
        // chains at a time on every core, each into its own run of arrays made at their final size.
        var ids = [Int32](repeating: 0, count: order.count)
        var starts = [Int32](), ends = [Int32]()
        starts.reserveCapacity(order.count); ends.reserveCapacity(order.count)
        var total = 0
        for (k, first) in order.enumerated() {
            ids[first] = Int32(k)
            let f = Int(owner[first]), j = first - featureChains[f].lowerBound
            starts.append(Int32(total))
            total += Int(cut[f].ends[j] - cut[f].starts[j])
            ends.append(Int32(total))
        }
        func laid<T>(_ part: (FeatureCut) -> [T]) -> [T] {
            [T](unsafeUninitializedCapacity: total) { out, count in
                let copy = { (f: Int) in
                    let piece = cut[f], chains = featureChains[f]
                    part(piece).withUnsafeBufferPointer { from in
                        for c in chains {
                            let k = Int(ids[c]), j = c - chains.lowerBound
                            _ = UnsafeMutableBufferPointer(rebasing: out[Int(starts[k])..<Int(ends[k])])
                                .initialize(from: UnsafeBufferPointer(rebasing: from[Int(piece.starts[j])..<Int(piece.ends[j])]))
                        }
                    }
                }
                if cut.count < 256 { cut.indices.forEach(copy) } else { _ = Parallel.map(cut.count, copy) }
                count = total
            }
        }
        coordinates = laid(\.coordinates)
        cartesian = laid(\.cartesian)
        chainStart = starts
        chainEnd = ends
        chainFeature = order.map { owner[$0] }
        self.featureChains = featureChains
        featureChainIDs = ids
        // Already in Hilbert order: the index keeps it, so index item `c` is chain `c`.
        index = SpatialIndex(boxes: order.map { boxes[$0] }, alongHilbertCurve: true)
    }

    /// The chains of feature `f`, in the line's own order.
    func chains(ofFeature f: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
        featureChainIDs[featureChains[f]].lazy.map(Int.init)
    }

    /// One feature's chains, numbered from its own first vertex.
    private struct FeatureCut {
        var coordinates = [Coordinate](), cartesian = [Cartesian]()
        var starts = [Int32](), ends = [Int32](), boxes = [Envelope]()
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

    /// A lower bound on the distance between the query and chain `c` from its edges' reach alone (see
    /// `DistanceQuery.reachBound(toChain:)`).
    func reachBound(to query: DistanceQuery, chain c: Int) -> Double {
        let range = Int(chainStart[c])..<Int(chainEnd[c])
        return cartesian.withUnsafeBufferPointer { query.reachBound(toChain: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The nearest pair between the query and one feature, if nearer than `limit`.
    func nearest(to query: DistanceQuery, feature: Int, below limit: Double = .infinity) -> NearestPair? {
        var order = [(Double, Int)]()
        for c in chains(ofFeature: feature) {
            let lb = query.lowerBound(chainBox(c))
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
        chains(ofFeature: feature).filter { c in
            query.lowerBound(chainBox(c)) <= distance
        }
    }
}

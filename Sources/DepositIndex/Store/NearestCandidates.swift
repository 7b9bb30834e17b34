import Foundation
import Geo

extension FeatureSource {
    /// Features of `layer` that provably include the `k` nearest to `shape` (ties at the k-th place
    /// to a millimetre included), read through the R-tree in growing windows.
    ///
    /// Why it is exact: a feature left out has no geodesic edge reaching into the window
    /// (`features(_:edgesMeeting:)`), so it lies wholly outside it. `outsideBound` is a lower bound on the
    /// geodesic distance from the shape to anything outside the window; once it exceeds the k-th distance
    /// found among the candidates (plus the millimetre of tie slack), nothing left out can enter the answer.
    /// A layer whose edges may leave their vertices' longitudes (`layerBowPad` of 180°) is read whole.
    /// - Parameter kthDistance: the k-th smallest exact distance among candidates (infinity when fewer).
    package func nearestCandidates(
        _ layer: StoreLayer, to shape: Shape, k: Int, maxDistance: Double,
        kthDistance: ([StoredFeature]) throws -> Double
    ) throws -> [StoredFeature] {
        guard hasLayer(layer) else { return [] }
        if let index = edgeIndex(layer) {
            return try nearestCandidates(index, to: shape, k: k, maxDistance: maxDistance, kthDistance: kthDistance)
        }
        let query = DistanceQuery(shape: shape)
        let box = Catalog.box(of: shape)
        if layerBowPad(layer) >= 180 { return try allFeatures(layer) }
        var radius = 2_000.0
        while true {
            let window = Catalog.widened(box, by: radius)
            let wholeWorld = window.maxX - window.minX >= 360 && window.minY <= -90 && window.maxY >= 90
            let fetched = try features(layer, edgesMeeting: window)
            if wholeWorld { return fetched }
            let needed = min(maxDistance, try kthDistance(fetched) + DistanceTolerance.tie)
            if Self.outsideBound(query, window) > needed { return fetched }
            // With k candidates in hand, grow straight past the k-th distance (the window's bound is then
            // above it); with fewer, grow fourfold.
            radius = needed.isFinite ? max(radius * 1.5, needed * 1.05) : radius * 4
        }
    }

    /// The same, best first through an edge index: in each window only the boxes are read; features are
    /// decoded in the order of their boxes' lower bounds, in batches, until the next box's bound exceeds
    /// the k-th distance in hand. A box left unread has a bound, hence a distance, beyond the final k-th
    /// distance plus the tie slack (the k-th distance only falls as candidates are added), and a feature
    /// outside the window lies beyond `outsideBound`; so the answer is among those read. A question far
    /// from every feature thus decodes a few features, not every one in the window that reaches them.
    private func nearestCandidates(
        _ index: any EdgeIndexReader, to shape: Shape, k: Int, maxDistance: Double,
        kthDistance: ([StoredFeature]) throws -> Double
    ) throws -> [StoredFeature] {
        let query = DistanceQuery(shape: shape)
        let box = Catalog.box(of: shape)
        var fetched = [StoredFeature]()
        var read = Set<Int64>()
        var kth = Double.infinity
        var radius = 2_000.0
        while true {
            let window = Catalog.widened(box, by: radius)
            let wholeWorld = window.maxX - window.minX >= 360 && window.minY <= -90 && window.maxY >= 90
            var pending = try index.entries(meeting: window).filter { !read.contains($0.fid) }
                .map { (entry: $0, bound: query.lowerBound(minX: $0.box.minX, minY: $0.box.minY, maxX: $0.box.maxX, maxY: $0.box.maxY)) }
            while true {
                let limit = min(maxDistance, kth + DistanceTolerance.tie)
                pending.removeAll { $0.bound > limit }
                if pending.isEmpty { break }
                // The nearest-bounded batch, as large as what is in hand (so the catalogs kthDistance builds
                // add up to about twice the last); only the bounds are sorted, and only to find its edge.
                let size = max(k, 16, fetched.count)
                var batch = pending
                if pending.count > size {
                    let edge = pending.map(\.bound).sorted()[size - 1]
                    batch = pending.filter { $0.bound <= edge }
                    pending.removeAll { $0.bound <= edge }
                } else {
                    pending = []
                }
                for b in batch { read.insert(b.entry.fid) }
                fetched += try index.features(batch.map(\.entry))
                kth = try kthDistance(fetched)
            }
            let needed = min(maxDistance, kth + DistanceTolerance.tie)
            if wholeWorld || Self.outsideBound(query, window) > needed { return fetched }
            // Past the k-th distance in hand; with fewer than k, √2 as far: an empty window costs one R-tree
            // probe, and the first window to meet anything has at most twice the area it had to have.
            radius = needed.isFinite ? max(radius * 1.5, needed * 1.05) : radius * 2.0.squareRoot()
        }
    }

    /// A lower bound on the geodesic distance from the query to any point outside `inner`: the least of
    /// the bounds to the cap north of it, the cap south of it, and the band of longitudes beside it.
    static func outsideBound(_ q: DistanceQuery, _ inner: Envelope) -> Double {
        if inner.minY > inner.maxY { return 0 }
        var bound = Double.infinity
        if inner.maxY < 90 { bound = min(bound, q.lowerBound(minX: -180, minY: inner.maxY, maxX: 180, maxY: 90)) }
        if inner.minY > -90 { bound = min(bound, q.lowerBound(minX: -180, minY: -90, maxX: 180, maxY: inner.minY)) }
        if inner.maxX - inner.minX < 360 {
            bound = min(bound, q.lowerBound(minX: inner.maxX, minY: -90, maxX: inner.minX + 360, maxY: 90))
        }
        return bound
    }
}

import Geo

/// Where each station meets the rail network: the nearest point of the nearest line, by the engine's exact
/// nearest-rail search (`ChainLayer.nearest`), and the segment of that line holding the point, so the
/// network can split the line there.
struct StationPlacement {
    /// The rail layer's chains, as the nearest-rail questions search them.
    let chains: ChainLayer
    /// The network's vertices, part after part; part `p` is `vertices[partStart[p] ..< partStart[p + 1]]`.
    let vertices: [Coordinate]
    let partStart: [Int]
    /// The parts of each rail line (feature).
    let partsOfLine: [[Int]]

    /// A station's place: the line (feature number), the nearest pair (`to` is on the line, `distance`
    /// the offset) and the segment holding it (the number of its first vertex).
    struct Found {
        var feature: Int
        var pair: NearestPair
        var segment: Int
        /// Where on the segment: at one of its vertices (a rail point within a millimetre of it), or inside,
        /// `along` metres from its first vertex.
        var at: Place
    }

    /// A rail point within a millimetre (`DistanceTolerance.contact`) of a vertex is that vertex, the first
    /// vertex tried first; otherwise the point splits the segment.
    enum Place {
        case vertex(Int)
        case inside(along: Double)
    }

    /// One station's place (nil without rail). Each station's search is independent of the others', so
    /// the noding spreads them over every core.
    func place(_ station: Coordinate) -> Found? {
        guard let hit = chains.nearest(to: DistanceQuery(point: station), k: 1).first else { return nil }
        let q = hit.pair.to
        // The segment of the line holding the point (`SegmentHolding`), segments in vertex order.
        let segments = partsOfLine[hit.feature].flatMap { partStart[$0]..<(partStart[$0 + 1] - 1) }
        let best = SegmentHolding.segment(holding: q, among: segments.map { (vertices[$0], vertices[$0 + 1]) }).map { segments[$0] }
        guard let segment = best else { return nil }
        let at: Place
        if Geodesic.wgs84.distance(q, vertices[segment]) <= DistanceTolerance.contact {
            at = .vertex(segment)
        } else if Geodesic.wgs84.distance(q, vertices[segment + 1]) <= DistanceTolerance.contact {
            at = .vertex(segment + 1)
        } else {
            at = .inside(along: Geodesic.wgs84.distance(vertices[segment], q))
        }
        return Found(feature: hit.feature, pair: hit.pair, segment: segment, at: at)
    }
}

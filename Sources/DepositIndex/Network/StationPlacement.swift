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
    }

    /// Each station's place, in order (nil without rail), found on every core: the searches are independent.
    func place(_ stations: [Station]) -> [Found?] {
        Parallel.map(stations.count) { i in place(stations[i].location) }
    }

    private func place(_ station: Coordinate) -> Found? {
        guard let hit = chains.nearest(to: DistanceQuery(point: station), k: 1).first else { return nil }
        let q = hit.pair.to
        let probe = DistanceQuery(point: q)
        // The line's segments whose box (which holds the geodesic's bow) holds the point, then the nearest
        // of them; every segment of the line if rounding put the point just outside each box.
        let segments = partsOfLine[hit.feature].flatMap { partStart[$0]..<(partStart[$0 + 1] - 1) }
        var candidates = segments.filter { s in
            let box = EdgeEnvelope.of(vertices[s], vertices[s + 1])
            guard box.minY - 1e-9 <= q.y && q.y <= box.maxY + 1e-9 else { return false }
            // A box may reach past ±180° (an edge across the antimeridian): the point a turn away too.
            return [q.x, q.x + 360, q.x - 360].contains { box.minX - 1e-9 <= $0 && $0 <= box.maxX + 1e-9 }
        }
        if candidates.isEmpty { candidates = segments }
        var best: (segment: Int, d: Double)?
        for s in candidates.sorted() {
            let d = probe.nearest(toChain: vertices[s...(s + 1)], below: .infinity)?.distance ?? .infinity
            if best == nil || d < best!.d { best = (s, d) }
        }
        return best.map { Found(feature: hit.feature, pair: hit.pair, segment: $0.segment) }
    }
}

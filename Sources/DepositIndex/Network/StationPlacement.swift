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
        // The line's segments whose box (which holds the geodesic's bow) holds the point, then the nearest
        // of them; every segment of the line if rounding put the point just outside each box. The box's
        // longitudes need no bow, so they are tried first, and the bow only for segments passing them.
        var candidates = [Int]()
        for part in partsOfLine[hit.feature] {
            for s in partStart[part]..<(partStart[part + 1] - 1) where Self.mayHold(vertices[s], vertices[s + 1], q) {
                let box = EdgeEnvelope.of(vertices[s], vertices[s + 1])
                guard box.minY - 1e-9 <= q.y && q.y <= box.maxY + 1e-9 else { continue }
                // A box may reach past ±180° (an edge across the antimeridian): the point a turn away too.
                if [q.x, q.x + 360, q.x - 360].contains(where: { box.minX - 1e-9 <= $0 && $0 <= box.maxX + 1e-9 }) {
                    candidates.append(s)
                }
            }
        }
        if candidates.isEmpty { candidates = partsOfLine[hit.feature].flatMap { partStart[$0]..<(partStart[$0 + 1] - 1) } }
        var best: (segment: Int, d: Double)?
        if candidates.count == 1 {
            // A single candidate wins whatever its distance, so it is not measured.
            best = (candidates[0], 0)
        } else {
            let probe = DistanceQuery(point: q)
            for s in candidates.sorted() {
                let d = probe.nearest(toChain: vertices[s...(s + 1)], below: .infinity)?.distance ?? .infinity
                if best == nil || d < best!.d { best = (s, d) }
            }
        }
        guard let segment = best?.segment else { return nil }
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

    /// False only when the segment's box (`EdgeEnvelope.of`) cannot hold `q` by longitude: both vertices
    /// less than 179° apart, and `q` (and `q` a turn away) more than 1e-7° outside their longitudes, which
    /// the box's unwrapped longitudes differ from by rounding alone.
    private static func mayHold(_ a: Coordinate, _ b: Coordinate, _ q: Coordinate) -> Bool {
        guard abs(b.x - a.x) < 179 else { return true }
        let lo = min(a.x, b.x) - 1e-7, hi = max(a.x, b.x) + 1e-7
        return (lo <= q.x && q.x <= hi) || (lo <= q.x + 360 && q.x + 360 <= hi) || (lo <= q.x - 360 && q.x - 360 <= hi)
    }
}

import Geo

/// Which segment of a line holds a point known to lie on it (a rail point the engine's nearest search
/// returned): the segments whose box (`EdgeEnvelope.of`, which holds the geodesic's bow) holds the point,
/// then the nearest of those by the exact geodesic distance. Used where stations are placed on the network
/// (`StationPlacement`) and where a deposit or point enters it (`RailNetwork.route`), so both read a rail
/// point onto a segment the same way.
enum SegmentHolding {
    /// The position in `segments` (each a pair of vertices, in the caller's order) of the segment holding
    /// `q`, or nil when `segments` is empty. When rounding puts `q` just outside every box, every segment is
    /// measured. A single candidate wins whatever its distance, so it is not measured; among several the
    /// first of the nearest (a tie to the bit) wins.
    static func segment(holding q: Coordinate, among segments: [(Coordinate, Coordinate)]) -> Int? {
        var candidates = [Int]()
        for (i, (a, b)) in segments.enumerated() where mayHold(a, b, q) {
            let box = EdgeEnvelope.of(a, b)
            guard box.minY - 1e-9 <= q.y && q.y <= box.maxY + 1e-9 else { continue }
            // A box may reach past ±180° (an edge across the antimeridian): the point a turn away too.
            if [q.x, q.x + 360, q.x - 360].contains(where: { box.minX - 1e-9 <= $0 && $0 <= box.maxX + 1e-9 }) {
                candidates.append(i)
            }
        }
        if candidates.isEmpty { candidates = Array(segments.indices) }
        if candidates.count <= 1 { return candidates.first }
        let probe = DistanceQuery(point: q)
        var best: (segment: Int, d: Double)?
        for i in candidates {
            let d = probe.nearest(toChain: [segments[i].0, segments[i].1][...], below: .infinity)?.distance ?? .infinity
            if best == nil || d < best!.d { best = (i, d) }
        }
        return best?.segment
    }

    /// False only when the segment's box cannot hold `q` by longitude: both vertices less than 179° apart,
    /// and `q` (and `q` a turn away) more than 1e-7° outside their longitudes, which the box's unwrapped
    /// longitudes differ from by rounding alone. The box's longitudes need no bow, so this cheap test comes first.
    private static func mayHold(_ a: Coordinate, _ b: Coordinate, _ q: Coordinate) -> Bool {
        guard abs(b.x - a.x) < 179 else { return true }
        let lo = min(a.x, b.x) - 1e-7, hi = max(a.x, b.x) + 1e-7
        return (lo <= q.x && q.x <= hi) || (lo <= q.x + 360 && q.x + 360 <= hi) || (lo <= q.x - 360 && q.x - 360 <= hi)
    }
}

import Geo

/// Which corridors each vertex of a route lies in, measuring few of them exactly.
///
/// A vertex lies in a corridor when its geodesic distance to the centre line is at most half the width
/// (`Catalog.corridors(containing:)`). That distance is 1-Lipschitz along the route: two vertices the route
/// joins by `s` metres of geodesics are at most `s` metres apart, so their distances to any line differ by at
/// most `s` (the triangle inequality). So once a vertex is measured exactly, each following vertex is decided
/// from that measurement and the metres walked since, as long as they cannot have brought the centre line
/// across the half width (with a millimetre to spare for rounding); only then is a vertex measured again.
/// Vertices farther than `reach` from a centre line are measured only as "farther than that".
///
/// Measurements are kept by vertex for the routes that share track (one place's routes to every gateway).
struct CorridorMasks {
    /// Half the width of each corridor, metres, in the catalog's order.
    let halfWidths: [Double]
    /// The bit of each corridor (catalog order) in a mask: its place among the ids, sorted.
    let bit: [Int]
    /// Mask words: 64 corridors a word.
    let words: Int
    /// Exactly measured vertices: each corridor's distance, or nil where it is farther than `reach`.
    private var measured = [Coordinate: [Double?]]()

    /// How far beyond the half width a centre line is still measured, metres.
    static let reach = 50_000.0
    /// What the bounds keep clear of the half width, metres: far more than the rounding of a few thousand sums.
    static let margin = 1e-3

    init(catalog: Catalog, bitOfId: [String: Int]) {
        halfWidths = catalog.corridors.map { $0.widthKm * 500 }
        bit = catalog.corridors.map { bitOfId[$0.id]! }
        words = (catalog.corridors.count + 63) / 64
    }

    /// Each corridor's exact distance from `c` (nil beyond `reach` of the half width), measured once.
    private mutating func measure(_ c: Coordinate, catalog: Catalog) throws -> [Double?] {
        if let known = measured[c] { return known }
        let query = try catalog.distanceQuery(.point(c))
        let found = halfWidths.indices.map { k -> Double? in
            catalog.corridorChains.nearest(to: query, feature: k, below: halfWidths[k] + Self.reach)?.distance
        }
        measured[c] = found
        return found
    }

    /// The corridors each vertex of `path` lies in, as bit masks (`bit`).
    mutating func masks(of path: [Coordinate], catalog: Catalog) throws -> [[UInt64]] {
        let n = halfWidths.count
        // Per corridor, bounds on the distance at the last measured vertex and the metres walked since it.
        var low = [Double](repeating: 0, count: n), high = [Double](repeating: .infinity, count: n)
        var since = Double.infinity
        var out = [[UInt64]]()
        out.reserveCapacity(path.count)
        for (i, c) in path.enumerated() {
            if i > 0 && since.isFinite { since += Geodesic.wgs84.distance(path[i - 1], c) }
            let decided = since.isFinite && (0..<n).allSatisfy { k in
                high[k] + since <= halfWidths[k] - Self.margin || low[k] - since > halfWidths[k] + Self.margin
            }
            let measuredHere = !decided
            if measuredHere {
                let d = try measure(c, catalog: catalog)
                for k in 0..<n {
                    low[k] = d[k] ?? halfWidths[k] + Self.reach
                    high[k] = d[k] ?? .infinity
                }
                since = 0
            }
            var mask = [UInt64](repeating: 0, count: words)
            for k in 0..<n {
                // Measured here: the distance itself decides; otherwise the bound that decided.
                let inside = measuredHere ? high[k] <= halfWidths[k] : high[k] + since <= halfWidths[k] - Self.margin
                if inside { mask[bit[k] / 64] |= 1 << UInt64(bit[k] % 64) }
            }
            out.append(mask)
        }
        return out
    }
}

import Geo

/// Step 3 of the noding (`NetworkNoding`): from each line end, the nearest vertex of each other part within
/// the tolerance, a part's own other end counting too (a loop nearly closed).
///
/// The candidates of an end are the vertices inside a degree window that provably holds every point within
/// the tolerance (`MetreWindow`), found in a `VertexGrid` sized to the windows (or, for a window the grid
/// refuses, an R-tree of the vertices, built only then); the geodesic distance decides, so any superset of
/// the window's vertices gives the same answer. Per part the nearest wins, a tie going to the lower vertex
/// number. `hits(ofEnd:)` is independent for each end, so the noding spreads the ends over every core.
struct EndSearch {
    /// The network's vertices, part after part; part `p` is `vertices[partStart[p] ..< partStart[p + 1]]`.
    let vertices: [Coordinate]
    let partOfVertex: [Int]
    let partStart: [Int]
    let toleranceM: Double

    /// A vertex found from an end, and its geodesic distance from the end in metres.
    struct Hit {
        var vertex: Int
        var d: Double
    }

    /// The line ends, part after part (first end, then last): end `e` is vertex `ends[e]`.
    let ends: [Int]
    private let windows: [Envelope]
    private let grid: VertexGrid?
    private let index: SpatialIndex?

    /// Prepares the search: the ends, their windows, the grid (and the R-tree only if a window needs it).
    init(vertices: [Coordinate], partOfVertex: [Int], partStart: [Int], toleranceM: Double) {
        self.vertices = vertices
        self.partOfVertex = partOfVertex
        self.partStart = partStart
        self.toleranceM = toleranceM
        let partCount = partStart.count - 1
        var ends = [Int]()
        ends.reserveCapacity(2 * partCount)
        for p in 0..<partCount {
            ends.append(partStart[p])
            ends.append(partStart[p + 1] - 1)
        }
        let windows = ends.map { MetreWindow.around(vertices[$0], metres: toleranceM) }
        // Cells as large as the largest window the grid can take (inside ±180°, under a degree).
        var width = 0.0, height = 0.0
        for w in windows where w.minX >= -180 && w.maxX <= 180 && w.maxX - w.minX <= 1 && w.maxY - w.minY <= 1 {
            width = max(width, w.maxX - w.minX)
            height = max(height, w.maxY - w.minY)
        }
        let grid = width > 0 && height > 0 ? VertexGrid(vertices: vertices, cellWidth: width, cellHeight: height) : nil
        let refused = windows.contains { grid?.accepts($0) != true }
        self.ends = ends
        self.windows = windows
        self.grid = grid
        index = refused ? SpatialIndex(boxes: vertices.map { Envelope(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) }) : nil
    }

    /// The hits of end `e`: one per other part within the tolerance, in increasing part order. Safe to call
    /// from many threads at once.
    func hits(ofEnd e: Int) -> [Hit] {
        let end = ends[e], p = partOfVertex[end]
        var hits = [(part: Int, vertex: Int, d: Double)]()
        func consider(_ v: Int) {
            let q = partOfVertex[v]
            // Within its own part, only the other end (a loop nearly closed).
            if q == p && !(isEnd(v) && v != end) { return }
            let d = Geodesic.wgs84.distance(vertices[end], vertices[v])
            if d <= toleranceM { hits.append((q, v, d)) }
        }
        if let grid, grid.accepts(windows[e]) {
            grid.forEach(in: windows[e], consider)
        } else if let index {
            for v in index.search(windows[e]) { consider(v) }
        }
        hits.sort { ($0.part, $0.d, $0.vertex) < ($1.part, $1.d, $1.vertex) }
        var out = [Hit](), lastPart = -1
        for h in hits where h.part != lastPart {
            out.append(Hit(vertex: h.vertex, d: h.d))
            lastPart = h.part
        }
        return out
    }

    private func isEnd(_ v: Int) -> Bool {
        let p = partOfVertex[v]
        return v == partStart[p] || v == partStart[p + 1] - 1
    }
}

import Geo

/// The rail layer as a graph, to draw corridor centre lines along the track rather than across country.
///
/// Vertices are the lines' vertices; edges join consecutive vertices, weighted by geodesic length. Lines
/// that meet in the data share a vertex. Where they should meet but do not (a chain ending at a station
/// beside a Natural Earth line, a junction a little off a vertex), each line end is joined to the nearest
/// vertex of another line within `joinRadius`.
struct RailGraph {
    // Chains end at station points that can lie a few km from the Natural Earth line they join.
    static let joinRadius = 8_000.0

    private(set) var coordinates = [Coordinate]()
    private var vertexOf = [Coordinate: Int]()
    private var edges = [[(to: Int, weight: Double)]]()
    private var index = PointIndex([])

    init(lines: [[Coordinate]]) {
        var partOf = [Int]()
        for (part, line) in lines.enumerated() {
            var previous: Int?
            for c in line {
                let v: Int
                if let existing = vertexOf[c] { v = existing } else {
                    v = coordinates.count
                    vertexOf[c] = v
                    coordinates.append(c)
                    edges.append([])
                    partOf.append(part)
                }
                if let previous, previous != v { connect(previous, v) }
                previous = v
            }
        }
        index = PointIndex(coordinates, cellSize: 0.05)
        for (part, line) in lines.enumerated() {
            for end in [line.first!, line.last!] {
                let v = vertexOf[end]!
                if let hit = index.nearest(to: end, within: RailGraph.joinRadius, where: { partOf[$0] != part && $0 != v }) {
                    connect(v, hit.index)
                }
            }
        }
    }

    private mutating func connect(_ a: Int, _ b: Int) {
        let w = Geodesic.wgs84.distance(coordinates[a], coordinates[b])
        edges[a].append((b, w))
        edges[b].append((a, w))
    }

    /// The vertex nearest to `c` within `radius` metres.
    func vertex(near c: Coordinate, within radius: Double) -> (vertex: Int, distance: Double)? {
        index.nearest(to: c, within: radius).map { ($0.index, $0.distance) }
    }

    /// The shortest path from `a` to `b` (Dijkstra) as coordinates, or nil when they are not connected.
    func path(from a: Int, to b: Int) -> [Coordinate]? {
        var distance = [Double](repeating: .infinity, count: coordinates.count)
        var previous = [Int](repeating: -1, count: coordinates.count)
        var heap = MinHeap()
        distance[a] = 0
        heap.push(0, a)
        while let (d, v) = heap.pop() {
            if v == b { break }
            if d > distance[v] { continue }
            for (to, w) in edges[v] where d + w < distance[to] {
                distance[to] = d + w
                previous[to] = v
                heap.push(d + w, to)
            }
        }
        guard distance[b].isFinite else { return nil }
        var path = [b]
        while path.last! != a { path.append(previous[path.last!]) }
        return path.reversed().map { coordinates[$0] }
    }
}

/// A binary min-heap of (priority, vertex); ties broken by vertex so that paths are reproducible.
private struct MinHeap {
    private var items = [(Double, Int)]()

    private static func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool { a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }

    mutating func push(_ priority: Double, _ vertex: Int) {
        items.append((priority, vertex))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard MinHeap.less(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, MinHeap.less(items[l], items[m]) { m = l }
            if r < items.count, MinHeap.less(items[r], items[m]) { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }
}

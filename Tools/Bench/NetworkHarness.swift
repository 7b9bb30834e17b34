import DepositIndex
import Foundation
import Geo

/// What the gateway benchmarks need from a `RailNetwork` through its public API alone (nodes, edges,
/// `edges(at:)`): a one-to-all Dijkstra, and a rail point placed on its track edge. Helper B's gateways API
/// (one search from each gateway) was not on this branch when the benchmark was written; this is the same
/// plan — one search per gateway, each deposit's distances read off its access entry — measured here.
enum NetworkHarness {
    /// Metres from `source` to every node along the network (infinity where unreachable): Dijkstra on a
    /// binary heap with lazy deletion.
    static func distances(from source: Int, in network: RailNetwork) -> [Double] {
        var dist = [Double](repeating: .infinity, count: network.nodes.count)
        var heap = [(d: Double, n: Int)]()
        func push(_ item: (d: Double, n: Int)) {
            heap.append(item)
            var i = heap.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                if heap[p].d <= heap[i].d { break }
                heap.swapAt(p, i)
                i = p
            }
        }
        func pop() -> (d: Double, n: Int) {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < heap.count && heap[l].d < heap[m].d { m = l }
                    if r < heap.count && heap[r].d < heap[m].d { m = r }
                    if m == i { break }
                    heap.swapAt(m, i)
                    i = m
                }
            }
            return top
        }
        dist[source] = 0
        push((0, source))
        while !heap.isEmpty {
            let (d, n) = pop()
            if d > dist[n] { continue }
            for e in network.edges(at: n) {
                let edge = network.edges[e]
                let other = edge.from == n ? edge.to : edge.from
                let nd = d + edge.lengthM
                if nd < dist[other] {
                    dist[other] = nd
                    push((nd, other))
                }
            }
        }
        return dist
    }

    /// Where a rail point meets the network: its track edge, and the metres along the edge to its two nodes.
    struct Entry {
        var edge: Int
        var toFromM: Double
        var toToM: Double
    }

    /// The track edges of each rail line, by id.
    static func edgesByLine(_ network: RailNetwork) -> [String: [Int]] {
        var out = [String: [Int]]()
        for (i, e) in network.edges.enumerated() where e.kind == .track { out[e.railId, default: []].append(i) }
        return out
    }

    /// The segment of line `railId`'s track edges that holds `point` (a nearest-rail answer, so on one of
    /// the line's geodesic segments): the least excess d(a, p) + d(p, b) − d(a, b), zero to rounding for a
    /// point on the geodesic from a to b (segments whose box, padded for the bow, misses the point are skipped
    /// unless all are). A shortcut of the benchmark's: the library's routes find the segment by exact distance
    /// (`Route`), and the benchmark checks its totals against theirs.
    static func segment(holding point: Coordinate, railId: String, edges byLine: [String: [Int]], network: RailNetwork)
        -> (edge: Int, segment: Int)? {
        guard let candidates = byLine[railId] else { return nil }
        let g = Geodesic.wgs84
        var best: (edge: Int, segment: Int, excess: Double)?
        for pass in 0..<2 where best == nil {
            for e in candidates {
                let path = network.edges[e].path
                for s in 0..<(path.count - 1) {
                    let a = path[s], b = path[s + 1]
                    // The pad holds the geodesic's bow, at most tan φ · Δλ² / 2 radians (under 56°N).
                    let dLon = abs(a.x - b.x) * .pi / 180, pad = 0.01 + 60 * dLon * dLon
                    if pass == 0 && (point.x < min(a.x, b.x) - pad || point.x > max(a.x, b.x) + pad
                                     || point.y < min(a.y, b.y) - pad || point.y > max(a.y, b.y) + pad) { continue }
                    let excess = g.distance(a, point) + g.distance(point, b) - g.distance(a, b)
                    if best == nil || excess < best!.excess { best = (e, s, excess) }
                }
            }
        }
        return best.map { ($0.edge, $0.segment) }
    }

    /// The running sums of an edge's geodesic segment lengths from its start (`[0, s₀, s₀ + s₁, …]`).
    static func prefixLengths(of path: [Coordinate]) -> [Double] {
        var sums = [0.0]
        sums.reserveCapacity(path.count)
        for s in 0..<(path.count - 1) { sums.append(sums.last! + Geodesic.wgs84.distance(path[s], path[s + 1])) }
        return sums
    }

    /// The entries of rail points (nil stays nil): the segment holding each, then the metres to the edge's
    /// two nodes, the running sums made once for each edge met.
    static func entries(of points: [(point: Coordinate, railId: String)?], network: RailNetwork) -> [Entry?] {
        let byLine = edgesByLine(network)
        let found = Parallel.map(points.count) { i in points[i].flatMap { segment(holding: $0.point, railId: $0.railId, edges: byLine, network: network) } }
        let met = Array(Set(found.compactMap { $0?.edge }))
        let sums = Parallel.map(met.count) { prefixLengths(of: network.edges[met[$0]].path) }
        var prefixOf = [Int: [Double]](minimumCapacity: met.count)
        for (k, e) in met.enumerated() { prefixOf[e] = sums[k] }
        return Parallel.map(points.count) { i -> Entry? in
            guard let (e, s) = found[i], let point = points[i]?.point, let prefix = prefixOf[e] else { return nil }
            let path = network.edges[e].path, g = Geodesic.wgs84
            return Entry(edge: e, toFromM: prefix[s] + g.distance(path[s], point),
                         toToM: g.distance(point, path[s + 1]) + (prefix.last! - prefix[s + 1]))
        }
    }

    /// Rail metres from an entry to the source of `dist` (a `distances(from:in:)` answer).
    static func railM(_ entry: Entry, _ dist: [Double], _ network: RailNetwork) -> Double {
        let e = network.edges[entry.edge]
        return min(dist[e.from] + entry.toFromM, dist[e.to] + entry.toToM)
    }

    /// Every deposit's distance to every gateway node (access leg + rail, metres; infinity when unreachable
    /// or without a line), as `gateways --all` answers it: the nearest rail of every deposit (the engine's
    /// batch), each rail point's entry on the network, one search from each gateway, then per deposit the
    /// better way in at either end of its edge. The wall seconds of each step are returned with it.
    static func gatewayDistances(catalog: Catalog, network: RailNetwork, gateways: [Int]) throws
        -> (distances: [[Double]], steps: [(String, Double)]) {
        var steps = [(String, Double)]()
        var t = DispatchTime.now().uptimeNanoseconds
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            steps.append((name, Double(now - t) / 1e9))
            t = now
        }
        let nearest = try catalog.nearestRail(k: 1)
        lap("nearest rail of every deposit (engine batch)")
        let entered = entries(of: nearest.map { $0.rail.first.map { ($0.railPoint, $0.railId) } }, network: network)
        lap("each rail point's place on the network")
        let fromGateway = Parallel.map(gateways.count) { distances(from: gateways[$0], in: network) }
        lap("one search from each of \(gateways.count) gateways")
        let out = Parallel.map(entered.count) { i -> [Double] in
            guard let entry = entered[i], let access = nearest[i].rail.first?.distanceM else {
                return [Double](repeating: .infinity, count: gateways.count)
            }
            return fromGateway.map { access + railM(entry, $0, network) }
        }
        lap("every deposit's distances read off its entry")
        return (out, steps)
    }
}

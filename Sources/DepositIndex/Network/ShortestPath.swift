/// A path through the network: its length and the nodes and edges it passes, in order.
public struct NetworkPath: Hashable, Sendable, Codable {
    /// Metres along the edges (track and bridges), geodesic.
    public var lengthM: Double
    /// From the start node to the end node.
    public var nodes: [Int]
    /// `edges[i]` joins `nodes[i]` and `nodes[i + 1]`.
    public var edges: [Int]
}

extension RailNetwork {
    /// The shortest path from node `start` to node `end` (Dijkstra with a binary heap), or nil when they
    /// lie in different components.
    ///
    /// Paths whose lengths tie to a millimetre (`DistanceTolerance.tie`) are settled by the predecessor
    /// with the smaller node number, so the answer does not depend on the heap's order.
    public func shortestPath(from start: Int, to end: Int) -> NetworkPath? {
        precondition(nodes.indices.contains(start) && nodes.indices.contains(end), "no node \(start) or \(end)")
        if nodes[start].component != nodes[end].component { return nil }
        var distance = [Double](repeating: .infinity, count: nodes.count)
        var via = [Int](repeating: -1, count: nodes.count)  // the edge reaching each node
        var settled = [Bool](repeating: false, count: nodes.count)
        var heap = MinHeap(capacity: 64)
        distance[start] = 0
        heap.push(start, 0)
        while let (n, d) = heap.pop() {
            if settled[n] || d > distance[n] { continue }
            settled[n] = true
            if n == end { break }
            for e in edges(at: n) {
                let edge = edges[e]
                let m = edge.from == n ? edge.to : edge.from
                if settled[m] { continue }
                let candidate = d + edge.lengthM
                if candidate < distance[m] - DistanceTolerance.tie {
                    distance[m] = candidate
                    via[m] = e
                    heap.push(m, candidate)
                } else if candidate <= distance[m] + DistanceTolerance.tie, n < predecessor(of: m, via: via) {
                    // A tie: the smaller predecessor wins, keeping the shorter of the two lengths.
                    via[m] = e
                    if candidate < distance[m] { distance[m] = candidate; heap.push(m, candidate) }
                }
            }
        }
        guard distance[end].isFinite else { return nil }
        var nodePath = [end], edgePath = [Int]()
        var n = end
        while n != start {
            let e = via[n]
            edgePath.append(e)
            n = predecessor(of: n, via: via)
            nodePath.append(n)
        }
        return NetworkPath(lengthM: distance[end], nodes: nodePath.reversed(), edges: edgePath.reversed())
    }

    private func predecessor(of m: Int, via: [Int]) -> Int {
        let e = via[m]
        if e < 0 { return Int.max }
        return edges[e].from == m ? edges[e].to : edges[e].from
    }
}

/// Dijkstra from one place to every node of a `RailNetwork` under `BorderRules`: a search over states
/// (node, border phase, last known gauge), so a path that left the country cannot come back in and a
/// gauge changes only at a gateway.
///
/// Phases: 0, not yet inside (a start abroad); 1, inside; 2, left after being inside (at a node abroad,
/// or along an edge that dips abroad). Entering an inside node from phase 2 is not allowed. The rules are the same read either way along a path, so one search
/// from a gateway gives its distance to every place (the graph is undirected).
struct RuledSearch {
    /// A way into the network: a node, the metres already run to it, and the gauge run on so far.
    struct Source {
        var node: Int
        var m: Double
        var gauge: UInt8
        /// The border phase on reaching the node (see `EntryBorders`); nil: 1 at an inside node, else 0.
        var phase: Int? = nil
    }

    let rules: BorderRules
    let gaugeCount: Int
    private(set) var distance: [Double]
    /// The state each state was reached from, and by which edge (-1 at a source).
    private(set) var previous: [Int32]
    private(set) var viaEdge: [Int32]

    func state(_ node: Int, _ phase: Int, _ gauge: Int) -> Int { (node * 3 + phase) * gaugeCount + gauge }
    func node(ofState s: Int) -> Int { s / (3 * gaugeCount) }
    func gauge(ofState s: Int) -> UInt8 { UInt8(s % gaugeCount) }

    init(network: RailNetwork, rules: BorderRules, sources: [Source]) {
        self.rules = rules
        gaugeCount = rules.gauges.count + 1
        let count = network.nodes.count * 3 * gaugeCount
        distance = [Double](repeating: .infinity, count: count)
        previous = [Int32](repeating: -1, count: count)
        viaEdge = [Int32](repeating: -1, count: count)
        var settled = [Bool](repeating: false, count: count)
        var heap = MinHeap(capacity: 64)
        for s in sources {
            let st = state(s.node, s.phase ?? (rules.inside[s.node] ? 1 : 0), Int(s.gauge))
            if s.m < distance[st] { distance[st] = s.m; heap.push(st, s.m) }
        }
        while let (st, d) = heap.pop() {
            if settled[st] || d > distance[st] { continue }
            settled[st] = true
            let n = node(ofState: st), phase = (st / gaugeCount) % 3, g = Int(gauge(ofState: st))
            for e in network.edges(at: n) {
                let edge = network.edges[e]
                let m = edge.from == n ? edge.to : edge.from
                let ge = Int(rules.edgeGauge[e])
                if ge != 0 && g != 0 && ge != g && !rules.atGateway[n] { continue }
                // An edge dipping abroad leaves the country on the way.
                let passed = rules.edgeDips[e] && phase == 1 ? 2 : phase
                let nextPhase: Int
                if rules.inside[m] {
                    if passed == 2 { continue }
                    nextPhase = 1
                } else {
                    nextPhase = passed == 1 ? 2 : passed
                }
                let next = state(m, nextPhase, ge != 0 ? ge : g)
                if settled[next] { continue }
                let candidate = d + edge.lengthM
                if candidate < distance[next] - DistanceTolerance.tie {
                    distance[next] = candidate
                    previous[next] = Int32(st); viaEdge[next] = Int32(e)
                    heap.push(next, candidate)
                } else if candidate <= distance[next] + DistanceTolerance.tie, previous[next] >= 0, st < Int(previous[next]) {
                    // A tie: the smaller predecessor state wins, so the answer does not depend on the heap's order.
                    previous[next] = Int32(st); viaEdge[next] = Int32(e)
                    if candidate < distance[next] { distance[next] = candidate; heap.push(next, candidate) }
                }
            }
        }
    }

    /// The nearest state at `node` from which a path may go on along an edge of gauge `onward` (0: unknown,
    /// which allows any) in a phase `accepts` allows, or nil when no allowed path reaches the node.
    func best(at node: Int, onward: UInt8, accepts: (Int) -> Bool = { _ in true }) -> (state: Int, m: Double)? {
        var found: (state: Int, m: Double)?
        for phase in 0..<3 where accepts(phase) {
            for g in 0..<gaugeCount {
                let s = state(node, phase, g)
                guard distance[s].isFinite else { continue }
                if onward != 0 && g != 0 && Int(onward) != g && !rules.atGateway[node] { continue }
                if found == nil || distance[s] < found!.m - DistanceTolerance.tie { found = (s, distance[s]) }
            }
        }
        return found
    }

    /// The nodes and edges from a source to state `s`, in order.
    func path(to s: Int) -> (nodes: [Int], edges: [Int]) {
        var nodes = [node(ofState: s)], edges = [Int](), st = s
        while previous[st] >= 0 {
            edges.append(Int(viaEdge[st]))
            st = Int(previous[st])
            nodes.append(node(ofState: st))
        }
        return (nodes.reversed(), edges.reversed())
    }
}

import Geo

/// What a rail network is made of and where it is broken: its components, every gap it bridged, its dead
/// ends with the nearest end of another component, and the stations farther than the tolerance from any
/// line. Nothing is joined without being listed here.
public struct NetworkReport: Hashable, Sendable, Codable {
    /// A connected part of the network.
    public struct Component: Hashable, Sendable, Codable {
        /// 0 for the component with the most track, then by decreasing track.
        public var number: Int
        /// Geodesic length of its track edges (bridges not counted), metres.
        public var trackM: Double
        /// Its nodes: line ends, junctions, station points.
        public var nodes: Int
        /// Its edges, track and bridges.
        public var edges: Int
        /// Distinct rail lines with track in it.
        public var lines: Int
        /// Its nodes where a single edge ends.
        public var deadEnds: Int
        /// Its dead end nearest to another component's end, where there is another component.
        public var nearestBreak: DeadEnd?
    }

    /// A gap within the tolerance, joined by a bridge edge.
    public struct Bridge: Hashable, Sendable, Codable {
        /// The line end the gap was found from.
        public var from: Coordinate
        /// The end or vertex of the other line.
        public var to: Coordinate
        /// Geodesic length of the gap, metres.
        public var lengthM: Double
        /// The lines at `from` and at `to`.
        public var fromRailId: String
        public var toRailId: String
        /// The component the bridge now lies in.
        public var component: Int
    }

    /// The end of another component nearest to a dead end.
    public struct OtherEnd: Hashable, Sendable, Codable {
        /// Its component, its place and its line.
        public var component: Int
        public var location: Coordinate
        public var railId: String
        /// Geodesic distance from the dead end, metres: a break wider than the tolerance.
        public var distanceM: Double
    }

    /// A node where one edge ends.
    public struct DeadEnd: Hashable, Sendable, Codable {
        /// The node (in `RailNetwork.nodes`), its place, the line ending there and its component.
        public var node: Int
        public var location: Coordinate
        public var railId: String
        public var component: Int
        /// Nil when the network has one component.
        public var nearestOtherEnd: OtherEnd?
    }

    /// The tolerance the network joined ends within, metres.
    public var toleranceM: Double
    /// All track, metres (bridges not counted).
    public var trackM: Double
    /// Nodes and edges (track and bridges) of the whole network.
    public var nodes: Int
    public var edges: Int
    /// Every component, the most track first.
    public var components: [Component]
    /// Every gap bridged, in the order the network made them.
    public var bridges: [Bridge]
    /// Every dead end, in node order.
    public var deadEnds: [DeadEnd]
    /// Stations attached to the network (every station, when the data has rail).
    public var stationsAttached: Int
    /// The attached stations whose offset exceeds the tolerance, farthest first.
    public var stationsBeyondTolerance: [RailNetwork.StationAttachment]
    /// False when made without the country layer (`init(network:)`, or data without one).
    public var bordersChecked = false
    /// Pieces inside the country that the rail joins only through abroad (`BorderDetour`).
    public var borderDetours: [BorderDetour] = []

    /// The report on `network` with its border detours under `rules` (the catalog's country layer).
    public init(network: RailNetwork, rules: BorderRules) {
        self.init(network: network)
        bordersChecked = rules.bordersChecked
        borderDetours = BorderDetour.find(network: network, rules: rules)
    }

    /// The report on `network`.
    public init(network: RailNetwork) {
        toleranceM = network.toleranceM
        nodes = network.nodes.count
        edges = network.edges.count
        let componentOf = network.nodes.map(\.component)
        var track = [Double](repeating: 0, count: network.componentCount)
        var nodeCount = [Int](repeating: 0, count: network.componentCount)
        var edgeCount = [Int](repeating: 0, count: network.componentCount)
        var lines = [Set<String>](repeating: [], count: network.componentCount)
        for n in network.nodes { nodeCount[n.component] += 1 }
        for e in network.edges {
            let c = componentOf[e.from]
            edgeCount[c] += 1
            if e.kind == .track { track[c] += e.lengthM; lines[c].insert(e.railId) }
        }
        trackM = track.reduce(0, +)
        bridges = network.edges.filter { $0.kind == .bridge }.map { e in
            Bridge(from: e.path[0], to: e.path[1], lengthM: e.lengthM, fromRailId: e.railId,
                   toRailId: e.otherRailId ?? e.railId, component: componentOf[e.from])
        }

        // Dead ends, and for each the nearest dead end of another component (the R-tree's exact
        // best-first search, skipping ends of its own component).
        let ends = network.nodes.indices.filter { network.degree(of: $0) == 1 }
        let endIndex = SpatialIndex(boxes: ends.map { n in
            let c = network.nodes[n].location
            return Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)
        })
        func railId(at n: Int) -> String { network.edges[network.edges(at: n).first!].railId }
        deadEnds = ends.map { n in
            let location = network.nodes[n].location
            var other: OtherEnd?
            if network.componentCount > 1 {
                let query = DistanceQuery(point: location)
                let hit = PointSearch.nearest(index: endIndex, query: query, k: 1, maxDistance: .infinity,
                                              tieOrder: { ends[$0] < ends[$1] }) { i, limit in
                    componentOf[ends[i]] == componentOf[n] ? nil : query.nearest(toPoint: network.nodes[ends[i]].location, below: limit)?.distance
                }.first
                if let (i, d) = hit {
                    other = OtherEnd(component: componentOf[ends[i]], location: network.nodes[ends[i]].location,
                                     railId: railId(at: ends[i]), distanceM: d)
                }
            }
            return DeadEnd(node: n, location: location, railId: railId(at: n), component: componentOf[n], nearestOtherEnd: other)
        }
        var componentEnds = [Int](repeating: 0, count: network.componentCount)
        var nearestBreak = [DeadEnd?](repeating: nil, count: network.componentCount)
        for d in deadEnds {
            componentEnds[d.component] += 1
            if let o = d.nearestOtherEnd, o.distanceM < (nearestBreak[d.component]?.nearestOtherEnd?.distanceM ?? .infinity) {
                nearestBreak[d.component] = d
            }
        }
        components = (0..<network.componentCount).map { c in
            Component(number: c, trackM: track[c], nodes: nodeCount[c], edges: edgeCount[c], lines: lines[c].count,
                      deadEnds: componentEnds[c], nearestBreak: nearestBreak[c])
        }
        stationsAttached = network.stations.count
        stationsBeyondTolerance = network.stations.filter { $0.offsetM > network.toleranceM }
            .sorted { $0.offsetM != $1.offsetM ? $0.offsetM > $1.offsetM : $0.stationId < $1.stationId }
    }
}

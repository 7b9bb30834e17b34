import Geo

/// The catalog's rail lines as a routable graph: line ends within a tolerance joined, lines split where one
/// ends on another or two share a vertex, and every station attached at its nearest rail point.
///
/// Nodes are line ends, junctions, and the points where stations meet the track. Track edges follow the
/// lines vertex by vertex and are as long as the sum of their geodesic edges on WGS84 (the engine reads
/// every edge between vertices as a geodesic). A bridge edge joins two lines across a gap no longer
/// than the tolerance; every bridge is kept and listed (`bridges`), never folded silently into a node.
///
/// Only lines of the statuses asked for are in the network (`include`, operating lines by default).
///
///     let network = try RailNetwork(catalog: Catalog.bundled(), toleranceM: 100)
///     let from = network.node(ofStation: "osm-4020137341")!   // Aqtoğay
///     let to = network.node(ofStation: "osm-4025083258")!     // Dostıq
///     network.shortestPath(from: from, to: to)?.lengthM       // 304,751.18 m
public struct RailNetwork: Sendable {
    /// The largest tolerance accepted, metres: beyond it "joining" is no longer closing a gap in the data.
    public static let maximumToleranceM = 10_000.0

    /// A node: a line end, a junction, or where a station meets the track.
    public struct Node: Hashable, Sendable {
        /// Where it is: a vertex of the rail layer, or a station's rail point.
        public var location: Coordinate
        /// The component (see `components`) the node belongs to.
        public var component: Int
    }

    /// What an edge is: track from the rail layer, or a bridge across a gap within the tolerance.
    public enum EdgeKind: String, Hashable, Sendable, Codable {
        case track
        case bridge
    }

    /// An edge between two nodes.
    public struct Edge: Hashable, Sendable {
        /// The nodes it joins (numbers in `nodes`), in the direction of `path`.
        public var from: Int
        public var to: Int
        /// Geodesic length along `path`, metres.
        public var lengthM: Double
        /// Track or bridge.
        public var kind: EdgeKind
        /// The rail line the track edge belongs to; for a bridge, the line at `from`.
        public var railId: String
        /// For a bridge, the line at `to`; nil for track.
        public var otherRailId: String?
        /// The vertices, `from` first; a bridge has two.
        public var path: [Coordinate]
    }

    /// A station attached to the network at its nearest rail point.
    public struct StationAttachment: Hashable, Sendable, Codable {
        /// The station's id and name in the stations layer.
        public var stationId: String
        public var stationName: String
        /// The node at the rail point.
        public var node: Int
        /// The nearest rail line.
        public var railId: String
        /// The station's nearest point on that line.
        public var railPoint: Coordinate
        /// Geodesic distance from the station to `railPoint`, metres (the offset kept).
        public var offsetM: Double
    }

    /// The tolerance ends were joined within, metres (geodesic).
    public let toleranceM: Double
    /// The line statuses routed over.
    public let include: LineStatuses
    /// The rail lines in the network (those of the statuses in `include`), in the catalog's order.
    public let lines: [RailLine]
    /// `lines` cut into indexed chains: where a place meets this network.
    let chains: ChainLayer
    /// Position in `lines` of each line id.
    let linePositions: [String: Int]
    /// The track edges of each line, by its position in `lines`.
    let trackEdgesOfLine: [[Int]]
    /// Line ends and junctions in the order their vertices come in the rail layer, with the stations' rail points among them.
    public let nodes: [Node]
    /// Track edges part by part along the rail layer, then the bridges.
    public let edges: [Edge]
    /// Each edge's running geodesic length at each vertex of its path, from the build (so a place entering
    /// an edge is measured along it without measuring the edge again).
    let prefixM: [[Double]]
    /// Every station of the catalog, in the catalog's order (none when the data has no rail).
    public let stations: [StationAttachment]
    /// Number of components; component 0 is the one with the most track, then by decreasing track length.
    public let componentCount: Int
    /// Edges at node `n`: `adjacentEdges[adjacencyStart[n] ..< adjacencyStart[n + 1]]`.
    let adjacencyStart: [Int]
    let adjacentEdges: [Int]
    let stationNodes: [String: Int]

    /// Builds the network of `catalog`'s rail lines whose status is in `include`, joining ends within
    /// `toleranceM` metres.
    /// - Throws: `QueryError.invalidArgument` for a tolerance that is negative, not a number or over
    ///   10 km; `QueryError.missingLayer` when the data has no rail layer.
    public init(catalog: Catalog, toleranceM: Double, include: LineStatuses = .operating) throws {
        guard toleranceM.isFinite, toleranceM >= 0, toleranceM <= Self.maximumToleranceM else {
            throw QueryError.invalidArgument(
                "the tolerance must be a distance from 0 to \(Int(Self.maximumToleranceM)) m, not \(toleranceM)")
        }
        try catalog.requireLayers(.rail)
        let lines = catalog.rail.filter { $0.lineStatus.map(include.contains) ?? false }
        let placed = catalog.presentLayers.contains(.stations) ? catalog.stations : []
        let chains = ChainLayer(lines: lines.map { $0.geometry.lines })
        let built = NetworkNoding(lines: lines, stations: placed, toleranceM: toleranceM, chains: chains).build()
        self.toleranceM = toleranceM
        self.include = include
        self.lines = lines
        self.chains = chains
        let positions = Dictionary(lines.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        linePositions = positions
        var byLine = [[Int]](repeating: [], count: lines.count)
        for (i, e) in built.edges.enumerated() where e.kind == .track {
            if let l = positions[e.railId] { byLine[l].append(i) }
        }
        trackEdgesOfLine = byLine
        edges = built.edges
        prefixM = built.prefixes
        stations = built.stations
        // Adjacency in compressed rows; a loop edge is listed once at its node.
        var degree = [Int](repeating: 0, count: built.nodes.count + 1)
        for e in built.edges {
            degree[e.from] += 1
            if e.to != e.from { degree[e.to] += 1 }
        }
        var start = [Int](repeating: 0, count: built.nodes.count + 1)
        for n in 0..<built.nodes.count { start[n + 1] = start[n] + degree[n] }
        var fill = start, adjacent = [Int](repeating: 0, count: start[built.nodes.count])
        for (i, e) in built.edges.enumerated() {
            adjacent[fill[e.from]] = i; fill[e.from] += 1
            if e.to != e.from { adjacent[fill[e.to]] = i; fill[e.to] += 1 }
        }
        adjacencyStart = start
        adjacentEdges = adjacent
        // Components, numbered by decreasing track length (ties by their first node).
        var sets = DisjointSets(count: built.nodes.count)
        for e in built.edges { sets.union(e.from, e.to) }
        var rootTrack = [Int: Double](), rootFirst = [Int: Int]()
        for n in built.nodes.indices {
            let r = sets.find(n)
            if rootFirst[r] == nil { rootFirst[r] = n; rootTrack[r] = 0 }
        }
        for e in built.edges where e.kind == .track { rootTrack[sets.find(e.from), default: 0] += e.lengthM }
        let roots = rootFirst.keys.sorted { a, b in
            rootTrack[a]! != rootTrack[b]! ? rootTrack[a]! > rootTrack[b]! : rootFirst[a]! < rootFirst[b]!
        }
        var number = [Int: Int]()
        for (i, r) in roots.enumerated() { number[r] = i }
        componentCount = roots.count
        nodes = built.nodes.indices.map { Node(location: built.nodes[$0], component: number[sets.find($0)]!) }
        var stationNodes = [String: Int]()
        for s in built.stations { stationNodes[s.stationId] = s.node }
        self.stationNodes = stationNodes
    }

    /// The node a station is attached at, or nil for an id the catalog's stations do not have.
    public func node(ofStation id: String) -> Int? { stationNodes[id] }

    /// The edges meeting at node `n` (a loop once).
    public func edges(at n: Int) -> ArraySlice<Int> { adjacentEdges[adjacencyStart[n]..<adjacencyStart[n + 1]] }

    /// Edge ends at node `n`, a loop counting twice: 1 at a dead end.
    public func degree(of n: Int) -> Int {
        edges(at: n).reduce(0) { $0 + (edges[$1].from == edges[$1].to ? 2 : 1) }
    }

    /// The rail line with this id in the network, or nil.
    public func line(_ id: String) -> RailLine? { linePositions[id].map { lines[$0] } }

    /// The bridges, in the order they were made.
    public var bridges: [Edge] { edges.filter { $0.kind == .bridge } }
}

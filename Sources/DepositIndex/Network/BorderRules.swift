import Geo

/// What a route over a `RailNetwork` may do at borders and gauge changes, for one question: each node's
/// country, which nodes count as inside, which nodes lie at a gateway, and each edge's gauge.
///
/// - A node inside the catalog's country outline (`country.geojson`, Kazakhstan in the bundled data) is in
///   that country. A node outside it is in the first other country that the `countries` of the lines
///   meeting there name; where they name none, its country is unknown ("outside Kazakhstan").
/// - Nodes in a transit country the user names count as inside.
/// - A track edge between two nodes dips abroad when one of its inner vertices lies outside the outline
///   (and its line's other country is not a transit country): passing it counts as leaving and coming back.
///   Inner vertices are tested, not the geodesic edges between them.
/// - A gauge change (between two edges of known, different `gauge_mm`) is allowed only at a gateway: at a node
///   within the network's tolerance of a port's or border crossing's attachment node, or along the rail within
///   `breakOfGaugeReachM` (25 km) of a border crossing's, on either side of the border. The reach is topology,
///   not length: a break of gauge is made in the yards of the paired border stations (Dostyk and Alashankou lie
///   12 km apart by rail, Altynkol and Khorgos 13 km), and the generalised lines change `gauge_mm` where the data
///   splits them near the border, not at a station point (on the bundled data 2 km past Alashankou). An edge of a line without `gauge_mm` has no gauge
///   (unknown, never assumed) and changes nothing.
///
/// Without a country layer every node counts as inside: no border rule applies (`bordersChecked` is false).
/// Built only when a route or gateways question needs it; classifying a node is a band lookup in the
/// prepared outline (`OutlineBands`).
public struct BorderRules: Sendable {
    /// The outline's country code ("KZ"), or nil without a country layer.
    public let home: String?
    /// Its name ("Kazakhstan").
    public let homeName: String?
    /// The transit countries named (ISO 3166-1 alpha-2, upper case).
    public let transit: [String]
    /// False when the data has no country layer, so borders were not checked.
    public var bordersChecked: Bool { home != nil }
    /// Each node's country code (nil: abroad, country unknown; `home` inside the outline).
    public let country: [String?]
    /// Whether each node counts as inside (home or a transit country).
    let inside: [Bool]
    /// Whether each edge has an inner vertex abroad (outside the outline, not in a transit country).
    let edgeDips: [Bool]
    /// Whether a gauge change is allowed at each node (within the tolerance of a gateway's attachment).
    let atGateway: [Bool]
    /// Each edge's gauge as a small number: 0 unknown, else 1 + its position in `gauges`.
    let edgeGauge: [UInt8]
    /// The country outline prepared for point tests, nil without a country layer (`EntryBorders` tests the
    /// partial edges at a route's ends with it).
    let bands: OutlineBands?
    /// How far along the rail from a border crossing's attachment a gauge may change, metres (see the type's comment).
    public static let breakOfGaugeReachM = 25_000.0
    /// The distinct known gauges, millimetres, ascending.
    public let gauges: [Int]

    /// The rules for `network` under `catalog`'s country layer and gateways.
    /// - Parameter transit: ISO 3166-1 alpha-2 codes of countries a route may pass through and come back.
    /// - Throws: `QueryError.invalidArgument` for a transit value that is not two letters, or that names the
    ///   country layer's own country.
    public init(network: RailNetwork, catalog: Catalog, transit: [String] = []) throws {
        var codes = [String]()
        for t in transit {
            let code = t.uppercased()
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw QueryError.invalidArgument("--transit takes ISO 3166-1 alpha-2 country codes such as RU or UZ, not \"\(TerminalText.escaped(t))\"")
            }
            if !codes.contains(code) { codes.append(code) }
        }
        self.transit = codes
        let outline = catalog.presentLayers.contains(.country) ? catalog.country : nil
        home = outline.map { $0.id.uppercased() }
        homeName = outline?.name
        if let home, codes.contains(home) {
            throw QueryError.invalidArgument("--transit names the countries a route may pass through and come back from; \(home) is the country of the country layer itself, where every route may run")
        }
        let bands = outline.map { OutlineBands($0.geometry) }
        self.bands = bands
        var country = [String?](repeating: nil, count: network.nodes.count)
        var inside = [Bool](repeating: true, count: network.nodes.count)
        if let bands, let home {
            for n in network.nodes.indices {
                if bands.contains(network.nodes[n].location) {
                    country[n] = home
                } else {
                    var found: String?
                    search: for e in network.edges(at: n) {
                        for id in [network.edges[e].railId, network.edges[e].otherRailId].compactMap({ $0 }) {
                            if let c = network.line(id)?.countries.first(where: { $0.uppercased() != home }) {
                                found = c.uppercased(); break search
                            }
                        }
                    }
                    country[n] = found
                    inside[n] = found.map(codes.contains) ?? false
                }
            }
        }
        self.country = country
        self.inside = inside
        var dips = [Bool](repeating: false, count: network.edges.count)
        if let bands, let home {
            for (i, e) in network.edges.enumerated() where e.kind == .track && e.path.count > 2 {
                guard e.path.dropFirst().dropLast().contains(where: { !bands.contains($0) }) else { continue }
                let across = network.line(e.railId)?.countries.first { $0.uppercased() != home }?.uppercased()
                dips[i] = !(across.map(codes.contains) ?? false)
            }
        }
        edgeDips = dips
        // Where a gauge may change: nodes within the tolerance of a port's or crossing's attachment, and along the
        // rail within `breakOfGaugeReachM` of a border crossing's (either side of the border).
        var atGateway = [Bool](repeating: false, count: network.nodes.count)
        let places = catalog.presentLayers.contains(.stations)
            ? catalog.stations.filter { $0.gateway != nil || $0.kind == "border_crossing" } : []
        for station in places {
            guard let g = network.node(ofStation: station.id) else { continue }
            let centre = network.nodes[g].location
            let window = MetreWindow.around(centre, metres: network.toleranceM)
            for n in network.nodes.indices where window.contains(network.nodes[n].location) {
                if n == g || Geodesic.wgs84.distance(centre, network.nodes[n].location) <= network.toleranceM { atGateway[n] = true }
            }
            if station.kind == "border_crossing" {
                for n in Self.nodes(of: network, withinRailM: Self.breakOfGaugeReachM, of: g) { atGateway[n] = true }
            }
        }
        self.atGateway = atGateway
        let gauges = Set(network.lines.compactMap(\.gaugeMM)).sorted()
        self.gauges = gauges
        edgeGauge = network.edges.map { e in
            guard e.kind == .track, let g = network.line(e.railId)?.gaugeMM, let i = gauges.firstIndex(of: g) else { return 0 }
            return UInt8(i + 1)
        }
    }

    /// The gauge of edge `e`, millimetres, or nil where unknown (or a bridge).
    public func gauge(ofEdge e: Int) -> Int? {
        edgeGauge[e] == 0 ? nil : gauges[Int(edgeGauge[e]) - 1]
    }

    /// A node's country for a reader: its code, or "outside <home name>" where unknown.
    public func countryLabel(ofNode n: Int) -> String {
        country[n] ?? "outside \(homeName ?? "the country layer")"
    }
}

extension BorderRules {
    /// The nodes within `limit` metres of node `start` along the network (a Dijkstra bounded by `limit`).
    static func nodes(of network: RailNetwork, withinRailM limit: Double, of start: Int) -> [Int] {
        var distance = [Int: Double](), found = [Int](), heap = MinHeap(capacity: 16)
        distance[start] = 0
        heap.push(start, 0)
        while let (n, d) = heap.pop() {
            if d > distance[n]! { continue }
            found.append(n)
            for e in network.edges(at: n) {
                let edge = network.edges[e]
                let m = edge.from == n ? edge.to : edge.from
                let next = d + edge.lengthM
                if next <= limit, next < distance[m] ?? .infinity { distance[m] = next; heap.push(m, next) }
            }
        }
        return found
    }
}

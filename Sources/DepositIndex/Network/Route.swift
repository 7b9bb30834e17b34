import Geo

/// One end of a route: a deposit (by id), a station (by id) or a coordinate.
public enum RouteEnd: Hashable, Sendable {
    /// A deposit by id; it meets the rail at its exact nearest rail point.
    case deposit(String)
    /// A station by id; it enters at its attachment (`RailNetwork.StationAttachment`).
    case station(String)
    /// A coordinate; it meets the rail at its exact nearest rail point.
    case point(Coordinate)
}

/// A route between two places over a `RailNetwork`: the access leg at each end (geodesic, off the rail),
/// the rail path, and the stations and junctions it passes.
public struct Route: Hashable, Sendable, Codable {
    /// An off-rail leg from a place to where it meets the network.
    public struct Access: Hashable, Sendable, Codable {
        /// The place's point the leg starts from: a deposit's nearest point, the coordinate, or the station
        /// (whose offset from the rail, `RailNetwork.StationAttachment.offsetM`, is not counted).
        public var from: Coordinate
        /// Where it meets the network.
        public var railPoint: Coordinate
        /// The line it meets.
        public var railId: String
        /// Geodesic length of the leg, metres; 0 for a station, which enters at its attachment.
        public var accessM: Double
    }

    /// A station or junction the rail path passes.
    public struct Via: Hashable, Sendable, Codable {
        /// The station's id, or nil for a junction without a station.
        public var stationId: String?
        /// The station's name, or "junction".
        public var name: String
        /// "station" or "junction".
        public var kind: String
        /// The node: the station's rail point, or the junction.
        public var location: Coordinate
        /// Metres along the rail from the route's rail start.
        public var fromStartM: Double
    }

    /// The start's access leg (or its station's rail point, 0 m).
    public var from: Access
    /// The end's access leg, from where it meets the network to the place.
    public var to: Access
    /// Geodesic length of the rail path, metres.
    public var railM: Double
    /// `from.accessM + railM + to.accessM`.
    public var totalM: Double
    /// The rail path's vertices, from `from.railPoint` to `to.railPoint`; edges between them are geodesics.
    public var path: [Coordinate]
    /// Stations and junctions passed, in order.
    public var via: [Via]
    /// The corridors the rail path runs along, in order of first meeting (see `RailNetwork.route` for the rule).
    public var corridors: [CorridorRun]
    /// The line statuses the network routed over (`RailNetwork.include`): `operating`, `under_construction`, `planned`.
    public var include: [String]
    /// The statuses of the lines the rail path actually runs on, in that order.
    public var lineStatuses: [String]
    /// The rail lines the path runs on, in order (consecutive pieces of one line merged).
    public var lineRuns: [LineRun]
    /// Metres of the rail path on lines whose gauge the data does not give (never assumed).
    public var gaugeUnknownM: Double
    /// False when the data has no country layer, so the border rule could not be applied.
    public var bordersChecked: Bool
    /// False when the data has no corridors layer: `corridors` is then empty because nothing was asked of a
    /// layer that is not there, not because the path runs along no corridor.
    public var corridorsChecked: Bool
    /// Transit countries the route was allowed through (ISO 3166-1 alpha-2).
    public var transit: [String]
    /// The gateway at the route's end when that end is one (the `to` end's first, else the `from` end's).
    public var gateway: GatewayEnd?

    /// The rail path's run along one rail line.
    public struct LineRun: Hashable, Sendable, Codable {
        /// The line's id, its Latin name (`name_latin`, else its name), status and gauge (nil: unknown).
        public var railId: String
        public var name: String
        public var status: String
        public var gaugeMM: Int?
        /// Kilometres of the path along it.
        public var km: Double
    }

    /// A gateway a route ends at.
    public struct GatewayEnd: Hashable, Sendable, Codable {
        /// The station's id and name.
        public var id: String
        public var name: String
        /// `port` or `border_crossing`.
        public var kind: String
        /// The country across (ISO 3166-1 alpha-2), nil for a port or where the data lacks it.
        public var countryAcross: String?
        /// Gauge on the far side, millimetres, where known.
        public var gaugeAcrossMM: Int?
        /// True when the far side's gauge differs from the gauge the route arrives on (both known).
        public var gaugeBreak: Bool
    }

    /// The rail path's run along one corridor.
    public struct CorridorRun: Hashable, Sendable, Codable {
        /// The corridor's id and name in the corridors layer.
        public var id: String
        public var name: String
        /// Kilometres of the rail path counted as along the corridor.
        public var km: Double
    }
}

/// Why a route cannot be given.
public enum RouteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No station with that id in the catalog's stations layer.
    case unknownStation(String)
    /// The two ends meet the network in different components; `nearestBreak` describes the dead end of the
    /// start's component nearest to another component, from `NetworkReport`.
    case disconnected(fromComponent: Int, toComponent: Int, nearestBreak: String?)
    /// From and to are the same place, however named (a deposit and its own coordinates): there is no route to
    /// give (its access leg twice would look like one).
    case samePlace
    /// The only paths leave the country and come back in (or change gauge away from a gateway): the data is
    /// broken inside the country. `leaves` is the shortest such path's last node inside before it leaves,
    /// `reenters` its first node back inside; `nearestBreak` names the dead end inside the country nearest to where it leaves.
    /// `railId` is the line the path leaves along.
    case leavesCountry(leaves: Coordinate, reenters: Coordinate, railId: String, nearestBreak: String?)
    /// Every path changes gauge at a node that is no gateway; `at` is the first such change on the shortest one.
    case gaugeChange(at: Coordinate)

    public var description: String {
        switch self {
        case .unknownStation(let id): return "no station with id \"\(TerminalText.escaped(id))\""
        case .disconnected(let a, let b, let gap):
            return "the two places meet the rail network in different components (\(a) and \(b)); no route joins them"
                + (gap.map { "; nearest break: \($0)" } ?? "")
        case .samePlace: return "from and to are the same place; give two different places"
        case .leavesCountry(let out, let back, let line, let gap):
            func at(_ c: Coordinate) -> String { "\((c.latitude * 1e5).rounded() / 1e5), \((c.longitude * 1e5).rounded() / 1e5)" }
            return "every rail path between the two places leaves the country and comes back in (out after \(at(out)) "
                + "along \(TerminalText.escaped(line)), back in at \(at(back))); a line inside the country is broken "
                + "in the data, or runs outside the country outline"
                + (gap.map { "; nearest break: \($0)" } ?? "") + "; name transit countries (--transit) to route through them"
        case .gaugeChange(let at):
            return "every rail path between the two places changes gauge away from a gateway (first at \((at.latitude * 1e5).rounded() / 1e5), \((at.longitude * 1e5).rounded() / 1e5))"
        }
    }
}

extension RailNetwork {
    /// Where a place enters the network: a node, or a point inside track edge `edge`, `alongM` metres
    /// along it from its `from` node, in segment `segment` (the number of the segment's first vertex in `path`).
    struct Entry {
        var access: Route.Access
        var node: Int?
        var edge: Int = -1
        var segment: Int = 0
        var alongM: Double = 0
    }

    /// The shortest route from `from` to `to`.
    ///
    ///     let catalog = try Catalog.bundled()
    ///     let network = try RailNetwork(catalog: catalog, toleranceM: 100)
    ///     let route = try network.route(from: .deposit("kz-w-001"), to: .station("osm-4020137341"), catalog: catalog)
    ///     route.from.accessM   // 35,212.27 m off the rail (Upper Kairakty), then
    ///     route.railM          // 727,800.18 m along it to Aqtoğay
    ///
    /// A deposit or coordinate meets the network at its nearest rail point on the network's own lines (those
    /// of the statuses in `include`: with lines under construction included, one of them may be nearer than
    /// any operating line), found by the engine's exact nearest-rail search; the track edge holding that
    /// point is found as stations are placed (the nearest of its segments), and the distances from the
    /// point to the edge's two nodes are summed geodesic segment by segment, so nothing is approximated. A
    /// station enters at its attachment node with no access leg. Then one Dijkstra from the ways out of the
    /// start over (node, border phase, gauge) under `BorderRules` (`RuledSearch`): the route never leaves
    /// the country and comes back in unless through a `transit` country, and changes gauge only at a
    /// gateway. The shortest total into the end wins.
    /// - Parameter transit: ISO 3166-1 alpha-2 codes of countries a route may pass through and come back.
    /// - Throws: `QueryError` for an unknown deposit or one without location, `RouteError.unknownStation`,
    ///   `RouteError.disconnected` when the ends lie in different components (never a made-up route),
    ///   `RouteError.leavesCountry` or `.gaugeChange` when every path breaks a rule (the data is at fault).
    public func route(from: RouteEnd, to: RouteEnd, catalog: Catalog, transit: [String] = []) throws -> Route {
        try route(from: from, to: to, catalog: catalog, rules: BorderRules(network: self, catalog: catalog, transit: transit))
    }

    /// A piece of a rail path: its vertices, length and line (nil for a bridge).
    typealias Piece = (path: [Coordinate], m: Double, railId: String?)

    /// The shortest route from `from` to `to` that keeps `rules` (see `route(from:to:catalog:transit:)`).
    public func route(from: RouteEnd, to: RouteEnd, catalog: Catalog, rules: BorderRules) throws -> Route {
        guard from != to else { throw RouteError.samePlace }
        return try routes(from: from, to: [to], catalog: catalog, rules: rules)[0].get()
    }

    /// The shortest routes from one place to each of `targets`, by one search from the place (one-to-all);
    /// each answer is the route or why there is none, as `route(from:to:catalog:rules:)` would give it.
    /// - Parameter corridors: false to leave the corridors out (`Route.corridorsChecked` false), for a caller that
    ///   ranks many routes and reads the corridors of a few: the vertex tests are most of a route's cost.
    /// - Throws: what makes the start itself unusable (an unknown deposit or station, no rail).
    public func routes(from: RouteEnd, to targets: [RouteEnd], catalog: Catalog, rules: BorderRules,
                       corridors: Bool = true) throws -> [Result<Route, Error>] {
        let a = try entry(from, catalog: catalog)
        let outs = exits(a)
        let search = RuledSearch(network: self, rules: rules, sources: outs.compactMap { o in
            // A partial edge that leaves the country and comes back to its node is no way out.
            startPhase(a, o, rules).map { .init(node: o.node, m: o.m, gauge: entryGauge(a, rules), phase: $0) }
        })
        var report: NetworkReport?  // made once, for the first target in another component
        var corridorsAt = CorridorCache()  // shared by the routes, which share much of their track
        return targets.map { to in
            Result { () throws -> Route in
                guard from != to else { throw RouteError.samePlace }
                return try finish(from: a, named: from, outs: outs, search: search, to: to, catalog: catalog, rules: rules, report: &report,
                                  corridorsAt: &corridorsAt, withCorridors: corridors)
            }
        }
    }

    private func finish(from a: Entry, named from: RouteEnd, outs: [(node: Int, m: Double, path: [Coordinate])], search: RuledSearch, to: RouteEnd,
                        catalog: Catalog, rules: BorderRules, report: inout NetworkReport?,
                        corridorsAt: inout CorridorCache, withCorridors: Bool = true) throws -> Route {
        let b = try entry(to, catalog: catalog)
        // Named differently (a deposit and its own coordinates, a station and its point) but one place: its access
        // leg out and back would read as a route.
        guard a.access.from != b.access.from else { throw RouteError.samePlace }
        let ca = component(of: a), cb = component(of: b)
        guard ca == cb else {
            if report == nil { report = NetworkReport(network: self) }
            throw disconnected(ca, cb, report!)
        }
        typealias Found = (m: Double, pieces: [Piece], nodes: [(node: Int, m: Double)])
        var best: Found?
        if a.node == nil, b.node == nil, a.edge == b.edge {
            // Both on one edge: straight along it.
            let e = edges[a.edge]
            let (lo, hi) = a.alongM <= b.alongM ? (a, b) : (b, a)
            var p = [lo.access.railPoint] + (lo.segment < hi.segment ? Array(e.path[(lo.segment + 1)...hi.segment]) : [])
                + [hi.access.railPoint]
            if a.alongM > b.alongM { p.reverse() }
            let m = abs(b.alongM - a.alongM)
            if pieceKeepsBorders(p, railId: e.railId, rules) { best = (m, [(p, m, e.railId)], []) }
        }
        let ins = exits(b)
        for i in ins {
            guard let reached = search.best(at: i.node, onward: entryGauge(b, rules), accepts: { endAccepts(b, i, rules, phase: $0) })
            else { continue }
            let m = reached.m + i.m
            if let shortest = best, shortest.m <= m { continue }
            let walk = search.path(to: reached.state)
            guard let o = outs.filter({ $0.node == walk.nodes[0] && startPhase(a, $0, rules) != nil }).min(by: { $0.m < $1.m }) else { continue }
            var pieces: [Piece] = [(o.path, o.m, a.node == nil ? edges[a.edge].railId : nil)]
            var marks = [(node: o.node, m: o.m)], run = o.m
            for (k, e) in walk.edges.enumerated() {
                let edge = edges[e]
                pieces.append((edge.from == walk.nodes[k] ? edge.path : edge.path.reversed(), edge.lengthM, edge.kind == .track ? edge.railId : nil))
                run += edge.lengthM
                marks.append((walk.nodes[k + 1], run))
            }
            pieces.append((i.path.reversed(), i.m, b.node == nil ? edges[b.edge].railId : nil))
            best = (m, pieces, marks)
        }
        guard let found = best else { throw refusal(outs, ins, rules, ends: (a, b)) }
        var stationsAt = [Int: [StationAttachment]]()
        for s in stations { stationsAt[s.node, default: []].append(s) }
        var via = [Route.Via](), seen = Set<Int>()
        for (n, m) in found.nodes where seen.insert(n).inserted {
            if let here = stationsAt[n] {
                for s in here {
                    via.append(Route.Via(stationId: s.stationId, name: s.stationName, kind: "station", location: nodes[n].location, fromStartM: m))
                }
            } else if degree(of: n) >= 3 {
                via.append(Route.Via(stationId: nil, name: "junction", kind: "junction", location: nodes[n].location, fromStartM: m))
            }
        }
        var path = [Coordinate]()
        for piece in found.pieces { for c in piece.path where path.last != c { path.append(c) } }
        // The lines run on, their statuses and gauges.
        var runs = [Route.LineRun](), statuses = [String](), unknownGauge = 0.0, lastGauge: Int?, firstGauge: Int?
        for piece in found.pieces where piece.m > 0 {
            guard let id = piece.railId, let line = line(id) else { continue }
            let status = line.lineStatus?.rawValue ?? "operating"
            if !statuses.contains(status) { statuses.append(status) }
            if line.gaugeMM == nil { unknownGauge += piece.m } else { lastGauge = line.gaugeMM; firstGauge = firstGauge ?? line.gaugeMM }
            if runs.last?.railId == id { runs[runs.count - 1].km += piece.m / 1000; continue }
            runs.append(Route.LineRun(railId: id, name: line.latinName, status: status, gaugeMM: line.gaugeMM, km: piece.m / 1000))
        }
        // The gateway at the end: the `to` end's, else the `from` end's, with the gauge the route meets it on.
        var gateway: Route.GatewayEnd?
        for (end, gauge) in [(to, lastGauge), (from, firstGauge)] where gateway == nil {
            guard case .station(let id) = end, let station = catalog.stations.first(where: { $0.id == id }), let g = station.gateway else { continue }
            let breaks = g.gaugeAcrossMM.flatMap { across in gauge.map { $0 != across } } ?? false
            gateway = Route.GatewayEnd(id: id, name: station.name, kind: g.kind.rawValue, countryAcross: g.countryAcross,
                                       gaugeAcrossMM: g.gaugeAcrossMM, gaugeBreak: breaks)
        }
        return Route(from: a.access, to: b.access, railM: found.m, totalM: a.access.accessM + found.m + b.access.accessM,
                     path: path, via: via, corridors: withCorridors ? try corridorRuns(found.pieces.map { ($0.path, $0.m) }, catalog: catalog, cache: &corridorsAt) : [],
                     include: include.names, lineStatuses: statuses, lineRuns: runs, gaugeUnknownM: unknownGauge,
                     bordersChecked: rules.bordersChecked, corridorsChecked: withCorridors && catalog.presentLayers.contains(.corridors),
                     transit: rules.transit, gateway: gateway)
    }

    /// The gauge a place's entry runs on (0 at a node, or on an edge of unknown gauge).
    func entryGauge(_ e: Entry, _ rules: BorderRules) -> UInt8 { e.node == nil ? rules.edgeGauge[e.edge] : 0 }

    /// The refusal for ends in different components, naming the start component's nearest break.
    func disconnected(_ ca: Int, _ cb: Int, _ report: NetworkReport) -> RouteError {
        let gap = report.components.first { $0.number == ca }?.nearestBreak.map { end -> String in
            var text = "dead end of \(end.railId) at \(end.location.latitude), \(end.location.longitude)"
            if let other = end.nearestOtherEnd {
                text += ", \(Int(other.distanceM.rounded())) m from component \(other.component) (\(other.railId))"
            }
            return text
        }
        return RouteError.disconnected(fromComponent: ca, toComponent: cb, nearestBreak: gap)
    }

    /// Why ends in one component have no allowed path: the shortest path without rules, read for where it
    /// leaves the country and comes back, or where it changes gauge away from a gateway.
    /// Where no path between the nodes breaks a rule, the partial edge at an end that leaves and comes back
    /// (`ends`, the two entries) is named.
    func refusal(_ outs: [(node: Int, m: Double, path: [Coordinate])], _ ins: [(node: Int, m: Double, path: [Coordinate])],
                 _ rules: BorderRules, ends: (Entry, Entry)? = nil) -> RouteError {
        unruledRefusal(outs, ins, rules) ?? ends.flatMap { partialEdgeRefusal($0.0, outs, $0.1, ins, rules) }
            ?? RouteError.disconnected(fromComponent: 0, toComponent: 0, nearestBreak: nil)
    }

    /// The refusal for an end whose partial edge dips abroad between an inside rail point and an inside node.
    private func partialEdgeRefusal(_ a: Entry, _ outs: [(node: Int, m: Double, path: [Coordinate])], _ b: Entry,
                                    _ ins: [(node: Int, m: Double, path: [Coordinate])], _ rules: BorderRules) -> RouteError? {
        for (e, exits) in [(a, outs), (b, ins)] {
            guard e.node == nil else { continue }
            for x in exits where startPhase(e, x, rules) == nil {
                return RouteError.leavesCountry(leaves: e.access.railPoint, reenters: nodes[x.node].location,
                                                railId: edges[e.edge].railId, nearestBreak: nil)
            }
        }
        return nil
    }

    private func unruledRefusal(_ outs: [(node: Int, m: Double, path: [Coordinate])], _ ins: [(node: Int, m: Double, path: [Coordinate])],
                                _ rules: BorderRules) -> RouteError? {
        var shortest: NetworkPath?
        for o in outs {
            for i in ins {
                if let p = shortestPath(from: o.node, to: i.node), shortest == nil || p.lengthM < shortest!.lengthM { shortest = p }
            }
        }
        guard let p = shortest else { return nil }
        // Where the path last leaves the country before coming back: the last inside node before an outside
        // node or an edge dipping abroad.
        var leftAt: Int?, lastInside: Int?, leftAlong = "-"
        for (k, n) in p.nodes.enumerated() {
            if rules.inside[n] {
                if let out = leftAt {
                    var nearest: (node: Int, d: Double)?
                    for j in nodes.indices where rules.inside[j] && degree(of: j) == 1 {
                        let d = Geodesic.wgs84.distance(nodes[out].location, nodes[j].location)
                        if nearest == nil || d < nearest!.d { nearest = (j, d) }
                    }
                    let gap = nearest.map { "dead end at \(nodes[$0.node].location.latitude), \(nodes[$0.node].location.longitude), \(Int(($0.d / 1000).rounded())) km from where the path leaves" }
                    return RouteError.leavesCountry(leaves: nodes[out].location, reenters: nodes[n].location, railId: leftAlong, nearestBreak: gap)
                }
                lastInside = n
                if k < p.edges.count, rules.edgeDips[p.edges[k]] { leftAt = n; leftAlong = edges[p.edges[k]].railId }
            } else if leftAt == nil, let inside = lastInside {
                leftAt = inside
                leftAlong = edges[p.edges[k - 1]].railId
            }
        }
        var gauge = 0
        for (k, e) in p.edges.enumerated() {
            let g = Int(rules.edgeGauge[e])
            if g != 0 && gauge != 0 && g != gauge && !rules.atGateway[p.nodes[k]] { return RouteError.gaugeChange(at: nodes[p.nodes[k]].location) }
            if g != 0 { gauge = g }
        }
        return nil
    }

    /// The corridors along the pieces of a rail path. A segment of a piece (between two successive vertices of
    /// an edge, or of the part of one from a place's rail point to a node) counts as along a corridor, all its
    /// geodesic length, when both its ends lie within the corridor's half width of its centre line, by
    /// `Catalog.corridors(containing:)` (exact geodesic distance from the vertex to the centre line, most vertices
    /// decided from a measured one nearby: `CorridorMasks`); a piece
    /// whose every vertex is inside counts its whole length at once. Vertices are tested, not the geodesics
    /// between them, so a segment bowing out between two inside vertices still counts. Counting by segment,
    /// not by edge, keeps the answer from depending on where the network happens to split the line (a station
    /// attached, a junction): it used to count a whole edge or none of it. Without a corridors layer, none (and
    /// `Route.corridorsChecked` says so).
    /// The corridors each vertex lies in, and their names, as found so far.
    struct CorridorCache {
        /// The corridor ids, sorted, and their names; a vertex's corridors are bits in this order.
        var ids = [String]()
        var names = [String: String]()
        var position = [String: Int]()
        /// Each vertex's corridors as bit masks, 64 corridors a word, measured as `CorridorMasks` measures them.
        var masks: CorridorMasks?
    }

    private func corridorRuns(_ pieces: [(path: [Coordinate], m: Double)], catalog: Catalog,
                              cache: inout CorridorCache) throws -> [Route.CorridorRun] {
        guard catalog.presentLayers.contains(.corridors) else { return [] }
        if cache.ids.isEmpty && !catalog.corridors.isEmpty {
            cache.ids = catalog.corridors.map(\.id).sorted()
            for (k, id) in cache.ids.enumerated() { cache.position[id] = k }
            for c in catalog.corridors { cache.names[c.id] = c.name }
            cache.masks = CorridorMasks(catalog: catalog, bitOfId: cache.position)
        }
        let words = (cache.ids.count + 63) / 64
        var order = [Int](), metres = [Int: Double]()
        func add(_ word: Int, _ bits: UInt64, _ m: Double) {
            var rest = bits
            while rest != 0 {
                let id = word * 64 + rest.trailingZeroBitCount
                rest &= rest - 1
                if metres[id] == nil { order.append(id) }
                metres[id, default: 0] += m
            }
        }
        for piece in pieces where piece.m > 0 {
            guard cache.masks != nil else { break }
            let masks = try cache.masks!.masks(of: piece.path, catalog: catalog)
            let whole = (0..<words).map { w in masks.reduce(~UInt64(0)) { $0 & $1[w] } }
            // Segment by segment, in path order, so the corridors keep their order of first meeting.
            for k in 0..<max(masks.count - 1, 0) {
                var m: Double?
                for w in 0..<words {
                    let both = masks[k][w] & masks[k + 1][w]
                    if both == 0 { continue }
                    var firstMet = both & whole[w]
                    var scan = firstMet
                    while scan != 0 {
                        let bit = scan & (~scan &+ 1)
                        if metres[w * 64 + bit.trailingZeroBitCount] != nil { firstMet &= ~bit }
                        scan &= scan - 1
                    }
                    add(w, firstMet, 0)
                    let partial = both & ~whole[w]
                    if partial == 0 { continue }
                    if m == nil { m = Geodesic.wgs84.distance(piece.path[k], piece.path[k + 1]) }
                    add(w, partial, m!)
                }
            }
            for w in 0..<words { add(w, whole[w], piece.m) }
        }
        return order.map { Route.CorridorRun(id: cache.ids[$0], name: cache.names[cache.ids[$0]]!, km: metres[$0]! / 1000) }
    }

    private func component(of e: Entry) -> Int { nodes[e.node ?? edges[e.edge].from].component }

    private func dedup(_ p: [Coordinate]) -> [Coordinate] {
        var out = [Coordinate]()
        for c in p where out.last != c { out.append(c) }
        return out
    }

    /// The nodes an entry leaves by, each with the metres to it and the vertices from the rail point to it.
    func exits(_ e: Entry) -> [(node: Int, m: Double, path: [Coordinate])] {
        if let n = e.node { return [(n, 0, [nodes[n].location])] }
        let edge = edges[e.edge], q = e.access.railPoint
        let back = [q] + edge.path[0...e.segment].reversed()
        let ahead = [q] + edge.path[(e.segment + 1)...]
        return [(edge.from, e.alongM, back), (edge.to, aheadM(q, edge: e.edge, segment: e.segment), ahead)]
    }

    /// Metres from `q`, a point of segment `segment` of track edge `edge`, to the edge's `to` node: the
    /// geodesic to the segment's end, then the rest of the edge from the build's running sums.
    func aheadM(_ q: Coordinate, edge: Int, segment: Int) -> Double {
        let prefix = prefixM[edge]
        return Geodesic.wgs84.distance(q, edges[edge].path[segment + 1]) + (prefix[prefix.count - 1] - prefix[segment + 1])
    }

    /// Sum of the geodesic lengths between consecutive vertices, metres.
    static func length<C: Collection>(_ p: C) -> Double where C.Element == Coordinate {
        zip(p, p.dropFirst()).reduce(0) { $0 + Geodesic.wgs84.distance($1.0, $1.1) }
    }

    func entry(_ end: RouteEnd, catalog: Catalog) throws -> Entry {
        let place: Place
        switch end {
        case .station(let id):
            guard let n = node(ofStation: id), let s = stations.first(where: { $0.stationId == id }) else {
                throw RouteError.unknownStation(id)
            }
            let location = catalog.stations.first { $0.id == id }?.location ?? nodes[n].location
            return Entry(access: Route.Access(from: location, railPoint: nodes[n].location, railId: s.railId, accessM: 0), node: n)
        case .deposit(let id): place = .deposit(id)
        case .point(let c): place = .point(c)
        }
        return try entry(at: catalog.distanceQuery(place))
    }

    /// The entry of a deposit or point prepared for measuring (`DistanceQuery`): its access leg to the exact
    /// nearest rail point of this network's lines, and the node or edge it joins the network at. The one
    /// way a place enters the network, whether its deposit is looked up in a catalog or handed over in a chunk.
    func entry(at query: DistanceQuery) throws -> Entry {
        // The nearest line of this network (its statuses), by the engine's exact search.
        let network = lines
        let found = network.withUnsafeBufferPointer { lines in
            chains.nearest(to: query, k: 1, tieOrder: { lines[$0].id < lines[$1].id })
        }
        guard let near = found.first else {
            throw QueryError.invalidArgument("the data has no \(include.names.joined(separator: " or ")) rail line to route over")
        }
        let hit = (railId: lines[near.feature].id, railPoint: near.pair.to, fromPoint: near.pair.from, distanceM: near.pair.distance)
        let q = hit.railPoint
        let access = Route.Access(from: hit.fromPoint, railPoint: q, railId: hit.railId, accessM: hit.distanceM)
        // The track edge of that line with the segment holding the point (`SegmentHolding`), edges in the
        // line's order and each edge's segments in path order.
        var segmentOf = [(edge: Int, segment: Int)](), ends = [(Coordinate, Coordinate)]()
        for i in trackEdgesOfLine[near.feature] {
            let p = edges[i].path
            for s in 0..<(p.count - 1) { segmentOf.append((i, s)); ends.append((p[s], p[s + 1])) }
        }
        let best = SegmentHolding.segment(holding: q, among: ends).map { segmentOf[$0] }
        guard let on = best else { throw QueryError.invalidArgument("rail line \(hit.railId) is not in the network") }
        let path = edges[on.edge].path, prefix = prefixM[on.edge]
        // The build's running sums: `prefix[s]` is the sum of the first `s` segments, added in path order.
        let along = prefix[on.segment] + Geodesic.wgs84.distance(path[on.segment], q)
        // A rail point within a millimetre of either end of the edge is that node.
        if along <= DistanceTolerance.contact { return Entry(access: access, node: edges[on.edge].from) }
        if aheadM(q, edge: on.edge, segment: on.segment) <= DistanceTolerance.contact {
            return Entry(access: access, node: edges[on.edge].to)
        }
        return Entry(access: access, node: nil, edge: on.edge, segment: on.segment, alongM: along)
    }
}

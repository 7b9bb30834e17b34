import Geo

/// Every deposit's rail distances to every gateway (`GatewayDistances`, `RailNetwork.gatewayDistances`).
public struct DepositGatewayDistances: Hashable, Sendable, Codable {
    /// One gateway as seen from one deposit.
    public struct Entry: Hashable, Sendable, Codable {
        /// The gateway station's id and name.
        public var id: String
        public var name: String
        /// Metres of the deposit's access leg, of rail, and both; nil when the gateway cannot be reached.
        public var accessM: Double?
        public var railM: Double?
        public var totalM: Double?
    }

    public var depositId: String
    public var depositName: String
    /// Reachable gateways nearest first (by total), then the unreachable ones by id.
    public var gateways: [Entry]
    /// Why the deposit has no distance to any gateway at all, when it cannot enter the network ("the deposit
    /// has no published location", or the entry's error); nil when it enters it.
    public var unreachable: String? = nil
}

/// One search over the network from each gateway, done once, from which any deposit's rail distances to
/// every gateway are read off (the rules read the same either way along a path, so a gateway's distances
/// to all nodes are each deposit's distances to it). What `gateways --all` answers: for a catalog's
/// deposits at once (`RailNetwork.gatewayDistances`), or for each chunk of deposits a store hands out,
/// holding the network and these searches, not the catalog.
///
///     let catalog = try Catalog.bundled()
///     let network = try RailNetwork(catalog: catalog, toleranceM: 100)
///     let all = try GatewayDistances(network: network, catalog: catalog, rules: BorderRules(network: network, catalog: catalog))
///     let d = all.distances(of: catalog.deposit(id: "kz-w-001")!)
///     d.gateways[0].name      // "Шалдуар", the crossing into Kyrgyzstan
///     d.gateways[0].totalM    // 858,485.73 m: 35,212.27 m of access, then 823,273.46 m of rail
public struct GatewayDistances: Sendable {
    /// The catalog's gateways (`RailNetwork.gateways(of:)`), in catalog order.
    public let gateways: [Station]
    let network: RailNetwork
    let rules: BorderRules
    /// Each gateway's search, nil for a gateway the network does not attach.
    let searches: [RuledSearch?]

    /// The searches from every gateway of `catalog`, on every core.
    /// - Throws: `QueryError.missingLayer` without a stations layer.
    public init(network: RailNetwork, catalog: Catalog, rules: BorderRules) throws {
        let stations = try RailNetwork.gateways(of: catalog)
        let attached = stations.map { network.node(ofStation: $0.id) }
        gateways = stations
        self.network = network
        self.rules = rules
        searches = Parallel.map(stations.count) { i -> RuledSearch? in
            attached[i].map { RuledSearch(network: network, rules: rules, sources: [.init(node: $0, m: 0, gauge: 0)]) }
        }
    }

    /// One deposit's distances to every gateway: its entry into the network (the exact nearest rail point
    /// of the network's lines), then each gateway's search read at the nodes the entry leaves by. Equal to
    /// `RailNetwork.gateways(from:)` for the deposit, to the millimetre of tie tolerance.
    public func distances(of deposit: Deposit) -> DepositGatewayDistances {
        var why: String?
        var entry: RailNetwork.Entry?
        if let shape = deposit.geometry {
            do { entry = try network.entry(at: DistanceQuery(shape: shape)) } catch { why = "\(error)" }
        } else {
            why = "the deposit has no published location"
        }
        var found = [DepositGatewayDistances.Entry]()
        // The ways out of the entry, once per deposit (each is measured along its edge), not once per gateway.
        let ways = entry.map { network.exits($0) } ?? []
        for (g, station) in gateways.enumerated() {
            var e = DepositGatewayDistances.Entry(id: station.id, name: station.name, accessM: nil, railM: nil, totalM: nil)
            if let entry, let search = searches[g] {
                var rail = Double.infinity
                for i in ways {
                    if let reached = search.best(at: i.node, onward: network.entryGauge(entry, rules), accepts: { network.endAccepts(entry, i, rules, phase: $0) }) {
                        rail = min(rail, reached.m + i.m)
                    }
                }
                if rail.isFinite {
                    e.accessM = entry.access.accessM; e.railM = rail; e.totalM = entry.access.accessM + rail
                }
            }
            found.append(e)
        }
        let reached = found.filter { $0.totalM != nil }.sorted { ($0.totalM!, $0.id) < ($1.totalM!, $1.id) }
        return DepositGatewayDistances(depositId: deposit.id, depositName: deposit.name,
                                       gateways: reached + found.filter { $0.totalM == nil }.sorted { $0.id < $1.id }, unreachable: why)
    }

    /// `distances(of:)` for each of `deposits`, in their order, on every core.
    public func distances(for deposits: [Deposit]) -> [DepositGatewayDistances] {
        Parallel.map(deposits.count) { distances(of: deposits[$0]) }
    }
}

extension RailNetwork {
    /// Every deposit's distances to every gateway (`GatewayDistances`): one search from each gateway, then
    /// each deposit's entry reads its distances off, on every core. Equal to `gateways(from:)` deposit by
    /// deposit, to the millimetre of tie tolerance.
    /// - Throws: `QueryError.missingLayer` without a deposits or stations layer.
    public func gatewayDistances(catalog: Catalog, rules: BorderRules) throws -> [DepositGatewayDistances] {
        try catalog.requireLayers([.deposits, .stations])
        return try GatewayDistances(network: self, catalog: catalog, rules: rules).distances(for: catalog.deposits)
    }
}

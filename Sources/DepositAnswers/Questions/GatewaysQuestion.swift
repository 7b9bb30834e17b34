import DepositIndex

/// `gateways PLACE` (`GET /gateways?place=…`) and `gateways --all`: every port and border crossing ranked
/// by rail distance from a place, or every deposit's distances to every gateway.
public struct GatewaysQuestion: Sendable {
    /// A deposit, a station or coordinates; nil for every deposit (`--all`).
    public var place: String?
    /// One of the question's options, as the CLI names it.
    public var network: NetworkSettings
    /// One of the question's options, as the CLI names it.
    public var transit: [String]

    /// The question with its options, defaults as the CLI's.
    public init(place: String?, network: NetworkSettings = NetworkSettings(), transit: [String] = []) {
        self.place = place
        self.network = network
        self.transit = transit
    }

    /// Refuses (usage, 64) options out of range, in the CLI's words.
    public func check() throws {
        try network.check()
        try NetworkSettings.checkTransit(transit)
    }

    /// A `GatewaysAnswer`, or `GatewaysForEveryDeposit` when `place` is nil; `built` as in `RouteQuestion`.
    public func answer(catalog: Catalog, built: RailNetwork? = nil) throws -> any CommandAnswer {
        try catalog.requireLayers([.rail, .stations])
        let net = try built ?? network.network(of: catalog)
        let rules = try BorderRules(network: net, catalog: catalog, transit: NetworkSettings.transitCodes(transit))
        guard let place else {
            let results = try net.gatewayDistances(catalog: catalog, rules: rules)
            return GatewaysForEveryDeposit(results: results, gateways: try RailNetwork.gateways(of: catalog),
                                           include: net.include.names, transit: rules.transit, bordersChecked: rules.bordersChecked)
        }
        let from = try Lookup(catalog: catalog).routeEnd(place)
        let ranked = try net.gateways(from: from.end, catalog: catalog, rules: rules)
        return GatewaysAnswer(from: from, gateways: ranked, include: net.include.names, transit: rules.transit,
                              bordersChecked: rules.bordersChecked, corridorsChecked: catalog.presentLayers.contains(.corridors),
                              toleranceM: network.toleranceM)
    }
}

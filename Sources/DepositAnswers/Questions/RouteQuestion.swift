import DepositIndex

/// `route FROM TO` (`GET /route?from=…&to=…`): the shortest route along the rail network.
public struct RouteQuestion: Sendable {
    /// Each a deposit, a station or coordinates.
    public var from: String
    /// One of the question's options, as the CLI names it.
    public var to: String
    /// One of the question's options, as the CLI names it.
    public var network: NetworkSettings
    /// Countries a route may leave Kazakhstan through and come back (ISO codes; comma lists allowed).
    public var transit: [String]

    /// The question with its options, defaults as the CLI's.
    public init(from: String, to: String, network: NetworkSettings = NetworkSettings(), transit: [String] = []) {
        self.from = from
        self.to = to
        self.network = network
        self.transit = transit
    }

    /// Refuses (usage, 64) options out of range, in the CLI's words.
    public func check() throws {
        try network.check()
        try NetworkSettings.checkTransit(transit)
    }

    /// The layers a route reads: all but the regions.
    public static var networkRequest: StoreRequest {
        var request = StoreRequest()
        request.network = true
        request.corridors = true
        return request
    }

    /// The answer; `built`, when given, is `network.network(of: catalog)` kept by the caller.
    public func answer(catalog: Catalog, built: RailNetwork? = nil) throws -> RouteAnswer {
        let lookup = Lookup(catalog: catalog)
        let a = try lookup.routeEnd(from), b = try lookup.routeEnd(to)
        let net = try built ?? network.network(of: catalog)
        let rules = try BorderRules(network: net, catalog: catalog, transit: NetworkSettings.transitCodes(transit))
        let route = try net.route(from: a.end, to: b.end, catalog: catalog, rules: rules)
        return RouteAnswer(from: a, to: b, route: route, toleranceM: network.toleranceM)
    }
}

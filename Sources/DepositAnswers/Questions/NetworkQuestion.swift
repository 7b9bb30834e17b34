import DepositIndex

/// `network` (`GET /network`): the rail layer as a network, with its components, bridges, dead ends,
/// breaks, stations off the lines and border detours.
public struct NetworkQuestion: Sendable {
    /// One of the question's options, as the CLI names it.
    public var network: NetworkSettings
    /// List every dead end and far station in the table (JSON always lists them).
    public var full: Bool

    /// The question with its options, defaults as the CLI's.
    public init(network: NetworkSettings = NetworkSettings(), full: Bool = false) {
        self.network = network
        self.full = full
    }

    /// Refuses (usage, 64) options out of range, in the CLI's words.
    public func check() throws { try network.check() }

    /// The answer from `catalog`; a refusal throws an error `AnswerError(_:)` classifies (not found, usage, bad data).
    public func answer(catalog: Catalog, built: RailNetwork? = nil) throws -> NetworkAnswer {
        let net = try built ?? network.network(of: catalog)
        let rules = try BorderRules(network: net, catalog: catalog)
        return NetworkAnswer(network: net, report: NetworkReport(network: net, rules: rules), full: full)
    }
}

import DepositIndex

/// `show DEPOSIT` (`GET /show?deposit=…`): a deposit's record with its region, nearest rail, corridors
/// and nearest gateways.
public struct ShowQuestion: Sendable {
    /// A deposit by id, name or alias.
    public var deposit: String
    /// One of the question's options, as the CLI names it.
    public var omissions: LayerOmissions

    /// The question with its options, defaults as the CLI's.
    public init(deposit: String, omissions: LayerOmissions = LayerOmissions()) {
        self.deposit = deposit
        self.omissions = omissions
    }

    /// What a store must read to answer (see `StoreRequest`); from GeoJSON, the layers it names.
    public func storeRequest() -> StoreRequest {
        var request = StoreRequest()
        request.deposits = [deposit]
        request.regionsAround = !omissions.omits(.regions)
        request.nearestRail = omissions.omits(.rail) ? 0 : 1
        request.corridors = !omissions.omits(.corridors)
        // The nearest gateways by rail need the whole rail layer, the stations and the country outline.
        request.network = !omissions.omits(.rail) && !omissions.omits(.stations)
        return request
    }

    /// The answer; `network` as in `AtQuestion.answer`.
    public func answer(catalog: Catalog, network: RailNetwork? = nil) throws -> ShowAnswer {
        let d = try Lookup(catalog: catalog).deposit(deposit)
        return try ShowAnswer(catalog: catalog, deposit: d, omissions: omissions, network: network)
    }
}

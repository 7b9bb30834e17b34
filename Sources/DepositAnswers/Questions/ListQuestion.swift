import DepositIndex

/// `list` (`GET /list?commodity=…&region=…&status=…`): the deposits, filtered.
public struct ListQuestion: Sendable {
    /// One of the question's options, as the CLI names it.
    public var filter: DepositFilter

    /// The question with its options, defaults as the CLI's.
    public init(filter: DepositFilter = DepositFilter()) { self.filter = filter }

    /// What a store must read to answer (see `StoreRequest`); from GeoJSON, the layers it names.
    public func storeRequest() -> StoreRequest { .all }

    /// The answer from `catalog`; a refusal throws an error `AnswerError(_:)` classifies (not found, usage, bad data).
    public func answer(catalog: Catalog) throws -> DepositList {
        // A store imported without deposits has no list to give: refused naming the layer, not "0 deposits".
        try catalog.requireLayers(.deposits)
        return DepositList(deposits: try filter.apply(catalog))
    }
}

import DepositIndex

/// `list` (`GET /list?commodity=…&region=…&status=…`): the deposits, filtered.
public struct ListQuestion: Sendable {
    public var filter: DepositFilter

    public init(filter: DepositFilter = DepositFilter()) { self.filter = filter }

    public func storeRequest() -> StoreRequest { .all }

    public func answer(catalog: Catalog) throws -> DepositList {
        // A store imported without deposits has no list to give: refused naming the layer, not "0 deposits".
        try catalog.requireLayers(.deposits)
        return DepositList(deposits: try filter.apply(catalog))
    }
}

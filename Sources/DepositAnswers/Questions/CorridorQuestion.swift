import DepositIndex

/// `corridor [CORRIDOR]` (`GET /corridor?corridor=…&width-km=…`): the deposits in a corridor, or the
/// corridors when none is named.
public struct CorridorQuestion: Sendable {
    /// A corridor by id, name or alias; nil lists the corridors.
    public var corridor: String?
    /// The full width in km (default: the corridor's own `width_km`).
    public var widthKm: Double?

    /// The question with its options, defaults as the CLI's.
    public init(corridor: String? = nil, widthKm: Double? = nil) {
        self.corridor = corridor
        self.widthKm = widthKm
    }

    /// Refuses (usage) a width that is not positive, or so wide half of it passes a quarter meridian.
    public func check() throws {
        if let widthKm, !(widthKm > 0 && widthKm.isFinite) { throw AnswerError(.usage, "--width-km must be a positive number of km") }
        if let widthKm, widthKm > Catalog.maximumCorridorWidthKm {
            throw AnswerError(.usage, "--width-km \(widthKm) is more than \(Int(Catalog.maximumCorridorWidthKm)) km (half of it would reach past a quarter of the Earth's meridian)")
        }
    }

    /// What a store must read to answer (see `StoreRequest`); from GeoJSON, the layers it names.
    public func storeRequest() -> StoreRequest {
        var request = StoreRequest()
        request.corridors = true
        request.corridorDeposits = corridor.map { [$0] } ?? []
        request.corridorWidthKm = widthKm
        return request
    }

    /// A `CorridorAnswer`, or a `CorridorList` when no corridor is named.
    public func answer(catalog: Catalog) throws -> any CommandAnswer {
        guard let corridor else {
            try catalog.requireLayers(.corridors)
            return CorridorList(corridors: catalog.corridors)
        }
        let c = try Lookup(catalog: catalog).corridor(corridor)
        return CorridorAnswer(try catalog.corridorOverlap(corridor: c.id, widthKm: widthKm))
    }
}

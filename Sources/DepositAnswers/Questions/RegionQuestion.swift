import DepositIndex

/// `region SUBJECT` (`GET /region?place=…`): the regions holding a deposit or a point, or a region's deposits.
public struct RegionQuestion: Sendable {
    /// A deposit, coordinates, or a region (ISO code or name).
    public var subject: String

    /// The question with its options, defaults as the CLI's.
    public init(subject: String) { self.subject = subject }

    /// What a store must read to answer (see `StoreRequest`); from GeoJSON, the layers it names.
    public func storeRequest() throws -> StoreRequest {
        var request = try StoreRequest.about(subject)
        request.regions = CoordinateText.looksLikeCoordinates(subject) ? [] : [subject]
        request.regionsAround = true
        return request
    }

    /// The answer from `catalog`; a refusal throws an error `AnswerError(_:)` classifies (not found, usage, bad data).
    public func answer(catalog: Catalog) throws -> RegionAnswer { try RegionAnswer(catalog: catalog, subject: subject) }
}

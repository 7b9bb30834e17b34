import DepositIndex

/// `region SUBJECT` (`GET /region?place=…`): the regions holding a deposit or a point, or a region's deposits.
public struct RegionQuestion: Sendable {
    /// A deposit, coordinates, or a region (ISO code or name).
    public var subject: String

    public init(subject: String) { self.subject = subject }

    public func storeRequest() throws -> StoreRequest {
        var request = try StoreRequest.about(subject)
        request.regions = CoordinateText.looksLikeCoordinates(subject) ? [] : [subject]
        request.regionsAround = true
        return request
    }

    public func answer(catalog: Catalog) throws -> RegionAnswer { try RegionAnswer(catalog: catalog, subject: subject) }
}

import DepositIndex
import Geo

/// `at COORDINATES` (`GET /at?place=48.683,73.283&radius-km=…`): everything about a point.
public struct AtQuestion: Sendable {
    /// Coordinates as people write them, latitude first.
    public var place: String
    /// List the deposits within this many km.
    public var radiusKm: Double
    /// The layers to answer without.
    public var omissions: LayerOmissions

    /// Half the WGS84 meridian, rounded up to a whole km: the longest geodesic there is.
    public static let maximumRadiusKm = 20_004.0

    /// The question with its options, defaults as the CLI's.
    public init(place: String, radiusKm: Double = 50, omissions: LayerOmissions = LayerOmissions()) {
        self.place = place
        self.radiusKm = radiusKm
        self.omissions = omissions
    }

    /// Refuses (usage) a radius that is negative, not finite, or beyond half a meridian.
    public func check() throws {
        guard radiusKm >= 0, radiusKm.isFinite else { throw AnswerError(.usage, "--radius-km must be 0 or more") }
        // Every point of the ellipsoid lies within half a meridian (2 × the WGS84 quadrant of 10,001.966 km)
        // of any other, so a larger radius asks nothing more; past about 1.8e305 km it would
        // not even be a finite number of metres (radius_m in JSON).
        guard radiusKm <= Self.maximumRadiusKm else {
            throw AnswerError(.usage, "--radius-km must be at most \(Int(Self.maximumRadiusKm)) (half a meridian: every place on the Earth is within that distance)")
        }
    }

    /// The point asked about (a usage error, 64, when the text is not coordinates).
    public func point() throws -> Coordinate { try CoordinateText.parse(place) }

    /// What a store must read to answer (see `StoreRequest`); from GeoJSON, the layers it names.
    public func storeRequest() throws -> StoreRequest {
        var request = StoreRequest()
        request.points = [try point()]
        request.nearestRail = omissions.omits(.rail) ? 0 : 1
        request.nearestStations = omissions.omits(.stations) ? 0 : 1
        request.depositsWithin = radiusKm * 1000
        request.regionsAround = !omissions.omits(.regions)
        request.corridors = !omissions.omits(.corridors)
        // The nearest gateways by rail need the whole rail layer, the stations and the country outline.
        request.network = !omissions.omits(.rail) && !omissions.omits(.stations)
        return request
    }

    /// The answer; `network`, when given, is the catalog's network at the default tolerance over
    /// operating lines (a server keeps one), else it is built for the nearest gateways.
    public func answer(catalog: Catalog, network: RailNetwork? = nil) throws -> AtAnswer {
        try AtAnswer(catalog: catalog, point: point(), radius: radiusKm * 1000, omissions: omissions, network: network)
    }
}

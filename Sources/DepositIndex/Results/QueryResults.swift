import Geo

// Plain answers for the CLI to format. Their JSON field names are snake_case (`distance_m`, `rail_id`),
// as the CLI and the reference files use them, by one key strategy where the CLI encodes
// (`Emitter.json`: `.convertToSnakeCase`), not by coding keys on each type; coordinates encode as
// [longitude, latitude].

/// A station near a point, with its geodesic distance.
public struct StationDistance: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var kind: String?
    public var distanceM: Double
    public var location: Coordinate

}

/// One rail line near a deposit or point.
public struct RailDistance: Hashable, Sendable, Codable {
    public var railId: String
    public var railName: String
    /// Geodesic distance in metres from `fromPoint` to `railPoint`; 0 where the line touches or crosses.
    public var distanceM: Double
    /// The nearest point of the rail line.
    public var railPoint: Coordinate
    /// The point of the deposit (or the query point) the distance is measured from.
    public var fromPoint: Coordinate
    /// The station nearest to `railPoint`, if the data has stations.
    public var station: StationDistance?

}

/// The nearest rail lines of one deposit (the batch form's element).
public struct DepositRail: Hashable, Sendable, Codable {
    public var depositId: String
    public var depositName: String
    /// Nearest first; empty for a deposit without geometry or with nothing within the limit.
    public var rail: [RailDistance]

}

/// A deposit at a distance from something.
public struct DepositDistance: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var distanceM: Double
    /// The nearest point of the deposit.
    public var point: Coordinate

}

/// A deposit within a corridor.
public struct CorridorDeposit: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Geodesic distance from the deposit to the corridor's centre line, metres.
    public var distanceM: Double
    /// Area of the deposit inside the corridor, km² (0 for a point deposit).
    public var overlapKm2: Double
    /// Share of the deposit's area inside the corridor, 0...1 (1 for a point deposit inside it).
    public var share: Double

}

/// The deposits within one corridor, nearest the centre line first.
public struct CorridorOverlap: Hashable, Sendable, Codable {
    public var corridorId: String
    public var corridorName: String
    /// The full width used, km.
    public var widthKm: Double
    public var deposits: [CorridorDeposit]

}

/// A corridor that a deposit lies in.
public struct CorridorMembership: Hashable, Sendable, Codable {
    public var corridorId: String
    public var corridorName: String
    public var widthKm: Double
    public var distanceM: Double
    public var overlapKm2: Double
    public var share: Double

}

/// A region holding (part of) a point or deposit.
public struct RegionShare: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Share of the deposit's geodesic area in this region; for a point, 1 divided among the regions
    /// whose border it lies on.
    public var share: Double
    /// True when the point (or the deposit) touches this region's border.
    public var onBoundary: Bool

}

/// How a deposit divides among the regions.
public struct RegionShares: Hashable, Sendable, Codable {
    public var depositId: String
    public var regions: [RegionShare]
    /// The share outside every region (outside Kazakhstan for the bundled data): 1 minus the others.
    public var outsideShare: Double

}

/// A deposit in a region, with its share there.
public struct DepositShare: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var share: Double
    public var onBoundary: Bool

}

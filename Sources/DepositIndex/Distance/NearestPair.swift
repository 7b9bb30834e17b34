import Geo

/// The nearest pair of points between two geometries on WGS84, and the geodesic distance between them.
public struct NearestPair: Hashable, Sendable, Codable {
    /// Metres along the geodesic from `from` to `to`; 0 where the geometries touch or cross.
    public var distance: Double
    /// The point on the query geometry (the deposit, or the query point itself).
    public var from: Coordinate
    /// The point on the other geometry (the rail line, corridor centre line, boundary...).
    public var to: Coordinate

    public init(distance: Double, from: Coordinate, to: Coordinate) {
        self.distance = distance
        self.from = from
        self.to = to
    }
}

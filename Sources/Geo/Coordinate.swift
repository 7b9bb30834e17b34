/// A position: `x` is longitude and `y` latitude in degrees for geographic data, or easting and
/// northing in metres inside a projection. Order is always x first, as in GeoJSON and WKT.
public struct Coordinate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// A geographic position; note the longitude-first order.
    public init(longitude: Double, latitude: Double) {
        self.init(x: longitude, y: latitude)
    }

    public var longitude: Double { x }
    public var latitude: Double { y }

    public var isFinite: Bool { x.isFinite && y.isFinite }

    public var description: String { "(\(x) \(y))" }

    // GeoJSON's position form, [x, y].
    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let x = try container.decode(Double.self)
        let y = try container.decode(Double.self)
        self.init(x: x, y: y)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(x)
        try container.encode(y)
    }
}

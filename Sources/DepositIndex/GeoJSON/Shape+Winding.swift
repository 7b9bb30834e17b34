import Geo

// RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. The orientation is read from the
// sign of the ring's area on the WGS84 ellipsoid (positive for counter-clockwise), not from degrees as a plane.

extension Shape {
    /// The same shape with every polygon's exterior ring counter-clockwise and its holes clockwise;
    /// other shapes are returned unchanged.
    public func woundForRFC7946() -> Shape {
        switch self {
        case .polygon(let rings): return .polygon(Shape.wind(rings))
        case .multiPolygon(let polygons): return .multiPolygon(polygons.map(Shape.wind))
        case .geometryCollection(let parts): return .geometryCollection(parts.map { $0.woundForRFC7946() })
        default: return self
        }
    }

    /// True when every exterior ring is counter-clockwise and every hole clockwise.
    public var isWoundForRFC7946: Bool {
        polygons.allSatisfy { rings in
            rings.enumerated().allSatisfy { i, ring in
                let area = Geodesic.wgs84.ringArea(ring).area
                return i == 0 ? area > 0 : area < 0
            }
        }
    }

    private static func wind(_ rings: [[Coordinate]]) -> [[Coordinate]] {
        rings.enumerated().map { i, ring in
            let counterClockwise = Geodesic.wgs84.ringArea(ring).area > 0
            return counterClockwise == (i == 0) ? ring : ring.reversed()
        }
    }
}

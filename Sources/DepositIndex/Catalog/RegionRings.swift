import Geo

/// Region rings prepared for point-in-region tests in longitude/latitude.
///
/// The even-odd test draws each edge straight in degrees, but edges are geodesics; on an edge of 0.01°
/// the two differ by under a centimetre, so longer edges are first split along their geodesic. Points
/// nearer a border than that are settled by geodesic distance to the border (`on_boundary`), not by this test.
enum RegionRings {
    static let maximumEdgeDegrees = 0.01

    static func densified(_ shape: Shape) -> [[[Coordinate]]] {
        shape.polygons.map { rings in rings.map(densify) }
    }

    static func densify(_ ring: [Coordinate]) -> [Coordinate] {
        guard var previous = ring.first else { return ring }
        var out = [previous]
        for c in ring.dropFirst() {
            let span = max(abs(c.x - previous.x), abs(c.y - previous.y))
            if span > maximumEdgeDegrees {
                // Roughly 1.1 km per 0.01°; spacing in metres keeps the split edges under 0.01° everywhere.
                let pieces = Geodesic.wgs84.line(from: previous, to: c, maxSpacing: 500)
                out.append(contentsOf: pieces.dropFirst())
            } else {
                out.append(c)
            }
            previous = c
        }
        return out
    }

    /// Any shape with its long edges split the same way.
    static func densifiedShape(_ shape: Shape) -> Shape {
        switch shape {
        case .polygon(let rings): return .polygon(rings.map(densify))
        case .multiPolygon(let polygons): return .multiPolygon(polygons.map { $0.map(densify) })
        case .geometryCollection(let parts): return .multiPolygon(parts.flatMap(\.polygons).map { $0.map(densify) })
        default: return shape
        }
    }

    /// True when `p` lies inside the polygon (even-odd over shell and holes).
    static func contains(_ polygon: [[Coordinate]], _ p: Coordinate) -> Bool {
        PlanarGeometry.contains(polygon, p)
    }
}

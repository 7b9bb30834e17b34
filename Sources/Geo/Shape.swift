/// A geometry as plain Swift values: what GeoJSON and WKT describe, with no C library behind it.
/// Rings are closed (first coordinate repeated last) when they come from a valid source; `Geometry(_:)`
/// hands them to GEOS as they are, so an unclosed ring becomes a GEOS error rather than a silent fix.
public indirect enum Shape: Hashable, Sendable {
    case point(Coordinate)
    case lineString([Coordinate])
    /// The exterior ring first, then the holes.
    case polygon([[Coordinate]])
    case multiPoint([Coordinate])
    case multiLineString([[Coordinate]])
    case multiPolygon([[[Coordinate]]])
    case geometryCollection([Shape])

    /// Every coordinate, in storage order.
    public var coordinates: [Coordinate] {
        switch self {
        case .point(let c): return [c]
        case .lineString(let cs), .multiPoint(let cs): return cs
        case .polygon(let rings), .multiLineString(let rings): return rings.flatMap { $0 }
        case .multiPolygon(let polygons): return polygons.flatMap { $0.flatMap { $0 } }
        case .geometryCollection(let parts): return parts.flatMap(\.coordinates)
        }
    }

    /// The same shape with every coordinate sequence passed through `transform`, which must return
    /// as many coordinates as it is given (a projection does).
    public func mapSequences(_ transform: ([Coordinate]) throws -> [Coordinate]) rethrows -> Shape {
        switch self {
        case .point(let c): return .point(try transform([c])[0])
        case .lineString(let cs): return .lineString(try transform(cs))
        case .multiPoint(let cs): return .multiPoint(try transform(cs))
        case .polygon(let rings): return .polygon(try rings.map(transform))
        case .multiLineString(let lines): return .multiLineString(try lines.map(transform))
        case .multiPolygon(let polygons): return .multiPolygon(try polygons.map { try $0.map(transform) })
        case .geometryCollection(let parts): return .geometryCollection(try parts.map { try $0.mapSequences(transform) })
        }
    }

    /// The same shape with each coordinate passed through `transform`.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Shape {
        try mapSequences { try $0.map(transform) }
    }

    /// The polygons of a Polygon or MultiPolygon (each as rings), none for other shapes.
    public var polygons: [[[Coordinate]]] {
        switch self {
        case .polygon(let rings): return [rings]
        case .multiPolygon(let polygons): return polygons
        case .geometryCollection(let parts): return parts.flatMap(\.polygons)
        default: return []
        }
    }

    /// The lines of a LineString or MultiLineString, none for other shapes.
    public var lines: [[Coordinate]] {
        switch self {
        case .lineString(let cs): return [cs]
        case .multiLineString(let lines): return lines
        case .geometryCollection(let parts): return parts.flatMap(\.lines)
        default: return []
        }
    }
}

import CPROJ

/// The solution of the inverse geodesic problem between two points.
public struct GeodesicInverse: Hashable, Sendable {
    /// Distance along the geodesic, metres.
    public var distance: Double
    /// Forward azimuth at the first point, degrees clockwise from north.
    public var azimuth1: Double
    /// Forward azimuth at the second point (the direction of travel there), degrees.
    public var azimuth2: Double
}

/// Geodesics on an ellipsoid, through PROJ's `geod_*` functions (Karney's GeographicLib algorithms,
/// accurate to about 15 nanometres). All coordinates are longitude, latitude in degrees.
///
/// A `Geodesic` is an immutable value: its C struct is written once by `geod_init` and only read after,
/// so one value serves every thread.
public struct Geodesic: Sendable {
    private let g: geod_geodesic

    /// An ellipsoid of equatorial radius `a` metres and flattening `f`.
    public init(equatorialRadius a: Double, flattening f: Double) {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        self.g = g
    }

    /// The WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563).
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// Distance and azimuths from `a` to `b`. See `geod_inverse`.
    public func inverse(_ a: Coordinate, _ b: Coordinate) -> GeodesicInverse {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: g) { geod_inverse($0, a.latitude, a.longitude, b.latitude, b.longitude, &s12, &azi1, &azi2) }
        return GeodesicInverse(distance: s12, azimuth1: azi1, azimuth2: azi2)
    }

    /// Distance from `a` to `b`, metres.
    public func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        var s12 = 0.0
        withUnsafePointer(to: g) { geod_inverse($0, a.latitude, a.longitude, b.latitude, b.longitude, &s12, nil, nil) }
        return s12
    }

    /// The point `distance` metres from `start` along `azimuth`, and the azimuth of travel there.
    /// See `geod_direct`.
    public func direct(from start: Coordinate, azimuth: Double, distance: Double) -> (point: Coordinate, azimuth: Double) {
        var lat = 0.0, lon = 0.0, azi2 = 0.0
        withUnsafePointer(to: g) { geod_direct($0, start.latitude, start.longitude, azimuth, distance, &lat, &lon, &azi2) }
        return (Coordinate(longitude: lon, latitude: lat), azi2)
    }

    /// Points along the geodesic from `a` to `b`, both ends included, no two more than `maxSpacing`
    /// metres apart. See `geod_inverseline` and `geod_position`.
    public func line(from a: Coordinate, to b: Coordinate, maxSpacing: Double) -> [Coordinate] {
        precondition(maxSpacing > 0, "maxSpacing must be positive")
        var line = geod_geodesicline()
        withUnsafePointer(to: g) { geod_inverseline(&line, $0, a.latitude, a.longitude, b.latitude, b.longitude, 0) }
        let total = line.s13
        let steps = max(1, Int((total / maxSpacing).rounded(.up)))
        var points = [a]
        points.reserveCapacity(steps + 1)
        for i in 1..<steps {
            var lat = 0.0, lon = 0.0
            geod_position(&line, total * Double(i) / Double(steps), &lat, &lon, nil)
            points.append(Coordinate(longitude: lon, latitude: lat))
        }
        points.append(b)
        return points
    }

    /// Area (m², positive for counter-clockwise rings) and perimeter (m) of one ring whose edges are
    /// geodesics. The closing vertex may be repeated or not. See `geod_polygonarea`.
    public func ringArea(_ ring: [Coordinate]) -> (area: Double, perimeter: Double) {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return (0, 0) }
        var lats = points.map(\.latitude)
        var lons = points.map(\.longitude)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: g) { geod_polygonarea($0, &lats, &lons, Int32(points.count), &area, &perimeter) }
        return (area, perimeter)
    }

    /// Area in m² of a polygonal shape on the ellipsoid: each shell less its holes, whatever the rings'
    /// winding. Lines and points have no area.
    public func area(of shape: Shape) -> Double {
        shape.polygons.reduce(0) { total, rings in
            guard let shell = rings.first else { return total }
            let holes = rings.dropFirst().reduce(0) { $0 + abs(ringArea($1).area) }
            return total + abs(ringArea(shell).area) - holes
        }
    }

    /// Area in m² of a geometry on the ellipsoid.
    public func area(of geometry: Geometry) -> Double {
        area(of: geometry.shape)
    }

    /// Length in m of a line's geodesic edges (perimeter for polygons).
    public func length(of shape: Shape) -> Double {
        let sequences: [[Coordinate]] = shape.lines + shape.polygons.flatMap { $0 }
        return sequences.reduce(0) { total, cs in
            zip(cs, cs.dropFirst()).reduce(total) { $0 + distance($1.0, $1.1) }
        }
    }
}

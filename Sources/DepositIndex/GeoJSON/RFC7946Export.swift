import Geo

// Shapes made ready for map viewers, which draw every edge as a straight line in longitude/latitude and
// cannot draw across the antimeridian (RFC 7946 §3.1.9).

extension Shape {
    /// The same shape with a point inserted along the geodesic wherever an edge is longer than
    /// `maxEdgeLength` metres, so a viewer drawing straight lines shows the geodesic edges we measure on.
    public func densified(maxEdgeLength: Double) -> Shape {
        mapSequences { sequence in
            guard sequence.count > 1 else { return sequence }
            var out = [sequence[0]]
            out.reserveCapacity(sequence.count)
            for (a, b) in zip(sequence, sequence.dropFirst()) {
                // A short edge comes back as its two ends: one inverse solution either way.
                out += Geodesic.wgs84.line(from: a, to: b, maxSpacing: maxEdgeLength).dropFirst()
            }
            return out
        }
    }

    /// The same shape cut where it crosses the antimeridian (a step of more than 180° in longitude),
    /// each piece on its own side: lines become MultiLineStrings, polygons MultiPolygons.
    public func splitAtAntimeridian() throws -> Shape {
        switch self {
        case .point, .multiPoint:
            return self
        case .lineString(let cs):
            let pieces = Shape.splitLine(cs)
            return pieces.count == 1 ? .lineString(pieces[0]) : .multiLineString(pieces)
        case .multiLineString(let lines):
            let pieces = lines.flatMap(Shape.splitLine)
            return pieces.count == lines.count ? self : .multiLineString(pieces)
        case .polygon(let rings):
            let pieces = try Shape.splitPolygon(rings)
            return pieces.count == 1 ? .polygon(pieces[0]) : .multiPolygon(pieces)
        case .multiPolygon(let polygons):
            let pieces = try polygons.flatMap(Shape.splitPolygon)
            return pieces.count == polygons.count ? .multiPolygon(pieces) : .multiPolygon(pieces)
        case .geometryCollection(let parts):
            return .geometryCollection(try parts.map { try $0.splitAtAntimeridian() })
        }
    }

    private static func crossesAntimeridian(_ a: Coordinate, _ b: Coordinate) -> Bool {
        abs(b.longitude - a.longitude) > 180
    }

    private static func splitLine(_ cs: [Coordinate]) -> [[Coordinate]] {
        guard cs.count > 1 else { return [cs] }
        var pieces = [[Coordinate]]()
        var current = [cs[0]]
        for (a, b) in zip(cs, cs.dropFirst()) {
            if crossesAntimeridian(a, b) {
                // Unwrap b next to a, then find where the edge meets ±180°. Edges are short after
                // densification, so the meeting latitude is interpolated along the edge.
                let eastward = b.longitude < a.longitude
                let bx = eastward ? b.longitude + 360 : b.longitude - 360
                let edge = eastward ? 180.0 : -180.0
                let t = (edge - a.longitude) / (bx - a.longitude)
                let latitude = a.latitude + t * (b.latitude - a.latitude)
                current.append(Coordinate(longitude: edge, latitude: latitude))
                pieces.append(current)
                current = [Coordinate(longitude: -edge, latitude: latitude)]
            }
            current.append(b)
        }
        pieces.append(current)
        return pieces
    }

    /// Unwraps the polygon to continuous longitudes, then cuts it along the meridians ±180° and moves
    /// each piece back into [-180, 180]. The cut follows a meridian, which is itself a geodesic.
    private static func splitPolygon(_ rings: [[Coordinate]]) throws -> [[[Coordinate]]] {
        guard let shell = rings.first, shell.count > 1,
              zip(shell, shell.dropFirst()).contains(where: { crossesAntimeridian($0, $1) }) else { return [rings] }
        func unwrap(_ ring: [Coordinate], from start: Double) -> [Coordinate] {
            var out = [Coordinate]()
            var previous = start
            for c in ring {
                var x = c.longitude
                while x - previous > 180 { x -= 360 }
                while x - previous < -180 { x += 360 }
                out.append(Coordinate(longitude: x, latitude: c.latitude))
                previous = x
            }
            return out
        }
        let unwrapped = rings.map { unwrap($0, from: shell[0].longitude) }
        let polygon = try Geometry(.polygon(unwrapped))
        var pieces = [[[Coordinate]]]()
        for shift in [-360.0, 0, 360] {
            let window = try Geometry(.polygon([[
                Coordinate(x: -180 + shift, y: -90), Coordinate(x: 180 + shift, y: -90),
                Coordinate(x: 180 + shift, y: 90), Coordinate(x: -180 + shift, y: 90), Coordinate(x: -180 + shift, y: -90),
            ]]))
            let piece = try polygon.intersection(window)
            for part in piece.shape.polygons where !part.isEmpty {
                pieces.append(part.map { ring in ring.map { Coordinate(longitude: $0.longitude - shift, latitude: $0.latitude) } })
            }
        }
        return pieces
    }

    /// The shape ready for RFC 7946 GeoJSON: long edges densified along the geodesic, cut at the
    /// antimeridian, exterior rings counter-clockwise and holes clockwise.
    public func preparedForRFC7946(maxEdgeLength: Double = 10_000) throws -> Shape {
        try densified(maxEdgeLength: maxEdgeLength).splitAtAntimeridian().woundForRFC7946()
    }
}

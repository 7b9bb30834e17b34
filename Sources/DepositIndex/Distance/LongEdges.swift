import Geo

/// Cutting long geodesic edges at points of their own geodesics (`Geodesic.line`,
/// `Sources/Geo/Geodesic.swift`): the line is the same curve, but no edge is long enough to escape the
/// bounds of `Cartesian` (edges up to 500 km) or to bend far from its straight image in a query's planes.
enum LongEdges {
    /// `line` with every edge whose chord exceeds `limit` metres cut into pieces of at most 0.9 × `limit`
    /// along its geodesic; nil when no edge is that long.
    static func split(_ line: ArraySlice<Coordinate>, over limit: Double) -> [Coordinate]? {
        guard zip(line, line.dropFirst()).contains(where: { isLong($0, $1, limit) }) else { return nil }
        var out = [Coordinate]()
        for (a, b) in zip(line, line.dropFirst()) {
            out.append(contentsOf: isLong(a, b, limit) ? Geodesic.wgs84.line(from: a, to: b, maxSpacing: limit * 0.9).dropLast() : [a])
        }
        if let last = line.last { out.append(last) }
        return out
    }

    /// False when no edge of `line` can be longer than `limit`: its vertices' latitudes and (unwrapped)
    /// longitudes each span at most `limit`/224 km degrees, so every edge is short by `isLong`'s rule.
    static func mayHaveLong(_ line: ArraySlice<Coordinate>, over limit: Double) -> Bool {
        guard let first = line.first else { return false }
        let degrees = limit / 224_000
        var minY = first.latitude, maxY = first.latitude, lon = 0.0, minX = 0.0, maxX = 0.0, previous = first
        for c in line.dropFirst() {
            minY = min(minY, c.latitude); maxY = max(maxY, c.latitude)
            let step = c.longitude - previous.longitude
            // A step beyond `degrees` either way needs the careful test (and the wrap) anyway.
            if abs(step) > degrees { return true }
            lon += step
            minX = min(minX, lon); maxX = max(maxX, lon)
            previous = c
        }
        return maxY - minY > degrees || maxX - minX > degrees
    }

    /// An edge within `limit`/224 km degrees both ways is at most `limit` long (a meridian step and a
    /// parallel step of at most 111.7 km per degree); only larger steps are measured.
    private static func isLong(_ a: Coordinate, _ b: Coordinate, _ limit: Double) -> Bool {
        let degrees = limit / 224_000
        if abs(a.latitude - b.latitude) <= degrees && abs(EdgeEnvelope.wrappedDelta(a.longitude - b.longitude)) <= degrees { return false }
        return Cartesian(a).chord(to: Cartesian(b)) > limit
    }
}

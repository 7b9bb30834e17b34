import Geo

/// The rings and lines as written: closed, long enough, no repeated positions, wound as RFC 7946 asks.
enum RingChecks {
    /// Reports on the rings as written; true when every ring has three distinct corners and every line
    /// two positions, so that GEOS can build the geometry (with unclosed rings closed) for the topology checks.
    /// - Parameter measures: the rings' areas, measured with unclosed rings closed.
    static func check(_ shape: Shape, measures: RingMeasures, into sink: inout ProblemSink) -> Bool {
        var buildable = true
        for (p, polygon) in shape.polygons.enumerated() {
            if polygon.isEmpty {
                sink.add(.emptyGeometry, "polygon \(p + 1) has no rings")
                buildable = false
            }
            for (r, ring) in polygon.enumerated() {
                let at = RingPosition(part: p, ring: r)
                if !checkRing(ring, at, measured: measures.ring(p, r), into: &sink) { buildable = false }
            }
        }
        for (l, line) in shape.lines.enumerated() {
            let distinct = distinctCount(line)
            if distinct < 2 {
                sink.add(.tooFewPoints, at: line.first, ring: RingPosition(part: l, ring: 0),
                         "line \(l + 1) has \(distinct) distinct position\(distinct == 1 ? "" : "s"); a line needs two")
                buildable = false
            }
            repeated(line, RingPosition(part: l, ring: 0), into: &sink)
        }
        return buildable
    }

    private static func checkRing(_ ring: [Coordinate], _ at: RingPosition, measured: (area: Double, perimeter: Double)?,
                                  into sink: inout ProblemSink) -> Bool {
        guard let first = ring.first, let last = ring.last else {
            sink.add(.tooFewPoints, ring: at, "\(at) has no positions")
            return false
        }
        let closed = first == last
        if !closed {
            sink.add(.ringNotClosed, at: last, ring: at,
                     "\(at) ends at \(CoordinateFormat.pair(last)), not at its first position \(CoordinateFormat.pair(first))")
        }
        let distinct = distinctCount(closed ? Array(ring.dropLast()) : ring)
        if distinct < 3 {
            sink.add(.tooFewPoints, at: first, ring: at,
                     "\(at) has \(distinct) distinct corner\(distinct == 1 ? "" : "s"); a ring needs at least three and the closing position")
        }
        repeated(ring, at, into: &sink)
        if distinct >= 3, let signed = measured?.area {
            if signed != 0 && (signed > 0) != (at.ring == 0) {
                let turn = signed > 0 ? "counter-clockwise" : "clockwise"
                sink.add(.wrongWinding, at: first, ring: at,
                         "\(at) runs \(turn); RFC 7946 wants exterior rings counter-clockwise and holes clockwise")
            }
        }
        // Unclosed rings are closed before GEOS sees them (see `closed`), so only too few corners stop the topology checks.
        return distinct >= 3
    }

    /// The shape with every ring that does not end where it starts closed by repeating its first position.
    static func closed(_ shape: Shape) -> Shape {
        func close(_ ring: [Coordinate]) -> [Coordinate] {
            guard let first = ring.first, ring.last != first else { return ring }
            return ring + [first]
        }
        switch shape {
        case .polygon(let rings): return .polygon(rings.map(close))
        case .multiPolygon(let polygons): return .multiPolygon(polygons.map { $0.map(close) })
        default: return shape
        }
    }

    private static func repeated(_ cs: [Coordinate], _ at: RingPosition, into sink: inout ProblemSink) {
        guard cs.count > 1 else { return }
        for i in 1..<cs.count where cs[i] == cs[i - 1] {
            sink.add(.repeatedPoints, at: cs[i], ring: at, "positions \(i) and \(i + 1) of \(at) are the same point")
        }
    }

    /// Different points among the positions.
    static func distinctCount(_ cs: [Coordinate]) -> Int {
        Set(cs).count
    }
}

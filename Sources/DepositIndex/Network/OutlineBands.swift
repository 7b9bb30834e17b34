import Geo

/// A country outline prepared for many point-in-outline tests: its edges sorted into bands of latitude,
/// so a test reads only the edges that can cross the rightward ray from the point.
///
/// The answer is `RegionRings.containsSplittingNear` on each polygon (even-odd over shell and holes, long
/// edges split along their geodesic near the point): an edge whose latitude span, bow included
/// (`EdgeEnvelope`), does not reach the point's latitude never toggles that test, so leaving it out of
/// the band changes nothing.
struct OutlineBands: Sendable {
    static let bandDegrees = 0.02

    private struct EdgeRef: Sendable {
        var polygon: Int32
        var a: Coordinate
        var b: Coordinate
    }

    private let minLatitude: Double
    private let bands: [[EdgeRef]]
    private let box: Envelope
    private let polygonCount: Int

    init(_ shape: Shape) {
        let polygons = shape.polygons
        polygonCount = polygons.count
        var box = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        var refs = [(EdgeRef, Double, Double)]()
        for (p, rings) in polygons.enumerated() {
            for ring in rings where ring.count >= 2 {
                for (a, b) in zip(ring, ring.dropFirst()) {
                    let e = EdgeEnvelope.of(a, b)
                    box = Envelope(minX: min(box.minX, e.minX), minY: min(box.minY, e.minY),
                                   maxX: max(box.maxX, e.maxX), maxY: max(box.maxY, e.maxY))
                    refs.append((EdgeRef(polygon: Int32(p), a: a, b: b), e.minY - 1e-9, e.maxY + 1e-9))
                }
            }
        }
        self.box = box
        let minLatitude = box.minY.isFinite ? box.minY - 1e-6 : 0
        self.minLatitude = minLatitude
        let count = box.minY.isFinite ? Int(((box.maxY - minLatitude) / Self.bandDegrees).rounded(.down)) + 2 : 0
        var bands = [[EdgeRef]](repeating: [], count: count)
        for (ref, lo, hi) in refs {
            for k in Self.band(lo, count, minLatitude)...Self.band(hi, count, minLatitude) { bands[k].append(ref) }
        }
        self.bands = bands
    }

    private static func band(_ latitude: Double, _ count: Int, _ minLatitude: Double) -> Int {
        min(count - 1, max(0, Int(((latitude - minLatitude) / Self.bandDegrees).rounded(.down))))
    }

    /// True when `p` lies inside the outline.
    func contains(_ p: Coordinate) -> Bool {
        guard !bands.isEmpty, p.y >= box.minY, p.y <= box.maxY, p.x >= box.minX - 1e-9, p.x <= box.maxX + 1e-9 else { return false }
        var inside = [Bool](repeating: false, count: polygonCount)
        func toggle(_ polygon: Int, _ a: Coordinate, _ b: Coordinate) {
            // `a` is the later vertex, as `RegionRings.containsSplittingNear` takes them.
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside[polygon].toggle() }
        }
        for ref in bands[Self.band(p.y, bands.count, minLatitude)] {
            let polygon = Int(ref.polygon), previous = ref.a, c = ref.b
            let span = max(abs(c.x - previous.x), abs(c.y - previous.y))
            if span > RegionRings.maximumEdgeDegrees && Self.mayBow(previous, c, near: p) {
                let pieces = Geodesic.wgs84.line(from: previous, to: c, maxSpacing: 500)
                for (a, b) in zip(pieces, pieces.dropFirst()) { toggle(polygon, b, a) }
            } else {
                toggle(polygon, c, previous)
            }
        }
        return inside.contains(true)
    }

    /// True unless `p` lies clear of every piece the edge `a`–`b` splits into.
    private static func mayBow(_ a: Coordinate, _ b: Coordinate, near p: Coordinate) -> Bool {
        if abs(b.x - a.x) >= 180 { return true }
        let box = EdgeEnvelope.of(a, b)
        let slack = 1e-9
        return p.x >= min(a.x, b.x) - slack && p.x <= max(a.x, b.x) + slack && p.y >= box.minY - slack && p.y <= box.maxY + slack
    }
}

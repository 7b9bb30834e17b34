import Foundation
import Geo

/// Lines cut into short pieces filed by one-degree cell, to answer "which line is nearest to this point,
/// and how far, in metres on WGS84" without measuring against every line.
///
/// Distances are geodesic: the candidate pieces are projected into an azimuthal equidistant plane centred
/// on the query point (where distances from the centre are exact), the nearest point is found there, and
/// the distance is then measured from the query point to that point with `Geodesic.wgs84`.
struct LineIndex {
    struct Piece {
        let owner: Int
        let coordinates: [Coordinate]
        let box: Envelope
    }

    struct Hit {
        /// Index of the line as given to `init`.
        let owner: Int
        /// Geodesic distance, metres.
        let distance: Double
        let point: Coordinate
    }

    private var pieces = [Piece]()
    private var cells = [Cell: [Int]]()

    private struct Cell: Hashable { let x: Int, y: Int }

    /// - Parameter lines: each line's coordinates; its position in the array is its `owner`.
    init(lines: [[Coordinate]]) {
        for (owner, line) in lines.enumerated() {
            var start = 0
            while start < line.count - 1 {
                let end = min(start + 32, line.count - 1)
                let piece = Array(line[start...end])
                guard let box = Envelope(covering: piece) else { break }
                let index = pieces.count
                pieces.append(Piece(owner: owner, coordinates: piece, box: box))
                for x in Int(box.minX.rounded(.down))...Int(box.maxX.rounded(.down)) {
                    for y in Int(box.minY.rounded(.down))...Int(box.maxY.rounded(.down)) {
                        cells[Cell(x: x, y: y), default: []].append(index)
                    }
                }
                start = end
            }
        }
    }

    /// The nearest line within `radius` metres of `point` whose owner's name (in `owners`) is not `excluded`.
    func nearest(to point: Coordinate, within radius: Double, excluding excluded: String, owners: [String]) throws -> Hit? {
        try nearest(to: point, within: radius, accept: { owners[$0] != excluded })
    }

    /// The nearest line within `radius` metres of `point`, or nil when none is that close.
    func nearest(to point: Coordinate, within radius: Double, accept: (Int) -> Bool = { _ in true }) throws -> Hit? {
        // A box a little larger than the radius in degrees; the exact test is the geodesic one below.
        let dLat = radius / 110_000 * 1.05
        let dLon = radius / (111_000 * cos(point.latitude * .pi / 180)) * 1.05
        let box = Envelope(minX: point.x - dLon, minY: point.y - dLat, maxX: point.x + dLon, maxY: point.y + dLat)
        var candidates = Set<Int>()
        for x in Int(box.minX.rounded(.down))...Int(box.maxX.rounded(.down)) {
            for y in Int(box.minY.rounded(.down))...Int(box.maxY.rounded(.down)) {
                for i in cells[Cell(x: x, y: y)] ?? [] where pieces[i].box.intersects(box) && accept(pieces[i].owner) { candidates.insert(i) }
            }
        }
        if candidates.isEmpty { return nil }
        let plane = try LocalProjection.centered(on: point, kind: .azimuthalEquidistant)
        var best: (owner: Int, squared: Double, point: Coordinate)?
        for i in candidates.sorted() {
            let projected = try plane.forward(pieces[i].coordinates)
            for (a, b) in zip(projected, projected.dropFirst()) {
                let q = LineIndex.closestPointToOrigin(a, b)
                let squared = q.x * q.x + q.y * q.y
                if best == nil || squared < best!.squared { best = (pieces[i].owner, squared, q) }
            }
        }
        guard let best else { return nil }
        let nearest = try plane.inverse(best.point)
        let distance = Geodesic.wgs84.distance(point, nearest)
        return distance <= radius ? Hit(owner: best.owner, distance: distance, point: nearest) : nil
    }

    /// The point of segment a–b nearest to (0, 0), in the plane.
    private static func closestPointToOrigin(_ a: Coordinate, _ b: Coordinate) -> Coordinate {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        guard lengthSquared > 0 else { return a }
        let t = max(0, min(1, -(a.x * dx + a.y * dy) / lengthSquared))
        return Coordinate(x: a.x + t * dx, y: a.y + t * dy)
    }
}

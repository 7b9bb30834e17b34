import Foundation
import Geo

/// Points filed by one-degree cell, to find the nearest one to a place by geodesic distance.
struct PointIndex {
    private let points: [Coordinate]
    private let cellSize: Double
    private var cells = [Int: [Int]]()

    /// - Parameter cellSize: cell side in degrees; about the search radius suits best.
    init(_ points: [Coordinate], cellSize: Double = 1) {
        self.points = points
        self.cellSize = cellSize
        for (i, p) in points.enumerated() { cells[PointIndex.key(cell(p.x), cell(p.y)), default: []].append(i) }
    }

    private func cell(_ degrees: Double) -> Int { Int((degrees / cellSize).rounded(.down)) }

    /// The index of the nearest point within `radius` metres and its geodesic distance; ties go to the
    /// lower index, so the answer does not depend on hashing order.
    func nearest(to c: Coordinate, within radius: Double, where accept: (Int) -> Bool = { _ in true }) -> (index: Int, distance: Double)? {
        let dLat = radius / 110_000 * 1.05
        let dLon = radius / (111_000 * cos(c.latitude * .pi / 180)) * 1.05
        var best: (index: Int, distance: Double)?
        for x in cell(c.x - dLon)...cell(c.x + dLon) {
            for y in cell(c.y - dLat)...cell(c.y + dLat) {
                for i in cells[PointIndex.key(x, y)] ?? [] where accept(i) {
                    let d = Geodesic.wgs84.distance(c, points[i])
                    if d <= radius, best == nil || d < best!.distance || (d == best!.distance && i < best!.index) { best = (i, d) }
                }
            }
        }
        return best
    }

    private static func key(_ x: Int, _ y: Int) -> Int { (x + 100_000) * 1_000_000 + (y + 100_000) }
}

import Foundation
import Geo

/// Kazakhstan's subsoil code grants exploration licences over blocks of 1 by 1 arc-minutes, so a deposit
/// whose licence outline is not public is drawn as the blocks covering its published extent.
enum SubsoilBlocks {
    /// A block by the arc-minute indices of its south-west corner (latitude·60, longitude·60).
    struct Block: Hashable, Comparable {
        let row: Int
        let column: Int

        static func < (a: Block, b: Block) -> Bool { (a.row, a.column) < (b.row, b.column) }

        var ring: [Coordinate] {
            let s = Double(row) / 60, n = Double(row + 1) / 60, w = Double(column) / 60, e = Double(column + 1) / 60
            return [Coordinate(x: w, y: s), Coordinate(x: e, y: s), Coordinate(x: e, y: n), Coordinate(x: w, y: n), Coordinate(x: w, y: s)]
        }
    }

    /// The blocks whose interior meets the box (degrees). A box edge that falls on a grid line, as the
    /// edges of a point published to whole arc-minutes do, does not pull in the block beyond it.
    static func covering(south: Double, west: Double, north: Double, east: Double) -> [Block] {
        // Within 1e-4 arc-minute (0.2 m) counts as on the grid line: whole minutes written as decimal degrees
        // to six places (47.766667) miss the line by up to 3e-5 arc-minute.
        let slack = 1e-4
        let firstRow = Int((south * 60 + slack).rounded(.down)), lastRow = max(firstRow, Int((north * 60 - slack).rounded(.up)) - 1)
        let firstColumn = Int((west * 60 + slack).rounded(.down)), lastColumn = max(firstColumn, Int((east * 60 - slack).rounded(.up)) - 1)
        return (firstRow...lastRow).flatMap { r in (firstColumn...lastColumn).map { Block(row: r, column: $0) } }
    }

    /// The blocks covering a point published to `resolution` arc-seconds: the square of that side around it.
    static func covering(_ point: Coordinate, resolutionArcsec resolution: Double) -> [Block] {
        let half = resolution / 7200
        return covering(south: point.latitude - half, west: point.longitude - half, north: point.latitude + half, east: point.longitude + half)
    }

    /// The blocks merged into one polygon (or several, if they do not touch). See `GEOSUnaryUnion_r`.
    static func footprint(_ blocks: [Block]) throws -> Shape {
        let polygons = try blocks.sorted().map { try Geometry(.polygon([$0.ring])) }
        let merged = try Geometry.union(polygons)
        guard merged.isValid else { throw BuildError("merged subsoil blocks are invalid: \(merged.wkt)") }
        return merged.shape
    }
}

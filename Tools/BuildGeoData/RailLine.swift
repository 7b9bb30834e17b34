import DepositIndex
import Geo

/// One rail feature before it is written: Natural Earth line or station chain.
struct RailLine {
    let id: String
    let lines: [[Coordinate]]
    let status: String
    let geometrySource: String
    let source: String
    let accuracy: String
    /// Given for chains (their own name); Natural Earth lines are named from their end stations.
    var name: String?
    var naturalEarth: (rwdbID: Int, multTrack: Int?, electric: Int?)?
    /// The OSM stations a chain runs through, in order.
    var viaStations: [String] = []

    var shape: Shape { lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines) }

    /// The two ends: first point of the first part, last point of the last part.
    var ends: (Coordinate, Coordinate) { (lines.first!.first!, lines.last!.last!) }
}

import DepositIndex
import Geo

/// One rail feature before it is written: Natural Earth line or station chain.
struct RailLine {
    /// The statuses a line may have: `operating` (open to traffic), `under_construction`, `planned`.
    static let statuses = ["operating", "under_construction", "planned"]

    let id: String
    private(set) var lines: [[Coordinate]]
    let status: String
    let geometrySource: String
    let source: String
    let accuracy: String
    /// Given for chains (their own name); Natural Earth lines are named from their end stations.
    var name: String?
    var naturalEarth: (rwdbID: Int, multTrack: Int?, electric: Int?)?
    /// The OSM stations a chain runs through, in order.
    var viaStations: [String] = []
    /// The year (or year and month) the line opened or is due to open, as its source gives it.
    var openedOrDue: String?
    /// The length a public source gives for the whole line, km.
    var publishedLengthKm: Double?
    /// What the source of a chain says about how it was put together (inferred links and the like).
    var note: String?

    var shape: Shape { lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines) }

    /// The two ends: first point of the first part, last point of the last part.
    var ends: (Coordinate, Coordinate) { (lines.first!.first!, lines.last!.last!) }

    /// The same line with other geometry.
    init(copying other: RailLine, lines: [[Coordinate]]) {
        self = other
        self.lines = lines
    }

    init(id: String, lines: [[Coordinate]], status: String, geometrySource: String, source: String, accuracy: String) {
        self.id = id; self.lines = lines; self.status = status; self.geometrySource = geometrySource
        self.source = source; self.accuracy = accuracy
    }

    var isOperating: Bool { status == "operating" }
}

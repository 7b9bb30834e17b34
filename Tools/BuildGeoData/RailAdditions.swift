import DepositIndex
import Geo

/// The lines of `raw/rail_additions_kz.csv` (issue 12): rail lines missing from Natural Earth, each an ordered
/// chain of OSM station nodes with its status, opening year, published length and sources. They are drawn as
/// the other station chains are (geodesics from station to station, densified); the ends of every chain,
/// these and those of `sources/rail_chains.csv`, are checked against the rest of the rail layer and joined
/// to it where they are junctions drawn beside the line they join (`joined`).
enum RailAdditions {
    /// A chain end this close (geodesic) to a vertex of another line meets it: the network joins line ends
    /// within 100 m by default (README, "The rail network").
    static let meetTolerance = 100.0
    /// An end station farther than `meetTolerance` from every other line's vertex, but within this reach of
    /// one, is the junction the chain runs into, drawn beside the generalised Natural Earth line it joins
    /// (Natural Earth runs 0.2–1 km off the track at most stations, and several km at Beineu, Borzhakty and
    /// Uzen, where it is most generalised): the chain is extended from the station to that vertex by a
    /// geodesic, a connector listed in the build report and in the line's `note`. Farther than this, the
    /// end is left as it is and listed (a terminus, or a link this data cannot draw: Kurkol and Mai,
    /// 25–27 km from any line).
    static let connectorReach = 7_000.0

    /// What the build report says of one added line.
    struct Check {
        let line: RailLine
        let stations: [OSMStation]
        let lengthKm: Double
        /// Each end: the station there, the nearest vertex of another line and the nearest point of any
        /// other line, with their geodesic distances (nil when none within 50 km).
        let ends: [End]

        struct End {
            let station: OSMStation
            let nearestVertex: (lineID: String, distance: Double)?
            let nearestLine: (lineID: String, distance: Double)?
            var meets: Bool { (nearestVertex?.distance ?? .infinity) <= RailAdditions.meetTolerance }
            /// The end is extended to the nearest vertex by a connector.
            var joinedByConnector: Bool { !meets && (nearestVertex?.distance ?? .infinity) <= RailAdditions.connectorReach }
        }
    }

    static func lines(from table: CSVTable, directory: StationDirectory) throws -> [RailLine] {
        try table.rows.map { row in
            let context = "\(table.name) line \(row.line)"
            let lineID = try table.value("line_id", in: row)
            let status = try table.value("status", in: row)
            guard RailLine.statuses.contains(status) else {
                throw BuildError("\(context): status \(status) is not one of \(RailLine.statuses.joined(separator: ", "))")
            }
            let ids = try table.value("station_osm_ids", in: row).split(separator: " ").map(String.init)
            let via = try ids.map { try directory.station($0, context: "\(context) (\(lineID))") }
            guard via.count >= 2 else { throw BuildError("\(context): \(lineID) needs at least two stations") }
            let published = try table.value("length_published_km", in: row)
            guard published.isEmpty || Double(published) != nil else { throw BuildError("\(context): length_published_km \(published) is not a number") }
            let spacings = zip(via, via.dropFirst()).map { Geodesic.wgs84.distance($0.coordinate, $1.coordinate) / 1000 }
            let accuracy = "station chain: straight geodesics between successive OSM station nodes "
                + "\(Int(spacings.min()!.rounded()))–\(Int(spacings.max()!.rounded())) km apart; the track can lie several km off the chain between stations"
            let source = try table.value("source", in: row)
            var line = RailLine(id: "rail-\(lineID)", lines: [RailChains.geodesicChain(through: via)], status: status, geometrySource: "station_chain",
                                source: "\(source). Line, stations and status from raw/rail_additions_kz.csv (issue 12); geometry: OpenStreetMap railway station nodes (© OpenStreetMap contributors, ODbL) via njfinney/Asia_Railway_Calculator",
                                accuracy: accuracy)
            line.name = try table.value("name", in: row).replacingOccurrences(of: " - ", with: " – ")
            line.viaStations = via.map(\.featureID)
            let opened = try table.value("opened_or_due", in: row)
            line.openedOrDue = opened.isEmpty ? nil : opened
            line.publishedLengthKm = Double(published)
            let note = try table.value("note", in: row)
            line.note = note.isEmpty ? nil : note
            return line
        }
    }

    /// The added lines with their ends checked against `existing` (the other lines of the layer) and, where an
    /// end is within `connectorReach` of a vertex but not within `meetTolerance`, extended to that vertex.
    static func joined(_ added: [RailLine], existing: [RailLine], directory: StationDirectory) throws -> (lines: [RailLine], checks: [Check]) {
        var vertices = [Coordinate](), vertexOwner = [String]()
        for o in existing { for part in o.lines { vertices += part; vertexOwner += Array(repeating: o.id, count: part.count) } }
        // A line is never joined to itself.
        let vertexIndex = PointIndex(vertices, cellSize: 0.5)
        let lineIndex = LineIndex(lines: existing.flatMap(\.lines))
        let lineOwner = existing.flatMap { o in o.lines.map { _ in o.id } }
        var lines = [RailLine](), checks = [Check]()
        for var line in added {
            let stations = try line.viaStations.map { try directory.station(String($0.dropFirst(4)), context: line.id) }
            var ends = [Check.End]()
            var coordinates = line.lines[0]
            var connectors = [String]()
            for (i, s) in [stations.first!, stations.last!].enumerated() {
                let vertex = vertexIndex.nearest(to: s.coordinate, within: 50_000, where: { vertexOwner[$0] != line.id })
                let nearestLine = try lineIndex.nearest(to: s.coordinate, within: 50_000, excluding: line.id, owners: lineOwner)
                let end = Check.End(station: s, nearestVertex: vertex.map { (vertexOwner[$0.index], $0.distance) },
                                    nearestLine: nearestLine.map { (lineOwner[$0.owner], $0.distance) })
                if end.joinedByConnector, let vertex {
                    let connector = Geodesic.wgs84.line(from: s.coordinate, to: vertices[vertex.index], maxSpacing: RailChains.maxVertexSpacing)
                    coordinates = i == 0 ? connector.reversed() + coordinates.dropFirst() : coordinates + connector.dropFirst()
                    connectors.append("\(s.name) joined to a vertex of \(vertexOwner[vertex.index]) \(Int(vertex.distance.rounded())) m away by a geodesic connector")
                }
                ends.append(end)
            }
            line = RailLine(copying: line, lines: [coordinates])
            if !connectors.isEmpty { line.note = ([line.note].compactMap { $0 } + connectors).joined(separator: "; ") }
            lines.append(line)
            checks.append(Check(line: line, stations: stations, lengthKm: Geodesic.wgs84.length(of: line.shape) / 1000, ends: ends))
        }
        return (lines, checks)
    }
}

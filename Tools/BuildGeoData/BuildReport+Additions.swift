import Foundation

extension BuildReport {
    /// The lines added from `raw/rail_additions_kz.csv`: stations, chain length against the published one,
    /// and whether each end meets the rest of the rail layer.
    var additionsText: String {
        guard !additions.isEmpty else { return "" }
        var out = "\n## Rail lines added from raw/rail_additions_kz.csv\n\n"
        out += "Each line is a chain of geodesics through its OSM stations (as the other station chains). Its length is the "
        out += "chain's geodesic length; a chord between stations runs shorter than the track, so the chain is expected to "
        out += "come out short of the published length. An end *meets* the network when it lies within "
        out += "\(Int(RailAdditions.meetTolerance)) m of a vertex of another line; an end station farther than that but within "
        out += "\(Int(RailAdditions.connectorReach)) m of one is a junction drawn beside the generalised line it joins, and the chain is "
        out += "extended to that vertex by a geodesic connector (included in the chain length). The stations are the OSM nodes "
        out += "the raw file names, each found in the OSM extract; their order and positions follow the route each row describes.\n\n"
        out += "| line | status | opened or due | stations | chain km | published km | difference |\n|---|---|---|---|---|---|---|\n"
        for c in additions {
            let published = c.line.publishedLengthKm
            let diff = published.map { p in
                "\(Rounding.places(c.lengthKm - p, 1)) km (\(Rounding.places((c.lengthKm - p) / p * 100, 1))%)"
            } ?? "no published length"
            out += "| \(c.line.id) \(c.line.name ?? "") | \(c.line.status) | \(c.line.openedOrDue ?? "unknown") | "
            out += c.stations.map { "\($0.name) (\($0.nodeID))" }.joined(separator: ", ")
            out += " | \(Rounding.places(c.lengthKm, 1)) | \(published.map { String($0) } ?? "–") | \(diff) |\n"
        }
        out += "\nEnds, of these lines and of the station chains of `sources/rail_chains.csv`, checked the same way:\n\n"
        out += "| line | end station | nearest vertex of another line | nearest other line | meets |\n|---|---|---|---|---|\n"
        for c in additions + chainJoins {
            for e in c.ends {
                let v = e.nearestVertex.map { "\($0.lineID), \(Int($0.distance.rounded())) m" } ?? "none within 50 km"
                let l = e.nearestLine.map { "\($0.lineID), \(Int($0.distance.rounded())) m" } ?? "none within 50 km"
                let meets = e.meets ? "yes" : e.joinedByConnector ? "joined by a connector to that vertex"
                    : "no: farther than \(Int(RailAdditions.connectorReach / 1000)) km from every other line, left as a line end (a terminus, or a link this data cannot draw; GeoData/README.md says which)"
                out += "| \(c.line.id) | \(e.station.name) (\(e.station.nodeID)) | \(v) | \(l) | \(meets) |\n"
            }
        }
        return out
    }
}

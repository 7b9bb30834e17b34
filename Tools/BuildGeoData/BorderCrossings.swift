import DepositIndex
import Geo

/// Where the rail layer crosses Kazakhstan's border, and the last Kazakh station before each crossing:
/// the candidates that `sources/gateways.csv` is checked against (build report, "Rail border crossings").
///
/// A crossing is a point where a line's sampled pieces (`LineCountries`) pass from Kazakhstan to another
/// country, inside one line or where a line in Kazakhstan ends on a line in another country. Its Kazakh
/// station is the station of the layer inside Kazakhstan nearest to the crossing (geodesic) within
/// `stationReach` among those whose nearest line is the crossing line (the last station on it before the
/// border); when the line has none, the nearest Kazakh station on any line, marked as such.
enum BorderCrossings {
    static let stationReach = 60_000.0

    struct Crossing {
        let point: Coordinate
        let lineID: String
        let country: String
        /// The Kazakh station nearest the crossing, with its distance; nil when none within reach.
        let station: (id: String, name: String, distance: Double)?
        /// The station lies on the crossing line (not only near the crossing).
        let onLine: Bool
    }

    static func find(rail: [RailLine], countries: LineCountries, stations: [Feature]) throws -> [Crossing] {
        var found = [(point: Coordinate, lineID: String, country: String)]()
        var endCountries = [Coordinate: [(lineID: String, country: String?)]]()
        for line in rail {
            for part in try countries.pieces(of: line.lines) where !part.isEmpty {
                for (p, q) in zip(part, part.dropFirst()) where p.country != q.country {
                    if p.country == "KZ", let c = q.country { found.append((p.end, line.id, c)) }
                    if q.country == "KZ", let c = p.country { found.append((q.start, line.id, c)) }
                }
                endCountries[part.first!.start, default: []].append((line.id, part.first!.country))
                endCountries[part.last!.end, default: []].append((line.id, part.last!.country))
            }
        }
        for (point, ends) in endCountries where ends.contains(where: { $0.country == "KZ" }) {
            for e in ends { if let c = e.country, c != "KZ" { found.append((point, e.lineID, c)) } }
        }
        let kazakh = stations.compactMap { f -> (id: String, name: String, at: Coordinate, line: String)? in
            guard f.properties["in_kazakhstan"] == .bool(true), case .point(let c)? = f.geometry else { return nil }
            return (f.id!, f.properties["name"]?.stringValue ?? "", c, f.properties["nearest_rail"]?.stringValue ?? "")
        }
        let index = PointIndex(kazakh.map(\.at))
        return found.map { f in
            let onLine = index.nearest(to: f.point, within: stationReach, where: { kazakh[$0].line == f.lineID })
            let hit = onLine ?? index.nearest(to: f.point, within: stationReach)
            let s = hit.map { (kazakh[$0.index].id, kazakh[$0.index].name, $0.distance) }
            return Crossing(point: f.point, lineID: f.lineID, country: f.country, station: s, onLine: onLine != nil)
        }.sorted { ($0.country, $0.point.longitude, $0.point.latitude, $0.lineID) < ($1.country, $1.point.longitude, $1.point.latitude, $1.lineID) }
    }
}

import DepositIndex
import Foundation
import Geo

/// The "Rail network" section of the build report: DepositIndex's own `RailNetwork` and `NetworkReport`
/// (the ones `deposits network` prints) on the layers just built, at the default tolerance, for the
/// operating lines and again with the lines under construction.
///
/// The catalog is loaded as the CLI loads one, from the built files written to a temporary directory;
/// the network takes the statuses asked for (`RailNetwork(catalog:toleranceM:include:)`), as `--include` does.
struct NetworkSection {
    static let toleranceM = 100.0

    let operating: NetworkReport
    let withConstruction: NetworkReport
    let gateways: [(id: String, name: String, offsetM: Double?)]

    init(files: [(name: String, text: String)]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("buildgeodata-network-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files where name.hasSuffix(".geojson") {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        let catalog = try Catalog(directory: directory)
        func report(_ include: LineStatuses) throws -> (NetworkReport, RailNetwork) {
            let network = try RailNetwork(catalog: catalog, toleranceM: Self.toleranceM, include: include)
            return (NetworkReport(network: network), network)
        }
        let (operating, network) = try report(.operating)
        self.operating = operating
        withConstruction = try report([.operating, .underConstruction]).0
        let offsets = Dictionary(network.stations.map { ($0.stationId, $0.offsetM) }, uniquingKeysWith: { a, _ in a })
        gateways = catalog.stations.filter { $0.kind == "port" || $0.kind == "border_crossing" }
            .map { ($0.id, $0.name, offsets[$0.id]) }
    }

    var text: String {
        func km(_ m: Double) -> String { m >= 1000 ? "\(Rounding.places(m / 1000, 1)) km" : "\(Int(m.rounded())) m" }
        func at(_ c: Coordinate) -> String { "\(Rounding.places(c.latitude, 5)), \(Rounding.places(c.longitude, 5))" }
        let r = operating
        var out = "\n## Rail network\n\n"
        out += "The network `deposits network` builds from these layers (DepositIndex's `RailNetwork` and `NetworkReport`): line ends "
        out += "joined within \(Int(Self.toleranceM)) m (geodesic) of another line's end or vertex, each join listed; lines split at shared "
        out += "vertices; stations attached at their nearest rail point. Operating lines only (routes use these by default):\n\n"
        out += "- \(r.components.count) components, \(km(r.trackM)) of track, \(r.nodes) nodes, \(r.edges) edges\n"
        out += "- \(r.bridges.count) gaps bridged, \(r.deadEnds.count) dead ends\n"
        out += "- \(r.stationsAttached) stations attached, \(r.stationsBeyondTolerance.count) farther than \(Int(Self.toleranceM)) m from any line\n"
        let w = withConstruction
        out += "\nWith the lines under construction as well: \(w.components.count) components, \(km(w.trackM)) of track, "
        out += "\(w.bridges.count) gaps bridged, \(w.deadEnds.count) dead ends.\n"
        out += "\n### Components (operating lines)\n\n| component | track | nodes | lines | dead ends | nearest other component | break |\n|---|---|---|---|---|---|---|\n"
        for c in r.components {
            let other = c.nearestBreak.flatMap { d in d.nearestOtherEnd.map { o in ("\(o.component): \(at(d.location)) to \(at(o.location))", km(o.distanceM)) } }
            out += "| \(c.number) | \(km(c.trackM)) | \(c.nodes) | \(c.lines) | \(c.deadEnds) | \(other?.0 ?? "–") | \(other?.1 ?? "–") |\n"
        }
        out += "\n### Gaps bridged (operating lines)\n\n| from | to | length | lines |\n|---|---|---|---|\n"
        for b in r.bridges { out += "| \(at(b.from)) | \(at(b.to)) | \(km(b.lengthM)) | \(b.fromRailId) – \(b.toRailId) |\n" }
        out += "\n### Stations farther than \(Int(Self.toleranceM)) m from the operating lines\n\n"
        let offsets = r.stationsBeyondTolerance.map(\.offsetM)
        let bands: [(String, (Double) -> Bool)] = [("100–500 m", { $0 <= 500 }), ("500 m–1 km", { $0 > 500 && $0 <= 1000 }),
                                                   ("1–2 km", { $0 > 1000 && $0 <= 2000 }), ("over 2 km", { $0 > 2000 })]
        out += bands.map { "\($0.0): \(offsets.filter($0.1).count)" }.joined(separator: ", ") + ". The 20 farthest:\n\n"
        out += "| station | id | from rail | line |\n|---|---|---|---|\n"
        for s in r.stationsBeyondTolerance.prefix(20) { out += "| \(s.stationName) | \(s.stationId) | \(km(s.offsetM)) | \(s.railId) |\n" }
        out += "\nPorts and border crossings, distance from their rail point on the operating lines:\n\n| gateway | id | from rail |\n|---|---|---|\n"
        for g in gateways { out += "| \(g.name) | \(g.id) | \(g.offsetM.map(km) ?? "not attached") |\n" }
        return out
    }
}

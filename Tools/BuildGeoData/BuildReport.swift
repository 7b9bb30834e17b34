import Foundation

/// What the build dropped or could not do, written beside the layers so that every gap is on record.
struct BuildReport {
    var counts: [(layer: String, features: Int)] = []
    var regionNotes: [String] = []
    var railByKind: [String: Int] = [:]
    var excludedStations: [StationLayer.Excluded] = []
    var depositNotes: [String] = []
    var unlocatedDeposits: [String] = []
    var additions: [RailAdditions.Check] = []
    var chainJoins: [RailAdditions.Check] = []
    var railCountries: [String: [(code: String, metres: Double)]] = [:]
    var crossings: [BorderCrossings.Crossing] = []
    /// The "Rail network" section (`NetworkSection`).
    var network = ""

    var text: String {
        var out = "# GeoData build report\n\nWritten by `swift run --scratch-path .build-data BuildGeoData`; do not edit by hand.\n\n## Feature counts\n\n"
        out += "| layer | features |\n|---|---|\n"
        for (layer, n) in counts { out += "| \(layer) | \(n) |\n" }
        out += "\nRail lines by geometry source: " + railByKind.keys.sorted().map { "\($0) \(railByKind[$0]!)" }.joined(separator: ", ") + ".\n"
        out += network
        out += additionsText
        out += crossingsText
        out += "\n## Regions and country: rings dropped (geodesic area under 1 m²)\n\n"
        out += regionNotes.isEmpty ? "None.\n" : regionNotes.map { "- \($0)\n" }.joined()
        out += "\n## OSM stations left out: more than 2 km from every line of rail.geojson\n\n"
        out += "These stations are inside Kazakhstan or within 50 km of its border, but no line of the rail layer passes within 2 km: "
        out += "either Natural Earth's line is more than 2 km off the track there, or the line is missing (see README, gaps). "
        out += "\(excludedStations.count) stations.\n\n| OSM node | name | lon | lat | nearest rail line (km) |\n|---|---|---|---|---|\n"
        for e in excludedStations {
            let d = e.railDistance.map { String(Rounding.places($0 / 1000, 1)) } ?? "> 200"
            out += "| \(e.station.nodeID) | \(e.station.name) | \(e.station.coordinate.longitude) | \(e.station.coordinate.latitude) | \(d) |\n"
        }
        out += "\n## Deposits\n\n" + depositNotes.map { "- \($0)\n" }.joined()
        out += "\nNot located (null geometry): \(unlocatedDeposits.count).\n\n" + unlocatedDeposits.map { "- \($0)\n" }.joined()
        return out
    }
}

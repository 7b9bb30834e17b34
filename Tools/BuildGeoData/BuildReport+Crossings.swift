import Foundation

extension BuildReport {
    /// Every place a rail line crosses Kazakhstan's outline, with the nearest Kazakh station.
    var crossingsText: String {
        var out = "\n## Rail border crossings\n\n"
        out += "Every point where a line of the rail layer passes from Kazakhstan (geoKZ outline) into another country (Natural Earth "
        out += "1:50m), found by sampling each line every \(Int(LineCountries.pieceLength)) m along the geodesic, and the station of the layer "
        out += "inside Kazakhstan nearest to it (within \(Int(BorderCrossings.stationReach / 1000)) km). The gateways in "
        out += "`Tools/BuildGeoData/sources/gateways.csv` are chosen from these. \(crossings.count) crossing points.\n\n"
        out += "| country | crossing (lat, lon) | line | nearest Kazakh station | distance |\n|---|---|---|---|---|\n"
        for c in crossings {
            let s = c.station.map { "\($0.name) (\($0.id))\(c.onLine ? "" : ", not on this line")" } ?? "none within reach"
            let d = c.station.map { "\(Rounding.places($0.distance / 1000, 1)) km" } ?? "–"
            out += "| \(c.country) | \(Rounding.places(c.point.latitude, 5)), \(Rounding.places(c.point.longitude, 5)) | \(c.lineID) | \(s) | \(d) |\n"
        }
        return out
    }
}

import DepositIndex
import Foundation

/// The raw public sources (`../shared/data/raw`, described in its PROVENANCE.md) and the hand-made,
/// sourced inputs kept beside this program (`Tools/BuildGeoData/sources`).
struct Inputs {
    let regions: [Feature]
    let country: [Feature]
    let railroads: [Feature]
    let osmStations: [OSMStation]
    let places: CSVTable
    let geonames: CSVTable
    let rawDeposits: CSVTable
    let addedDeposits: CSVTable
    let depositFootprints: CSVTable
    let depositStatus: CSVTable
    let railChains: CSVTable
    let railChainStations: CSVTable
    let corridors: CSVTable
    let corridorNodes: CSVTable
    /// Lines missing from Natural Earth as OSM station chains, with status and sources (raw, issue 12).
    let railAdditions: CSVTable
    /// Natural Earth 1:50m countries of the KZ box, for the neighbours a line runs through (context only).
    let neighbours: [Feature]
    /// Sea ports and rail border crossings, each with its sources.
    let gateways: CSVTable

    /// Every file read, so that no output is ever written over one of them.
    let files: [URL]

    static func load(raw: URL, sources: URL) throws -> Inputs {
        var files = [URL]()
        func geojson(_ name: String) throws -> [Feature] {
            let url = raw.appendingPathComponent(name)
            files.append(url)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw BuildError("cannot read \(url.path)") }
            do { return try GeoJSON.features(parsing: Array(data)) } catch { throw BuildError("\(name): \(error)") }
        }
        func csv(_ directory: URL, _ name: String, comments: Bool = false) throws -> CSVTable {
            let url = directory.appendingPathComponent(name)
            files.append(url)
            do { return try CSVTable(contentsOf: url, comments: comments) } catch let e as BuildError { throw e } catch { throw BuildError("cannot read \(url.path): \(error)") }
        }
        let stations = try geojson("osm_railway_stations_kz_bbox.geojson").map(OSMStation.init)
        return Inputs(
            regions: try geojson("kaz_adm1_2024_geokz.geojson"),
            country: try geojson("kaz_adm0_2018_geokz.geojson"),
            railroads: try geojson("ne_10m_railroads_kz_box.geojson"),
            osmStations: stations,
            places: try csv(raw, "places_corridors_kz.csv"),
            geonames: try csv(raw, "geonames_cities500_kz.csv"),
            rawDeposits: try csv(raw, "deposits_kz.csv"),
            addedDeposits: try csv(sources, "deposits_added.csv"),
            depositFootprints: try csv(sources, "deposit_footprints.csv"),
            depositStatus: try csv(sources, "deposit_status.csv"),
            railChains: try csv(sources, "rail_chains.csv"),
            railChainStations: try csv(sources, "rail_chain_stations.csv"),
            corridors: try csv(sources, "corridors.csv"),
            corridorNodes: try csv(sources, "corridor_nodes.csv"),
            railAdditions: try csv(raw, "rail_additions_kz.csv", comments: true),
            neighbours: try geojson("ne_50m_admin0_kz_box.geojson"),
            gateways: try csv(sources, "gateways.csv"),
            files: files
        )
    }
}

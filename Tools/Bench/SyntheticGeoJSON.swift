import DepositIndex
import Foundation
import Geo

/// `deposits-bench --write-geojson DIR`: the seeded synthetic set as GeoData-schema files, so other tools
/// (PostGIS, Shapely, the store) run on exactly the data this benchmark uses. Adds ten corridors: random
/// walks of 30-60 vertices 20-40 km apart (600-2,400 km long), 50 km wide, over the same extent.
enum SyntheticGeoJSON {
    /// - Parameter corridors: the corridors to write (the world set's); nil for the ten over Kazakhstan.
    /// - Parameter regions: the regions to write (the world set's); nil for none.
    static func write(to directory: URL, deposits: [Deposit], rail: [RailLine], seed: UInt64, corridors: [Feature]? = nil,
                      regions: [Feature]? = nil) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let depositFeatures = deposits.map { d in
            // Every property the catalog's schema asks for (GeoData/README.md), so the set imports as real data does.
            Feature(id: d.id, properties: ["name": .string(d.name), "aliases": [], "commodities": ["W"], "status": "exploration",
                                           "footprint": "subsoil_blocks", "location_precision_m": .null, "source": "synthetic (seeded)"],
                    geometry: d.geometry)
        }
        let railFeatures = rail.map { Feature(id: $0.id, properties: ["name": .string($0.name)], geometry: $0.geometry) }
        try write(depositFeatures, "deposits.geojson", directory)
        try write(railFeatures, "rail.geojson", directory)
        try write(corridors ?? Self.corridors(seed: seed), "corridors.geojson", directory)
        if let regions { try write(regions, "regions.geojson", directory) }
    }

    static func corridors(seed: UInt64) -> [Feature] {
        var rng = SeededRandom(seed: seed &+ 1)
        return (0..<10).map { i in
            var c = Coordinate(longitude: Double.random(in: 50...80, using: &rng), latitude: Double.random(in: 42...52, using: &rng))
            var heading = Double.random(in: 0..<360, using: &rng)
            var line = [c]
            for _ in 0..<Int.random(in: 30...60, using: &rng) {
                heading += Double.random(in: -15...15, using: &rng)
                c = Geodesic.wgs84.direct(from: c, azimuth: heading, distance: Double.random(in: 20_000...40_000, using: &rng)).point
                line.append(c)
            }
            return Feature(id: String(format: "corridor-%02d", i), properties: ["name": .string("Corridor \(i)"), "aliases": [], "width_km": 50],
                           geometry: .lineString(line))
        }
    }

    private static func write(_ features: [Feature], _ name: String, _ directory: URL) throws {
        try AtomicFile.write(GeoJSON.text(of: features, decimals: 9), to: directory.appendingPathComponent(name))
    }
}

import DepositIndex
import Geo

/// The OGC API collections of a catalog: one per layer the data holds, built once when the server
/// starts (every feature's served geometry and JSON, the R-trees, the property indexes) and shared,
/// immutable, by every request.
struct ServedCollections: Sendable {
    let layers: [FeatureLayer]
    private let byID: [String: Int]

    /// Decimal places of served coordinates (7 ≈ 1 cm, as the CLI's GeoJSON).
    static let decimals = 7

    init(layers: [FeatureLayer]) {
        self.layers = layers
        byID = Dictionary(uniqueKeysWithValues: layers.enumerated().map { ($1.id, $0) })
    }

    subscript(id: String) -> FeatureLayer? { byID[id].map { layers[$0] } }

    /// Every layer `catalog` holds, in the order of `StoreLayer` (deposits, rail, stations, corridors,
    /// regions, country).
    init(catalog: Catalog) throws {
        let d = Self.decimals
        var layers = [FeatureLayer]()
        let present = catalog.presentLayers
        if present.contains(.deposits) {
            layers.append(FeatureLayer(id: "deposits", title: "Mineral deposits",
                                       description: "Deposit outlines (subsoil blocks or licence areas) or points, with commodities, status and region.",
                                       features: try Self.served(catalog.deposits) { try ServedFeature(id: $0.id, properties: $0.properties, geometry: $0.geometry, decimals: d) }))
        }
        if present.contains(.rail) {
            layers.append(FeatureLayer(id: "rail", title: "Rail lines",
                                       description: "Rail lines with status (operating, under construction, planned), gauge and countries.",
                                       features: try Self.served(catalog.rail) { try ServedFeature(id: $0.id, properties: $0.properties, geometry: $0.geometry, decimals: d) }))
        }
        if present.contains(.stations) {
            layers.append(FeatureLayer(id: "stations", title: "Stations, ports and border crossings",
                                       description: "Rail stations; ports and border crossings are the gateways.",
                                       features: try Self.served(catalog.stations) { try ServedFeature(id: $0.id, properties: $0.properties, geometry: .point($0.location), decimals: d) }))
        }
        if present.contains(.corridors) {
            layers.append(FeatureLayer(id: "corridors", title: "Transport corridors",
                                       description: "Centre lines of the international transport corridors, with their width in km.",
                                       features: try Self.served(catalog.corridors) { try ServedFeature(id: $0.id, properties: $0.properties, geometry: $0.geometry, decimals: d) }))
        }
        if present.contains(.regions) {
            layers.append(FeatureLayer(id: "regions", title: "Regions",
                                       description: "First-level administrative regions.",
                                       features: try Self.served(catalog.regions) { try ServedFeature(id: $0.id, properties: $0.properties, geometry: $0.geometry, decimals: d) }))
        }
        if present.contains(.country), let c = catalog.country {
            layers.append(FeatureLayer(id: "country", title: "Country outline",
                                       description: "The country the catalog covers.",
                                       features: [try ServedFeature(id: c.id, properties: ["name": .string(c.name)], geometry: c.geometry, decimals: d)]))
        }
        self.init(layers: layers)
    }

    /// Each record's served feature, made on every core (densifying 1,812 rail lines is most of a
    /// server's start), in the records' order; the first failure is thrown.
    private static func served<R: Sendable>(_ records: [R], _ make: @Sendable (R) throws -> ServedFeature) throws -> [ServedFeature] {
        try Parallel.map(records.count) { i in Result { try make(records[i]) } }.map { try $0.get() }
    }
}

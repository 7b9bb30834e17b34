import Geo

/// The layers of a catalog as GeoPackage feature tables, one table per GeoData file.
public enum StoreLayer: String, CaseIterable, Sendable {
    case deposits, rail, stations, corridors, regions, country

    /// The table's name in the GeoPackage (the GeoData file's name without `.geojson`).
    public var table: String { rawValue }

    /// The GeoData file this layer comes from.
    public var fileName: String { rawValue + ".geojson" }

    /// The layer a GeoJSON file belongs to, by its name (`rail.geojson` is the rail layer).
    public init?(fileName: String) {
        guard fileName.hasSuffix(".geojson") else { return nil }
        self.init(rawValue: String(fileName.dropLast(".geojson".count)))
    }

    /// The same layer in a `Catalog`.
    public var catalogLayer: Catalog.Layers {
        // Every StoreLayer is named as its GeoData file (StoreLayerTests checks each).
        Catalog.Layers(name: rawValue) ?? []
    }

    /// Layers whose features are named and looked up by name.
    package var isNamed: Bool { self != .country }
}

/// One row of a feature table, as the store reads and writes it.
package struct StoredFeature: Sendable {
    package var id: String
    package var properties: JSONObject
    package var geometry: Shape?

    package init(id: String, properties: JSONObject, geometry: Shape?) {
        self.id = id
        self.properties = properties
        self.geometry = geometry
    }
}

/// Rows to the engine's records and back. The rows were checked by `CatalogLoader` when imported, so
/// reading builds the records directly, taking the same properties as the loader does.
package enum StoredRecords {
    static func features(of layers: CatalogLayers, country countryProperties: JSONObject?) -> [StoreLayer: [StoredFeature]] {
        func row(_ id: String, _ p: JSONObject, _ g: Shape?) -> StoredFeature { StoredFeature(id: id, properties: storable(p), geometry: g) }
        var out = [StoreLayer: [StoredFeature]]()
        out[.deposits] = layers.deposits.map { row($0.id, $0.properties, $0.geometry) }
        out[.rail] = layers.rail.map { row($0.id, $0.properties, $0.geometry) }
        out[.stations] = layers.stations.map { row($0.id, $0.properties, .point($0.location)) }
        out[.corridors] = layers.corridors.map { row($0.id, $0.properties, $0.geometry) }
        out[.regions] = layers.regions.map { row($0.id, $0.properties, $0.geometry) }
        out[.country] = layers.country.map { [row($0.id, countryProperties ?? ["name": .string($0.name)], $0.geometry)] } ?? []
        return out
    }

    /// Properties as a feature table stores them: without `id`, which is the feature's id column (read
    /// from `properties.id` when the feature had no top-level id; see `GeoJSON.featureID`).
    package static func storable(_ properties: JSONObject) -> JSONObject {
        guard properties["id"] != nil else { return properties }
        var p = properties
        p["id"] = nil
        return p
    }

    /// A note when `properties.id` names another id than the feature's own, which wins; nil when they agree.
    package static func conflictNote(file: String, id: String, properties: JSONObject) -> String? {
        guard let other = Feature(id: id, properties: properties, geometry: nil).conflictingPropertiesID else { return nil }
        return "\(file): feature \"\(id)\" also has properties.id \"\(other)\"; the top-level id is its id, and properties.id is not stored"
    }

    private static func text(_ p: JSONObject, _ key: String) -> String? { p[key]?.stringValue }
    private static func strings(_ p: JSONObject, _ key: String) -> [String] { p[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    package static func deposit(_ f: StoredFeature) -> Deposit {
        let p = f.properties
        return Deposit(id: f.id, name: text(p, "name") ?? f.id, aliases: strings(p, "aliases"), commodities: strings(p, "commodities"),
                       status: text(p, "status"), footprint: text(p, "footprint"),
                       locationPrecisionM: p["location_precision_m"]?.doubleValue, source: text(p, "source"),
                       geometry: f.geometry, properties: p)
    }

    package static func railLine(_ f: StoredFeature) throws -> RailLine {
        RailLine.from(id: f.id, properties: f.properties, geometry: try required(f, "rail"))
    }

    package static func station(_ f: StoredFeature) throws -> Station {
        guard case .point(let c)? = f.geometry else { throw StoreError.badRow(layer: "stations", id: f.id, "geometry is not a point") }
        return Station.from(id: f.id, properties: f.properties, location: c)
    }

    package static func corridor(_ f: StoredFeature) throws -> Corridor {
        let p = f.properties
        guard let width = p["width_km"]?.doubleValue else { throw StoreError.badRow(layer: "corridors", id: f.id, "no width_km") }
        return Corridor(id: f.id, name: text(p, "name") ?? f.id, aliases: strings(p, "aliases"), widthKm: width,
                        geometry: try required(f, "corridors"), properties: p)
    }

    package static func region(_ f: StoredFeature) throws -> Region {
        let p = f.properties
        return Region(id: f.id, name: text(p, "name") ?? f.id, nameKk: text(p, "name_kk"), nameRu: text(p, "name_ru"),
                      geometry: try required(f, "regions"), properties: p)
    }

    package static func country(_ f: StoredFeature) throws -> CountryOutline {
        CountryOutline(id: f.id, name: text(f.properties, "name") ?? f.id, geometry: try required(f, "country"))
    }

    private static func required(_ f: StoredFeature, _ layer: String) throws -> Shape {
        guard let g = f.geometry else { throw StoreError.badRow(layer: layer, id: f.id, "geometry is NULL; this layer needs one") }
        return g
    }

    /// The spellings a feature is looked up by.
    package static func names(_ layer: StoreLayer, _ f: StoredFeature) -> [String] {
        let p = f.properties
        switch layer {
        case .deposits, .corridors: return [f.id, text(p, "name") ?? f.id] + strings(p, "aliases")
        case .regions: return [f.id, text(p, "name") ?? f.id, text(p, "name_kk"), text(p, "name_ru")].compactMap { $0 }
        case .rail, .stations: return [f.id, text(p, "name") ?? f.id]
        case .country: return []
        }
    }
}

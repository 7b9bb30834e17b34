import DepositIndex

/// `export --layer LAYER`: a layer's features with the data's own properties, for map viewers (and the
/// server's collections).
public struct ExportQuestion: Sendable {
    public enum Layer: String, CaseIterable, Sendable {
        case deposits, rail, stations, corridors, regions

        /// The catalog layer of that name (each case is a layer's name: LayerNameTests).
        public var layer: Catalog.Layers { Catalog.Layers(name: rawValue) ?? [] }
    }

    /// One of the question's options, as the CLI names it.
    public var layer: Layer
    /// Deposits only.
    public var filter: DepositFilter
    /// Also deposits without a published location (null geometry).
    public var includeUnlocated: Bool

    /// The question with its options, defaults as the CLI's.
    public init(layer: Layer = .deposits, filter: DepositFilter = DepositFilter(), includeUnlocated: Bool = false) {
        self.layer = layer
        self.filter = filter
        self.includeUnlocated = includeUnlocated
    }

    /// Refuses (usage) a deposit filter on another layer.
    public func check() throws {
        if layer != .deposits, filter.commodity != nil || filter.status != nil || filter.region != nil {
            throw AnswerError(.usage, "--commodity, --status and --region filter deposits; use them with --layer deposits")
        }
    }

    /// The features of the layer, with the data's own properties.
    public func features(catalog: Catalog) throws -> [Feature] {
        try catalog.requireLayers(layer.layer)
        switch layer {
        case .deposits:
            return try filter.apply(catalog).filter { includeUnlocated || $0.geometry != nil }.map { d in
                Feature(id: d.id, properties: d.properties, geometry: d.geometry)
            }
        case .rail: return catalog.rail.map { Feature(id: $0.id, properties: $0.properties, geometry: $0.geometry) }
        case .stations: return catalog.stations.map { Feature(id: $0.id, properties: $0.properties, geometry: .point($0.location)) }
        case .corridors: return catalog.corridors.map { Feature(id: $0.id, properties: $0.properties, geometry: $0.geometry) }
        case .regions: return catalog.regions.map { Feature(id: $0.id, properties: $0.properties, geometry: $0.geometry) }
        }
    }
}

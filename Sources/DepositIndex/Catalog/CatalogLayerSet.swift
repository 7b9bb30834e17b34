import Foundation

extension Catalog {
    /// Which layers of a data directory to read. A question that needs only some of them (distance to
    /// rail needs deposits, rail and stations) loads faster without the rest.
    public struct Layers: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let deposits = Layers(rawValue: 1 << 0)
        public static let rail = Layers(rawValue: 1 << 1)
        public static let stations = Layers(rawValue: 1 << 2)
        public static let corridors = Layers(rawValue: 1 << 3)
        public static let regions = Layers(rawValue: 1 << 4)
        public static let country = Layers(rawValue: 1 << 5)
        public static let all: Layers = [.deposits, .rail, .stations, .corridors, .regions, .country]

        /// The one layer called `name` in the GeoData schema ("regions", the file's name without
        /// `.geojson`); nil for any other text.
        public init?(name: String) {
            guard let match = Self.files.first(where: { $0.1 == name + ".geojson" }) else { return nil }
            self = match.0
        }

        /// The layer's file in the GeoData schema, in loading order.
        static let files: [(Layers, String)] = [
            (.deposits, "deposits.geojson"), (.rail, "rail.geojson"), (.stations, "stations.geojson"),
            (.corridors, "corridors.geojson"), (.regions, "regions.geojson"), (.country, "country.geojson"),
        ]
    }

    /// The files of the GeoData schema in this catalog's directory, whether read or not: what an output
    /// must never replace.
    public var layerFiles: [URL] {
        Layers.files.map { directory.appendingPathComponent($0.1) }
    }

    /// Loads only `layers` of the data directory; the others are empty, and their files are not read (nor
    /// checked). Deposits and rail, which every directory must have, are always read. Ids must be unique
    /// among the layers read. Throws `CatalogError` as `init(directory:)` does.
    ///
    ///     let catalog = try Catalog(directory: URL(fileURLWithPath: "GeoData"), layers: [.stations])  // deposits, rail, stations
    public init(directory: URL, layers: Layers) throws {
        self.init(directory: directory, layers: try CatalogLoader.load(directory, layers: layers.union([.deposits, .rail])))
    }

    /// Loads only `layers` of the bundled GeoData (see `init(directory:layers:)`).
    public static func bundled(layers: Layers) throws -> Catalog {
        try Catalog(directory: try requireBundledDirectory(), layers: layers)
    }
}

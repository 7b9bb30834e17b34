import Foundation
import Geo

/// Everything one data directory holds, read once, checked, and indexed for the queries.
///
/// A `Catalog` is an immutable value: load it once and share it between threads and tasks.
///
///     let catalog = try Catalog.bundled()
///     let answer = try catalog.nearestRail(to: .deposit("kz-kar-upper-kairakty"), k: 1)
public struct Catalog: Sendable {
    /// Where the data came from.
    public let directory: URL
    public let deposits: [Deposit]
    public let rail: [RailLine]
    public let stations: [Station]
    public let corridors: [Corridor]
    public let regions: [Region]
    public let country: CountryOutline?

    let railChains: ChainLayer
    let corridorChains: ChainLayer
    let regionBoundaries: ChainLayer
    /// Region rings with no edge longer than `RegionRings.maximumEdgeDegrees`, for point-in-region tests.
    let regionRings: [[[[Coordinate]]]]
    let regionIndex: SpatialIndex
    /// Deposit `depositOfItem[i]` is item `i` of `depositIndex` (deposits without geometry are not indexed).
    let depositIndex: SpatialIndex
    let depositOfItem: [Int]
    let stationIndex: SpatialIndex
    let depositNames: NameIndex
    let corridorNames: NameIndex
    let regionNames: NameIndex
    let railNames: NameIndex
    let stationNames: NameIndex
    let depositPositions: [String: Int]
    let corridorPositions: [String: Int]
    let regionPositions: [String: Int]

    /// Loads the data directory `directory` (the GeoData schema). Throws `CatalogError` listing every
    /// problem found; nothing is loaded from a directory with problems.
    public init(directory: URL) throws {
        let layers = try CatalogLoader.load(directory)
        self.init(directory: directory, layers: layers)
    }

    /// A catalog of features already in memory (generated data, tests), indexed as a loaded one is.
    /// Ids must be unique across all layers.
    public init(deposits: [Deposit], rail: [RailLine], stations: [Station] = [], corridors: [Corridor] = [],
                regions: [Region] = [], country: CountryOutline? = nil) {
        self.init(directory: URL(fileURLWithPath: "/dev/null"),
                  layers: CatalogLayers(deposits: deposits, rail: rail, stations: stations, corridors: corridors, regions: regions, country: country))
    }

    init(directory: URL, layers: CatalogLayers) {
        self.directory = directory
        deposits = layers.deposits
        rail = layers.rail
        stations = layers.stations
        corridors = layers.corridors
        regions = layers.regions
        country = layers.country
        railChains = ChainLayer(lines: rail.map { $0.geometry.lines })
        corridorChains = ChainLayer(lines: corridors.map { $0.geometry.lines })
        regionBoundaries = ChainLayer(lines: regions.map { $0.geometry.polygons.flatMap { $0 } })
        regionRings = regions.map { RegionRings.densified($0.geometry) }
        regionIndex = SpatialIndex(boxes: regions.map { EdgeEnvelope.of(chain: $0.geometry.coordinates[...]) })
        var items = [Int](), boxes = [Envelope]()
        for (i, d) in deposits.enumerated() {
            guard let g = d.geometry else { continue }
            items.append(i)
            boxes.append(Self.box(of: g))
        }
        depositOfItem = items
        depositIndex = SpatialIndex(boxes: boxes)
        stationIndex = SpatialIndex(boxes: stations.map { Envelope(minX: $0.location.x, minY: $0.location.y, maxX: $0.location.x, maxY: $0.location.y) })
        depositNames = NameIndex(deposits.map { [$0.id, $0.name] + $0.aliases })
        corridorNames = NameIndex(corridors.map { [$0.id, $0.name] + $0.aliases })
        regionNames = NameIndex(regions.map { [$0.id, $0.name, $0.nameKk, $0.nameRu].compactMap { $0 } })
        railNames = NameIndex(rail.map { [$0.id, $0.name] })
        stationNames = NameIndex(stations.map { s in
            [s.id, s.name] + [s.properties["name_local"]?.stringValue].compactMap { $0 }
                + (s.properties["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
        })
        depositPositions = Dictionary(uniqueKeysWithValues: deposits.enumerated().map { ($1.id, $0) })
        corridorPositions = Dictionary(uniqueKeysWithValues: corridors.enumerated().map { ($1.id, $0) })
        regionPositions = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.id, $0) })
    }

    /// A box holding a shape with its geodesic edges.
    static func box(of shape: Shape) -> Envelope {
        let chains: [[Coordinate]] = shape.lines + shape.polygons.flatMap { $0 }
        if chains.isEmpty { return EdgeEnvelope.of(chain: shape.coordinates[...]) }
        var box = EdgeEnvelope.of(chain: chains[0][...])
        for c in chains.dropFirst() { box.expand(toInclude: EdgeEnvelope.of(chain: c[...])) }
        return box
    }
}

import Foundation
import Geo

/// Everything one data directory holds, read once, checked, and indexed for the queries.
///
/// A `Catalog` is an immutable value: load it once and share it between threads and tasks.
///
///     let catalog = try Catalog.bundled()
///     let answer = try catalog.nearestRail(to: .deposit("kz-w-001"), k: 1)  // Upper Kairakty
///     // answer[0].railId == "rail-ne-13309", answer[0].distanceM ≈ 35,212.27
public struct Catalog: Sendable {
    /// One reference to everything: queries capture the catalog in closures and hand it to worker
    /// threads, and copying one reference is far cheaper than retaining twenty arrays each time.
    let storage: CatalogStorage

    /// Where the data came from.
    public var directory: URL { storage.directory }
    public var deposits: [Deposit] { storage.deposits }
    public var rail: [RailLine] { storage.rail }
    public var stations: [Station] { storage.stations }
    public var corridors: [Corridor] { storage.corridors }
    public var regions: [Region] { storage.regions }
    public var country: CountryOutline? { storage.country }
    /// The layers this catalog's source holds, among those it read: a layer file that exists (or a store
    /// table that was imported), even if empty. Questions needing any other layer throw
    /// `QueryError.missingLayer`.
    public var presentLayers: Layers { storage.present }

    var railChains: ChainLayer { storage.railChains }
    var corridorChains: ChainLayer { storage.corridorChains }
    var regionBoundaries: ChainLayer { storage.regionBoundaries }
    /// Region `r`'s rings with no edge longer than `RegionRings.maximumEdgeDegrees`, for point-in-region
    /// tests; each region's are built when first needed.
    func regionRings(_ r: Int) -> [[[Coordinate]]] { storage.regionRings[r].value }
    var regionIndex: SpatialIndex { storage.regionIndex }
    /// Deposit `depositOfItem[i]` is item `i` of `depositIndex` (deposits without geometry are not indexed).
    var depositIndex: SpatialIndex { storage.depositIndex }
    var depositOfItem: [Int] { storage.depositOfItem }
    var stationIndex: SpatialIndex { storage.stationIndex }
    var depositNames: NameIndex { storage.names.deposits.value }
    var corridorNames: NameIndex { storage.names.corridors.value }
    var regionNames: NameIndex { storage.names.regions.value }
    var railNames: NameIndex { storage.names.rail.value }
    var stationNames: NameIndex { storage.names.stations.value }
    var depositPositions: [String: Int] { storage.depositPositions }
    var corridorPositions: [String: Int] { storage.corridorPositions }
    var regionPositions: [String: Int] { storage.regionPositions }

    /// Loads the data directory `directory` (the GeoData schema). Throws `CatalogError` listing every
    /// problem found; nothing is loaded from a directory with problems.
    public init(directory: URL) throws {
        let layers = try CatalogLoader.load(directory)
        self.init(directory: directory, layers: layers)
    }

    /// A catalog of features already in memory (generated data, tests), indexed as a loaded one is.
    /// Ids must be unique across all layers. Every layer counts as present (an empty array is an empty
    /// layer), the country only when given.
    public init(deposits: [Deposit], rail: [RailLine], stations: [Station] = [], corridors: [Corridor] = [],
                regions: [Region] = [], country: CountryOutline? = nil) {
        self.init(directory: URL(fileURLWithPath: "/dev/null"),
                  layers: CatalogLayers(deposits: deposits, rail: rail, stations: stations, corridors: corridors, regions: regions, country: country,
                                      present: country == nil ? Layers.all.subtracting(.country) : .all))
    }

    init(directory: URL, layers: CatalogLayers) {
        storage = CatalogStorage(directory: directory, layers: layers)
    }

    /// A box holding a shape with its geodesic edges; see `EdgeEnvelope.of(chain:exactNearPoles:)`.
    static func box(of shape: Shape, exactNearPoles: Bool = false) -> Envelope {
        let chains: [[Coordinate]] = shape.lines + shape.polygons.flatMap { $0 }
        if chains.isEmpty { return EdgeEnvelope.of(chain: shape.coordinates[...], exactNearPoles: exactNearPoles) }
        var box = EdgeEnvelope.of(chain: chains[0][...], exactNearPoles: exactNearPoles)
        for c in chains.dropFirst() { box.expand(toInclude: EdgeEnvelope.of(chain: c[...], exactNearPoles: exactNearPoles)) }
        return box
    }
}

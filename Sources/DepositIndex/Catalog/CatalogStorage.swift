import Foundation
import Geo

/// The layers of a `Catalog` and what is built from them: the spatial indexes at once, the name tables
/// and each region's split rings on first use (see `Lazy`).
final class CatalogStorage: Sendable {
    let directory: URL
    let deposits: [Deposit]
    let rail: [RailLine]
    let stations: [Station]
    let corridors: [Corridor]
    let regions: [Region]
    let country: CountryOutline?
    let present: Catalog.Layers

    let railChains: ChainLayer
    let corridorChains: ChainLayer
    let regionBoundaries: ChainLayer
    let regionRings: [Lazy<[[[Coordinate]]]>]
    let regionIndex: SpatialIndex
    let depositIndex: SpatialIndex
    let depositOfItem: [Int]
    let stationIndex: SpatialIndex
    let names: CatalogNames
    let depositPositions: [String: Int]
    let corridorPositions: [String: Int]
    let regionPositions: [String: Int]

    init(directory: URL, layers: CatalogLayers) {
        self.directory = directory
        let deposits = layers.deposits, rail = layers.rail, stations = layers.stations
        let corridors = layers.corridors, regions = layers.regions
        self.deposits = deposits
        self.rail = rail
        self.stations = stations
        self.corridors = corridors
        self.regions = regions
        country = layers.country
        present = layers.present
        // Operating lines only: a line under construction is not rail ore can be loaded on today. The
        // other lines keep their feature numbers with no chains, so hits still index `rail`.
        railChains = ChainLayer(lines: rail.map { $0.isOperating ? $0.geometry.lines : [] })
        corridorChains = ChainLayer(lines: corridors.map { $0.geometry.lines })
        // Built at once (a few ms): every region question asks for it, the first one too.
        regionBoundaries = ChainLayer(lines: regions.map { RegionRings.borders(of: $0.geometry) })
        regionRings = regions.map { region in Lazy { RegionRings.densified(region.geometry) } }
        regionIndex = SpatialIndex(boxes: regions.map { EdgeEnvelope.of(chain: $0.geometry.coordinates[...]) })
        var items = [Int](), boxes = [Envelope]()
        items.reserveCapacity(deposits.count)
        boxes.reserveCapacity(deposits.count)
        for (i, d) in deposits.enumerated() {
            guard let g = d.geometry else { continue }
            items.append(i)
            boxes.append(Catalog.box(of: g))
        }
        depositOfItem = items
        depositIndex = SpatialIndex(boxes: boxes)
        stationIndex = SpatialIndex(boxes: stations.map { Envelope(minX: $0.location.x, minY: $0.location.y, maxX: $0.location.x, maxY: $0.location.y) })
        names = CatalogNames(deposits: deposits, rail: rail, stations: stations, corridors: corridors, regions: regions)
        depositPositions = Dictionary(uniqueKeysWithValues: deposits.enumerated().map { ($1.id, $0) })
        corridorPositions = Dictionary(uniqueKeysWithValues: corridors.enumerated().map { ($1.id, $0) })
        regionPositions = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.id, $0) })
    }
}

/// The name look-up tables, each built when its layer is first looked up by name.
struct CatalogNames: Sendable {
    let deposits: Lazy<NameIndex>
    let corridors: Lazy<NameIndex>
    let regions: Lazy<NameIndex>
    let rail: Lazy<NameIndex>
    let stations: Lazy<NameIndex>

    init(deposits: [Deposit], rail: [RailLine], stations: [Station], corridors: [Corridor], regions: [Region]) {
        self.deposits = Lazy { NameIndex(deposits.map { [$0.id, $0.name] + $0.aliases }) }
        self.corridors = Lazy { NameIndex(corridors.map { [$0.id, $0.name] + $0.aliases }) }
        self.regions = Lazy { NameIndex(regions.map { [$0.id, $0.name, $0.nameKk, $0.nameRu].compactMap { $0 } }) }
        self.rail = Lazy { NameIndex(rail.map { [$0.id, $0.name] }) }
        self.stations = Lazy {
            NameIndex(stations.map { s in
                [s.id, s.name] + [s.properties["name_local"]?.stringValue].compactMap { $0 }
                    + (s.properties["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
            })
        }
    }
}

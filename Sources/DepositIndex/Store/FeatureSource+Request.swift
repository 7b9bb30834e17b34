import Foundation
import Geo

extension FeatureSource {
    /// A catalog holding what `request` needs (see `StoreRequest`), read through the store's spatial
    /// index: the one home of this logic for every store. Call inside the store's read transaction,
    /// after `checkLayers(for:)`.
    package func read(_ request: StoreRequest) throws -> Catalog {
        if request.everything { return try catalog(try allLayers()) }
        var picked = PickedFeatures()
        var places = [Shape]()
        for name in request.deposits {
            let found = try features(.deposits, matching: name)
            picked.add(.deposits, found)
            places += found.compactMap(\.geometry)
        }
        places += request.points.map { .point($0) }

        if request.nearestRail > 0 {
            for place in places { try addNearestRail(to: place, k: request.nearestRail, maxDistance: request.railMaxDistance, into: &picked) }
        }
        if request.nearestStations > 0 {
            for place in places { picked.add(.stations, try nearestStationCandidates(place, k: request.nearestStations)) }
        }
        if let radius = request.depositsWithin {
            for p in request.points {
                let window = Catalog.widened(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y), by: radius)
                picked.add(.deposits, try features(.deposits, edgesMeeting: window))
            }
        }
        if request.regionsAround {
            for place in places { picked.add(.regions, try features(.regions, edgesMeeting: Catalog.box(of: place))) }
        }
        for name in request.regions {
            let found = try features(.regions, matching: name)
            picked.add(.regions, found)
            for r in found {
                guard let g = r.geometry else { continue }
                picked.add(.deposits, try features(.deposits, edgesMeeting: Catalog.box(of: g)))
            }
        }
        if request.network {
            for layer in [StoreLayer.rail, .stations, .country] where hasLayer(layer) { picked.add(layer, try allFeatures(layer)) }
        }
        if request.corridors || !request.corridorDeposits.isEmpty { picked.add(.corridors, try allFeatures(.corridors)) }
        for name in request.corridorDeposits {
            for c in try features(.corridors, matching: name) {
                try addCorridorDeposits(c, widthKm: request.corridorWidthKm, into: &picked)
            }
        }
        return try catalog(picked.byLayer)
    }

    /// The rail lines among which the k nearest to `place` lie, then for each of those lines' nearest
    /// points the stations among which its nearest lies (the engine reports that station with the line).
    private func addNearestRail(to place: Shape, k: Int, maxDistance: Double, into picked: inout PickedFeatures) throws {
        let query = DistanceQuery(shape: place)
        var found = [RailDistance]()
        let rail = try nearestCandidates(.rail, to: place, k: k, maxDistance: maxDistance) { candidates in
            found = try catalog([.rail: candidates]).nearestRail(query: query, k: k, maxDistance: maxDistance)
            return found.count >= k ? found[k - 1].distanceM : .infinity
        }
        picked.add(.rail, rail)
        for r in found { picked.add(.stations, try nearestStationCandidates(.point(r.railPoint), k: 1)) }
    }

    private func nearestStationCandidates(_ place: Shape, k: Int) throws -> [StoredFeature] {
        let query = DistanceQuery(shape: place)
        return try nearestCandidates(.stations, to: place, k: k, maxDistance: .infinity) { candidates in
            let found = try catalog([.stations: candidates]).nearestStations(query: query, k: k)
            return found.count >= k ? found[k - 1].distanceM : .infinity
        }
    }

    /// The deposits whose boxes come within half the corridor's width of one of its chains: what
    /// `Catalog.candidateDeposits` looks at, read from the store.
    private func addCorridorDeposits(_ corridor: StoredFeature, widthKm: Double?, into picked: inout PickedFeatures) throws {
        let c = try StoredRecords.corridor(corridor)
        let halfWidth = (widthKm ?? c.widthKm) * 500
        let chains = ChainLayer(lines: [c.geometry.lines])
        for c in 0..<chains.chainCount {
            picked.add(.deposits, try features(.deposits, edgesMeeting: Catalog.widened(chains.chainBox(c).envelope, by: halfWidth)))
        }
    }
}

/// Features gathered per layer, each once, in the order first met.
package struct PickedFeatures {
    package init() {}

    package private(set) var byLayer: [StoreLayer: [StoredFeature]] = [:]
    private var seen: [StoreLayer: Set<String>] = [:]

    package mutating func add(_ layer: StoreLayer, _ features: [StoredFeature]) {
        for f in features where seen[layer, default: []].insert(f.id).inserted {
            byLayer[layer, default: []].append(f)
        }
    }
}

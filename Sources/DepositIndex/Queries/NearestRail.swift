import Geo

extension Catalog {
    /// The `k` rail lines nearest to a deposit or point by geodesic distance on WGS84, nearest first
    /// (ties to the smaller id), each with the nearest points on both and the station nearest to the
    /// rail point. Only operating lines are measured to (`RailLine.isOperating`): a line under
    /// construction or planned is not rail ore can be loaded on today.
    ///
    ///     let near = try catalog.nearestRail(to: .deposit("kz-w-001"))  // Upper Kairakty
    ///     print(near[0].railName, near[0].distanceM)  // Сәкен Сейфуллин – Ақадыр теміржол вокзалы 35212.27…
    /// - Parameter maxDistanceM: lines farther than this many metres are left out.
    public func nearestRail(to place: Place, k: Int = 1, maxDistanceM maxDistance: Double = .infinity) throws -> [RailDistance] {
        guard k >= 1 else { throw QueryError.invalidArgument("k must be at least 1, not \(k)") }
        try requireLayers(.rail)
        return nearestRail(query: try distanceQuery(place), k: k, maxDistance: maxDistance)
    }

    func nearestRail(query: DistanceQuery, k: Int, maxDistance: Double) -> [RailDistance] {
        RailSearch(self).nearestRail(query: query, k: k, maxDistance: maxDistance)
    }

    /// The `k` stations nearest to a deposit or point, nearest first.
    public func nearestStations(to place: Place, k: Int = 1, maxDistanceM maxDistance: Double = .infinity) throws -> [StationDistance] {
        guard k >= 1 else { throw QueryError.invalidArgument("k must be at least 1, not \(k)") }
        try requireLayers(.stations)
        return nearestStations(query: try distanceQuery(place), k: k, maxDistance: maxDistance)
    }

    func nearestStations(query: DistanceQuery, k: Int, maxDistance: Double = .infinity) -> [StationDistance] {
        RailSearch(self).nearestStations(query: query, k: k, maxDistance: maxDistance)
    }
}

/// What the rail and station searches read, taken out of the catalog once per batch: the worker threads
/// then borrow these arrays instead of retaining each through the catalog at every deposit, which on
/// two cores at once makes the shared reference counts' cache lines bounce between them.
struct RailSearch {
    let chains: ChainLayer
    let rail: [RailLine]
    let stations: [Station]
    let stationIndex: SpatialIndex

    init(_ catalog: Catalog) {
        chains = catalog.railChains
        rail = catalog.rail
        stations = catalog.stations
        stationIndex = catalog.stationIndex
    }

    func nearestRail(query: DistanceQuery, k: Int, maxDistance: Double) -> [RailDistance] {
        // The tie-break reads the lines through a buffer: a closure over `self` would copy this whole
        // search (a dozen arrays retained) at every comparison.
        let hits = rail.withUnsafeBufferPointer { lines in
            chains.nearest(to: query, k: k, maxDistance: maxDistance, tieOrder: { lines[$0].id < lines[$1].id })
        }
        return hits.map { hit in
            let line = rail[hit.feature]
            return RailDistance(
                railId: line.id, railName: line.name, distanceM: hit.pair.distance,
                railPoint: hit.pair.to, fromPoint: hit.pair.from,
                station: stations.isEmpty ? nil : nearestStations(query: DistanceQuery(point: hit.pair.to), k: 1).first)
        }
    }

    func nearestStations(query: DistanceQuery, k: Int, maxDistance: Double = .infinity) -> [StationDistance] {
        let hits = stations.withUnsafeBufferPointer { stations in
            PointSearch.nearest(index: stationIndex, query: query, k: k, maxDistance: maxDistance,
                                tieOrder: { stations[$0].id < stations[$1].id }) { i, limit in
                query.nearest(toPoint: stations[i].location, below: limit)?.distance
            }
        }
        return hits.map { i, d in
            let s = stations[i]
            return StationDistance(id: s.id, name: s.name, kind: s.kind, distanceM: d, location: s.location)
        }
    }
}

import Foundation
import Dispatch
import Geo

extension Catalog {
    /// Nearest rail lines for many deposits at once (all of them by default), spread over every core.
    /// Results come in the order of `depositIDs`; a deposit without geometry gets an empty list.
    public func nearestRail(forDeposits depositIDs: [String]? = nil, k: Int = 1, maxDistanceM maxDistance: Double = .infinity) throws -> [DepositRail] {
        guard k >= 1 else { throw QueryError.invalidArgument("k must be at least 1, not \(k)") }
        try requireLayers([.deposits, .rail])
        let positions = try depositIDs.map { try $0.map { try depositPosition(of: $0) } } ?? Array(deposits.indices)
        let deposits = self.deposits
        return try nearestRail(for: positions.map { deposits[$0] }, k: k, maxDistanceM: maxDistance)
    }

    /// Nearest rail lines for deposits that need not be in this catalog (a chunk read from a store while
    /// the catalog holds only the rail and stations), spread over every core, in the order given.
    ///
    ///     let catalog = try Catalog.bundled()
    ///     let answers = try catalog.nearestRail(for: catalog.deposits.prefix(10))  // 10 answers
    public func nearestRail(for deposits: some Collection<Deposit>, k: Int = 1, maxDistanceM maxDistance: Double = .infinity) throws -> [DepositRail] {
        guard k >= 1 else { throw QueryError.invalidArgument("k must be at least 1, not \(k)") }
        try requireLayers([.rail])
        let search = RailSearch(self), deposits = Array(deposits)
        // Answered along a Hilbert curve over the globe, so that each core's run of deposits lies close
        // together and reads the same parts of the rail index; handed back in the order given.
        let order = Self.hilbertOrder(deposits)
        // Fields read in place through the buffer: a copy of a whole `Deposit` retains each of its dozen
        // strings and arrays (callgrind: a few per cent of a batch).
        let found = deposits.withUnsafeBufferPointer { deposits in
            Parallel.map(deposits.count) { j in
                let i = order[j]
                let rail = deposits[i].geometry.map { search.nearestRail(query: DistanceQuery(shape: $0), k: k, maxDistance: maxDistance) } ?? []
                return DepositRail(depositId: deposits[i].id, depositName: deposits[i].name, rail: rail)
            }
        }
        var place = [Int](repeating: 0, count: order.count)
        for (j, i) in order.enumerated() { place[i] = j }
        return place.map { found[$0] }
    }

    /// Every located deposit's region shares (`regionShares(of:)`, one deposit each), for deposits that
    /// need not be in this catalog (a chunk read from a store while the catalog holds only the regions),
    /// spread over every core along a Hilbert curve as `nearestRail(for:)` is, in the order given; nil
    /// for a deposit without a location (which `regionShares(of:)` refuses).
    ///
    ///     let catalog = try Catalog.bundled()
    ///     let shares = try catalog.regionShares(for: catalog.deposits)  // 54, 35 of them nil
    public func regionShares(for deposits: some Collection<Deposit>) throws -> [RegionShares?] {
        try requireLayers(.regions)
        let deposits = Array(deposits), order = Self.hilbertOrder(deposits)
        let found = Parallel.map(deposits.count) { j in
            let d = deposits[order[j]]
            return Result { try d.geometry.map { _ in try regionShares(of: d) } }.mapError { Self.naming($0, deposit: d.id) }
        }
        var place = [Int](repeating: 0, count: order.count)
        for (j, i) in order.enumerated() { place[i] = j }
        return try place.map { try found[$0].get() }
    }

    /// A geometry library's error with the deposit it was met on named, so that one bad footprint among
    /// a million is found (the error keeps its kind, and so its exit code); any other error as it is.
    static func naming(_ error: any Error, deposit id: String) -> any Error {
        switch error as? GeoError {
        case .geos(let message): GeoError.geos("deposit \"\(id)\": \(message)")
        case .proj(let message): GeoError.proj("deposit \"\(id)\": \(message)")
        case .invalidInput(let message): GeoError.invalidInput("deposit \"\(id)\": \(message)")
        case nil: error
        }
    }

    /// Positions of `deposits` sorted by the Hilbert index of a vertex of each (the first), longitude and
    /// latitude over the whole globe; deposits without geometry first, in order.
    static func hilbertOrder(_ deposits: [Deposit]) -> [Int] {
        // The key (under 2³²) above the position, sorted as plain integers: ties in the order given.
        var keyed = deposits.withUnsafeBufferPointer { deposits in
            deposits.indices.map { i -> UInt64 in
                guard let c = deposits[i].geometry.flatMap(Self.firstCoordinate) else { return UInt64(i) }
                let x = UInt32(max(0, min(65535, (c.longitude + 180) / 360 * 65535)))
                let y = UInt32(max(0, min(65535, (c.latitude + 90) / 180 * 65535)))
                return Hilbert.index(x: x, y: y) << 32 | UInt64(i)
            }
        }
        keyed.sort()
        return keyed.map { Int($0 & 0xFFFF_FFFF) }
    }

    private static func firstCoordinate(_ shape: Shape) -> Coordinate? {
        switch shape {
        case .point(let c): return c
        case .lineString(let cs), .multiPoint(let cs): return cs.first
        case .polygon(let rings), .multiLineString(let rings): return rings.first?.first
        case .multiPolygon(let polygons): return polygons.first?.first?.first
        case .geometryCollection(let parts): return parts.lazy.compactMap(firstCoordinate).first
        }
    }

    /// Corridor overlaps for many corridors at once (all by default, each at its own width), spread over
    /// every core: the corridors' candidate deposits are measured in parallel.
    public func corridorOverlaps(corridors ids: [String]? = nil) throws -> [CorridorOverlap] {
        try requireLayers([.deposits, .corridors])
        let positions = try (ids ?? corridors.map(\.id)).map { id -> Int in
            guard let c = corridorPositions[id] else { throw QueryError.unknownCorridor(id) }
            return c
        }
        // One task per (corridor, candidate deposit), so a single long corridor still uses every core.
        let tasks = positions.flatMap { c in candidateDeposits(corridor: c, halfWidth: corridors[c].widthKm * 500).map { (c, $0) } }
        let found = try Parallel.map(tasks.count) { i in
            Result { try CorridorMath.membership(catalog: self, deposit: tasks[i].1, corridor: tasks[i].0, halfWidth: corridors[tasks[i].0].widthKm * 500) }
        }.map { try $0.get() }
        return positions.map { c in
            let members = zip(tasks, found).compactMap { $0.0.0 == c ? $0.1 : nil }
            return CorridorOverlap(corridorId: corridors[c].id, corridorName: corridors[c].name, widthKm: corridors[c].widthKm,
                                   deposits: members.sorted { ($0.distanceM, $0.id) < ($1.distanceM, $1.id) })
        }
    }
}

import DepositIndex
import Foundation
import Geo

extension MappedPostGISSource: FeatureSource {
    package var storeName: String { "\(name) (mapped by \(mapping.file))" }
    /// Catalogs read from a database have no files an output could replace.
    package var catalogDirectory: URL { URL(fileURLWithPath: "/dev/null") }
    package func hasLayer(_ layer: StoreLayer) -> Bool { resolved[layer] != nil }
    /// A layer read whole (another SRID, or a bound too wide to help) needs no pad: 0. One not yet
    /// measured (a question that `catalog(for:)` did not expect to read it by window) gets 90: windows
    /// then reach the poles, slow but exact.
    package func layerBowPad(_ layer: StoreLayer) -> Double {
        switch resolved[layer]?.bowPad {
        case .degrees(let d): return d
        case .unknown: return 90
        case .readWhole, nil: return 0
        }
    }
    /// The mapped layers.
    package var layers: [StoreLayer] { StoreLayer.allCases.filter { resolved[$0] != nil } }

    /// A catalog holding what `request` needs, read in one `REPEATABLE READ READ ONLY` transaction.
    /// Throws `StoreError.missingLayer` when the question needs a layer the mapping leaves out.
    public func catalog(for request: StoreRequest) throws -> Catalog {
        try snapshot {
            try checkLayers(for: request)
            for layer in Self.windowLayers(request) { try measurePad(layer) }
            return try read(request)
        }
    }

    /// The layers `read(request)` reads by windows (see `FeatureSource+Request`), whose pads are measured
    /// before it; a layer missed here is still read exactly (`layerBowPad`).
    static func windowLayers(_ request: StoreRequest) -> Set<StoreLayer> {
        var layers = Set<StoreLayer>()
        if request.everything { return layers }
        if request.nearestRail > 0 { layers.formUnion([.rail, .stations]) }
        if request.nearestStations > 0 { layers.insert(.stations) }
        if request.depositsWithin != nil || !request.regions.isEmpty || !request.corridorDeposits.isEmpty { layers.insert(.deposits) }
        if request.regionsAround { layers.insert(.regions) }
        return layers
    }

    /// Every feature of every mapped layer, in one snapshot.
    public func catalog() throws -> Catalog {
        try catalog(try snapshot { try allLayers() })
    }

    func snapshot<T>(_ body: () throws -> T) throws -> T {
        do {
            try db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            wholeLayers = [:]
            defer {
                wholeLayers = [:]
                try? db.execute("COMMIT")
            }
            return try body()
        } catch let e as PGError {
            throw readError(e)
        }
    }

    /// Features of a mapped layer matching an SQL condition on the table (aliased `t`), in the byte order of
    /// their ids as text (a team's table has no import order to keep). A NULL or repeated id met among
    /// them is refused naming the mapping, table and column.
    func features(_ layer: StoreLayer, where condition: String, _ parameters: [String?] = []) throws -> [StoredFeature] {
        guard let m = resolved[layer] else { return [] }
        let id = "t." + PostGISSchema.quoted(m.idColumn)
        let g = "t." + PostGISSchema.quoted(m.geometryColumn)
        let geometry = m.srid == 4326 ? "ST_AsBinary(\(g))" : "ST_AsBinary(ST_Transform(\(g), 4326))"
        let columns = m.properties.map { ", " + $0.expression }.joined()
        let r = try db.query("SELECT \(id)::text, \(geometry)\(columns) FROM \(m.table) t WHERE \(condition) ORDER BY \(id)::text COLLATE \"C\"", parameters)
        var out = [StoredFeature]()
        out.reserveCapacity(r.rows)
        var seen = Set<String>()
        for row in 0..<r.rows {
            guard let fid = r.text(row, 0) else {
                throw StoreError.refused("\(place(layer, m.table)): id column \"\(m.idColumn)\" holds NULL; every feature needs an id")
            }
            guard seen.insert(fid).inserted else {
                throw StoreError.refused("\(place(layer, m.table)): id column \"\(m.idColumn)\" holds \"\(fid)\" more than once; ids must be unique")
            }
            var shape: Shape?
            if !r.isNull(row, 1) {
                do {
                    shape = try WKB.decode(ArraySlice(r.bytes(row, 1)))
                } catch {
                    throw StoreError.refused("\(place(layer, m.table)): feature \"\(fid)\", column \"\(m.geometryColumn)\": \(error)")
                }
            }
            var properties = JSONObject()
            for (i, p) in m.properties.enumerated() where !r.isNull(row, i + 2) {
                do {
                    properties[p.name] = try PostGISStore.value(r, row, i + 2)
                } catch {
                    throw StoreError.refused("\(place(layer, m.table)): feature \"\(fid)\", column for \"\(p.name)\": \(error)")
                }
            }
            out.append(StoredFeature(id: fid, properties: properties, geometry: shape))
        }
        return out
    }

    package func features(_ layer: StoreLayer, meeting window: Envelope) throws -> [StoredFeature] {
        guard let m = resolved[layer] else { return [] }
        // Another SRID, or a pad too wide to bound: the whole layer, so nothing is missed.
        guard m.srid == 4326, m.bowPad != .readWhole else { return try allFeatures(layer) }
        let g = "t." + PostGISSchema.quoted(m.geometryColumn)
        let pieces = CatalogStore.wrapped(window).map { w in
            "(\(g) && ST_MakeEnvelope(\(w.minX), \(w.minY), \(w.maxX), \(w.maxY), 4326))"
        }
        return try features(layer, where: pieces.joined(separator: " OR "))
    }

    package func features(_ layer: StoreLayer, ids: [String]) throws -> [StoredFeature] {
        guard let m = resolved[layer], !ids.isEmpty else { return [] }
        let id = "t." + PostGISSchema.quoted(m.idColumn)
        let found = try features(layer, where: "\(id)::text = ANY($1::text[])", [PostGISStore.arrayLiteral(ids)])
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        return ids.compactMap { seen.insert($0).inserted ? byID[$0] : nil }
    }

    /// Reads the layer whole and compares the look-up keys of each feature's id, name and aliases (the
    /// team's tables carry no key index).
    package func features(_ layer: StoreLayer, nameKey key: String, containing: Bool) throws -> [StoredFeature] {
        let all = try allFeatures(layer)
        let keys = CatalogStore.nameKeys(layer, all)
        return zip(all, keys).filter { _, k in containing ? k.contains { $0.contains(key) } : k.contains(key) }.map(\.0)
    }

    package func allFeatures(_ layer: StoreLayer) throws -> [StoredFeature] {
        if let kept = wholeLayers[layer] { return kept }
        let all = try features(layer, where: "true")
        wholeLayers[layer] = all
        return all
    }
}

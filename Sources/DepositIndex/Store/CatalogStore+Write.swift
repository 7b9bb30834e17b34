import Dispatch
import Foundation
import Geo

/// How far an import or edit has come, for a progress display.
public struct StoreProgress: Sendable {
    public var layer: StoreLayer
    public var done: Int
    public var total: Int
    /// Features written so far over all layers, and in all.
    public var doneAll: Int
    public var totalAll: Int

    package init(layer: StoreLayer, done: Int, total: Int, doneAll: Int, totalAll: Int) {
        self.layer = layer
        self.done = done
        self.total = total
        self.doneAll = doneAll
        self.totalAll = totalAll
    }
}

extension CatalogStore {
    /// Replaces the given layers with these features, all in one transaction: afterwards the store
    /// holds exactly the new layers (and its other layers untouched), or, on any failure or a kill
    /// at any moment, exactly what it held before.
    func replace(_ layers: [StoreLayer: [StoredFeature]], progress: ((StoreProgress) -> Void)? = nil) throws {
        let totalAll = layers.values.reduce(0) { $0 + $1.count }
        var doneAll = 0
        try withImportCache { try edit {
            for layer in StoreLayer.allCases {
                guard let features = layers[layer] else { continue }
                let cols = PropertyColumns(inferringFrom: features.map(\.properties))
                let problems = cols.problems(layer: layer.fileName)
                if !problems.isEmpty { throw StoreError.refused(problems.joined(separator: "\n")) }
                try db.execute(GeoPackageSchema.dropFeatureTable(layer.table))
                try createTable(layer, columns: cols, geometryType: Self.geometryType(layer, features))
                columns[layer] = cols
                bowPad[layer] = 0
                edgeIndexed.insert(layer)
                try fill(features, into: layer) { done in
                    progress?(StoreProgress(layer: layer, done: done, total: features.count, doneAll: doneAll + done, totalAll: totalAll))
                }
                doneAll += features.count
            }
        } }
    }

    /// The page cache an import writes through, in KiB: what every layer's rows, keys and indexes need
    /// at once for a million deposits. With the usual 128 MiB, SQLite spilled pages to the WAL and read
    /// them back all through the transaction (at 1,000,000 deposits, 884,000 page writes and 552,000
    /// reads for a store of 220,000 pages); 512 MiB took the 1M import's rows from 41-49 s to 38 s on
    /// busy cores, for 50 MB more at the peak.
    static let importCacheKiB = 524_288

    /// Runs `body` with the connection's page cache at `importCacheKiB`, then back to `CatalogStore.cacheKiB`.
    private func withImportCache<T>(_ body: () throws -> T) throws -> T {
        try db.execute("PRAGMA cache_size = -\(Self.importCacheKiB)")
        let result: T
        do {
            result = try body()
        } catch {
            // The body's error is the one to report; a cache left larger costs only memory.
            try? db.execute("PRAGMA cache_size = -\(Self.cacheKiB)")
            throw error
        }
        try db.execute("PRAGMA cache_size = -\(Self.cacheKiB)")
        return result
    }

    /// Runs `body` as one write transaction (see `SQLiteConnection.transaction`). The layer facts are read
    /// again once the write lock is held, since another process may have changed the layers since this
    /// connection opened, and again after a rollback, so they always describe what the file holds.
    package func edit<T>(_ body: () throws -> T) throws -> T {
        do {
            return try db.transaction {
                try loadLayerFacts()
                return try body()
            }
        } catch {
            // The edit's own error is the one to report; if the facts cannot be read now, the next edit
            // or read reads them again before using them.
            try? loadLayerFacts()
            throw error
        }
    }

    /// The geometry type name declared for a layer: the one type its features share, else GEOMETRY.
    /// Deposits are always GEOMETRY, since a survey may add a point, a polygon or a multipolygon.
    package static func geometryType(_ layer: StoreLayer, _ features: [StoredFeature]) -> String {
        if layer == .deposits { return "GEOMETRY" }
        let types = Set(features.compactMap { $0.geometry?.typeName })
        return types.count == 1 ? types.first!.uppercased() : "GEOMETRY"
    }

    private func createTable(_ layer: StoreLayer, columns cols: PropertyColumns, geometryType: String) throws {
        let t = layer.table
        try db.execute("""
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('\(t)', 'features', '\(t)', 'DepositIndex \(t)', 4326);
            INSERT INTO gpkg_geometry_columns VALUES ('\(t)', 'geom', '\(geometryType)', 4326, 0, 0);
            INSERT INTO depositindex_layers VALUES ('\(t)', \(StoreFormat.version), 0);
            """)
        try db.execute(GeoPackageSchema.featureTable(t, geometryType: geometryType, columns: cols))
        try db.execute(GeoPackageSchema.edgeIndex(t))
        try registerJSONColumns(layer, cols)
    }

    private func registerJSONColumns(_ layer: StoreLayer, _ cols: PropertyColumns) throws {
        let s = try db.prepare("INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, mime_type) VALUES (?, ?, ?, 'application/json')")
        for (name, kind) in cols.columns where kind == .json {
            try s.run([.text(layer.table), .text(name), .text(name)])
        }
    }

    /// Adds columns for properties the layer has no column for yet (a survey with a new field).
    /// A value that does not fit its column's type is refused rather than silently changed.
    private func widenColumns(_ layer: StoreLayer, for features: [StoredFeature]) throws {
        guard let (all, added) = try (columns[layer] ?? PropertyColumns()).widened(layer, for: features) else { return }
        for (name, kind) in added {
            try db.execute("ALTER TABLE \(GeoPackageSchema.quoted(layer.table)) ADD COLUMN \(GeoPackageSchema.quoted(name)) \(kind.sqlType)")
        }
        try registerJSONColumns(layer, all)
        columns[layer] = all
    }

    /// Inserts features into an existing layer (inside the caller's transaction), with their look-up keys
    /// and their edge boxes, then brings the layer's extent and bow pad up to date.
    package func insert(_ features: [StoredFeature], into layer: StoreLayer, progress: ((Int) -> Void)? = nil) throws {
        try widenColumns(layer, for: features)
        guard let cols = columns[layer] else { throw StoreError.refused("the store has no \(layer.table) layer") }
        var rows = try LayerRows(db, layer: layer, columns: cols)
        let edges = edgeIndexed.contains(layer)
            ? try db.prepare("INSERT INTO \(GeoPackageSchema.quoted(GeoPackageSchema.edgeIndexName(layer.table))) VALUES (?, ?, ?, ?, ?)") : nil
        var pad = bowPad[layer] ?? 0
        let step = max(1, features.count / 200)
        let keys = Self.nameKeys(layer, features)
        for (i, f) in features.enumerated() {
            let fid = try rows.write(f, keys: keys[i])
            if let g = f.geometry, !g.coordinates.isEmpty {
                pad = max(pad, Self.bow(of: g))
                let box = Self.edgeIndexBox(of: g)
                try edges?.run([.integer(fid), .real(box.minX), .real(box.maxX), .real(box.minY), .real(box.maxY)])
            }
            if i % step == step - 1 { progress?(i + 1) }
        }
        progress?(features.count)
        try finishLayer(layer, bowPad: pad)
    }

    /// What follows a layer's rows: its bow pad kept (in memory and in `depositindex_layers`) and its
    /// extent in `gpkg_contents` made again.
    func finishLayer(_ layer: StoreLayer, bowPad pad: Double) throws {
        bowPad[layer] = pad
        try db.execute("UPDATE depositindex_layers SET bow_pad_deg = \(pad) WHERE table_name = '\(layer.table)'")
        try refreshExtent(layer)
    }

    /// Each feature's distinct look-up keys, computed on every core: folding names is the slowest step of
    /// an import, and the keys do not depend on each other.
    package static func nameKeys(_ layer: StoreLayer, _ features: [StoredFeature]) -> [[String]] {
        guard layer.isNamed, !features.isEmpty else { return Array(repeating: [], count: features.count) }
        return Parallel.map(features.count) { i in
            Array(Set(StoredRecords.names(layer, features[i]).map(NameIndex.key))).filter { !$0.isEmpty }.sorted()
        }
    }

    /// Deletes features by id (inside the caller's transaction); returns how many were there.
    package func delete(ids: [String], from layer: StoreLayer) throws -> Int {
        let t = GeoPackageSchema.quoted(layer.table)
        let find = try db.prepare("SELECT fid FROM \(t) WHERE id = ?")
        let names = try db.prepare("DELETE FROM depositindex_names WHERE table_name = '\(layer.table)' AND fid = ?")
        let row = try db.prepare("DELETE FROM \(t) WHERE fid = ?")
        let edges = edgeIndexed.contains(layer)
            ? try db.prepare("DELETE FROM \(GeoPackageSchema.quoted(GeoPackageSchema.edgeIndexName(layer.table))) WHERE id = ?") : nil
        var removed = 0
        for id in ids {
            try find.bind([.text(id)])
            guard try find.step() else { continue }
            let fid = find.int64(0)
            try names.run([.integer(fid)])
            try row.run([.integer(fid)])
            try edges?.run([.integer(fid)])
            removed += 1
        }
        try refreshExtent(layer)
        return removed
    }

    /// gpkg_contents' extent is the union of the features' envelopes (NULL for an empty layer).
    private func refreshExtent(_ layer: StoreLayer) throws {
        let t = GeoPackageSchema.quoted(layer.table)
        try db.execute("""
            UPDATE gpkg_contents SET
                (min_x, min_y, max_x, max_y) = (SELECT min(ST_MinX(geom)), min(ST_MinY(geom)), max(ST_MaxX(geom)), max(ST_MaxY(geom)) FROM \(t) WHERE geom IS NOT NULL),
                last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now')
            WHERE table_name = '\(layer.table)'
            """)
    }

    /// Degrees of latitude by which the geometry's geodesic edges reach beyond the box of its vertices.
    package static func bow(of shape: Shape) -> Double {
        guard let vertices = Envelope(covering: shape.coordinates) else { return 0 }
        let edges = Catalog.box(of: shape)
        // An edge across the antimeridian leaves its vertices' box in longitude; 180 makes every window
        // search of the layer fall back to reading it all, which stays exact.
        if edges.minX < vertices.minX - 1e-9 || edges.maxX > vertices.maxX + 1e-9 { return 180 }
        return max(0, vertices.minY - edges.minY, edges.maxY - vertices.maxY)
    }
}

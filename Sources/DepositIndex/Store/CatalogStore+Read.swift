import Foundation
import Geo

extension CatalogStore: FeatureSource {
    /// The file as the `directory` of the catalogs read from it (what outputs must never replace).
    var url: URL { URL(fileURLWithPath: path) }
    package var catalogDirectory: URL { url }
    package var storeName: String { path }
    package func hasLayer(_ layer: StoreLayer) -> Bool { columns[layer] != nil }
    /// 0 for a layer with an edge index: its window search needs no pad.
    package func layerBowPad(_ layer: StoreLayer) -> Double { edgeIndexed.contains(layer) ? 0 : bowPad[layer] ?? 0 }

    /// Features of a layer matching an SQL condition on the table (aliased `t`), in fid order.
    func features(_ layer: StoreLayer, join: String = "", where condition: String = "1", _ values: [SQLiteValue] = []) throws -> [StoredFeature] {
        var out = [StoredFeature]()
        try forEachFeature(layer, join: join, where: condition, values) { out.append($0) }
        return out
    }

    /// The same features one at a time, so that a caller may keep only a chunk of them.
    /// - Parameter only: the property columns to read (those of them the layer has), or nil for all.
    func forEachFeature(_ layer: StoreLayer, join: String = "", where condition: String = "1", _ values: [SQLiteValue] = [],
                        columns only: Set<String>? = nil, _ body: (StoredFeature) throws -> Void) throws {
        guard let all = columns[layer] else { return }
        let cols = only.map { only in PropertyColumns(columns: all.columns.filter { only.contains($0.name) }) } ?? all
        let names = cols.columns.map { ", t." + GeoPackageSchema.quoted($0.name) }.joined()
        let s = try db.prepare("SELECT t.id, t.geom\(names) FROM \(GeoPackageSchema.quoted(layer.table)) t \(join) WHERE \(condition) ORDER BY t.fid")
        try s.bind(values)
        while try s.step() {
            let id = s.text(0) ?? ""
            var geometry: Shape?
            // Decoded where SQLite holds the blob, before the next step.
            if let blob = s.bytesInPlace(1) {
                do { geometry = try GeoPackageBinary.decode(blob) } catch { throw StoreError.badRow(layer: layer.table, id: id, "\(error)") }
            }
            // A table's column names are distinct, so each value is appended, not looked up first.
            var members = [(key: String, value: JSONValue)]()
            members.reserveCapacity(cols.columns.count)
            for (i, (name, kind)) in cols.columns.enumerated() {
                do {
                    if let v = try PropertyColumns.jsonValue(s.value(i + 2), kind) { members.append((key: name, value: v)) }
                } catch {
                    throw StoreError.badRow(layer: layer.table, id: id, "column \(name): \(error)")
                }
            }
            try body(StoredFeature(id: id, properties: JSONObject(members), geometry: geometry))
        }
    }

    /// Features whose R-tree box (the box of their vertices) meets `window`, which may reach past ±180°.
    package func features(_ layer: StoreLayer, meeting window: Envelope) throws -> [StoredFeature] {
        var seen = Set<String>()
        var out = [StoredFeature]()
        for w in Self.wrapped(window) {
            let hits = try features(layer, join: "JOIN \(GeoPackageSchema.quoted("rtree_\(layer.table)_geom")) r ON r.id = t.fid",
                                    where: "r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?",
                                    [.real(w.maxX), .real(w.minX), .real(w.maxY), .real(w.minY)])
            for f in hits where seen.insert(f.id).inserted { out.append(f) }
        }
        return out
    }

    package func edgeIndex(_ layer: StoreLayer) -> (any EdgeIndexReader)? {
        edgeIndexed.contains(layer) ? GeoPackageEdgeIndex(store: self, layer: layer) : nil
    }

    /// Features whose geodesic edges may reach into `window` (which may reach past ±180°): through the
    /// layer's edge index, whose boxes hold the edges; for a layer without one (a format-1 store), through
    /// the spec's R-tree with the window grown by the layer's bow pad.
    package func features(_ layer: StoreLayer, edgesMeeting window: Envelope) throws -> [StoredFeature] {
        guard edgeIndexed.contains(layer) else { return try features(layer, meetingPadded: window) }
        let rtree = GeoPackageSchema.quoted(GeoPackageSchema.edgeIndexName(layer.table))
        let arms = GeoPackageEdgeIndex.windows(window)
        let union = arms.map { _ in "SELECT id FROM \(rtree) WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?" }
            .joined(separator: " UNION ")
        return try features(layer, join: "JOIN (\(union)) r ON r.id = t.fid", where: "1",
                            arms.flatMap { w -> [SQLiteValue] in [.real(w.maxX), .real(w.minX), .real(w.maxY), .real(w.minY)] })
    }

    /// A window cut into pieces within [-180, 180].
    package static func wrapped(_ w: Envelope) -> [Envelope] {
        if w.maxX - w.minX >= 360 { return [Envelope(minX: -180, minY: w.minY, maxX: 180, maxY: w.maxY)] }
        var out = [Envelope]()
        for shift in [-360.0, 0, 360] {
            let lo = max(-180, w.minX + shift), hi = min(180, w.maxX + shift)
            if lo <= hi { out.append(Envelope(minX: lo, minY: w.minY, maxX: hi, maxY: w.maxY)) }
        }
        return out
    }

    /// Features by id.
    package func features(_ layer: StoreLayer, ids: [String]) throws -> [StoredFeature] {
        var out = [StoredFeature]()
        for id in ids { out += try features(layer, where: "t.id = ?", [.text(id)]) }
        return out
    }

    package func features(_ layer: StoreLayer, nameKey key: String, containing: Bool) throws -> [StoredFeature] {
        containing
            ? try features(layer, where: "t.fid IN (SELECT fid FROM depositindex_names WHERE table_name = ? AND instr(key, ?) > 0)",
                           [.text(layer.table), .text(key)])
            : try features(layer, where: "t.fid IN (SELECT fid FROM depositindex_names WHERE table_name = ? AND key = ?)",
                           [.text(layer.table), .text(key)])
    }

    /// Every feature of a layer.
    package func allFeatures(_ layer: StoreLayer) throws -> [StoredFeature] {
        try features(layer)
    }

    /// A catalog holding what `request` needs, read through the R-trees; see `StoreRequest`. Throws
    /// `StoreError.missingLayer` when the question needs a layer the store does not hold (one never
    /// imported), rather than answering from nothing.
    public func catalog(for request: StoreRequest) throws -> Catalog {
        try db.snapshot {
            try refreshLayerFacts()
            try checkLayers(for: request)
            return try read(request)
        }
    }

    /// The whole catalog: every feature of every layer, indexed. For questions about everything
    /// (lists, exports, a nearest-rail pass over all deposits); single questions read far less.
    public func catalog() throws -> Catalog {
        let all = try db.snapshot {
            try refreshLayerFacts()  // another process may have imported or replaced a layer since this one opened
            return try allLayers()
        }
        return try catalog(all)
    }

    /// One layer's features as GeoJSON features (for export).
    public func geoJSONFeatures(_ layer: StoreLayer) throws -> [Feature] {
        try allFeatures(layer).map { Feature(id: $0.id, properties: $0.properties, geometry: $0.geometry) }
    }
}

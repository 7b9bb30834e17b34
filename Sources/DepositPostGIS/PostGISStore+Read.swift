import DepositIndex
import Foundation
import Geo

extension PostGISStore: FeatureSource {
    package var storeName: String { name }
    /// Catalogs read from a database have no files an output could replace.
    package var catalogDirectory: URL { URL(fileURLWithPath: "/dev/null") }
    package func hasLayer(_ layer: StoreLayer) -> Bool { columns[layer] != nil }
    package func layerBowPad(_ layer: StoreLayer) -> Double { bowPad[layer] ?? 0 }

    /// A catalog holding what `request` needs, read in one `REPEATABLE READ READ ONLY` transaction (one
    /// whole committed state) through the GiST indexes; see `StoreRequest`. Throws
    /// `StoreError.missingLayer` when the question needs a layer the database does not hold.
    public func catalog(for request: StoreRequest) throws -> Catalog {
        try snapshot {
            try checkLayers(for: request)
            return try read(request)
        }
    }

    /// The whole catalog: every feature of every layer, in one snapshot.
    public func catalog() throws -> Catalog {
        try catalog(try snapshot { try allLayers() })
    }

    /// One layer's features as GeoJSON features (for export).
    public func geoJSONFeatures(_ layer: StoreLayer) throws -> [Feature] {
        try snapshot { try allFeatures(layer) }.map { Feature(id: $0.id, properties: $0.properties, geometry: $0.geometry) }
    }

    /// Runs `body` in one read-only repeatable-read transaction. The shared lock on
    /// `depositindex_layers` is taken before the snapshot (which the first SELECT takes): an import,
    /// which replaces tables and holds that table exclusively until it commits, is then either wholly
    /// before this snapshot or wholly after it.
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        do {
            try db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; LOCK TABLE depositindex_layers IN ACCESS SHARE MODE")
            defer { try? db.execute("COMMIT") }
            try loadLayerFacts()
            return try body()
        } catch let e as PGError {
            throw storeError(e)
        }
    }

    /// Features of a layer matching an SQL condition on the table (aliased `t`), in fid order (or the
    /// order `orderBy` gives), read in binary: the geometry as WKB, numbers as IEEE bytes.
    func features(_ layer: StoreLayer, from: String = "", where condition: String = "true", _ parameters: [String?] = [],
                  orderBy: String = "t.fid") throws -> [StoredFeature] {
        guard let select = selection(layer) else { return [] }
        return try decode(try db.query("\(select) \(from) WHERE \(condition) ORDER BY \(orderBy)", parameters), layer)
    }

    /// `SELECT id, WKB, properties FROM layer t`: the columns `decode` reads; nil when the layer is absent.
    func selection(_ layer: StoreLayer) -> String? {
        guard let cols = columns[layer] else { return nil }
        let names = cols.columns.map { ", t." + PostGISSchema.quoted($0.name) }.joined()
        return "SELECT t.id, ST_AsBinary(t.geom)\(names) FROM \(PostGISSchema.quoted(layer.table)) t"
    }

    /// The features in a binary result of `selection(layer)`.
    func decode(_ r: PGResult, _ layer: StoreLayer) throws -> [StoredFeature] {
        guard let cols = columns[layer] else { return [] }
        var out = [StoredFeature]()
        out.reserveCapacity(r.rows)
        for row in 0..<r.rows {
            let id = r.text(row, 0) ?? ""
            var geometry: Shape?
            if !r.isNull(row, 1) {
                do {
                    geometry = try WKB.decode(ArraySlice(r.bytes(row, 1)))
                } catch {
                    throw StoreError.badRow(layer: layer.table, id: id, "\(error)")
                }
            }
            var properties = JSONObject()
            for (i, (name, _)) in cols.columns.enumerated() where !r.isNull(row, i + 2) {
                do {
                    properties[name] = try Self.value(r, row, i + 2)
                } catch {
                    throw StoreError.badRow(layer: layer.table, id: id, "column \(name): \(error)")
                }
            }
            out.append(StoredFeature(id: id, properties: properties, geometry: geometry))
        }
        return out
    }

    /// One binary value as JSON, by its column's type.
    static func value(_ r: PGResult, _ row: Int, _ column: Int) throws -> JSONValue {
        switch r.type(column) {
        case 16: return .bool(r.bytes(row, column).first == 1)
        case 20, 21, 23: return .number(Double(r.integer(row, column)))
        case 700, 701: return .number(r.double(row, column))
        case 114: return try JSONParser.parse(r.text(row, column) ?? "null")
        case 3802: return try JSONParser.parse(String(decoding: r.bytes(row, column).dropFirst(), as: UTF8.self))  // jsonb: a version byte, then text
        default: return .string(r.text(row, column) ?? "")
        }
    }

    package func features(_ layer: StoreLayer, meeting window: Envelope) throws -> [StoredFeature] {
        guard columns[layer] != nil else { return [] }
        let pieces = CatalogStore.wrapped(window).map { w in
            "t.geom && ST_MakeEnvelope(\(w.minX), \(w.minY), \(w.maxX), \(w.maxY), 4326)"
        }
        return try features(layer, where: pieces.map { "(\($0))" }.joined(separator: " OR "))
    }

    package func features(_ layer: StoreLayer, ids: [String]) throws -> [StoredFeature] {
        guard columns[layer] != nil, !ids.isEmpty else { return [] }
        return try features(layer, from: "JOIN unnest($1::text[]) WITH ORDINALITY u(id, n) ON t.id = u.id",
                            [Self.arrayLiteral(ids)], orderBy: "u.n")
    }

    package func features(_ layer: StoreLayer, nameKey key: String, containing: Bool) throws -> [StoredFeature] {
        let match = containing ? "strpos(key, $2) > 0" : "key = $2"
        return try features(layer, where: "t.fid IN (SELECT fid FROM depositindex_names WHERE table_name = $1 AND \(match))",
                            [layer.table, key])
    }

    package func allFeatures(_ layer: StoreLayer) throws -> [StoredFeature] {
        try features(layer)
    }

    /// Texts as a PostgreSQL array literal (`{"a","b\"c"}`).
    static func arrayLiteral(_ texts: [String]) -> String {
        "{" + texts.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}

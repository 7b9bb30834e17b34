import DepositIndex
import Foundation
import Geo

/// A team's existing PostGIS tables read in place, read-only, through a `StoreMapping` (which table and
/// columns hold each layer): the same request logic as `PostGISStore` (`FeatureSource+Request`), so the
/// same exact answers on the ellipsoid, without importing anything.
///
///     let mapping = try StoreMapping(path: "team-mapping.json")
///     let source = try MappedPostGISSource(url: "postgresql://me@db.example/gis", mapping: mapping)
///     var request = StoreRequest()
///     request.deposits = ["kz-w-001"]
///     request.nearestRail = 1
///     let answer = try source.catalog(for: request).nearestRail(to: .deposit("kz-w-001"))
///     // answer[0].railId == "rail-ne-13309", as from our own tables (the bundled data, mapped)
///
/// - A layer whose geometry column has SRID 4326 is read through its GiST index: windows
///   `col && ST_MakeEnvelope(..., 4326)` grown by the layer's bow pad (`MappedBowPad`, a proven bound
///   measured by an aggregate over the table the first time a question reads the layer by window).
/// - A layer in any other SRID is read whole, transformed with `ST_Transform(col, 4326)`, for every
///   question that needs it: no window in its SRID could be proven to hold every candidate. A large
///   deposits table in a projected SRID is therefore slow; a 4326 column (or a 4326 view with its own
///   index) is the fast way.
/// - Look-ups by name read the layer's id and name columns whole (the team's tables have no key index).
///
/// The connection is read-only (`default_transaction_read_only`), and each question is read in one
/// `REPEATABLE READ READ ONLY` transaction. What a deposit needs: the `id` and `geometry` columns; `name`
/// (else the id is the name), `commodities` and `aliases` (text[] or JSON arrays; else none), `status`,
/// `footprint`, `location_precision_m` and `source` are read when mapped and absent otherwise, and an
/// answer that prints one shows it absent.
public final class MappedPostGISSource {
    let db: PGConnection
    public let mapping: StoreMapping
    /// How messages name the database (no password).
    public var name: String { db.name }

    /// One mapped layer as found in the database.
    struct Resolved {
        var spec: StoreMapping.Layer
        /// The table as the server spells it (`regclass` text, quoted where needed).
        var table: String
        var idColumn: String
        var geometryColumn: String
        /// Each property's name and the SQL expression selecting it (`t.col`, `to_json(t.col)`, ...).
        var properties: [(name: String, expression: String)]
        var srid: Int
        var bowPad: Pad
    }

    /// A layer's bow pad: not yet measured (windows are then grown to the poles, which stays exact),
    /// measured (degrees of latitude), or none that helps (the layer is read whole).
    enum Pad: Equatable {
        case unknown
        case degrees(Double)
        case readWhole
    }

    var resolved: [StoreLayer: Resolved] = [:]
    /// Layers read whole within the current snapshot (name look-ups, layers in another SRID), kept until
    /// it ends so a question's repeated reads (growing windows, several names) cost one.
    var wholeLayers: [StoreLayer: [StoredFeature]] = [:]

    /// A mapped layer's SRID and bow pad (nil when it is read whole), measuring the pad if not yet done;
    /// nil for a layer left out.
    package func layerFacts(_ layer: StoreLayer) throws -> (srid: Int, bowPad: Double?)? {
        guard let m = resolved[layer] else { return nil }
        try snapshot { try measurePad(layer) }
        if case .degrees(let d) = resolved[layer]?.bowPad { return (m.srid, d) }
        return (m.srid, nil)
    }

    /// Measures a 4326 layer's bow pad (once per source), inside the caller's transaction: first from the
    /// widest feature box (one cheap aggregate); when that gives no usable bound (features wider than
    /// 11.46° of longitude, such as a country outline), from the widest edge step among the features
    /// wider than 1° (`ST_DumpSegments`, PostGIS 3.2 or later), the narrower ones counting as 1°.
    /// See `MappedBowPad` for why the result bounds every edge.
    func measurePad(_ layer: StoreLayer) throws {
        guard let m = resolved[layer], m.bowPad == .unknown else { return }
        let g = "t." + PostGISSchema.quoted(m.geometryColumn)
        let box = try db.query("""
            SELECT max(ST_XMax(\(g)) - ST_XMin(\(g)))::text, max(greatest(abs(ST_YMin(\(g))), abs(ST_YMax(\(g)))))::text
            FROM \(m.table) t WHERE \(g) IS NOT NULL
            """, binary: false)
        let span = box.text(0, 0).map { Double($0) ?? .infinity } ?? 0
        let latitude = box.text(0, 1).map { Double($0) ?? .infinity } ?? 0
        var pad = MappedBowPad.bound(edgeLongitudeSpan: span, maxAbsLatitude: latitude)
        if pad == nil, try db.query("SELECT to_regproc('st_dumpsegments') IS NOT NULL", binary: false).text(0, 0) == "t" {
            let steps = try db.query("""
                SELECT max(ST_XMax(s.geom) - ST_XMin(s.geom))::text FROM \(m.table) t, ST_Dump(\(g)) d,
                    ST_DumpSegments(CASE WHEN ST_Dimension(d.geom) > 0 THEN d.geom END) s
                WHERE ST_XMax(\(g)) - ST_XMin(\(g)) > 1
                """, binary: false)
            let widest = max(1, steps.text(0, 0).map { Double($0) ?? .infinity } ?? 0)
            pad = MappedBowPad.bound(edgeLongitudeSpan: widest, maxAbsLatitude: latitude)
        }
        resolved[layer]?.bowPad = pad.map { .degrees($0) } ?? .readWhole
    }

    /// Connects, read-only, and checks every mapped table and column; an absent table or column, a
    /// geometry column that is not `geometry`, or one without an SRID is a `StoreError.refused` naming
    /// the mapping file, the layer, the table and the column (exit 65).
    public init(url: String, mapping: StoreMapping) throws {
        self.mapping = mapping
        db = try PGConnection(url)
        do {
            try db.execute("SET default_transaction_read_only = on; BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { try? db.execute("COMMIT") }
            let r = try db.query("SELECT count(*)::int FROM pg_extension WHERE extname = 'postgis'", binary: false)
            if r.text(0, 0) != "1" {
                throw StoreError.notAStore(path: name, "the database has no PostGIS extension, so it holds no geometry columns to map")
            }
            for layer in StoreLayer.allCases {
                guard let spec = mapping.layers[layer] else { continue }
                resolved[layer] = try resolve(layer, spec)
            }
        } catch let e as PGError {
            throw readError(e)
        }
    }

    /// A server's failure while reading: a table the user may not read (42501) is "cannot read" (65),
    /// not "cannot write" as for our own store's edits; the rest as `PostGISStore.storeError`.
    func readError(_ e: PGError) -> Error {
        if e.sqlState == "42501" { return StoreError.cannotRead(path: name, "\(e.message) (--store-mapping \(mapping.file))") }
        return PostGISStore.storeError(e, name: name)
    }

    /// "--store-mapping FILE: layer L (table T)" for messages.
    func place(_ layer: StoreLayer, _ table: String) -> String {
        "--store-mapping \(mapping.file): layer \(layer.rawValue) (table \(table))"
    }

    private func resolve(_ layer: StoreLayer, _ spec: StoreMapping.Layer) throws -> Resolved {
        let found = try db.query("SELECT to_regclass($1)::text, to_regclass($1)::oid::text", [spec.table], binary: false)
        guard let table = found.text(0, 0), let oid = found.text(0, 1) else {
            throw StoreError.refused("\(place(layer, spec.table)): no such table or view in \(name)")
        }
        let cols = try db.query("""
            SELECT a.attname::text, t.typname::text, format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped
            """, [oid], binary: false)
        var types = [String: (typname: String, formatted: String)]()
        for i in 0..<cols.rows { types[cols.text(i, 0) ?? ""] = (cols.text(i, 1) ?? "", cols.text(i, 2) ?? "") }
        func column(_ c: String, _ role: String) throws -> (typname: String, formatted: String) {
            guard let t = types[c] else {
                throw StoreError.refused("\(place(layer, table)): no column \"\(c)\" (mapped as \(role)); the table has \(types.keys.sorted().joined(separator: ", "))")
            }
            return t
        }
        _ = try column(spec.id, "the id")
        let g = try column(spec.geometry, "the geometry")
        guard g.typname == "geometry" else {
            throw StoreError.refused("\(place(layer, table)): column \"\(spec.geometry)\" is \(g.formatted), not a PostGIS geometry")
        }
        var properties = [(name: String, expression: String)]()
        for (property, c) in spec.properties {
            let t = try column(c, "property \"\(property)\"")
            // The properties the engine reads as lists or numbers: a column that cannot hold one would
            // read as "none", a plausible-looking default, so it is refused.
            if Self.listProperties.contains(property), !(t.typname.hasPrefix("_") || t.typname == "json" || t.typname == "jsonb") {
                throw StoreError.refused("\(place(layer, table)): property \"\(property)\" is a list, but column \"\(c)\" is \(t.formatted) (give a text[] or json column)")
            }
            if Self.numberProperties.contains(property), !["int2", "int4", "int8", "float4", "float8", "numeric"].contains(t.typname) {
                throw StoreError.refused("\(place(layer, table)): property \"\(property)\" is a number, but column \"\(c)\" is \(t.formatted)")
            }
            properties.append((property, Self.expression("t." + PostGISSchema.quoted(c), typname: t.typname)))
        }
        let srid = try self.srid(layer, table: table, oid: oid, column: spec.geometry)
        return Resolved(spec: spec, table: table, idColumn: spec.id, geometryColumn: spec.geometry, properties: properties,
                        srid: srid, bowPad: srid == 4326 ? .unknown : .readWhole)
    }

    /// The column's SRID from `geometry_columns`; for a column without a typmod SRID (0), the one SRID its
    /// values carry. Refused when the values carry none or several.
    private func srid(_ layer: StoreLayer, table: String, oid: String, column: String) throws -> Int {
        let r = try db.query("""
            SELECT g.srid::text FROM geometry_columns g
            JOIN pg_class c ON c.relname = g.f_table_name JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = g.f_table_schema
            WHERE c.oid = $1::oid AND g.f_geometry_column = $2
            """, [oid, column], binary: false)
        if r.rows > 0, let s = Int(r.text(0, 0) ?? ""), s != 0 { return s }
        let q = PostGISSchema.quoted(column)
        let values = try db.query("SELECT min(ST_SRID(\(q)))::text, max(ST_SRID(\(q)))::text FROM \(table) WHERE \(q) IS NOT NULL", binary: false)
        guard let low = values.text(0, 0).flatMap({ Int($0) }), let high = values.text(0, 1).flatMap({ Int($0) }) else { return 4326 }
        guard low == high, low != 0 else {
            throw StoreError.refused("\(place(layer, table)): column \"\(column)\" has no single SRID (its values carry \(low == high ? "none" : "SRIDs \(low) to \(high)")); give it one, e.g. with a view using ST_SetSRID")
        }
        return low
    }

    /// Properties the engine reads as lists of texts, and as numbers.
    static let listProperties: Set<String> = ["aliases", "commodities"]
    static let numberProperties: Set<String> = ["width_km", "location_precision_m"]

    /// How a column of type `typname` is selected so that `PostGISStore.value` reads it: numbers,
    /// booleans and json as they are, `numeric` as double, `jsonb` as json, arrays as JSON arrays, anything
    /// else as its text.
    static func expression(_ column: String, typname: String) -> String {
        switch typname {
        case "bool", "int2", "int4", "int8", "float4", "float8", "json": return column
        case "numeric": return "\(column)::float8"
        case "jsonb": return "\(column)::json"
        case let t where t.hasPrefix("_"): return "to_json(\(column))"
        default: return "\(column)::text"
        }
    }
}

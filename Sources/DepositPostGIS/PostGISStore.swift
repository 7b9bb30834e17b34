import DepositIndex
import Foundation
import Geo

/// A catalog kept in PostgreSQL/PostGIS, beside the GeoPackage store and with the same surface:
/// PostGIS gives the candidates (`geom && ST_MakeEnvelope(...)` windows through a GiST index, grown as
/// the GeoPackage store grows its R-tree windows: `FeatureSource+Request`, `NearestCandidates`), and the
/// engine decides every answer exactly on the ellipsoid (PostGIS's own geography distances are taken on
/// a sphere, and its geography buffers lose area along long lines). Tables: `PostGISSchema`.
///
///     let store = try PostGISStore(url: "postgresql://me@db.example/catalog", access: .create)
///     try store.importData(from: [URL(fileURLWithPath: "GeoData")])
///     var request = StoreRequest()
///     request.deposits = ["kz-w-001"]
///     request.nearestRail = 1
///     let answer = try store.catalog(for: request).nearestRail(to: .deposit("kz-w-001"))
///     // answer[0].railId == "rail-ne-13309", the same as from GeoData and the GeoPackage store
///
/// Readers read one question's worth in one `REPEATABLE READ READ ONLY` transaction, so they see one
/// whole committed state; edits are serialized by an advisory lock (see `edit`). A `PostGISStore` is one
/// connection: use it from one thread at a time.
public final class PostGISStore {
    public typealias Access = CatalogStore.Access

    let db: PGConnection
    /// How messages name the database (no password).
    public var name: String { db.name }
    /// The property columns of each layer present, and each layer's bow pad.
    var columns: [StoreLayer: PropertyColumns] = [:]
    var bowPad: [StoreLayer: Double] = [:]

    /// Connects to the database `url` names (a `postgresql://` URL; `postgresql:` alone for the PG*
    /// environment variables). `.read` and `.write` need the PostGIS extension and DepositIndex's tables
    /// (refused, saying which is missing); `.create` makes them (`CREATE EXTENSION IF NOT EXISTS postgis`).
    public init(url: String, access: Access) throws {
        db = try PGConnection(url)
        do {
            if access == .create {
                try ensureSchema()
            } else {
                try checkSchema()
            }
            // One statement, so one consistent state; every read and edit reads the facts again in its own
            // transaction. (Two round trips in all before the question's: a cold query is mostly connecting.)
            try loadLayerFacts()
        } catch let e as PGError {
            throw storeError(e)
        }
    }

    /// Refuses a database without PostGIS or without DepositIndex's tables, saying which.
    private func checkSchema() throws {
        let r = try db.query("SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'postgis')::int, to_regclass('depositindex_layers') IS NOT NULL", binary: false)
        if r.text(0, 0) != "1" {
            throw StoreError.notAStore(path: name, "the database has no PostGIS extension (deposits import DIR --into URL creates it, if the user may)")
        }
        if r.text(0, 1) != "t" {
            throw StoreError.notAStore(path: name, "the database has PostGIS but not DepositIndex's tables (create them with deposits import DIR --into URL)")
        }
    }

    /// Creates the PostGIS extension (when missing) and DepositIndex's tables, under the edit lock so
    /// that two processes creating them at once do not collide.
    private func ensureSchema() throws {
        try db.execute("BEGIN")
        do {
            try db.query("SELECT pg_advisory_xact_lock(\(PostGISSchema.editLockKey))")
            let has = try db.query("SELECT count(*)::int FROM pg_extension WHERE extname = 'postgis'", binary: false)
            if has.text(0, 0) != "1" {
                do {
                    try db.execute("CREATE EXTENSION IF NOT EXISTS postgis")
                } catch let e as PGError {
                    throw StoreError.cannotWrite(path: name, "the database has no PostGIS extension and CREATE EXTENSION postgis failed (\(e.message)); ask its owner to run CREATE EXTENSION postgis, or install PostGIS on the server")
                }
            }
            try db.execute(PostGISSchema.core)
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Reads which layers exist, their property columns and bow pads (inside the caller's transaction);
    /// refuses tables written in a newer layout than this program reads.
    func loadLayerFacts() throws {
        columns = [:]
        bowPad = [:]
        let r = try db.query("""
            SELECT l.table_name, l.bow_pad_deg::text, a.attname::text, format_type(a.atttypid, a.atttypmod), l.format_version::text
            FROM depositindex_layers l
            LEFT JOIN pg_attribute a ON a.attrelid = to_regclass(quote_ident(l.table_name)) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY l.table_name, a.attnum
            """, binary: false)
        var cols = [StoreLayer: [(name: String, kind: PropertyColumns.Kind)]]()
        for i in 0..<r.rows {
            if let version = Int(r.text(i, 4) ?? ""), version > PostGISSchema.version {
                throw StoreError.notAStore(path: name, "written in store format \(version) by a newer DepositIndex; this one reads format \(PostGISSchema.version)")
            }
            guard let layer = StoreLayer(rawValue: r.text(i, 0) ?? "") else { continue }
            bowPad[layer] = Double(r.text(i, 1) ?? "") ?? 180
            if cols[layer] == nil { cols[layer] = [] }
            guard let column = r.text(i, 2), !PropertyColumns.reserved.contains(column) else { continue }
            cols[layer]!.append((column, PostGISSchema.kind(sqlType: r.text(i, 3) ?? "") ?? .text))
        }
        for (layer, c) in cols { columns[layer] = PropertyColumns(columns: c) }
    }

    /// The layers this store holds.
    public var layers: [StoreLayer] { StoreLayer.allCases.filter { columns[$0] != nil } }

    /// Number of features in a layer (0 when the layer is absent).
    public func count(_ layer: StoreLayer) throws -> Int {
        guard columns[layer] != nil else { return 0 }
        do {
            let r = try db.query("SELECT count(*)::text FROM \(PostGISSchema.quoted(layer.table))", binary: false)
            return Int(r.text(0, 0) ?? "") ?? 0
        } catch let e as PGError {
            throw storeError(e)
        }
    }

    /// A server's failure as the store error a user can act on, else as it is (its words, no password).
    func storeError(_ e: PGError) -> Error { Self.storeError(e, name: name) }

    /// `storeError` for a database named `name`.
    static func storeError(_ e: PGError, name: String) -> Error {
        switch e.sqlState ?? "" {
        case let s where s.hasPrefix("08"): return StoreError.cannotRead(path: name, e.message)
        case "42501": return StoreError.cannotWrite(path: name, e.message)
        case "55P03": return StoreError.busy(path: name, waitedSeconds: PostGISSchema.lockWaitSeconds)
        case "25006": return StoreError.cannotWrite(path: name, "the connection is read-only (\(e.message))")
        case "53100", "53200": return StoreError.ioFailure(path: name, e.message)
        case let s where s.hasPrefix("58"): return StoreError.ioFailure(path: name, e.message)
        default: return e
        }
    }
}

import Foundation
import Geo

/// A catalog kept in a GeoPackage file: one feature table per layer with an R-tree, readable by GDAL
/// and QGIS as it is. Queries read only the features near the question (`StoreRequest`,
/// `CatalogStore+Request`, `NearestCandidates`); imports and edits run in one transaction each, so a
/// store is never seen half-written.
///
///     let store = try CatalogStore(path: "catalog.gpkg", access: .create)
///     try store.importData(from: [URL(fileURLWithPath: "GeoData")])
///     var request = StoreRequest()
///     request.deposits = ["kz-w-001"]
///     request.nearestRail = 1
///     let answer = try store.catalog(for: request).nearestRail(to: .deposit("kz-w-001"))
///     // answer[0].railId == "rail-ne-13309", answer[0].distanceM ≈ 35,212.27
///
/// The file is in SQLite's WAL mode, so any number of readers keep reading the last committed state
/// while one process writes. A `CatalogStore` is one connection: use it from one thread at a time.
public final class CatalogStore {
    public enum Access: Sendable {
        /// Reading only; the file must exist and be a store.
        case read
        /// Reading and writing an existing store.
        case write
        /// Reading and writing; creates the file (as an empty store) when it does not exist.
        case create
    }

    public let path: String
    let db: SQLiteConnection
    /// The property columns of each layer present.
    var columns: [StoreLayer: PropertyColumns] = [:]
    /// How far (degrees of latitude) a geodesic edge of the layer bows beyond its vertices' box.
    var bowPad: [StoreLayer: Double] = [:]
    /// The layers with an edge index (`GeoPackageSchema.edgeIndex`): all but those of a format-1 store.
    var edgeIndexed: Set<StoreLayer> = []
    /// `PRAGMA data_version` when the layer facts were last read: another connection's commit changes it.
    private var factsVersion: Int64?
    /// For tests: given to each layer's `RTreeBuildStop` in an import, called after each batch of its R-tree builds.
    var afterRTreeBatch: (@Sendable (RTreeBuildStop) -> Void)?

    /// Opens (or, with `.create`, creates) the store. Failures a user can act on (a read-only file, not a
    /// store, no permission) are thrown as `StoreError`.
    public init(path: String, access: Access) throws {
        self.path = path
        // "-" is standard output to every other -o here; a store is a file, which a stream cannot hold.
        if access != .read, OutputTarget.standardOutputPaths.contains(path) {
            throw StoreError.cannotWrite(path: path, "a store is a file; it cannot go to standard output")
        }
        // SQLite opens "" as a private temporary database, deleted on close: an import would vanish.
        if path.isEmpty {
            throw access == .read ? StoreError.notAStore(path: path, "an empty path names no file")
                                  : StoreError.cannotWrite(path: path, "an empty path names no file")
        }
        switch StorePath(path) {
        case .regularFile: break
        case .missing where access == .create: break
        case .missing: throw StoreError.notAStore(path: path, access == .read ? "no such file" : "no such file (create it with deposits import)")
        case .other(let what):
            throw access == .read ? StoreError.notAStore(path: path, "it is \(what), not a store file")
                                  : StoreError.cannotWrite(path: path, "it is \(what), not a file")
        }
        do {
            db = try Self.open(path, access)
            try prepare(access)
        } catch let e as SQLiteError {
            throw StoreError(e) ?? e
        }
    }

    /// A connection for `access`. A reader of a store in a place it may not write (a read-only directory
    /// or mount) cannot create the `-shm` file WAL mode shares between connections; when no `-wal` file is
    /// there either, no writer is at work and everything committed is in the file itself, so it is read
    /// as an immutable file.
    private static func open(_ path: String, _ access: Access) throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: path, mode: access == .read ? .readOnly : (access == .create ? .create : .readWrite))
        guard access == .read else { return db }
        do {
            _ = try db.integer("SELECT count(*) FROM sqlite_master")
            return db
        } catch let e as SQLiteError where [8, 14].contains(e.code) && !FileManager.default.fileExists(atPath: path + "-wal") {
            return try SQLiteConnection(path: path, mode: .immutable)
        }
    }

    private func prepare(_ access: Access) throws {
        try GeoPackageFunctions.register(on: db)
        let isEmpty = { [db] in try db.integer("SELECT count(*) FROM sqlite_master") == 0 }
        if access == .create {
            // Under the write lock, so that of two processes creating the same store at once one creates
            // it and the other finds it made.
            try db.transaction {
                guard try isEmpty() else { return }
                try db.execute("PRAGMA application_id = \(GeoPackageSchema.applicationID); PRAGMA user_version = \(GeoPackageSchema.userVersion)")
                try db.execute(GeoPackageSchema.core)
            }
        } else if try isEmpty() {
            throw StoreError.notAStore(path: path, "the file is empty")
        }
        try checkIdentity()
        if access != .read {
            // WAL lets readers go on reading the last commit while an import runs; it is kept in the file header.
            try db.execute("PRAGMA journal_mode = WAL")
            // A kill of the process cannot lose a WAL commit with NORMAL (only a power cut could lose the last
            // one, never corrupt); a large cache keeps a big import from spilling pages to the WAL twice.
            try db.execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(Self.cacheKiB)")
        }
        try db.execute("PRAGMA foreign_keys = ON")
        try refreshLayerFacts()
    }

    /// A writer's page cache in KiB (an import raises it while it writes: `importCacheKiB`).
    static let cacheKiB = 131_072

    private func checkIdentity() throws {
        let app = try db.integer("PRAGMA application_id") ?? 0
        guard Int32(truncatingIfNeeded: app) == GeoPackageSchema.applicationID else {
            throw StoreError.notAStore(path: path, "not a GeoPackage (application_id \(app), expected 0x47504B47 \"GPKG\")")
        }
        guard try db.integer("SELECT count(*) FROM sqlite_master WHERE name = 'depositindex_layers'") == 1 else {
            throw StoreError.notAStore(path: path, "a GeoPackage, but without DepositIndex's tables (create it with `deposits import`)")
        }
        if let newest = try db.integer("SELECT max(format_version) FROM depositindex_layers"), newest > StoreFormat.version {
            throw StoreError.notAStore(path: path, "written in store format \(newest) by a newer DepositIndex; this one reads format \(StoreFormat.version)")
        }
    }

    /// Reads the layer facts again if another connection has committed since they were read (an import
    /// may have added, dropped or widened a layer). Call inside a read or write transaction, so that the
    /// facts hold for what the transaction reads.
    func refreshLayerFacts() throws {
        _ = try db.integer("SELECT count(*) FROM depositindex_layers")  // starts the transaction's snapshot
        let version = try db.integer("PRAGMA data_version")
        if version != nil, version == factsVersion { return }
        try loadLayerFacts()
        factsVersion = version
    }

    /// Reads which layers exist, their columns, their bow pads, and which have an edge index.
    func loadLayerFacts() throws {
        columns = [:]
        bowPad = [:]
        edgeIndexed = []
        let s = try db.prepare("SELECT table_name, bow_pad_deg, format_version FROM depositindex_layers")
        try s.bind([])
        var names = [(StoreLayer, Double, Int64)]()
        while try s.step() {
            if let layer = StoreLayer(rawValue: s.text(0) ?? "") { names.append((layer, s.double(1), s.int64(2))) }
        }
        for (layer, pad, version) in names {
            bowPad[layer] = pad
            if version >= StoreFormat.edgeIndexVersion { edgeIndexed.insert(layer) }
            columns[layer] = try readColumns(layer)
        }
    }

    private func readColumns(_ layer: StoreLayer) throws -> PropertyColumns {
        var json = Set<String>()
        let d = try db.prepare("SELECT column_name FROM gpkg_data_columns WHERE table_name = ? AND mime_type = 'application/json'")
        try d.bind([.text(layer.table)])
        while try d.step() { json.insert(d.text(0) ?? "") }
        let s = try db.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid")
        try s.bind([.text(layer.table)])
        var cols = [(name: String, kind: PropertyColumns.Kind)]()
        while try s.step() {
            let name = s.text(0) ?? "", type = (s.text(1) ?? "").uppercased()
            if PropertyColumns.reserved.contains(name) { continue }
            let kind: PropertyColumns.Kind = json.contains(name) ? .json : (PropertyColumns.Kind(rawValue: type) ?? .text)
            cols.append((name, kind))
        }
        return PropertyColumns(columns: cols)
    }

    /// The layers this store holds.
    public var layers: [StoreLayer] { StoreLayer.allCases.filter { columns[$0] != nil } }

    /// Number of features in a layer (0 when the layer is absent).
    public func count(_ layer: StoreLayer) throws -> Int {
        guard columns[layer] != nil else { return 0 }
        return Int(try db.integer("SELECT count(*) FROM \(GeoPackageSchema.quoted(layer.table))") ?? 0)
    }

    /// `PRAGMA integrity_check`: "ok", or SQLite's list of what is damaged.
    public func integrityCheck() throws -> String {
        let s = try db.prepare("PRAGMA integrity_check")
        try s.bind([])
        var lines = [String]()
        while try s.step() { lines.append(s.text(0) ?? "") }
        return lines.joined(separator: "\n")
    }
}

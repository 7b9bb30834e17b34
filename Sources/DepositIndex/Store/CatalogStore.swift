import Foundation
import Geo

/// A catalog kept in a GeoPackage file: one feature table per layer with an R-tree, readable by GDAL
/// and QGIS as it is. Queries read only the features near the question (`CatalogStore+Candidates`);
/// imports and edits run in one transaction each, so a store is never seen half-written.
///
///     let store = try CatalogStore(path: "catalog.gpkg", access: .create)
///     try store.importDirectory(URL(fileURLWithPath: "GeoData"))
///     let answer = try store.nearestRail(to: .deposit("kz-kar-upper-kairakty"))
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

    public init(path: String, access: Access) throws {
        self.path = path
        // A store is a regular file: a FIFO or a device is refused before SQLite opens (and waits on) it.
        if access == .create {
            try Self.checkCreatable(path)
        } else {
            try InputFile.check(path)
        }
        db = try SQLiteConnection(path: path, mode: access == .read ? .readOnly : (access == .create ? .create : .readWrite))
        try GeoPackageFunctions.register(on: db)
        let isNew: Bool
        do {
            isNew = try db.integer("SELECT count(*) FROM sqlite_master") == 0
        } catch let e as SQLiteError where e.code == 26 {
            throw StoreError.notAStore(path: path, "not an SQLite database (a GeoPackage is one)")
        }
        if isNew {
            guard access == .create else { throw StoreError.notAStore(path: path, "the file is empty") }
            try db.execute("PRAGMA application_id = \(GeoPackageSchema.applicationID); PRAGMA user_version = \(GeoPackageSchema.userVersion)")
            try db.transaction { try db.execute(GeoPackageSchema.core) }
        }
        try checkIdentity()
        if access != .read {
            // WAL lets readers go on reading the last commit while an import runs; it is kept in the file header.
            try db.execute("PRAGMA journal_mode = WAL")
            // A kill of the process cannot lose a WAL commit with NORMAL (only a power cut could lose the last
            // one, never corrupt); a large cache keeps a big import from spilling pages to the WAL twice.
            try db.execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072")
        }
        try db.execute("PRAGMA foreign_keys = ON")
        try loadLayerFacts()
    }

    /// A store to create or update must be a regular file, or a new name in an existing directory; the
    /// refusal (`OutputFailure`, "cannot write") says what the path is instead.
    private static func checkCreatable(_ path: String) throws {
        if let existing = FileIdentity(path: path) {
            guard existing.kind == .regular else { throw OutputFailure.cannotWrite(path, "it is \(existing.kind); a store is a regular file") }
            return
        }
        // Nothing there (or nothing reachable): say why a new file cannot be made.
        if OutputTarget.standardOutputPaths.contains(path) { throw OutputFailure.cannotWrite(path, "a store is a file; it cannot go to standard output") }
        _ = try OutputTarget(path: path)  // a symlink loop, or a path that cannot be looked at
        let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        guard let parent = FileIdentity(path: directory) else {
            throw OutputFailure.cannotWrite(path, "the directory \(directory) does not exist")
        }
        if parent.kind != .directory { throw OutputFailure.cannotWrite(path, "\(directory) is \(parent.kind), not a directory") }
    }

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

    /// Reads which layers exist, their columns, and their bow pads.
    func loadLayerFacts() throws {
        columns = [:]
        bowPad = [:]
        let s = try db.prepare("SELECT table_name, bow_pad_deg FROM depositindex_layers")
        try s.bind([])
        var names = [(StoreLayer, Double)]()
        while try s.step() {
            if let layer = StoreLayer(rawValue: s.text(0) ?? "") { names.append((layer, s.double(1))) }
        }
        for (layer, pad) in names {
            bowPad[layer] = pad
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

import DepositIndex
import Foundation

/// Where `--store`, `--into` and `deposits serve --store` point: a GeoPackage file, or a PostgreSQL
/// database by URL (`postgresql://user@host:5432/catalog`, `postgres://...`, or `postgresql:` alone for
/// the PG* environment variables). The one place the CLI and the server choose a store.
///
///     let location = StoreLocation("postgresql://me@db.example/catalog")
///     location.displayName                     // "postgresql://me@db.example/catalog", never a password
///     try location.catalog(for: request)      // from PostGIS; for "catalog.gpkg", from the GeoPackage
///
/// With a mapping file (`--store-mapping FILE`), a database's own tables read in place, read-only
/// (`MappedPostGISSource`); edits and imports into it are refused.
public enum StoreLocation: Sendable {
    case geoPackage(path: String)
    case postgreSQL(url: String)
    /// A team's tables, through the mapping file at `mapping` (see `StoreMapping`).
    case mappedPostGIS(url: String, mapping: String)

    public init(_ text: String) {
        self = ConnectionText.isPostgreSQL(text) ? .postgreSQL(url: text) : .geoPackage(path: text)
    }

    /// `text` read through the mapping file `mapping`, when one is given.
    public init(_ text: String, mapping: String?) {
        if let mapping { self = .mappedPostGIS(url: text, mapping: mapping) } else { self.init(text) }
    }

    private func readOnly(_ what: String) -> StoreError {
        StoreError.refused("\(what) is refused: \(displayName) is read through a mapping, read-only")
    }

    /// How messages name it: the path, or the URL without its password.
    public var displayName: String {
        switch self {
        case .geoPackage(let path): return path
        case .postgreSQL(let url), .mappedPostGIS(let url, _): return ConnectionText.redacted(url)
        }
    }

    /// The files an output must never replace: the GeoPackage and its `-wal` and `-shm`; none for a database.
    public var files: [URL] {
        switch self {
        case .geoPackage(let path): return [URL(fileURLWithPath: path)] + ["-wal", "-shm"].map { URL(fileURLWithPath: path + $0) }
        case .postgreSQL, .mappedPostGIS: return []
        }
    }

    /// The catalog holding what `request` needs, read from the store.
    public func catalog(for request: StoreRequest) throws -> Catalog {
        switch self {
        case .geoPackage(let path): return try CatalogStore(path: path, access: .read).catalog(for: request)
        case .postgreSQL(let url): return try PostGISStore(url: url, access: .read).catalog(for: request)
        case .mappedPostGIS(let url, let mapping): return try MappedPostGISSource(url: url, mapping: try StoreMapping(path: mapping)).catalog(for: request)
        }
    }

    /// Every feature of every layer.
    public func catalog() throws -> Catalog {
        switch self {
        case .geoPackage(let path): return try CatalogStore(path: path, access: .read).catalog()
        case .postgreSQL(let url): return try PostGISStore(url: url, access: .read).catalog()
        case .mappedPostGIS(let url, let mapping): return try MappedPostGISSource(url: url, mapping: try StoreMapping(path: mapping)).catalog()
        }
    }

    /// The deposits a chunk at a time, with the other layers read once (`DepositChunkSource`).
    public func depositChunks() throws -> any DepositChunkSource {
        switch self {
        case .geoPackage(let path): return try CatalogStore(path: path, access: .read)
        case .postgreSQL(let url): return try PostGISStore(url: url, access: .read)
        // A team's own tables are read whole (in one snapshot), then handed out a chunk at a time.
        case .mappedPostGIS: return try catalog()
        }
    }

    /// Imports a checked input (creating the store, or the database's tables, when missing).
    @discardableResult
    public func importData(_ input: CatalogStore.ImportInput, progress: ((StoreProgress) -> Void)? = nil,
                           note: ((String) -> Void)? = nil) throws -> [(layer: StoreLayer, count: Int)] {
        switch self {
        case .geoPackage(let path): return try CatalogStore(path: path, access: .create).importData(input, progress: progress, note: note)
        case .postgreSQL(let url): return try PostGISStore(url: url, access: .create).importData(input, progress: progress, note: note)
        case .mappedPostGIS: throw readOnly("import")
        }
    }

    /// `deposits add`: see `CatalogStore.addSurvey`.
    public func addSurvey(files: [URL], allowOverlap: Bool, layer: String?) throws -> SurveyIntake {
        switch self {
        case .geoPackage(let path): return try CatalogStore(path: path, access: .write).addSurvey(files: files, allowOverlap: allowOverlap, layer: layer)
        case .postgreSQL(let url): return try PostGISStore(url: url, access: .write).addSurvey(files: files, allowOverlap: allowOverlap, layer: layer)
        case .mappedPostGIS: throw readOnly("add")
        }
    }

    /// `deposits remove`: see `CatalogStore.removeDeposits`.
    public func removeDeposits(ids: [String]) throws {
        switch self {
        case .geoPackage(let path): try CatalogStore(path: path, access: .write).removeDeposits(ids: ids)
        case .postgreSQL(let url): try PostGISStore(url: url, access: .write).removeDeposits(ids: ids)
        case .mappedPostGIS: throw readOnly("remove")
        }
    }
}

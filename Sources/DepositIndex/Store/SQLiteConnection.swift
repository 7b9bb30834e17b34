import CSQLite
import Foundation

/// One SQLite connection, closed exactly once in `deinit`. Used by one thread at a time (the store
/// opens one per process); SQLite's own locking keeps separate processes consistent.
final class SQLiteConnection {
    let handle: OpaquePointer
    let path: String
    /// True when opened with `.readOnly`.
    let readOnly: Bool

    enum Mode {
        case readOnly, readWrite, create
        /// Reading a file nothing writes while it is open (SQLite's `immutable=1`: no locks, no `-shm`).
        case immutable
        /// A private in-memory database (`path` is ignored), gone when closed.
        case memory

        var isReadOnly: Bool { self == .readOnly || self == .immutable }
    }

    init(path: String, mode: Mode) throws {
        var db: OpaquePointer?
        let flags: Int32
        switch mode {
        case .readOnly: flags = SQLITE_OPEN_READONLY
        case .readWrite: flags = SQLITE_OPEN_READWRITE
        case .create: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .immutable: flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        case .memory: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY
        }
        let name = mode == .immutable ? Self.immutableURI(path) : mode == .memory ? ":memory:" : Self.fileName(path)
        let rc = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc & 0xFF, message: message, context: "open \(path)", path: path, readOnly: mode.isReadOnly)
        }
        handle = db
        self.path = path
        readOnly = mode.isReadOnly
        // A writer holds its lock for a whole import; others wait for it rather than fail at once.
        sqlite3_busy_timeout(db, Int32(Self.busyTimeoutMs))
        sqlite3_extended_result_codes(db, 0)
        // SQLite opens a file it may not write (mode 444, an immutable file, a read-only mount) for
        // reading without saying so; a writer must know now, not at its first INSERT.
        if !mode.isReadOnly, sqlite3_db_readonly(db, "main") == 1 {
            sqlite3_close_v2(db)
            throw SQLiteError(code: SQLITE_READONLY, message: "the file is read-only", context: "open \(path)", path: path, readOnly: false)
        }
    }

    /// `path` as SQLite must be given it to open that file: SQLite reads `:memory:` as an in-memory database
    /// and, with URIs enabled (as Debian builds it), `file:...` as a URI, so `import --into :memory:` stored
    /// everything nowhere and said "imported". A relative name starting with `:` or `file:` gets `./`.
    static func fileName(_ path: String) -> String {
        path.hasPrefix(":") || path.lowercased().hasPrefix("file:") ? "./" + path : path
    }

    /// `file:` URI of `path` with `immutable=1` (RFC 3986 escapes for what a URI path cannot hold).
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// How long a connection waits for another process's lock before giving up with `SQLITE_BUSY`.
    static let busyTimeoutMs = 10_000

    deinit {
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32, _ context: String) -> SQLiteError {
        SQLiteError(code: rc & 0xFF, message: String(cString: sqlite3_errmsg(handle)), context: context, path: path, readOnly: readOnly)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(message)
            throw SQLiteError(code: rc & 0xFF, message: text, context: Self.shorten(sql), path: path, readOnly: readOnly)
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// The first column of the first row, as an integer (nil for no row or NULL).
    func integer(_ sql: String, _ values: [SQLiteValue] = []) throws -> Int64? {
        let s = try prepare(sql)
        try s.bind(values)
        guard try s.step() else { return nil }
        return s.isNull(0) ? nil : s.int64(0)
    }

    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws. The
    /// write lock is taken at the start (`BEGIN IMMEDIATE`, waiting up to `busyTimeoutMs` for another
    /// writer), before `body` reads anything, so what it reads cannot change until it commits: a check and
    /// the write it allows are one step no other writer can come between. Inside a write transaction
    /// already, `body` simply runs in it.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        if sqlite3_get_autocommit(handle) == 0 { return try body() }
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // The error that stopped the transaction is the one to report; SQLite has already rolled back
            // after some errors, when this ROLLBACK finds no transaction and fails harmlessly.
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one read transaction, so that every statement in it sees the same committed state
    /// (in WAL mode a writer's commit in between is not seen). Inside a transaction already, just runs it.
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        if sqlite3_get_autocommit(handle) == 0 { return try body() }
        try execute("BEGIN DEFERRED")
        // Ending a read transaction writes nothing; a failure to end it leaves nothing to report.
        defer { try? execute("COMMIT") }
        return try body()
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    static func shorten(_ sql: String) -> String {
        let flat = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return flat.count > 120 ? String(flat.prefix(117)) + "..." : flat
    }
}

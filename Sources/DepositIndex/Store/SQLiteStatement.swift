import CSQLite

/// A value bound to or read from SQL.
enum SQLiteValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// One prepared statement, finalized exactly once in `deinit`. Reused row after row by `reset`.
final class SQLiteStatement {
    private let connection: SQLiteConnection
    private let handle: OpaquePointer
    let sql: String

    init(connection: SQLiteConnection, sql: String) throws {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw connection.error(rc, SQLiteConnection.shorten(sql)) }
        self.connection = connection
        handle = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `values` to the parameters in order, after clearing the previous row.
    func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            let n = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, n)
            case .integer(let v): rc = sqlite3_bind_int64(handle, n, v)
            case .real(let v): rc = sqlite3_bind_double(handle, n, v)
            case .text(let v): rc = sqlite3_bind_text(handle, n, v, -1, csqlite_transient())
            case .blob(let v):
                rc = v.withUnsafeBytes { sqlite3_bind_blob(handle, n, $0.baseAddress, Int32($0.count), csqlite_transient()) }
            }
            if rc != SQLITE_OK { throw connection.error(rc, "bind parameter \(n) of \(SQLiteConnection.shorten(sql))") }
        }
    }

    /// Advances to the next row: true when there is one, false when done.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw connection.error(rc, SQLiteConnection.shorten(sql))
    }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: [SQLiteValue]) throws {
        try bind(values)
        while try step() {}
    }

    /// Binds and runs a statement of two integer parameters (rows copied in bulk, without an array per row).
    func run(_ a: Int64, _ b: Int64) throws {
        sqlite3_reset(handle)
        try check(sqlite3_bind_int64(handle, 1, a), 1)
        try check(sqlite3_bind_int64(handle, 2, b), 2)
        while try step() {}
    }

    /// Binds and runs a statement of an integer and four reals (an R-tree row).
    func run(_ id: Int64, _ a: Double, _ b: Double, _ c: Double, _ d: Double) throws {
        sqlite3_reset(handle)
        try check(sqlite3_bind_int64(handle, 1, id), 1)
        try check(sqlite3_bind_double(handle, 2, a), 2)
        try check(sqlite3_bind_double(handle, 3, b), 3)
        try check(sqlite3_bind_double(handle, 4, c), 4)
        try check(sqlite3_bind_double(handle, 5, d), 5)
        while try step() {}
    }

    private func check(_ rc: Int32, _ n: Int32) throws {
        if rc != SQLITE_OK { throw connection.error(rc, "bind parameter \(n) of \(SQLiteConnection.shorten(sql))") }
    }

    func isNull(_ i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_NULL }
    func int64(_ i: Int) -> Int64 { sqlite3_column_int64(handle, Int32(i)) }
    func double(_ i: Int) -> Double { sqlite3_column_double(handle, Int32(i)) }

    func text(_ i: Int) -> String? {
        guard let p = sqlite3_column_text(handle, Int32(i)) else { return nil }
        return String(cString: p)
    }

    func blob(_ i: Int) -> [UInt8]? {
        let count = Int(sqlite3_column_bytes(handle, Int32(i)))
        guard let p = sqlite3_column_blob(handle, Int32(i)) else { return count == 0 && !isNull(i) ? [] : nil }
        return Array(UnsafeRawBufferPointer(start: p, count: count))
    }

    /// The column's bytes where SQLite holds them, valid only until the next `step`, `bind` or the end of
    /// the statement (read them at once, as a geometry is decoded); nil for NULL, empty for an empty blob.
    func bytesInPlace(_ i: Int) -> UnsafeRawBufferPointer? {
        guard let p = sqlite3_column_blob(handle, Int32(i)) else {
            return isNull(i) ? nil : UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, Int32(i))))
    }

    /// The column as a value of its stored type.
    func value(_ i: Int) -> SQLiteValue {
        switch sqlite3_column_type(handle, Int32(i)) {
        case SQLITE_INTEGER: return .integer(int64(i))
        case SQLITE_FLOAT: return .real(double(i))
        case SQLITE_TEXT: return .text(text(i) ?? "")
        case SQLITE_BLOB: return .blob(blob(i) ?? [])
        default: return .null
        }
    }
}

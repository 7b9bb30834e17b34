/// A failure reported by SQLite, with the statement or action it came from.
/// `StoreError(_:)` turns the ones a user can act on into plain sentences; that is the one place
/// where SQLite's result codes are read.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// SQLite's primary result code (`SQLITE_BUSY` is 5, `SQLITE_READONLY` 8, `SQLITE_CORRUPT` 11,
    /// `SQLITE_CANTOPEN` 14, `SQLITE_NOTADB` 26).
    public var code: Int32
    public var message: String
    /// What we were doing: the SQL, or an action such as "open catalog.gpkg".
    public var context: String
    /// The database file of the connection.
    public var path: String = ""
    /// True when the connection was opened for reading only.
    public var readOnly = false

    public var description: String { "\(context): \(message) (SQLite code \(code))" }
}

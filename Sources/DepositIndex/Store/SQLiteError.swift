/// A failure reported by SQLite, with the statement or action it came from.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// SQLite's primary result code (`SQLITE_BUSY` is 5, `SQLITE_CORRUPT` 11, `SQLITE_NOTADB` 26).
    public var code: Int32
    public var message: String
    /// What we were doing: the SQL, or an action such as "open catalog.gpkg".
    public var context: String

    public var description: String { "\(context): \(message) (SQLite code \(code))" }
}

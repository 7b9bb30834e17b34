/// A failure reported by libpq or the server: its words (never the connection's password, which
/// `ConnectionText.redacted` takes out) and, from the server, its SQLSTATE.
public struct PGError: Error, CustomStringConvertible, Sendable {
    /// The five-character SQLSTATE (e.g. "40001", "42P01"); nil for a client-side failure.
    public var sqlState: String?
    public var message: String

    public var description: String { message }
}

/// The request limits of `deposits serve`.
public struct ServerLimits: Sendable {
    /// The largest request body read (a survey for `POST /validate`); larger is 413.
    public var maximumBody: Int
    /// How long a request's body may take to arrive; longer is 408.
    public var bodyDeadline: Duration
    /// How long a connection may stay idle before it is closed.
    public var idleTimeout: Duration

    /// Limits: 4 MiB, 10 s, 30 s by default.
    public init(maximumBody: Int = 4 << 20, bodyDeadline: Duration = .seconds(10), idleTimeout: Duration = .seconds(30)) {
        self.maximumBody = maximumBody
        self.bodyDeadline = bodyDeadline
        self.idleTimeout = idleTimeout
    }
}

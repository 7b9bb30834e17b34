import DepositIndex
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// Runs `deposits serve`: binds `host:port` (port 0 takes a free one), says where it listens and
/// whether only this machine can reach it, answers until SIGTERM or SIGINT, then stops accepting,
/// lets the requests in flight finish, and returns (the process exits 0).
public enum DepositServer {
    /// Serves `service` until a termination signal. `announce` gets the one line saying where the
    /// server listens, once it does (the tests read the port from it).
    public static func run(_ service: DepositService, host: String, port: Int, limits: ServerLimits = ServerLimits(),
                           announce: @escaping @Sendable (String) -> Void) async throws {
        let bound = Mutex<String>("http://\(host):\(port)")
        let responder = ServiceResponder(service: service, limits: limits, fallbackBase: { bound.withLock { $0 } })
        var logger = Logger(label: "deposits-serve")
        logger.logLevel = .error
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .seconds(limits.idleTimeout.components.seconds))),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                bound.withLock { $0 = "http://\(shown):\(actual)" }
                announce("deposits serve: listening on http://\(shown):\(actual)/ (\(reach(of: host))); read-only; SIGTERM or Ctrl-C stops it")
            },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// Who can reach an address: a loopback address only this machine, any other the network.
    static func reach(of host: String) -> String {
        if host == "localhost" || host == "::1" || host.hasPrefix("127.") { return "loopback only: other machines cannot reach it" }
        return "reachable from other machines on the network at \(host)"
    }
}

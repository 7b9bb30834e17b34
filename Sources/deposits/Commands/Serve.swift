import ArgumentParser
import DepositAnswers
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `deposits serve`: runs the server program, `deposits-serve`, built beside this one, with the same
/// arguments. The server lives in its own executable so that `deposits` does not link the HTTP stack
/// (Hummingbird, SwiftNIO) and every other subcommand starts as quickly as before.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the catalog over HTTP: OGC API – Features (QGIS, GDAL), the query API and a web map. Read-only; 127.0.0.1 unless --host.",
        discussion: """
            Options (see deposits serve --help once deposits-serve is built): --host (default 127.0.0.1, this \
            machine only), --port (default 8080; 0 picks a free one), --data DIR or --store FILE (a GeoPackage) or \
            --store postgresql://user@host:port/db (PostGIS), --max-body-kb, \
            --body-timeout-s. Runs deposits-serve from the same folder as deposits; build it with \
            swift build -c release --product deposits-serve (Tools/run serve does).
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options for the server (--host, --port, --data, --store, ...).")
    var arguments: [String] = []

    /// The server program beside this executable.
    static var serverPath: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("deposits-serve").path
    }

    func run() throws {
        try reportingErrors { try execServer() }
    }

    private func execServer() throws {
        let server = Self.serverPath
        guard FileManager.default.isExecutableFile(atPath: server) else {
            let configuration = server.contains("/release/") ? "release" : "debug"
            throw AnswerError(.unavailable, "the server program deposits-serve is not built beside deposits (looked for \(server)); "
                              + "build it with: swift build -c \(configuration) --product deposits-serve")
        }
        let argv = [server] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(server, &cArguments)
        // execv returns only when it failed.
        let reason = String(cString: strerror(errno))
        for p in cArguments { free(p) }
        throw AnswerError(.unavailable, "cannot run \(server): \(reason)")
    }
}

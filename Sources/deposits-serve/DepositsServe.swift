import ArgumentParser
import DepositIndex
import DepositPostGIS
import DepositServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `deposits serve` (run by the `deposits` CLI, or directly as `deposits-serve`): the catalog over
/// HTTP as OGC API – Features collections, the CLI's questions as endpoints, and a web map at `/`.
@main
struct DepositsServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deposits serve",
        abstract: "Serve the catalog over HTTP: OGC API – Features, the query API and a web map. Read-only.",
        discussion: """
            Binds 127.0.0.1 (this machine only) unless --host says otherwise, and says where it listens. \
            SIGTERM or Ctrl-C stops accepting, lets the requests in flight finish, and exits 0.
            Exit codes: 0 stopped by a signal; 64 bad arguments; 65 the data cannot be read; 69 the address \
            cannot be bound (in use, or not this machine's).
            """
    )

    @Option(help: "The address to bind: 127.0.0.1 (the default) is this machine only; 0.0.0.0 every network.")
    var host = "127.0.0.1"

    @Option(help: "The port (0 picks a free one and prints it).")
    var port = 8080

    @Option(name: .customLong("data"), help: ArgumentHelp("A directory in the GeoData schema to serve instead of the bundled data.", valueName: "DIR"))
    var directory: String?

    @Option(name: .customLong("store"), help: ArgumentHelp("A GeoPackage made by `deposits import`, or a PostgreSQL/PostGIS database by URL (postgresql://user@host:port/db), to serve.", valueName: "FILE | URL"))
    var store: String?

    @Option(name: .customLong("store-mapping"), help: ArgumentHelp("With --store postgresql://...: a JSON file naming the team's own tables and columns per layer, served in place, read-only.", valueName: "FILE"))
    var storeMapping: String?

    @Option(name: .customLong("max-body-kb"), help: "The largest request body (a survey for POST /validate), in KiB; larger is refused with 413.")
    var maxBodyKB = 4096

    @Option(name: .customLong("body-timeout-s"), help: "How long a request's body may take to arrive, in seconds; longer is refused with 408.")
    var bodyTimeoutS = 10

    func validate() throws {
        if directory != nil, store != nil { throw ValidationError("give --data or --store, not both") }
        if storeMapping != nil, !(store.map(ConnectionText.isPostgreSQL) ?? false) {
            throw ValidationError("--store-mapping reads a PostgreSQL database's own tables: give it with --store postgresql://...")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBodyKB >= 1 else { throw ValidationError("--max-body-kb must be at least 1") }
        guard bodyTimeoutS >= 1 else { throw ValidationError("--body-timeout-s must be at least 1") }
    }

    func run() async throws {
        let catalog: Catalog
        do {
            catalog = try loadCatalog()
        } catch {
            Self.fail(65, "\(error)")
        }
        let service: DepositService
        do {
            service = try DepositService(catalog: catalog)
        } catch {
            Self.fail(65, "cannot serve the data: \(error)")
        }
        do {
            try await DepositServer.run(service, host: host, port: port, limits: ServerLimits(maximumBody: maxBodyKB * 1024, bodyDeadline: .seconds(bodyTimeoutS))) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch {
            Self.fail(69, "cannot serve on \(host):\(port): \(error)")
        }
        FileHandle.standardOutput.write(Data("deposits serve: stopped\n".utf8))
    }

    private func loadCatalog() throws -> Catalog {
        if let store { return try StoreLocation(store, mapping: storeMapping).catalog() }
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--data \(directory): no such directory")
            }
            return try Catalog(directory: URL(fileURLWithPath: directory))
        }
        return try Catalog.bundled()
    }

    private static func fail(_ code: Int32, _ message: String) -> Never {
        FileHandle.standardError.write(Data("deposits serve: \(TerminalText.escapedLines(message))\n".utf8))
        Glibc.exit(code)
    }
}

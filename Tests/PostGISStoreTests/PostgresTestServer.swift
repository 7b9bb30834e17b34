import Foundation
import XCTest

/// A throwaway PostgreSQL 15 cluster with PostGIS for the tests: `initdb` and `pg_ctl` in a temporary
/// directory, listening only on a Unix socket inside it (no port to collide with), started once per
/// test process and stopped, its directory removed, at exit. As root, the cluster runs as `postgres`
/// (initdb refuses root), as Tools/bench-peers.sh does. Without the binaries or the PostGIS extension a
/// test is skipped saying so, and fails under CI (`CI=true`), so CI cannot pass having checked nothing.
final class PostgresTestServer: Sendable {
    static let binaries = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DEPOSITS_PG_BIN"] ?? "/usr/lib/postgresql/15/bin")
    static let postgisControl = "/usr/share/postgresql/15/extension/postgis.control"

    /// The socket directory (libpq's `host`) and the data directory.
    let directory: URL
    let runAsPostgres: Bool

    /// The one server of this test process, started on first use.
    static func shared() throws -> PostgresTestServer {
        lock.lock()
        if started == nil { started = start() }
        let result = started!
        lock.unlock()
        switch result {
        case .success(let server): return server
        case .failure(let error as Unavailable):
            let ci = ProcessInfo.processInfo.environment["CI"] ?? ""
            if !ci.isEmpty, ci != "false" {
                XCTFail("PostgreSQL tests cannot run under CI: \(error.description)")
                throw error
            }
            throw XCTSkip("PostgreSQL tests skipped: \(error.description)")
        case .failure(let error): throw error
        }
    }

    struct Unavailable: Error, CustomStringConvertible { var description: String }
    struct CommandFailed: Error, CustomStringConvertible { var description: String }

    private static let lock = NSLock()
    /// Set once, under `lock`, by the first test that needs the server.
    nonisolated(unsafe) private static var started: Result<PostgresTestServer, Error>?

    private static func start() -> Result<PostgresTestServer, Error> { Result {
        let fm = FileManager.default
        for tool in ["initdb", "pg_ctl", "postgres"] where !fm.isExecutableFile(atPath: binaries.appendingPathComponent(tool).path) {
            throw Unavailable(description: "\(binaries.path)/\(tool) is not installed (apt-get install postgresql-15)")
        }
        guard fm.fileExists(atPath: postgisControl) else {
            throw Unavailable(description: "the PostGIS extension (\(postgisControl)) is not installed (apt-get install postgresql-15-postgis-3)")
        }
        guard fm.isExecutableFile(atPath: "/usr/bin/psql") else { throw Unavailable(description: "psql is not installed (postgresql-client)") }
        let server = try PostgresTestServer()
        atexit { try? PostgresTestServer.started?.get().stop() }
        return server
    } }

    private init() throws {
        // Short, so the socket's path stays within the 107 bytes a Unix socket's name may have.
        let template = "/tmp/dipg.XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw CommandFailed(description: "mkdtemp failed") }
        directory = URL(fileURLWithPath: String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        runAsPostgres = getuid() == 0
        if runAsPostgres {
            try Self.run("/bin/chown", ["postgres", directory.path])
        }
        let data = directory.appendingPathComponent("data").path
        try runTool("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
        try runTool("pg_ctl", ["-D", data, "-l", directory.appendingPathComponent("log").path, "-w", "start",
                               "-o", "-c listen_addresses='' -k \(directory.path) -c fsync=off -c full_page_writes=off"])
    }

    func stop() {
        try? runTool("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// A URL for a database on this server (as user `postgres`), optionally with a password in it.
    func url(_ database: String) -> String {
        "postgresql://postgres@/\(database)?host=\(directory.path)"
    }

    /// A fresh database for one test, named after it; with PostGIS unless `postgis` is false.
    func createDatabase(_ name: String, postgis: Bool = false) throws -> String {
        let db = Self.databaseName(name)
        try psql("postgres", "DROP DATABASE IF EXISTS \(db)")
        try psql("postgres", "CREATE DATABASE \(db)")
        if postgis { try psql(db, "CREATE EXTENSION postgis") }
        return url(db)
    }

    /// The database `createDatabase(name)` makes: the test's name in lower-case letters, digits and `_`.
    static func databaseName(_ name: String) -> String {
        name.lowercased().filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }

    /// Runs SQL through psql, the real client; returns its unaligned output.
    @discardableResult
    func psql(_ database: String, _ sql: String) throws -> String {
        try Self.run("/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", directory.path, "-U", "postgres", "-d", database, "-c", sql])
    }

    private func runTool(_ tool: String, _ arguments: [String]) throws {
        let path = Self.binaries.appendingPathComponent(tool).path
        if runAsPostgres {
            try Self.run("/sbin/runuser", ["-u", "postgres", "--", path] + arguments)
        } else {
            try Self.run(path, arguments)
        }
    }

    /// Runs a program and waits for it with `posix_spawn` and `waitpid`, its output in a file: Foundation's
    /// `Process` can miss the exit of `runuser` whose grandchild (the server) lives on.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dipg-run-\(UUID().uuidString)").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CommandFailed(description: "cannot run \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw CommandFailed(description: "\(executable) \(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }
}

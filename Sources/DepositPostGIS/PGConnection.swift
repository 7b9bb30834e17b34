import CLibPQ
import DepositIndex
import Foundation

/// One libpq connection, synchronous like the CLI (no event loop to start), closed once. libpq reads
/// URLs, the PG* environment variables, `~/.pgpass` and service files, and negotiates SSL itself.
/// Use it from one thread at a time.
final class PGConnection {
    private let handle: OpaquePointer
    /// How messages name the database: `postgresql://user@host:port/database`, no password.
    let name: String
    private let password: String?

    /// Connects; a failure is thrown as `StoreError.cannotRead`, one line naming host, port and database
    /// (never the password).
    init(_ text: String) throws {
        password = ConnectionText.password(in: text)
        guard let conn = PQconnectdb(ConnectionText.conninfo(text)) else {
            throw PGError(sqlState: nil, message: "cannot reach PostgreSQL: libpq could not allocate a connection")
        }
        handle = conn
        name = Self.describe(conn)
        guard PQstatus(conn) == CONNECTION_OK else {
            let why = Self.firstLine(String(cString: PQerrorMessage(conn)))
            // Every property is set, so deinit runs and finishes the connection.
            throw StoreError.cannotRead(path: name, ConnectionText.redacted("cannot connect: \(why)", password: password))
        }
        // NOTICEs (DROP ... IF EXISTS, CREATE EXTENSION IF NOT EXISTS) are not for the user's terminal.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    private static func describe(_ conn: OpaquePointer) -> String {
        func text(_ p: UnsafeMutablePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
        let host = text(PQhost(conn)), port = text(PQport(conn)), db = text(PQdb(conn)), user = text(PQuser(conn))
        let shownHost = host.hasPrefix("/") ? "[socket \(host)]" : host
        return "postgresql://\(user.isEmpty ? "" : user + "@")\(shownHost)\(port.isEmpty ? "" : ":" + port)/\(db)"
    }

    private static func firstLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // libpq puts "connection to server at ... failed:" before the reason; the reason is the part to keep.
        return lines.joined(separator: "; ")
    }

    private func failure(_ result: OpaquePointer?) -> PGError {
        var state: String?
        var message = String(cString: PQerrorMessage(handle))
        if let result {
            if let s = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) { state = String(cString: s) }
            if let m = PQresultErrorField(result, Int32(UInt8(ascii: "M"))) { message = String(cString: m) }
            if let d = PQresultErrorField(result, Int32(UInt8(ascii: "D"))) { message += " (\(String(cString: d)))" }
        }
        return PGError(sqlState: state, message: ConnectionText.redacted(Self.firstLine(message), password: password))
    }

    /// Runs statements that return no rows (several, separated by semicolons, when `sql` has no parameters).
    func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        let status = result.map(PQresultStatus)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw failure(result) }
    }

    /// Runs one statement with text parameters ($1, $2, ...; nil is NULL), results in binary or text.
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = [], binary: Bool = true) throws -> PGResult {
        let cStrings = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { cStrings.forEach { free($0) } }
        let pointers = cStrings.map { UnsafePointer<CChar>($0) }
        let result = pointers.withUnsafeBufferPointer { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values.baseAddress, nil, nil, binary ? 1 : 0)
        }
        guard let result else { throw failure(nil) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let error = failure(result)
            PQclear(result)
            throw error
        }
        return PGResult(result)
    }

    /// `COPY ... FROM STDIN` in text format: `write` hands over lines (each ending in a newline) through the
    /// function it is given, sent in blocks of about a megabyte.
    func copy(_ sql: String, _ write: ((String) throws -> Void) throws -> Void) throws {
        let start = PQexec(handle, sql)
        let status = start.map(PQresultStatus)
        if status != PGRES_COPY_IN {
            let error = failure(start)
            PQclear(start)
            throw error
        }
        PQclear(start)
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 20)
        func flush() throws {
            guard !buffer.isEmpty else { return }
            let sent = buffer.withUnsafeBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { PQputCopyData(handle, $0, Int32(b.count)) }
            }
            if sent != 1 { throw failure(nil) }
            buffer.removeAll(keepingCapacity: true)
        }
        do {
            try write { line in
                buffer.append(contentsOf: line.utf8)
                if buffer.count >= 1 << 20 { try flush() }
            }
            try flush()
        } catch {
            _ = PQputCopyEnd(handle, "aborted by the client")
            while let r = PQgetResult(handle) { PQclear(r) }
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw failure(nil) }
        var firstError: PGError?
        while let r = PQgetResult(handle) {
            if PQresultStatus(r) != PGRES_COMMAND_OK, firstError == nil { firstError = failure(r) }
            PQclear(r)
        }
        if let firstError { throw firstError }
    }
}

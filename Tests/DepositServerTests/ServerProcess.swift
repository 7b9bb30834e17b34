import Foundation
import XCTest

/// A `deposits-serve` process started by a test on a free loopback port (`--port 0`; the port is read
/// from the line the server prints when it listens), stopped with SIGTERM.
final class ServerProcess {
    let process = Process()
    let port: Int
    private let output = Pipe()
    private let errors = Pipe()
    /// Everything the server printed on standard output, the listening line first.
    private(set) var printed = ""

    var base: String { "http://127.0.0.1:\(port)" }

    /// The `deposits-serve` binary built beside this test bundle.
    static var executable: URL {
        var directory = Bundle(for: ServerProcess.self).bundleURL
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("deposits-serve").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("deposits-serve")
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Starts `deposits-serve` (or, with `viaCLI`, `deposits serve`, which runs it) with `arguments`.
    init(_ arguments: [String] = [], viaCLI: Bool = false) throws {
        if viaCLI {
            process.executableURL = Self.executable.deletingLastPathComponent().appendingPathComponent("deposits")
            process.arguments = ["serve", "--port", "0"] + arguments
        } else {
            process.executableURL = Self.executable
            process.arguments = ["--port", "0"] + arguments
        }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The first line says where it listens; a server that fails to start closes its output instead.
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        printed = String(decoding: line, as: UTF8.self)
        guard let range = printed.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
              let port = Int(printed[range].split(separator: ":")[1]) else {
            process.waitUntilExit()
            let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "deposits-serve did not start: \(printed) \(err)")
        }
        self.port = port
    }

    /// Sends SIGTERM and waits; returns the exit status and what the server printed after its first line.
    @discardableResult
    func stop() -> (status: Int32, reason: Process.TerminationReason, printed: String) {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: rest, as: UTF8.self))
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Plain HTTP/1.1 over a loopback socket: the request exactly as written (a test can send what no
/// well-behaved client would), the response read to the end.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] { try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:] }
    }

    /// GET `path` (with its query) from the server, as `curl` would.
    static func get(_ server: ServerProcess, _ path: String, accept: String? = nil) throws -> Response {
        var head = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nConnection: close\r\n"
        if let accept { head += "Accept: \(accept)\r\n" }
        return try send(port: server.port, Data((head + "\r\n").utf8))
    }

    static func post(_ server: ServerProcess, _ path: String, body: Data, contentType: String = "application/geo+json") throws -> Response {
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nConnection: close\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n"
        return try send(port: server.port, Data(head.utf8) + body)
    }

    /// Writes `bytes` (then, after `pause`, `more`) and reads the response until the server closes.
    static func send(port: Int, _ bytes: Data, pause: TimeInterval = 0, more: Data = Data(), onHeadSent: () -> Void = {}) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerProcess.Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServerProcess.Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        try write(fd, bytes)
        onHeadSent()
        if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        if !more.isEmpty { try write(fd, more) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        return try parse(received)
    }

    private static func write(_ fd: Int32, _ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { throw ServerProcess.Failure(description: "send() failed") }
                offset += n
            }
        }
    }

    private static func parse(_ data: Data) throws -> Response {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw ServerProcess.Failure(description: "no HTTP response (\(data.count) bytes)")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers = [String: String]()
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunked(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunked(_ data: Data) -> Data {
        var out = Data(), rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd.upperBound
            out.append(rest[start..<(start + size)])
            rest = rest[(start + size + 2)...]
        }
        return out
    }
}

/// A tool the tests need: found on PATH, else a skip on a developer's machine and a failure in CI
/// (`CI` set), where `.ci/run` installs it; nothing skips silently there.
enum RequiredTool {
    static func path(_ name: String, install: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let message = "\(name) is not installed (\(install)); this client's test did not run"
        if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty, ci != "false" {
            throw ServerProcess.Failure(description: message)
        }
        throw XCTSkip(message)
    }

    /// Runs a tool; returns its status, standard output and standard error.
    /// `directory`: where it runs (schemathesis keeps a cache folder in its working directory).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        if let directory { p.currentDirectoryURL = directory }
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

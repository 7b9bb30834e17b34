import Foundation
import XCTest

/// Reliability and security of `deposits serve`: problems (RFC 9457) naming the parameter, 404, 405,
/// 413 and 408, no trace or path in any answer, loopback by default, SIGTERM draining what is in
/// flight and exiting 0.
final class ServerLimitsTests: XCTestCase {
    /// Checks a problem answer: status, media type, the parameter named, and nothing of the machine.
    private func assertProblem(_ r: RawHTTP.Response, _ status: Int, parameter: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(r.status, status, r.text, file: file, line: line)
        XCTAssertEqual(r.headers["content-type"], "application/problem+json", file: file, line: line)
        let body = try r.json()
        XCTAssertEqual(body["status"] as? Int, status, file: file, line: line)
        XCTAssertNotNil(body["title"] as? String, file: file, line: line)
        XCTAssertNotNil(body["detail"] as? String, file: file, line: line)
        if let parameter {
            let named = (body["invalid-params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            XCTAssertEqual(named, [parameter], file: file, line: line)
        }
        for leak in ["/work", "/root", "/home", ".swift", "Sources/", "Fatal", "backtrace"] {
            XCTAssertFalse(r.text.contains(leak), "the answer shows \(leak): \(r.text)", file: file, line: line)
        }
    }

    func testMalformedParametersAreProblemsNamingTheParameter() throws {
        let server = try ServerProcess()
        defer { XCTAssertEqual(server.stop().status, 0) }
        let cases: [(String, String)] = [
            ("/collections/deposits/items?bbox=1,2,3", "bbox"),
            ("/collections/deposits/items?bbox=73,95,74,96", "bbox"),
            ("/collections/deposits/items?bbox=73,50,74,49", "bbox"),
            ("/collections/deposits/items?limit=abc", "limit"),
            ("/collections/deposits/items?limit=10001", "limit"),
            ("/collections/deposits/items?offset=-1", "offset"),
            ("/collections/deposits/items?no_such_property=1", "no_such_property"),
            ("/collections/deposits/items?limit=1&limit=2", "limit"),
            ("/collections/deposits/items?datetime=yesterday", "datetime"),
            ("/collections/deposits/items?f=xml", "f"),
            ("/collections?bogus=1", "bogus"),
            ("/collections/deposits/items?status=%FF", "status"),
        ]
        for (path, parameter) in cases {
            try assertProblem(try RawHTTP.get(server, path), 400, parameter: parameter)
        }
    }

    func testUnknownThingsAre404AndWritesAre405() throws {
        let server = try ServerProcess()
        defer { XCTAssertEqual(server.stop().status, 0) }
        try assertProblem(try RawHTTP.get(server, "/collections/nothing"), 404)
        try assertProblem(try RawHTTP.get(server, "/collections/deposits/items/no-such-id"), 404)
        try assertProblem(try RawHTTP.get(server, "/../../etc/passwd"), 404)
        try assertProblem(try RawHTTP.get(server, "/%2e%2e/%2e%2e/etc/passwd"), 404)
        let post = try RawHTTP.post(server, "/collections/deposits/items", body: Data("{}".utf8))
        try assertProblem(post, 405)
        XCTAssertEqual(post.headers["allow"], "GET, HEAD")
        let getValidate = try RawHTTP.get(server, "/validate")
        try assertProblem(getValidate, 405)
        XCTAssertEqual(getValidate.headers["allow"], "POST")
        // HEAD answers the headers of GET without a body.
        let head = try RawHTTP.send(port: server.port, Data("HEAD /collections HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
    }

    func testABodyOverTheLimitIs413() throws {
        let server = try ServerProcess(["--max-body-kb", "1"])
        defer { XCTAssertEqual(server.stop().status, 0) }
        let r = try RawHTTP.post(server, "/validate", body: Data(repeating: UInt8(ascii: " "), count: 4096))
        try assertProblem(r, 413)
    }

    /// A body announced as 100 bytes of which 10 arrive: after the 1 s allowed, 408.
    func testABodyThatDoesNotArriveIs408() throws {
        let server = try ServerProcess(["--body-timeout-s", "1"])
        defer { XCTAssertEqual(server.stop().status, 0) }
        let head = "POST /validate HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100\r\n\r\n0123456789"
        let started = Date()
        let r = try RawHTTP.send(port: server.port, Data(head.utf8))
        try assertProblem(r, 408)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)  // answered, not left hanging (no timing claim)
    }

    func testItBindsLoopbackByDefaultAndSaysSo() throws {
        let server = try ServerProcess()
        XCTAssertTrue(server.printed.contains("listening on http://127.0.0.1:\(server.port)/"), server.printed)
        XCTAssertTrue(server.printed.contains("loopback only"), server.printed)
        XCTAssertEqual(server.stop().status, 0)
    }

    /// SIGTERM while a request's body is still arriving: the request is answered in full, then the
    /// server exits 0 and says it stopped.
    func testSIGTERMDrainsTheRequestInFlightAndExits0() throws {
        let server = try ServerProcess()
        let body = Data("{}".utf8)
        let head = "POST /collections HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: \(body.count)\r\n\r\n"
        // The head now; SIGTERM; the body a second later.
        let response = try RawHTTP.send(port: server.port, Data(head.utf8), pause: 1.0, more: body, onHeadSent: {
            Thread.sleep(forTimeInterval: 0.2)
            kill(server.process.processIdentifier, SIGTERM)
        })
        XCTAssertEqual(response.status, 405)  // the full answer to that request (the server is read-only)
        let stopped = server.stop()
        XCTAssertEqual(stopped.reason, .exit)
        XCTAssertEqual(stopped.status, 0)
        XCTAssertTrue(stopped.printed.contains("stopped"), stopped.printed)
    }
}

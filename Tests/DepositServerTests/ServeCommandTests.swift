import Foundation
import XCTest

/// `deposits serve` runs the server program built beside `deposits` (which does not link the HTTP
/// stack), passing its options on; the process it becomes stops on SIGTERM with 0.
final class ServeCommandTests: XCTestCase {
    func testDepositsServeRunsTheServerWithItsOptions() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/antimeridian").path
        let server = try ServerProcess(["--data", fixture], viaCLI: true)
        XCTAssertTrue(server.printed.contains("loopback only"), server.printed)
        // The fixture's six deposits, so --data reached the server.
        let items = try RawHTTP.get(server, "/collections/deposits/items").json()
        XCTAssertEqual(items["numberMatched"] as? Int, 6)
        let stopped = server.stop()
        XCTAssertEqual(stopped.reason, .exit)
        XCTAssertEqual(stopped.status, 0)
    }
}

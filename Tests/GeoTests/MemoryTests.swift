import Foundation
import XCTest
import Geo

/// Every GEOS object a `Geometry` owns is freed exactly once. CI also runs this under
/// `--sanitize=address`, whose leak checker names any allocation never freed.
final class MemoryTests: XCTestCase {
    func testAMillionGeometriesDoNotGrowMemory() throws {
        func churn(_ count: Int) throws {
            for i in 0..<count {
                let p = try Geometry(point: Coordinate(x: Double(i % 360) - 180, y: Double(i % 180) - 90))
                if i % 10 == 0 {
                    // Every tenth round also exercises the paths that hand back C strings and buffers.
                    let square = try Geometry(.polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)]]))
                    _ = try square.intersection(try p.buffer(1, quadrantSegments: 2))
                    _ = square.wkt
                    _ = square.wkb
                    _ = try square.validityProblem()
                }
            }
        }
        try churn(100_000)  // warm up: allocator pools, per-thread contexts, caches
        let before = residentBytes()
        try churn(1_000_000)
        let growth = residentBytes() - before
        XCTAssertLessThan(growth, 16 << 20, "resident memory grew by \(growth >> 20) MiB over a million geometries")
    }

    /// Resident set size from /proc (Linux); 0 elsewhere, where the test then checks nothing.
    private func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

import Foundation
import XCTest
import Geo

/// Many threads at once, sharing immutable geometries, each with its own GEOS and PROJ contexts.
/// Run also under `swift test --sanitize=thread --filter ConcurrencyTests` (CI does).
final class ConcurrencyTests: XCTestCase {
    func testPredicatesTransformsAndErrorsFromEightThreads() throws {
        // Shared by every thread: immutable geometries made on this one.
        let region = try Geometry(wkt: "POLYGON ((70 45, 76 45, 76 50, 70 50, 70 45), (72 47, 73 47, 73 48, 72 48, 72 47))")
        let rail = try Geometry(wkt: "LINESTRING (70 44, 78 51)")
        let threadCount = 8, iterations = 300
        let failures = Failures()
        let done = DispatchGroup()
        for t in 0..<threadCount {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                do {
                    // Per-thread objects: PROJ operations and prepared geometries are not shared.
                    let utm = try Projection(from: "EPSG:4326", to: "EPSG:32643")
                    let prepared = try PreparedGeometry(region)
                    for i in 0..<iterations {
                        let x = 69.0 + Double((i * 7 + t) % 80) / 10, y = 44.0 + Double((i * 3 + t) % 70) / 10
                        let p = try Geometry(point: Coordinate(x: x, y: y))
                        let inHoleOrOnItsEdge = x >= 72 && x <= 73 && y >= 47 && y <= 48
                        let expected = x > 70 && x < 76 && y > 45 && y < 50 && !inHoleOrOnItsEdge
                        if try region.contains(p) != expected || prepared.contains(p) != expected {
                            failures.add("thread \(t): contains(\(x) \(y)) should be \(expected)")
                        }
                        _ = try rail.intersects(try p.buffer(0.5))
                        let projected = try utm.forward(Coordinate(x: x, y: y))
                        let back = try utm.inverse(projected)
                        if abs(back.x - x) > 1e-9 || abs(back.y - y) > 1e-9 { failures.add("thread \(t): round trip drifted at (\(x) \(y))") }
                        let d = Geodesic.wgs84.distance(Coordinate(x: x, y: y), Coordinate(x: 73, y: 48))
                        if !(d.isFinite && d >= 0) { failures.add("thread \(t): geodesic distance \(d)") }
                        // Errors on one thread must carry that thread's message, not another's.
                        if i % 50 == 0 {
                            do {
                                _ = try Geometry(wkt: "POINT (\(x)")
                                failures.add("thread \(t): bad WKT parsed")
                            } catch GeoError.geos(let message) {
                                if !message.contains("ParseException") { failures.add("thread \(t): wrong error text \(message)") }
                            }
                        }
                    }
                } catch {
                    failures.add("thread \(t): \(error)")
                }
            }
            thread.start()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 120), .success)
        XCTAssertEqual(failures.all, [])
    }
}

/// Collects failures from many threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list = [String]()

    func add(_ message: String) {
        lock.lock()
        list.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}

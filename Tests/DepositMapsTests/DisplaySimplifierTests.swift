@testable import DepositMaps
import Geo
import XCTest

/// The base layers' simplification drops what lies within the tolerance, in metres on the ground, and
/// keeps what lies beyond it: each expected vertex is put where it is by PROJ's geodesic direct problem.
final class DisplaySimplifierTests: XCTestCase {
    /// A 100 km geodesic north from 48°N 73°E with a middle vertex pushed `offset` metres east of it.
    private func bentLine(offset: Double) -> [Coordinate] {
        let start = Coordinate(x: 73, y: 48)
        let end = Geodesic.wgs84.direct(from: start, azimuth: 0, distance: 100_000).point
        let middle = Geodesic.wgs84.direct(from: start, azimuth: 0, distance: 50_000).point
        let pushed = Geodesic.wgs84.direct(from: middle, azimuth: 90, distance: offset).point
        let quarter = Geodesic.wgs84.direct(from: start, azimuth: 0, distance: 25_000).point
        return [start, quarter, pushed, end]
    }

    func testAVertexWithinTheToleranceIsDroppedAndOneBeyondItKept() {
        let s = DisplaySimplifier(toleranceM: 300)
        // 200 m off the line: within 300 m, so only the ends are left.
        XCTAssertEqual(s.line(bentLine(offset: 200), ring: false).count, 2)
        // 400 m off: kept (the quarter point, 200 m off the new line start–pushed, is dropped).
        let kept = s.line(bentLine(offset: 400), ring: false)
        XCTAssertEqual(kept.count, 3)
        XCTAssertEqual(kept[1], bentLine(offset: 400)[2])
    }

    func testARingKeepsItsShapeAndStaysClosed() {
        // A 10 km square around 48°N 73°E with a vertex in the middle of each side: the mid-side vertices go.
        let c = Coordinate(x: 73, y: 48)
        let corners = [45.0, 135, 225, 315].map { Geodesic.wgs84.direct(from: c, azimuth: $0, distance: 7071).point }
        var ring = [Coordinate]()
        for i in 0..<4 {
            ring.append(corners[i])
            let a = corners[i], b = corners[(i + 1) % 4]
            ring.append(Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2))
        }
        ring.append(corners[0])
        let simplified = DisplaySimplifier(toleranceM: 300).line(ring, ring: true)
        XCTAssertEqual(simplified.count, 5)
        XCTAssertEqual(simplified.first, simplified.last)
        XCTAssertEqual(Set(simplified.dropLast()), Set(corners))
    }
}

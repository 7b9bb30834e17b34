import XCTest
import Geo

final class PreparedGeometryTests: XCTestCase {
    func testPreparedPredicatesAgreeWithPlainOnes() throws {
        let region = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))")
        let prepared = try PreparedGeometry(region)
        // A grid of points, some inside, some in the hole, some on edges, some outside.
        for x in stride(from: -1.0, through: 11, by: 0.5) {
            for y in stride(from: -1.0, through: 11, by: 0.5) {
                let p = try Geometry(point: Coordinate(x: x, y: y))
                XCTAssertEqual(try prepared.contains(p), try region.contains(p), "(\(x) \(y))")
                XCTAssertEqual(try prepared.covers(p), try region.covers(p), "(\(x) \(y))")
                XCTAssertEqual(try prepared.intersects(p), try region.intersects(p), "(\(x) \(y))")
            }
        }
    }

    func testPreparedDistance() throws {
        let line = try PreparedGeometry(try Geometry(wkt: "LINESTRING (0 0, 10 0)"))
        let p = try Geometry(point: Coordinate(x: 5, y: 3))
        XCTAssertEqual(try line.planarDistance(to: p), 3)
        XCTAssertTrue(try line.isWithinDistance(3, of: p))
        XCTAssertFalse(try line.isWithinDistance(2.999, of: p))
    }
}

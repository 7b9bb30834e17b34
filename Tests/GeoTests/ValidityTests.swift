import XCTest
import Geo

final class ValidityTests: XCTestCase {
    /// The bow-tie (0 0)-(2 2)-(2 0)-(0 2) crosses itself where the diagonals meet, at (1 1) by hand.
    /// Make-valid splits it into two triangles, each of base 2 and height 1, area 1.
    func testBowTieIsInvalidAtTheCrossingAndBecomesTwoTriangles() throws {
        let bowTie = try Geometry(wkt: "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
        XCTAssertFalse(bowTie.isValid)
        let problem = try XCTUnwrap(try bowTie.validityProblem())
        XCTAssertEqual(problem.reason, "Self-intersection")
        XCTAssertEqual(problem.location, Coordinate(x: 1, y: 1))

        for method in [MakeValidMethod.linework, .structure(keepCollapsed: false)] {
            let repaired = try bowTie.makeValid(method: method)
            XCTAssertTrue(repaired.isValid)
            XCTAssertEqual(repaired.type, .multiPolygon, "\(method)")
            XCTAssertEqual(repaired.partCount, 2)
            for triangle in repaired.parts {
                XCTAssertEqual(try triangle.planarArea(), 1, accuracy: 1e-12)
                XCTAssertEqual(triangle.coordinates.count, 4)  // three corners and the closing point
            }
        }
    }

    func testAValidGeometryHasNoProblems() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        XCTAssertTrue(square.isValid)
        XCTAssertNil(try square.validityProblem())
        XCTAssertEqual(try square.validityProblems(), [])
    }

    /// GEOS names only the first problem of a geometry; `validityProblems` lists all of them. The first
    /// ring is a chain of three bow-ties, (0 0)-(2 2)-(4 0)-(6 2)-(6 0)-(4 2)-(2 0)-(0 2): by hand its
    /// diagonals cross at (1 1), (3 1) and (5 1). The second polygon is one more bow-tie, crossing at (11 1).
    func testEveryCrossingIsReportedWithItsLocation() throws {
        let g = try Geometry(wkt: """
            MULTIPOLYGON (((0 0, 2 2, 4 0, 6 2, 6 0, 4 2, 2 0, 0 2, 0 0)), \
            ((10 0, 12 2, 12 0, 10 2, 10 0)))
            """)
        XCTAssertFalse(g.isValid)
        let problems = try g.validityProblems()
        let crossings = Set(problems.compactMap(\.location))
        XCTAssertEqual(crossings, [Coordinate(x: 1, y: 1), Coordinate(x: 3, y: 1), Coordinate(x: 5, y: 1), Coordinate(x: 11, y: 1)], "\(problems)")
        XCTAssertTrue(problems.allSatisfy { $0.reason.contains("Self-intersection") }, "\(problems)")
    }

    func testHoleOutsideShellIsNamed() throws {
        let g = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0), (5 5, 6 5, 6 6, 5 6, 5 5))")
        let problem = try XCTUnwrap(try g.validityProblem())
        XCTAssertEqual(problem.reason, "Hole lies outside shell")
        XCTAssertEqual(problem.location, Coordinate(x: 5, y: 5))
    }
}

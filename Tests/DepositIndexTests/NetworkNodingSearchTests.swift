import Foundation
import Geo
import XCTest
@testable import DepositIndex

/// The noding's fast paths against their definitions: `DenseKeys` numbers keys in the order first met,
/// and `EndSearch` (a `VertexGrid`, or the R-tree for windows the grid refuses) finds, from each line end,
/// exactly what a brute-force pass over every vertex finds: per other part, the nearest vertex whose
/// geodesic distance is within the tolerance, a tie going to the lower vertex number. The expected values
/// come from that brute force, computed here with `Geodesic.wgs84` and no window, grid or index.
final class NetworkNodingSearchTests: XCTestCase {
    func testDenseKeysNumberKeysInTheOrderFirstMetAcrossGrowth() {
        var keys = DenseKeys(expected: 2)  // 10,000 keys force many growths
        for i in 0..<10_000 {
            let (n, isNew) = keys.number(UInt64(i) &* 7_919, UInt64(i % 17))
            XCTAssertEqual(n, i)
            XCTAssertTrue(isNew)
        }
        for i in stride(from: 0, to: 10_000, by: 37) {
            let (n, isNew) = keys.number(UInt64(i) &* 7_919, UInt64(i % 17))
            XCTAssertEqual(n, i)
            XCTAssertFalse(isNew)
            XCTAssertEqual(keys.find(UInt64(i) &* 7_919, UInt64(i % 17)), i)
        }
        XCTAssertEqual(keys.count, 10_000)
        XCTAssertNil(keys.find(1, 1))  // 1 is not a multiple of 7,919
    }

    /// Random short lines crowded into a small box, so most ends have vertices of several other parts
    /// within the tolerance, some across grid cell sides.
    func testEndSearchMatchesBruteForceOnCrowdedLines() {
        var rng = SeededRandom(seed: 12)
        let lines = (0..<150).map { _ in
            (0..<5).map { _ in Coordinate(longitude: Double.random(in: 70...70.03, using: &rng), latitude: Double.random(in: 50...50.02, using: &rng)) }
        }
        check(lines, toleranceM: 300)
        check(lines, toleranceM: 40)
    }

    /// Ends beside the antimeridian (windows past ±180°) and beside the pole (windows of every longitude):
    /// the grid refuses those windows and the R-tree answers; the geodesic still joins both sides.
    func testEndSearchMatchesBruteForceAcrossTheAntimeridianAndNearThePole() {
        let antimeridian: [[Coordinate]] = [
            [Coordinate(longitude: 179.9995, latitude: 10), Coordinate(longitude: 179.99, latitude: 10.01)],
            [Coordinate(longitude: -179.9996, latitude: 10.0001), Coordinate(longitude: -179.99, latitude: 9.99)],
            [Coordinate(longitude: 170, latitude: 10), Coordinate(longitude: 170.01, latitude: 10)],
        ]
        check(antimeridian, toleranceM: 200)
        let pole: [[Coordinate]] = [
            [Coordinate(longitude: 0, latitude: 89.9995), Coordinate(longitude: 0, latitude: 89.99)],
            [Coordinate(longitude: 180, latitude: 89.9996), Coordinate(longitude: 180, latitude: 89.99)],
            [Coordinate(longitude: 90, latitude: 89.9999), Coordinate(longitude: 90, latitude: 89.995)],
        ]
        check(pole, toleranceM: 200)
    }

    /// `EndSearch` against the brute force on `lines` (each line one part).
    private func check(_ lines: [[Coordinate]], toleranceM: Double, file: StaticString = #filePath, line: UInt = #line) {
        var vertices = [Coordinate](), partOfVertex = [Int](), partStart = [Int]()
        for (p, l) in lines.enumerated() {
            partStart.append(vertices.count)
            vertices.append(contentsOf: l)
            partOfVertex.append(contentsOf: repeatElement(p, count: l.count))
        }
        partStart.append(vertices.count)
        let search = EndSearch(vertices: vertices, partOfVertex: partOfVertex, partStart: partStart, toleranceM: toleranceM)
        var found = 0
        for (e, end) in search.ends.enumerated() {
            let p = partOfVertex[end]
            var best = [Int: (vertex: Int, d: Double)]()
            for v in vertices.indices {
                let q = partOfVertex[v]
                let isEnd = v == partStart[q] || v == partStart[q + 1] - 1
                if q == p && !(isEnd && v != end) { continue }
                let d = Geodesic.wgs84.distance(vertices[end], vertices[v])
                guard d <= toleranceM else { continue }
                if let b = best[q], b.d < d || (b.d == d && b.vertex < v) { continue }
                best[q] = (v, d)
            }
            let expected = best.sorted { $0.key < $1.key }.map { $0.value }
            let hits = search.hits(ofEnd: e)
            XCTAssertEqual(hits.map(\.vertex), expected.map(\.vertex), "end \(end)", file: file, line: line)
            XCTAssertEqual(hits.map(\.d), expected.map(\.d), "end \(end)", file: file, line: line)
            found += hits.count
        }
        XCTAssertGreaterThan(found, 0, "the case finds nothing to compare", file: file, line: line)
    }
}

import Foundation
import Geo
import XCTest
@testable import DepositIndex

/// The batch forms spread deposits and corridor candidates over every core; they must answer exactly what
/// the single queries answer, in the order asked. CI also runs these under the thread sanitizer, since the
/// worker threads share one catalog.
final class BatchQueryTests: XCTestCase {
    /// A seeded synthetic catalog over Kazakhstan's extent: 1,500 deposit polygons of 6–10 vertices
    /// (0.5–2 km), 300 rail lines of 10–40 edges (1–3 km), 200 stations, 3 corridors 40–60 km wide; dense
    /// enough that many deposits are crossed by a line and many have ties.
    static let catalog: Catalog = {
        var rng = SeededRandom(seed: 4_242)
        let g = Geodesic.wgs84
        func spot() -> Coordinate { Coordinate(longitude: Double.random(in: 66...76, using: &rng), latitude: Double.random(in: 44...50, using: &rng)) }
        func walk(_ steps: Int, _ spacing: ClosedRange<Double>) -> [Coordinate] {
            var c = spot(), heading = Double.random(in: 0..<360, using: &rng)
            var line = [c]
            for _ in 0..<steps {
                heading += Double.random(in: -25...25, using: &rng)
                c = g.direct(from: c, azimuth: heading, distance: Double.random(in: spacing, using: &rng)).point
                line.append(c)
            }
            return line
        }
        let deposits = (0..<1_500).map { i -> Deposit in
            let c = spot(), k = Int.random(in: 6...10, using: &rng), r = Double.random(in: 500...2_000, using: &rng)
            var ring = (0..<k).map { j in g.direct(from: c, azimuth: Double(j) * 360 / Double(k), distance: r * Double.random(in: 0.6...1, using: &rng)).point }
            ring.append(ring[0])
            return Deposit(id: String(format: "d%04d", i), name: "Deposit \(i)", geometry: .polygon([ring]))
        }
        let rail = (0..<300).map { i in RailLine(id: String(format: "r%03d", i), name: "Line \(i)", geometry: .lineString(walk(Int.random(in: 10...40, using: &rng), 1_000...3_000))) }
        let stations = (0..<200).map { i in Station(id: String(format: "s%03d", i), name: "Station \(i)", kind: "station", location: spot(), properties: JSONObject()) }
        let corridors = (0..<3).map { i in
            Corridor(id: "c\(i)", name: "Corridor \(i)", aliases: [], widthKm: Double(40 + 10 * i),
                     geometry: .lineString(walk(30, 20_000...40_000)), properties: JSONObject())
        }
        return Catalog(deposits: deposits, rail: rail, stations: stations, corridors: corridors)
    }()

    func testNearestRailForEveryDepositIsEachSingleAnswer() throws {
        let catalog = Self.catalog
        let batch = try catalog.nearestRail(k: 2, maxDistanceM: 30_000)
        XCTAssertEqual(batch.map(\.depositId), catalog.deposits.map(\.id))
        var crossed = 0
        for entry in batch {
            let single = try catalog.nearestRail(to: .deposit(entry.depositId), k: 2, maxDistanceM: 30_000)
            XCTAssertEqual(entry.rail, single, entry.depositId)
            if entry.rail.first?.distanceM == 0 { crossed += 1 }
        }
        // Both kinds of deposit were met: crossed by a line (0 m) and apart from every line.
        XCTAssertGreaterThan(crossed, 10)
        XCTAssertLessThan(crossed, batch.count / 2)
        // A chosen subset comes back in the order asked; an unknown id is an error, not a silent gap.
        let ids = ["d0999", "d0003", "d0500"]
        XCTAssertEqual(try catalog.nearestRail(forDeposits: ids).map(\.depositId), ids)
        XCTAssertThrowsError(try catalog.nearestRail(forDeposits: ["d0001", "nowhere"]))
    }

    func testCorridorOverlapsAreEachSingleAnswer() throws {
        let catalog = Self.catalog
        let batch = try catalog.corridorOverlaps()
        XCTAssertEqual(batch.map(\.corridorId), ["c0", "c1", "c2"])
        for overlap in batch {
            XCTAssertEqual(overlap, try catalog.corridorOverlap(corridor: overlap.corridorId))
            XCTAssertFalse(overlap.deposits.isEmpty, "corridor \(overlap.corridorId) holds no deposit: the test would prove little")
        }
    }
}

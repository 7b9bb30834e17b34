import Foundation
import Geo
import XCTest
@testable import DepositIndex

final class GeodesicDistanceTests: XCTestCase {
    let g = Geodesic.wgs84

    /// Hand-derived: the point 10.000 km due north (azimuth 0, `geod_direct`) of the vertex (74°E, 48°N)
    /// of a line whose two edges run from that vertex to the south-west and south-east. The nearest point
    /// of the line is the vertex itself, at exactly 10 000 m.
    func testPointDueNorthOfAVertexWhoseEdgesLeadAway() throws {
        let vertex = Coordinate(longitude: 74, latitude: 48)
        let p = g.direct(from: vertex, azimuth: 0, distance: 10_000).point
        let line = [Coordinate(longitude: 73.9, latitude: 47.95), vertex, Coordinate(longitude: 74.1, latitude: 47.95)]
        let pair = try XCTUnwrap(GeodesicDistance.nearest(from: p, to: [line]))
        XCTAssertEqual(pair.distance, 10_000, accuracy: 1e-6)
        XCTAssertEqual(pair.to.longitude, 74, accuracy: 1e-9)
        XCTAssertEqual(pair.to.latitude, 48, accuracy: 1e-9)
    }

    /// Hand-derived: a 10 km north–south edge along the meridian 74°E and a point 5 km due east (azimuth
    /// 90) of its midpoint: the foot is that midpoint, 5 000 m away (the geodesic leaving a meridian at
    /// right angles is the shortest way back to it).
    func testFootOnAMeridianEdge() throws {
        let a = Coordinate(longitude: 74, latitude: 48)
        let mid = g.direct(from: a, azimuth: 0, distance: 5_000).point
        let b = g.direct(from: a, azimuth: 0, distance: 10_000).point
        let p = g.direct(from: mid, azimuth: 90, distance: 5_000).point
        let pair = try XCTUnwrap(GeodesicDistance.nearest(from: p, to: [[a, b]]))
        XCTAssertEqual(pair.distance, 5_000, accuracy: 1e-4)
        XCTAssertEqual(g.distance(pair.to, mid), 0, accuracy: 1e-4)
    }

    /// A line crossing a deposit gives 0, with both nearest points at the crossing, on the deposit's edge.
    func testLineCrossingAPolygonIsAtZero() throws {
        let square: Shape = .polygon([[Coordinate(x: 73.59, y: 47.99), Coordinate(x: 73.61, y: 47.99), Coordinate(x: 73.61, y: 48.01),
                                       Coordinate(x: 73.59, y: 48.01), Coordinate(x: 73.59, y: 47.99)]])
        let line = [Coordinate(x: 73.5, y: 48.0), Coordinate(x: 73.7, y: 48.0)]
        let pair = try XCTUnwrap(GeodesicDistance.nearest(from: square, to: [line]))
        XCTAssertEqual(pair.distance, 0)
        XCTAssertEqual(pair.from, pair.to)
        // The line crosses the west edge (73.59°) and the east edge (73.61°); either crossing is a nearest pair.
        XCTAssertEqual(min(abs(pair.from.longitude - 73.59), abs(pair.from.longitude - 73.61)), 0, accuracy: 1e-6)
        XCTAssertEqual(pair.from.latitude, 48, accuracy: 1e-4)
        // A line wholly inside the deposit, touching no edge, is at 0 as well.
        let inner = [Coordinate(x: 73.595, y: 48.0), Coordinate(x: 73.605, y: 48.0)]
        XCTAssertEqual(GeodesicDistance.nearest(from: square, to: [inner])?.distance, 0)
    }

    /// Our plane is PROJ's: the same points through `+proj=aeqd +ellps=WGS84` agree to a millimetre.
    func testLocalPlaneIsPROJsAzimuthalEquidistant() throws {
        let center = Coordinate(longitude: 73.2, latitude: 47.6)
        let proj = try LocalProjection.centered(on: center, kind: .azimuthalEquidistant)
        let plane = LocalPlane(center: center)
        var rng = SeededRandom(seed: 3)
        for _ in 0..<200 {
            let c = Coordinate(longitude: Double.random(in: 68...80, using: &rng), latitude: Double.random(in: 42...53, using: &rng))
            let ours = plane.project(c), theirs = try proj.forward(c)
            XCTAssertEqual(ours.x, theirs.x, accuracy: 1e-3)
            XCTAssertEqual(ours.y, theirs.y, accuracy: 1e-3)
            let back = plane.unproject(ours)
            XCTAssertEqual(g.distance(back, c), 0, accuracy: 1e-6)
        }
    }

    /// Dense geodesic sampling of `line` (every `spacing` metres along each geodesic edge), refined around
    /// the best sample at 1 cm: a brute-force distance with an error far under a millimetre.
    private func sampledDistance(from p: Coordinate, to line: [Coordinate]) -> Double {
        var best = Double.infinity, bestEdge = 0
        for i in 0..<(line.count - 1) {
            for q in g.line(from: line[i], to: line[i + 1], maxSpacing: 50) {
                let d = g.distance(p, q)
                if d < best { best = d; bestEdge = i }
            }
        }
        // Refine along the best edge and its neighbours at 1 cm around the coarse minimum.
        for i in max(0, bestEdge - 1)...min(line.count - 2, bestEdge + 1) {
            let samples = g.line(from: line[i], to: line[i + 1], maxSpacing: 50)
            let coarse = samples.enumerated().min { g.distance(p, $0.1) < g.distance(p, $1.1) }!.offset
            let lo = samples[max(0, coarse - 1)], hi = samples[min(samples.count - 1, coarse + 1)]
            for q in g.line(from: lo, to: hi, maxSpacing: 0.01) { best = min(best, g.distance(p, q)) }
        }
        return best
    }

    /// Property: for 300 random points and random lines of 2–5 geodesic edges up to 30 km long at random
    /// places between 60°S and 75°N, the distance matches dense geodesic sampling to a millimetre, and the
    /// reported rail point lies at the reported distance.
    func testDistanceMatchesDenseSamplingToAMillimetre() throws {
        var rng = SeededRandom(seed: 99)
        for _ in 0..<300 {
            var c = Coordinate(longitude: Double.random(in: -180..<180, using: &rng), latitude: Double.random(in: -60...75, using: &rng))
            var line = [c]
            for _ in 0..<Int.random(in: 2...5, using: &rng) {
                c = g.direct(from: c, azimuth: Double.random(in: 0..<360, using: &rng), distance: Double.random(in: 500...30_000, using: &rng)).point
                line.append(c)
            }
            let p = g.direct(from: line[Int.random(in: 0..<line.count, using: &rng)], azimuth: Double.random(in: 0..<360, using: &rng),
                             distance: Double.random(in: 10...60_000, using: &rng)).point
            let pair = try XCTUnwrap(GeodesicDistance.nearest(from: p, to: [line]))
            let sampled = sampledDistance(from: p, to: line)
            XCTAssertEqual(pair.distance, sampled, accuracy: 1e-3, "point \(p) line \(line)")
            XCTAssertEqual(g.distance(p, pair.to), pair.distance, accuracy: 1e-6)
        }
    }

    /// Property: polygon to line. For 60 random quadrilaterals (a few km) and lines nearby but not
    /// crossing, the distance matches the least of dense sampling from every sampled point of the polygon's
    /// boundary to the line, to a millimetre.
    func testPolygonToLineMatchesDenseSampling() throws {
        var rng = SeededRandom(seed: 5)
        var checked = 0
        while checked < 60 {
            let center = Coordinate(longitude: Double.random(in: 50...85, using: &rng), latitude: Double.random(in: 40...55, using: &rng))
            var ring = (0..<4).map { k in g.direct(from: center, azimuth: Double(k) * 90 + Double.random(in: -20...20, using: &rng),
                                                   distance: Double.random(in: 1_000...3_000, using: &rng)).point }
            ring.append(ring[0])
            let start = g.direct(from: center, azimuth: Double.random(in: 0..<360, using: &rng), distance: Double.random(in: 4_000...20_000, using: &rng)).point
            let end = g.direct(from: start, azimuth: Double.random(in: 0..<360, using: &rng), distance: Double.random(in: 2_000...20_000, using: &rng)).point
            let line = [start, end]
            let pair = try XCTUnwrap(GeodesicDistance.nearest(from: .polygon([ring]), to: [line]))
            if pair.distance == 0 { continue }
            var best = Double.infinity
            for i in 0..<4 {
                for q in g.line(from: ring[i], to: ring[i + 1], maxSpacing: 5) {
                    best = min(best, GeodesicDistance.nearest(from: q, to: [line])!.distance)
                }
            }
            for q in g.line(from: start, to: end, maxSpacing: 5) {
                best = min(best, GeodesicDistance.nearest(from: q, to: [ring])!.distance)
            }
            // Sampling at 5 m along both can overshoot the true least distance by spacing²/(8·d) < 1 mm here.
            XCTAssertEqual(pair.distance, best, accuracy: 1e-3)
            checked += 1
        }
    }
}

import Geo
import XCTest
@testable import DepositIndex

final class SpatialIndexTests: XCTestCase {
    /// Random short polylines all over the globe, some across the antimeridian and near the poles.
    private func randomLines(_ count: Int, _ rng: inout SeededRandom) -> [[[Coordinate]]] {
        (0..<count).map { _ in
            var c = rng.pointOnSphere()
            var line = [c]
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let step = Geodesic.wgs84.direct(from: c, azimuth: Double.random(in: 0..<360, using: &rng),
                                                 distance: Double.random(in: 1_000...150_000, using: &rng))
                c = step.point
                line.append(c)
            }
            return [line]
        }
    }

    /// Property: for 2,000 random query points at all latitudes, the index's 3 nearest lines (by exact
    /// geodesic distance) are the brute-force 3 nearest over all 80 lines, with the same distances.
    /// (The benchmark tool repeats this at 20,000 points over 2,000 lines in release mode.)
    func testKNearestEqualsBruteForce() {
        var rng = SeededRandom(seed: 20_240_604)
        let lines = randomLines(80, &rng)
        let layer = ChainLayer(lines: lines)
        for _ in 0..<2_000 {
            let p = rng.pointOnSphere()
            let query = DistanceQuery(point: p)
            let fromIndex = layer.nearest(to: query, k: 3)
            let brute = lines.enumerated().map { (i, parts) in (i, GeodesicDistance.nearest(from: p, to: parts)!.distance) }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3)
            XCTAssertEqual(fromIndex.map(\.feature), brute.map(\.0), "at \(p)")
            for (a, b) in zip(fromIndex, brute) { XCTAssertEqual(a.pair.distance, b.1, accuracy: 1e-6, "at \(p)") }
        }
    }

    /// Property: the box bound never exceeds the geodesic distance to any point in the box, for boxes
    /// at every latitude, across the antimeridian, and for query points anywhere.
    func testBoxLowerBoundNeverExceedsGeodesicDistance() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let p = rng.pointOnSphere()
            let minX = Double.random(in: -180..<180, using: &rng), w = Double.random(in: 0...20, using: &rng)
            let minY = Double.random(in: -90...85, using: &rng), h = Double.random(in: 0...min(5, 90 - minY), using: &rng)
            let box = Envelope(minX: minX, minY: minY, maxX: minX + w, maxY: minY + h)
            let bound = BoxLowerBound(p).distance(to: box)
            for _ in 0..<5 {
                var lon = minX + Double.random(in: 0...1, using: &rng) * w
                if lon >= 180 { lon -= 360 }
                let q = Coordinate(longitude: lon, latitude: minY + Double.random(in: 0...1, using: &rng) * h)
                XCTAssertLessThanOrEqual(bound, Geodesic.wgs84.distance(p, q), "\(p) to \(q) in \(box)")
            }
        }
    }

    /// The bound is tight where it can be: due north of a box edge it is the meridian arc on the
    /// a(1 - e²) sphere: 1° × π/180 × 6 335 439.327 m = 110 574.4 m (GeographicLib gives 111 200 m on the
    /// ellipsoid at 48°N, so the bound is 0.6% low).
    func testBoundDueNorthIsTheSmallSphereArc() {
        let bound = BoxLowerBound(Coordinate(longitude: 70.5, latitude: 49)).distance(to: Envelope(minX: 70, minY: 47, maxX: 71, maxY: 48))
        XCTAssertEqual(bound, .pi / 180 * 6_335_439.327, accuracy: 0.01)
    }

    /// A geodesic edge bows poleward: the edge from (0°, 48°) to (2°, 48°) peaks at its middle, where on the
    /// sphere tan φ = tan 48° / cos 1° gives φ = 48.00436° (Clairaut, by hand), so its box must reach above 48°.
    func testEdgeBoxHoldsTheGeodesicBow() {
        let a = Coordinate(longitude: 0, latitude: 48), b = Coordinate(longitude: 2, latitude: 48)
        let box = EdgeEnvelope.of(a, b)
        let mid = Geodesic.wgs84.line(from: a, to: b, maxSpacing: 1_000).max { $0.latitude < $1.latitude }!
        XCTAssertEqual(mid.latitude, 48.00436, accuracy: 0.00002)
        XCTAssertGreaterThanOrEqual(box.maxY, mid.latitude)
    }

    /// Window search returns exactly the boxes a brute-force scan finds, including a box past +180°.
    func testWindowSearchEqualsBruteForce() {
        var rng = SeededRandom(seed: 11)
        var boxes = (0..<5_000).map { _ -> Envelope in
            let x = Double.random(in: -180..<179, using: &rng), y = Double.random(in: -90..<89, using: &rng)
            return Envelope(minX: x, minY: y, maxX: x + Double.random(in: 0...1, using: &rng), maxY: y + Double.random(in: 0...1, using: &rng))
        }
        boxes.append(Envelope(minX: 179.5, minY: 10, maxX: 180.5, maxY: 11))
        let index = SpatialIndex(boxes: boxes)
        for _ in 0..<300 {
            let x = Double.random(in: -180..<170, using: &rng), y = Double.random(in: -90..<80, using: &rng)
            let window = Envelope(minX: x, minY: y, maxX: x + 10, maxY: y + 10)
            let expected = boxes.indices.filter { boxes[$0].intersects(window) || boxes[$0].intersects(Envelope(minX: window.minX + 360, minY: window.minY, maxX: window.maxX + 360, maxY: window.maxY)) }
            XCTAssertEqual(index.search(window).sorted(), expected)
        }
        XCTAssertEqual(index.search(Envelope(minX: -179.8, minY: 10.2, maxX: -179.6, maxY: 10.4)), [boxes.count - 1])
    }

    func testSingleAndEmptyIndex() {
        XCTAssertEqual(SpatialIndex(boxes: []).search(Envelope(minX: -180, minY: -90, maxX: 180, maxY: 90)), [])
        let one = SpatialIndex(boxes: [Envelope(minX: 1, minY: 1, maxX: 2, maxY: 2)])
        XCTAssertEqual(one.search(Envelope(minX: 0, minY: 0, maxX: 1.5, maxY: 1.5)), [0])
        XCTAssertEqual(one.search(Envelope(minX: 3, minY: 3, maxX: 4, maxY: 4)), [])
    }
}

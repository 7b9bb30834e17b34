import DepositIndex
import Foundation
import Geo

/// `deposits-bench --world`: seeded synthetic data over the whole globe, for the scaling benchmark
/// (`Tools/bench-scale.sh`, issue 16). Land is a set of spherical caps and everything else is empty ocean:
/// fixed caps over both polar regions (Antarctica's reaching the pole's neighbourhood, the Arctic's
/// around the North Pole), two across the antimeridian (Chukotka–Alaska, Fiji), and sixteen seeded caps
/// 500–2,500 km across. Deposits are the Kazakh set's irregular polygons (6–14 vertices, 1–4 km across):
/// three in five in dense clusters (a seeded centre per 200 deposits, each within 30 km of it), the rest
/// spread over the land. Rail lines are the same random walks (20–80 vertices 1–3 km apart) begun on
/// land, crossing the antimeridian where they reach it. Nothing comes within 0.5° of a pole (a ring
/// around a pole has no plain longitude–latitude form). Corridors: ten walks of 30–60 steps 20–40 km, 50 km wide.
enum SyntheticWorld {
    /// A cap of land: every point within `radius` metres of `centre`.
    struct Land {
        var centre: Coordinate
        var radius: Double
    }

    static let maxLatitude = 89.5

    static func lands(_ rng: inout SeededRandom) -> [Land] {
        var lands = [
            Land(centre: Coordinate(longitude: 0, latitude: -90 + 0.6), radius: 1_500_000),   // Antarctica (centred off the pole)
            Land(centre: Coordinate(longitude: 40, latitude: 88.5), radius: 900_000),        // the Arctic
            Land(centre: Coordinate(longitude: 180, latitude: 66), radius: 900_000),         // Chukotka–Alaska, across ±180°
            Land(centre: Coordinate(longitude: 178.5, latitude: -17.5), radius: 400_000),    // Fiji, across ±180°
        ]
        for _ in 0..<16 {
            // A centre uniform on the sphere: latitude from a uniform sine.
            let lat = asin(Double.random(in: -1...1, using: &rng)) * 180 / .pi
            lands.append(Land(centre: Coordinate(longitude: Double.random(in: -180..<180, using: &rng), latitude: max(-80, min(80, lat))),
                              radius: Double.random(in: 250_000...1_250_000, using: &rng)))
        }
        return lands
    }

    /// A point within `radius` of `centre`, spread evenly over the cap, kept off the poles.
    static func point(around centre: Coordinate, within radius: Double, _ rng: inout SeededRandom) -> Coordinate {
        while true {
            let p = Geodesic.wgs84.direct(from: centre, azimuth: Double.random(in: 0..<360, using: &rng),
                                          distance: radius * Double.random(in: 0...1, using: &rng).squareRoot()).point
            if abs(p.latitude) <= maxLatitude - 0.1 { return p }
        }
    }

    static func data(deposits n: Int, rail m: Int, seed: UInt64) -> (deposits: [Deposit], rail: [RailLine], corridors: [Feature]) {
        var rng = SeededRandom(seed: seed)
        let g = Geodesic.wgs84
        let lands = lands(&rng)
        // A land picked in proportion to its area (≈ radius²).
        let weights = lands.map { $0.radius * $0.radius }
        let total = weights.reduce(0, +)
        func land(_ rng: inout SeededRandom) -> Land {
            var x = Double.random(in: 0..<total, using: &rng)
            for (l, w) in zip(lands, weights) {
                if x < w { return l }
                x -= w
            }
            return lands[lands.count - 1]
        }
        func onLand(_ rng: inout SeededRandom) -> Coordinate { let l = land(&rng); return point(around: l.centre, within: l.radius, &rng) }
        let clusters = (0..<max(1, n / 200)).map { _ in onLand(&rng) }
        let deposits = (0..<n).map { i -> Deposit in
            let c = Int.random(in: 0..<5, using: &rng) < 3
                ? point(around: clusters[Int.random(in: 0..<clusters.count, using: &rng)], within: 30_000, &rng)
                : onLand(&rng)
            let k = Int.random(in: 6...14, using: &rng)
            let r = Double.random(in: 500...2_000, using: &rng)
            var ring = (0..<k).map { j in g.direct(from: c, azimuth: Double(j) * 360 / Double(k), distance: r * Double.random(in: 0.6...1, using: &rng)).point }
            ring.append(ring[0])
            return Deposit(id: String(format: "dep-%07d", i), name: "Deposit \(i)", geometry: .polygon([ring]))
        }
        func walk(steps: ClosedRange<Int>, step: ClosedRange<Double>, turn: Double, _ rng: inout SeededRandom) -> [Coordinate] {
            var c = onLand(&rng)
            var heading = Double.random(in: 0..<360, using: &rng)
            var line = [c]
            for _ in 0..<Int.random(in: steps, using: &rng) {
                heading += Double.random(in: -turn...turn, using: &rng)
                var next = g.direct(from: c, azimuth: heading, distance: Double.random(in: step, using: &rng))
                if abs(next.point.latitude) > maxLatitude {
                    // Turned back short of the pole.
                    heading += 180
                    next = g.direct(from: c, azimuth: heading, distance: step.lowerBound)
                }
                heading = next.azimuth  // the walk's heading where it arrived (azimuths turn with longitude)
                c = next.point
                line.append(c)
            }
            return line
        }
        let rail = (0..<m).map { i in
            RailLine(id: String(format: "rail-%06d", i), name: "Line \(i)", geometry: .lineString(walk(steps: 20...80, step: 1_000...3_000, turn: 25, &rng)))
        }
        let corridors = (0..<10).map { i in
            Feature(id: String(format: "corridor-%02d", i), properties: ["name": .string("Corridor \(i)"), "aliases": [], "width_km": 50],
                    geometry: .lineString(walk(steps: 30...60, step: 20_000...40_000, turn: 15, &rng)))
        }
        return (deposits, rail, corridors)
    }
}

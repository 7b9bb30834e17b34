import DepositIndex
import Foundation
import Geo

/// A connected synthetic rail network over Kazakhstan's extent (46–87°E, 40–55°N) for the gateway benchmark
/// (issue 12): the first line starts in the middle, every later line branches off a vertex of an earlier one
/// (the same coordinate, so the noding joins them with no tolerance) and wanders as `Synthetic`'s lines do,
/// 20–80 vertices 1–3 km apart, turning back when it reaches the extent's edge. Ten gateways are stations on
/// vertices drawn at random: ports and border crossings, as the bundled data's are, as station features (the
/// benchmark writes the set as GeoData files and loads it, as a user's data is).
enum SyntheticNetwork {
    static func data(lines m: Int, seed: UInt64) -> (rail: [RailLine], gateways: [Feature]) {
        var rng = SeededRandom(seed: seed)
        let g = Geodesic.wgs84
        var lines = [[Coordinate]]()
        lines.reserveCapacity(m)
        for _ in 0..<m {
            var c: Coordinate
            if let from = lines.randomElement(using: &rng) {
                c = from[Int.random(in: 0..<from.count, using: &rng)]
            } else {
                c = Coordinate(longitude: 66.5, latitude: 47.5)
            }
            var heading = Double.random(in: 0..<360, using: &rng)
            var line = [c]
            for _ in 0..<Int.random(in: 20...80, using: &rng) {
                heading += Double.random(in: -25...25, using: &rng)
                var next = g.direct(from: c, azimuth: heading, distance: Double.random(in: 1_000...3_000, using: &rng))
                if !(46...87).contains(next.point.longitude) || !(40...55).contains(next.point.latitude) {
                    heading += 180
                    next = g.direct(from: c, azimuth: heading, distance: Double.random(in: 1_000...3_000, using: &rng))
                }
                c = next.point
                line.append(c)
            }
            lines.append(line)
        }
        let rail = lines.enumerated().map { i, line in
            RailLine(id: String(format: "net-%05d", i), name: "Line \(i)", status: "operating", geometry: .lineString(line))
        }
        let gateways = (0..<10).map { i -> Feature in
            let line = lines[Int.random(in: 0..<lines.count, using: &rng)]
            let at = line[Int.random(in: 0..<line.count, using: &rng)]
            return Feature(id: "gw-\(i)", properties: ["name": .string("Gateway \(i)"), "kind": .string(i < 3 ? "port" : "border_crossing"),
                                                         "in_kazakhstan": .bool(true)],
                           geometry: .point(at))
        }
        return (rail, gateways)
    }
}

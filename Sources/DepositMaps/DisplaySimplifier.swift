import Foundation
import Geo

/// Fewer vertices for drawing a base layer (country, regions, rail) on a map page, so the file stays
/// small: Douglas–Peucker with a tolerance in metres, each line or ring measured in the plane tangent to
/// the ellipsoid at its own centre, points projected onto it from the Earth's centre (where geodesics
/// are all but straight lines). That plane only stretches lengths (by the secant of the angle from
/// its centre, 1.06 at 1,500 km), so a vertex left out lies within about the tolerance of the line drawn.
/// For drawing only: no answer is measured on the result.
struct DisplaySimplifier {
    /// The largest distance, metres, a dropped vertex may lie from the simplified line.
    var toleranceM: Double

    func simplified(_ shape: Shape) -> Shape {
        switch shape {
        case .point, .multiPoint: return shape
        case .lineString(let cs): return .lineString(line(cs, ring: false))
        case .multiLineString(let ls): return .multiLineString(ls.map { line($0, ring: false) })
        case .polygon(let rs): return .polygon(rings(rs))
        case .multiPolygon(let ps): return .multiPolygon(ps.map(rings))
        case .geometryCollection(let parts): return .geometryCollection(parts.map(simplified))
        }
    }

    /// A polygon's rings: a hole simplified below a triangle is dropped, a shell kept as it was.
    private func rings(_ rs: [[Coordinate]]) -> [[Coordinate]] {
        var out = [[Coordinate]]()
        for (i, r) in rs.enumerated() {
            let s = line(r, ring: true)
            if s.count >= 4 { out.append(s) } else if i == 0 { out.append(r) }
        }
        return out
    }

    /// One line or closed ring, its ends always kept.
    func line(_ cs: [Coordinate], ring: Bool) -> [Coordinate] {
        guard cs.count > (ring ? 4 : 2) else { return cs }
        guard let plane = TangentPlane(around: cs) else { return cs }
        let points = cs.map(plane.project)
        if points.contains(where: { $0 == nil }) { return cs }
        let xy = points.map { $0! }
        var keep = [Bool](repeating: false, count: cs.count)
        keep[0] = true
        keep[cs.count - 1] = true
        // A closed ring's two ends are one point: split it at its farthest vertex from there as well.
        var spans = [(0, cs.count - 1)]
        if ring {
            let far = (1..<(cs.count - 1)).max { distance(xy[$0], xy[0]) < distance(xy[$1], xy[0]) }!
            keep[far] = true
            spans = [(0, far), (far, cs.count - 1)]
        }
        while let (a, b) = spans.popLast() {
            guard b > a + 1 else { continue }
            var worst = 0.0, at = a
            for i in (a + 1)..<b {
                let d = offset(xy[i], xy[a], xy[b])
                if d > worst { worst = d; at = i }
            }
            if worst > toleranceM {
                keep[at] = true
                spans.append((a, at))
                spans.append((at, b))
            }
        }
        return cs.indices.filter { keep[$0] }.map { cs[$0] }
    }

    private func distance(_ p: (Double, Double), _ q: (Double, Double)) -> Double {
        ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1)).squareRoot()
    }

    /// The distance from `p` to the segment `a`–`b` in the plane.
    private func offset(_ p: (Double, Double), _ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let dx = b.0 - a.0, dy = b.1 - a.1
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return distance(p, a) }
        let t = max(0, min(1, ((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2))
        return distance(p, (a.0 + t * dx, a.1 + t * dy))
    }
}

/// The plane tangent to the WGS84 ellipsoid at a line's centre, points projected onto it from the
/// Earth's centre; metres in the plane.
private struct TangentPlane {
    private static let a = 6_378_137.0
    private static let f = 1 / 298.257223563
    private static let e2 = f * (2 - f)

    private let origin: (Double, Double, Double)
    private let up: (Double, Double, Double)
    private let east: (Double, Double, Double)
    private let north: (Double, Double, Double)
    private let height: Double

    /// Nil when the line reaches a quarter of the Earth from its centre (the plane cannot hold it).
    init?(around cs: [Coordinate]) {
        var west = cs[0].x, eastmost = cs[0].x, south = cs[0].y, northmost = cs[0].y
        for c in cs {
            west = min(west, c.x); eastmost = max(eastmost, c.x); south = min(south, c.y); northmost = max(northmost, c.y)
        }
        guard eastmost - west < 60, northmost - south < 60 else { return nil }
        let lat = (south + northmost) / 2 * .pi / 180, lon = (west + eastmost) / 2 * .pi / 180
        origin = Self.earthCentred(latitude: lat, longitude: lon)
        up = (cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
        east = (-sin(lon), cos(lon), 0)
        north = (-sin(lat) * cos(lon), -sin(lat) * sin(lon), cos(lat))
        height = up.0 * origin.0 + up.1 * origin.1 + up.2 * origin.2
    }

    private static func earthCentred(latitude lat: Double, longitude lon: Double) -> (Double, Double, Double) {
        let n = a / (1 - e2 * sin(lat) * sin(lat)).squareRoot()
        return (n * cos(lat) * cos(lon), n * cos(lat) * sin(lon), n * (1 - e2) * sin(lat))
    }

    /// The point's place in the plane, metres east and north of the centre; nil far from the centre.
    func project(_ c: Coordinate) -> (Double, Double)? {
        let p = Self.earthCentred(latitude: c.y * .pi / 180, longitude: c.x * .pi / 180)
        let along = up.0 * p.0 + up.1 * p.1 + up.2 * p.2
        guard along > height * 0.5 else { return nil }
        let k = height / along
        let q = (p.0 * k - origin.0, p.1 * k - origin.1, p.2 * k - origin.2)
        return (q.0 * east.0 + q.1 * east.1 + q.2 * east.2, q.0 * north.0 + q.1 * north.1 + q.2 * north.2)
    }
}

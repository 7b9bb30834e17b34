import Foundation
import Geo

/// The nearest pair of points between two geometries on WGS84, and the geodesic distance between them.
public struct NearestPair: Hashable, Sendable, Codable {
    /// Metres along the geodesic from `from` to `to`; 0 where the geometries touch or cross.
    public var distance: Double
    /// The point on the query geometry (the deposit, or the query point itself).
    public var from: Coordinate
    /// The point on the other geometry (the rail line, corridor centre line, boundary...).
    public var to: Coordinate

    public init(distance: Double, from: Coordinate, to: Coordinate) {
        self.distance = distance
        self.from = from
        self.to = to
    }
}

/// A point or polygonal area prepared for measuring geodesic distances to polylines: its vertices seen
/// from its own centre in a `LocalPlane`, and a circle around that centre holding it all.
struct DistanceQuery {
    let plane: LocalPlane
    let bound: BoxLowerBound
    /// Geodesic distance from the centre beyond which no part of the query lies.
    let radius: Double
    let vertices: [Coordinate]
    let planar: [Coordinate]
    /// Rings as index ranges into `vertices`, closed (last index repeats the first vertex), per polygon.
    let polygons: [[Range<Int>]]
    let planarPolygons: [[[Coordinate]]]

    var isAreal: Bool { !polygons.isEmpty }

    /// A point: distances are measured from it.
    init(point: Coordinate) {
        self.init(center: point, radius: 0, vertices: [point], planar: [Coordinate(x: 0, y: 0)], polygons: [])
    }

    private init(center: Coordinate, radius: Double, vertices: [Coordinate], planar: [Coordinate], polygons: [[Range<Int>]]) {
        plane = LocalPlane(center: center)
        bound = BoxLowerBound(center)
        self.radius = radius
        self.vertices = vertices
        self.planar = planar
        self.polygons = polygons
        planarPolygons = polygons.map { rings in rings.map { Array(planar[$0]) } }
    }

    /// A polygon, multipolygon or point shape. Other shapes measure from their vertices only.
    init(shape: Shape) {
        var vertices = [Coordinate]()
        var polygons = [[Range<Int>]]()
        for polygon in shape.polygons {
            var rings = [Range<Int>]()
            for ring in polygon where !ring.isEmpty {
                let start = vertices.count
                vertices.append(contentsOf: ring)
                if ring.first != ring.last { vertices.append(ring[0]) }
                rings.append(start..<vertices.count)
            }
            if !rings.isEmpty { polygons.append(rings) }
        }
        if polygons.isEmpty {
            vertices = shape.coordinates
            if vertices.count == 1 { self.init(point: vertices[0]); return }
        }
        let box = Envelope(covering: vertices) ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let center = LocalProjection.center(of: box)
        let plane = LocalPlane(center: center)
        let planar = vertices.map(plane.project)
        var r = 0.0
        for p in planar { r = max(r, (p.x * p.x + p.y * p.y).squareRoot()) }
        // Along a short geodesic edge the distance from the centre peaks at an end; the margin covers
        // the curvature of longer ones.
        self.init(center: center, radius: r * (1 + 1e-6) + 1e-3, vertices: vertices, planar: planar, polygons: polygons)
    }

    /// A lower bound on the distance from any part of the query to anything in the box.
    func lowerBound(minX: Double, minY: Double, maxX: Double, maxY: Double) -> Double {
        max(0, bound.distance(minX: minX, minY: minY, maxX: maxX, maxY: maxY) - radius)
    }

    /// True when `p` (planar) lies inside the query's area.
    func containsPlanar(_ p: Coordinate) -> Bool {
        planarPolygons.contains { PlanarGeometry.contains($0, p) }
    }
}

import Foundation
import Geo

/// A point or polygonal area prepared for measuring geodesic distances to polylines: its vertices in
/// Earth-centred coordinates for cheap lower bounds (`Cartesian`), a circle around its centre holding it
/// all, and, when first needed, its vertices seen from that centre in a `LocalPlane`.
///
/// One query is used by one thread: its plane is computed lazily and cached in place.
struct DistanceQuery {
    let center: Coordinate
    let bound: BoxLowerBound
    /// Geodesic distance from the centre beyond which no part of the query lies.
    let radius: Double
    let vertices: [Coordinate]
    /// Rings as index ranges into `vertices`, closed (last index repeats the first vertex), per polygon.
    let polygons: [[Range<Int>]]
    let cartesian: [Cartesian]
    let centerCartesian: Cartesian
    /// Euclidean distance from the centre beyond which no part of the query lies.
    let chordRadius: Double
    /// For a ring edge from vertex `e` to `e + 1`, how far it may stray from its chord (see `Cartesian`).
    let edgeSagitta: [Double]
    /// The tangent plane at the centre, for crossing and containment tests, and the vertices' images in
    /// it (nil for a vertex with none: such a query is tested in the `LocalPlane` instead).
    let central: CentralPlane
    let centralVertices: [Coordinate?]
    /// True when every vertex has an image in the central plane (false only for queries spanning a
    /// quarter of the Earth).
    let isCentrallyProjected: Bool
    /// How far the query's edges may stray from their straight images in the central plane (metres in
    /// the plane: the gap on the ground times the plane's stretch at the farthest vertex).
    let centralGap: Double
    /// The central plane's largest stretch over the query's vertices (see `CentralPlane.stretch`).
    let centralStretch: Double
    private let projections: LazyProjections

    var plane: LocalPlane { projections.plane }
    var planar: [Coordinate] { projections.planar }
    var planarPolygons: [[[Coordinate]]] { projections.planarPolygons }
    /// The query's rings in the central plane with every edge cut at points of its geodesic into pieces
    /// of at most `crossingPiece`; nil when some point has no image.
    /// Query edge `e` in the central plane cut at points of its geodesic into pieces short enough that
    /// each is straight there to 0.1 mm (see `DistanceQuery+CentralCrossing.swift`); nil when some point
    /// has no image.
    func fineCentralEdge(_ e: Int) -> [Coordinate]? {
        projections.fineCentralEdge(e, central, pieces: Self.crossingPiece / centralStretch.squareRoot())
    }
    var isAreal: Bool { !polygons.isEmpty }

    /// A point: distances are measured from it.
    init(point: Coordinate) {
        center = point
        bound = BoxLowerBound(point)
        radius = 0
        vertices = [point]
        polygons = []
        let c = Cartesian(point)
        cartesian = [c]
        centerCartesian = c
        chordRadius = 0
        edgeSagitta = [0]
        central = CentralPlane(center: point)
        centralVertices = [Coordinate(x: 0, y: 0)]
        isCentrallyProjected = true
        centralGap = 0
        centralStretch = 1
        projections = LazyProjections(plane: LocalPlane(center: point), vertices: vertices, polygons: [], planar: [Coordinate(x: 0, y: 0)])
    }

    /// A polygon, multipolygon or point shape. Other shapes measure from their vertices only.
    init(shape: Shape) {
        var vertices = [Coordinate]()
        var polygons = [[Range<Int>]]()
        let shapePolygons = shape.polygons
        for polygon in shapePolygons {
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
        } else if let split = Self.splittingLongEdges(shapePolygons) {
            // Edges over 100 km are cut at points of their own geodesics (the shape is unchanged), so every
            // edge has a finite sagitta and a close central-plane image.
            self.init(shape: split)
            return
        }
        if polygons.isEmpty && vertices.count == 1 {
            self.init(point: vertices[0])
        } else {
            self.init(vertices: vertices, polygons: polygons)
        }
    }

    /// The shape with every polygon edge whose chord exceeds 100 km cut at points of its geodesic into
    /// pieces under that; nil when it has no such edge.
    private static func splittingLongEdges(_ polygons: [[[Coordinate]]]) -> Shape? {
        // Most deposits are a few kilometres across: no ring spans the degrees a long edge needs.
        guard polygons.contains(where: { $0.contains { LongEdges.mayHaveLong($0[...], over: 100_000) } }) else { return nil }
        let split = polygons.map { rings in rings.map { LongEdges.split($0[...], over: 100_000) } }
        guard split.contains(where: { $0.contains { $0 != nil } }) else { return nil }
        return .multiPolygon(zip(polygons, split).map { rings, cut in zip(rings, cut).map { $1 ?? $0 } })
    }

    private init(vertices: [Coordinate], polygons: [[Range<Int>]]) {
        let box = Envelope(covering: vertices) ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        center = LocalProjection.center(of: box)
        bound = BoxLowerBound(center)
        self.vertices = vertices
        self.polygons = polygons
        // A ring's closing vertex repeats its first: its Earth-centred image is copied, not made again
        // (the rings lie one after another in `vertices`, as `init(shape:)` puts them).
        var images = [Cartesian]()
        images.reserveCapacity(vertices.count)
        for rings in polygons {
            for ring in rings where ring.lowerBound == images.count && !ring.isEmpty {
                for i in ring.lowerBound..<(ring.upperBound - 1) { images.append(Cartesian(vertices[i])) }
                let last = ring.upperBound - 1
                let first = vertices[ring.lowerBound], closing = vertices[last]
                // The same bits (not merely equal: -0° and 0° give images differing in a sign).
                let repeats = last > ring.lowerBound && closing.longitude.bitPattern == first.longitude.bitPattern
                    && closing.latitude.bitPattern == first.latitude.bitPattern
                images.append(repeats ? images[ring.lowerBound] : Cartesian(closing))
            }
        }
        if images.count != vertices.count { images = vertices.map(Cartesian.init) }
        cartesian = images
        let central = CentralPlane(center: center)
        centerCartesian = central.origin
        var sagittas = [Double](repeating: 0, count: vertices.count)
        var widest = 0.0, longest = 0.0
        for rings in polygons {
            for ring in rings {
                for e in ring.lowerBound..<(ring.upperBound - 1) {
                    let chord = cartesian[e].chord(to: cartesian[e + 1])
                    sagittas[e] = Cartesian.sagitta(chord: chord)
                    widest = max(widest, sagittas[e])
                    longest = max(longest, chord)
                }
            }
        }
        edgeSagitta = sagittas
        self.central = central
        let plane = central
        var stretch = 1.0
        for c in cartesian { stretch = max(stretch, plane.stretch(c)) }
        centralStretch = stretch
        centralGap = CentralPlane.straightnessGap(chord: longest) * stretch
        centralVertices = polygons.isEmpty ? [] : cartesian.map { plane.project($0) }
        isCentrallyProjected = !centralVertices.contains { $0 == nil }
        var far = 0.0
        for c in cartesian { far = max(far, c.chord(to: centerCartesian)) }
        // Edge points lie within a sagitta of a chord whose ends are within `far`; the area they enclose
        // lies within the same cap.
        chordRadius = far + widest
        let view = LazyProjections(plane: LocalPlane(center: center), vertices: vertices, polygons: polygons, planar: nil)
        projections = view
        let bounded = Cartesian.geodesicUpperBound(chord: chordRadius)
        if bounded.isFinite {
            radius = bounded
        } else {
            // A query over 100 km across: the plane gives exact distances from the centre. Along a short
            // geodesic edge the distance from the centre peaks at an end; the margin covers the curvature
            // of longer ones.
            var r = 0.0
            for p in view.planar { r = max(r, (p.x * p.x + p.y * p.y).squareRoot()) }
            radius = r * (1 + 1e-6) + DistanceTolerance.upperBoundPad
        }
    }

    /// A lower bound on the distance from any part of the query to anything in the box.
    func lowerBound(minX: Double, minY: Double, maxX: Double, maxY: Double) -> Double {
        max(0, bound.distance(minX: minX, minY: minY, maxX: maxX, maxY: maxY) - radius)
    }

    /// As above, for a box of an index.
    func lowerBound(_ box: TrigBox) -> Double {
        max(0, bound.distance(to: box) - radius)
    }

    /// True when `p` (planar) lies inside the query's area.
    func containsPlanar(_ p: Coordinate) -> Bool {
        planarPolygons.contains { PlanarGeometry.contains($0, p) }
    }

}

/// The query's vertices in its `LocalPlane`, and its rings cut into short pieces in the central plane
/// (at points of their geodesics, `Geodesic.line` in `Sources/Geo/Geodesic.swift`), each made on first
/// use: most chains are settled by the Earth-centred bounds and straight central-plane tests alone, and
/// these cost geodesic solves.
private final class LazyProjections {
    let plane: LocalPlane
    private let vertices: [Coordinate]
    private let polygons: [[Range<Int>]]
    private var projected: [Coordinate]?
    private var projectedPolygons: [[[Coordinate]]]?

    init(plane: LocalPlane, vertices: [Coordinate], polygons: [[Range<Int>]], planar: [Coordinate]?) {
        self.plane = plane
        self.vertices = vertices
        self.polygons = polygons
        projected = planar
    }

    var planar: [Coordinate] {
        if let projected { return projected }
        let p = vertices.map(plane.project)
        projected = p
        return p
    }

    private var fineEdges: [Int: [Coordinate]?] = [:]

    func fineCentralEdge(_ e: Int, _ plane: CentralPlane, pieces: Double) -> [Coordinate]? {
        if let known = fineEdges[e] { return known }
        var out: [Coordinate]? = []
        for point in Geodesic.wgs84.line(from: vertices[e], to: vertices[e + 1], maxSpacing: pieces) {
            guard let p = plane.project(Cartesian(point)) else { out = nil; break }
            out?.append(p)
        }
        fineEdges[e] = .some(out)
        return out
    }

    var planarPolygons: [[[Coordinate]]] {
        if let projectedPolygons { return projectedPolygons }
        let planar = self.planar
        let p = polygons.map { rings in rings.map { Array(planar[$0]) } }
        projectedPolygons = p
        return p
    }
}

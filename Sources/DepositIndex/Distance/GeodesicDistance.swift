import Geo

/// Geodesic distance between a point or polygon and a polyline on WGS84, with the nearest points on both.
///
/// How: unless the line meets the query's area (then the distance is 0), the nearest pair joins a vertex
/// of one geometry to an edge of the other (between two short geodesics that do not cross, the distance
/// is least at an end of one of them), so every vertex–edge pair is a candidate. Each candidate gets a
/// lower bound on its true distance that costs no geodesic solve, from Earth-centred coordinates
/// (`DistanceQuery+ChordNearest.swift`; crossings are found in the query's `CentralPlane`,
/// `DistanceQuery+CentralCrossing.swift`), and candidates are refined on the ellipsoid (`GeodesicFoot`)
/// in order of that bound until the bound passes the best distance found. Line edges over 400 km are
/// first cut at points of their own geodesics (`LongEdges`). Only queries spanning a quarter of the
/// Earth, which have no central-plane image, take the older way through the query's azimuthal equidistant
/// plane (`DistanceQuery+PlaneNearest.swift`), which costs a geodesic solve per vertex; a property test
/// checks the two ways agree. Every geodesic solve is `Geodesic.wgs84` in `Sources/Geo/Geodesic.swift`
/// (PROJ's `geod_*`).
///
/// Everything else about distance lives beside this file: the prepared query (`DistanceQuery`), the
/// layers of polylines cut into indexed chains and their k-nearest search (`ChainLayer`), the k-nearest
/// search over points (`PointSearch`), the lower bound for an index box (`BoxLowerBound`, `TrigBox`),
/// the ellipsoid's constants (`WGS84`) and the tie rule (`DistanceTolerance`).
public enum GeodesicDistance {
    /// The nearest pair between `shape` (point, polygon or multipolygon) and the polylines `lines`.
    public static func nearest(from shape: Shape, to lines: [[Coordinate]]) -> NearestPair? {
        let query = DistanceQuery(shape: shape)
        var best: NearestPair?
        for line in lines where !line.isEmpty {
            if let pair = query.nearest(toChain: line[...], below: best.map { $0.distance } ?? .infinity) { best = pair }
        }
        return best
    }

    /// The nearest pair between a point and polylines.
    public static func nearest(from point: Coordinate, to lines: [[Coordinate]]) -> NearestPair? {
        nearest(from: .point(point), to: lines)
    }
}

import CGEOS

// Planar measures, in the geometry's own units. For metres on the earth use `Geodesic`, or measure
// inside a `LocalProjection`.

extension Geometry {
    /// Planar area in squared units of the coordinates. See `GEOSArea_r`.
    public func planarArea() throws -> Double {
        try measure("area") { GEOSArea_r($0, pointer, $1) }
    }

    /// Planar length (perimeter for polygons). See `GEOSLength_r`.
    public func planarLength() throws -> Double {
        try measure("length") { GEOSLength_r($0, pointer, $1) }
    }

    /// Planar distance to `other`, 0 where they touch. See `GEOSDistance_r`.
    public func planarDistance(to other: Geometry) throws -> Double {
        try measure("distance") { GEOSDistance_r($0, pointer, other.pointer, $1) }
    }

    /// The closest pair of points (on this geometry, on `other`) in the plane. See `GEOSNearestPoints_r`.
    public func nearestPoints(to other: Geometry) throws -> (Coordinate, Coordinate) {
        let context = GEOSContext.current
        context.clearError()
        guard let seq = GEOSNearestPoints_r(context.handle, pointer, other.pointer) else {
            throw context.error("nearest points failed (is a geometry empty?)")
        }
        defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
        var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
        GEOSCoordSeq_getXY_r(context.handle, seq, 0, &x0, &y0)
        GEOSCoordSeq_getXY_r(context.handle, seq, 1, &x1, &y1)
        return (Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y1))
    }
}

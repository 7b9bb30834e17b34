import CGEOS

// Planar overlay and construction operations. Callers that need metres run them inside a
// `LocalProjection`, never on raw degrees.

/// How a buffer ends at a line's free ends. See GEOS's `GEOSBufCapStyles`.
public enum BufferEndCap: Int32, Sendable {
    case round = 1
    case flat = 2
    case square = 3
}

/// How a buffer turns at a line's vertices. See GEOS's `GEOSBufJoinStyles`.
public enum BufferJoin: Int32, Sendable {
    case round = 1
    case mitre = 2
    case bevel = 3
}

extension Geometry {
    /// See `GEOSIntersection_r`.
    public func intersection(_ other: Geometry) throws -> Geometry {
        try Geometry.make("intersection") { GEOSIntersection_r($0, pointer, other.pointer) }
    }

    /// See `GEOSUnion_r`.
    public func union(_ other: Geometry) throws -> Geometry {
        try Geometry.make("union") { GEOSUnion_r($0, pointer, other.pointer) }
    }

    /// See `GEOSDifference_r`.
    public func difference(_ other: Geometry) throws -> Geometry {
        try Geometry.make("difference") { GEOSDifference_r($0, pointer, other.pointer) }
    }

    /// Dissolves the parts of this geometry into one. See `GEOSUnaryUnion_r`.
    public func unaryUnion() throws -> Geometry {
        try Geometry.make("unary union") { GEOSUnaryUnion_r($0, pointer) }
    }

    /// The union of many geometries, computed in one cascaded pass rather than pairwise.
    public static func union(_ geometries: [Geometry]) throws -> Geometry {
        let collection = try Geometry.collection(geometries)
        return try collection.unaryUnion()
    }

    /// A GeometryCollection (or the matching Multi type) of copies of the given geometries.
    public static func collection(_ geometries: [Geometry]) throws -> Geometry {
        try Geometry.make("collection") { handle in
            var copies: [OpaquePointer?] = geometries.map { GEOSGeom_clone_r(handle, $0.pointer) }
            let types = Set(geometries.map(\.type))
            let type: GEOSGeomTypes
            switch types {
            case [.polygon]: type = GEOS_MULTIPOLYGON
            case [.lineString]: type = GEOS_MULTILINESTRING
            case [.point]: type = GEOS_MULTIPOINT
            default: type = GEOS_GEOMETRYCOLLECTION
            }
            return copies.withUnsafeMutableBufferPointer {
                GEOSGeom_createCollection_r(handle, Int32(type.rawValue), $0.baseAddress, UInt32($0.count))
            }
        }
    }

    /// The planar buffer at `distance` in the geometry's units. See `GEOSBufferWithStyle_r`.
    /// - Parameter quadrantSegments: segments per quarter circle for round caps and joins.
    public func buffer(
        _ distance: Double,
        quadrantSegments: Int32 = 16,
        endCap: BufferEndCap = .round,
        join: BufferJoin = .round,
        mitreLimit: Double = 5
    ) throws -> Geometry {
        try Geometry.make("buffer") {
            GEOSBufferWithStyle_r($0, pointer, distance, quadrantSegments, endCap.rawValue, join.rawValue, mitreLimit)
        }
    }

    /// Douglas-Peucker simplification that keeps the topology valid (no new self-intersections).
    /// See `GEOSTopologyPreserveSimplify_r`.
    public func simplified(tolerance: Double) throws -> Geometry {
        try Geometry.make("simplify") { GEOSTopologyPreserveSimplify_r($0, pointer, tolerance) }
    }

    /// The boundary: rings of a polygon, end points of a line. See `GEOSBoundary_r`.
    public func boundary() throws -> Geometry {
        try Geometry.make("boundary") { GEOSBoundary_r($0, pointer) }
    }

    /// A copy in GEOS's normal form (rings start at their lowest vertex, shells clockwise, parts
    /// sorted), so two descriptions of one shape compare equal. See `GEOSNormalize_r`.
    public func normalized() throws -> Geometry {
        let copy = try Geometry.make("clone") { GEOSGeom_clone_r($0, pointer) }
        let context = GEOSContext.current
        context.clearError()
        // The copy is not yet shared, so normalizing it in place is safe.
        guard GEOSNormalize_r(context.handle, copy.pointer) == 0 else { throw context.error("normalize failed") }
        return copy
    }

    /// The planar centroid. See `GEOSGetCentroid_r`.
    public func centroid() throws -> Geometry {
        try Geometry.make("centroid") { GEOSGetCentroid_r($0, pointer) }
    }

    /// A point guaranteed to lie inside (on) the geometry. See `GEOSPointOnSurface_r`.
    public func pointOnSurface() throws -> Geometry {
        try Geometry.make("point on surface") { GEOSPointOnSurface_r($0, pointer) }
    }
}

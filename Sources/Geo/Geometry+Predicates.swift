import CGEOS

// Planar spatial predicates. On longitude/latitude data they treat degrees as a plane, which is right
// for topology (does A contain B) wherever the edges are short; distances and areas never go through here.

extension Geometry {
    /// See `GEOSIntersects_r`.
    public func intersects(_ other: Geometry) throws -> Bool {
        try predicate("intersects") { GEOSIntersects_r($0, pointer, other.pointer) }
    }

    /// See `GEOSContains_r`.
    public func contains(_ other: Geometry) throws -> Bool {
        try predicate("contains") { GEOSContains_r($0, pointer, other.pointer) }
    }

    /// Like `contains`, but true also when `other` lies on this geometry's boundary. See `GEOSCovers_r`.
    public func covers(_ other: Geometry) throws -> Bool {
        try predicate("covers") { GEOSCovers_r($0, pointer, other.pointer) }
    }

    /// See `GEOSWithin_r`.
    public func within(_ other: Geometry) throws -> Bool {
        try predicate("within") { GEOSWithin_r($0, pointer, other.pointer) }
    }

    /// See `GEOSCoveredBy_r`.
    public func coveredBy(_ other: Geometry) throws -> Bool {
        try predicate("coveredBy") { GEOSCoveredBy_r($0, pointer, other.pointer) }
    }

    /// See `GEOSTouches_r`.
    public func touches(_ other: Geometry) throws -> Bool {
        try predicate("touches") { GEOSTouches_r($0, pointer, other.pointer) }
    }

    /// See `GEOSDisjoint_r`.
    public func disjoint(_ other: Geometry) throws -> Bool {
        try predicate("disjoint") { GEOSDisjoint_r($0, pointer, other.pointer) }
    }

    /// True when the two geometries are the same point set. See `GEOSEquals_r`.
    public func topologicallyEquals(_ other: Geometry) throws -> Bool {
        try predicate("equals") { GEOSEquals_r($0, pointer, other.pointer) }
    }

    /// Tests the DE-9IM relation against a pattern such as `"T*F**F***"`. See `GEOSRelatePattern_r`.
    public func relate(_ other: Geometry, pattern: String) throws -> Bool {
        try predicate("relate") { GEOSRelatePattern_r($0, pointer, other.pointer, pattern) }
    }

    /// The DE-9IM intersection matrix, e.g. `"212101212"`. See `GEOSRelate_r`.
    public func relate(_ other: Geometry) throws -> String {
        let context = GEOSContext.current
        context.clearError()
        guard let matrix = GEOSRelate_r(context.handle, pointer, other.pointer) else { throw context.error("relate failed") }
        defer { GEOSFree_r(context.handle, matrix) }
        return String(cString: matrix)
    }
}

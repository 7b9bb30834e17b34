import CGEOS

/// A geometry prepared for many predicate tests against it (a region tested against thousands of points).
///
/// Thread rule: GEOS builds a prepared geometry's internal indexes lazily, on the first predicates that need
/// them, and does so without locking. A `PreparedGeometry` must therefore stay on one thread; the type is
/// deliberately not `Sendable`, so the compiler enforces the rule. Give each thread (or worker) its own.
public final class PreparedGeometry {
    /// The geometry the prepared form reads from; kept alive as long as the prepared form.
    public let geometry: Geometry
    private let pointer: OpaquePointer

    /// See `GEOSPrepare_r`.
    public init(_ geometry: Geometry) throws {
        let context = GEOSContext.current
        context.clearError()
        guard let prepared = GEOSPrepare_r(context.handle, geometry.pointer) else { throw context.error("prepare failed") }
        self.geometry = geometry
        self.pointer = prepared
    }

    deinit {
        GEOSPreparedGeom_destroy_r(GEOSContext.current.handle, pointer)
    }

    /// See `GEOSPreparedContains_r`.
    public func contains(_ other: Geometry) throws -> Bool {
        try geometry.predicate("prepared contains") { GEOSPreparedContains_r($0, pointer, other.pointer) }
    }

    /// See `GEOSPreparedCovers_r`.
    public func covers(_ other: Geometry) throws -> Bool {
        try geometry.predicate("prepared covers") { GEOSPreparedCovers_r($0, pointer, other.pointer) }
    }

    /// See `GEOSPreparedIntersects_r`.
    public func intersects(_ other: Geometry) throws -> Bool {
        try geometry.predicate("prepared intersects") { GEOSPreparedIntersects_r($0, pointer, other.pointer) }
    }

    /// True when `other` lies within planar `distance`. See `GEOSPreparedDistanceWithin_r`.
    public func isWithinDistance(_ distance: Double, of other: Geometry) throws -> Bool {
        try geometry.predicate("prepared distance within") { GEOSPreparedDistanceWithin_r($0, pointer, other.pointer, distance) }
    }

    /// Planar distance, using the prepared index. See `GEOSPreparedDistance_r`.
    public func planarDistance(to other: Geometry) throws -> Double {
        try geometry.measure("prepared distance") { GEOSPreparedDistance_r($0, pointer, other.pointer, $1) }
    }
}

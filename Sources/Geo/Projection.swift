import CPROJ

/// A coordinate operation through PROJ, from one coordinate reference system to another.
///
/// Axis order is normalised for visualisation (`proj_normalize_for_visualization`): geographic coordinates
/// are always longitude, latitude in and out, whatever the CRS's official axis order (EPSG:4326 says
/// latitude first). Projected coordinates are easting, northing.
///
/// Thread rule: the operation lives in the creating thread's PROJ context and PROJ objects are not
/// thread-safe, so `Projection` is not `Sendable`. Make one per thread.
public final class Projection {
    private let pointer: OpaquePointer
    // Keeps the context alive while this operation uses it, even past its thread's exit.
    private let context: PROJContext
    /// What this operation was made from, for messages.
    public let name: String

    /// An operation between two CRSs that PROJ knows, e.g. `"EPSG:4326"` to `"EPSG:32643"`.
    /// See `proj_create_crs_to_crs`.
    public init(from source: String, to target: String) throws {
        let context = PROJContext.current
        context.clearError()
        guard let raw = proj_create_crs_to_crs(context.pointer, source, target, nil) else {
            throw context.error("cannot create an operation from \(source) to \(target)")
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context.pointer, raw) else {
            throw context.error("cannot normalise axis order from \(source) to \(target)")
        }
        self.pointer = normalized
        self.context = context
        self.name = "\(source) -> \(target)"
    }

    /// An operation from a PROJ string or pipeline, e.g. a local projection. See `proj_create`.
    public init(definition: String) throws {
        let context = PROJContext.current
        context.clearError()
        guard let raw = proj_create(context.pointer, definition) else {
            throw context.error("cannot create \(definition)")
        }
        self.pointer = raw
        self.context = context
        self.name = definition
    }

    deinit {
        proj_destroy(pointer)
    }

    /// Transforms one coordinate forward (source to target). See `proj_trans`.
    public func forward(_ c: Coordinate) throws -> Coordinate {
        try transform([c], PJ_FWD)[0]
    }

    /// Transforms one coordinate back (target to source).
    public func inverse(_ c: Coordinate) throws -> Coordinate {
        try transform([c], PJ_INV)[0]
    }

    /// Transforms many coordinates forward in one call. See `proj_trans_generic`.
    public func forward(_ cs: [Coordinate]) throws -> [Coordinate] {
        try transform(cs, PJ_FWD)
    }

    public func inverse(_ cs: [Coordinate]) throws -> [Coordinate] {
        try transform(cs, PJ_INV)
    }

    /// Transforms every coordinate of a geometry forward.
    public func forward(_ g: Geometry) throws -> Geometry {
        try Geometry(forward(g.shape))
    }

    public func inverse(_ g: Geometry) throws -> Geometry {
        try Geometry(inverse(g.shape))
    }

    public func forward(_ s: Shape) throws -> Shape {
        try s.mapSequences { try transform($0, PJ_FWD) }
    }

    public func inverse(_ s: Shape) throws -> Shape {
        try s.mapSequences { try transform($0, PJ_INV) }
    }

    private func transform(_ cs: [Coordinate], _ direction: PJ_DIRECTION) throws -> [Coordinate] {
        if cs.isEmpty { return [] }
        var xs = cs.map(\.x)
        var ys = cs.map(\.y)
        context.clearError()
        let stride = MemoryLayout<Double>.stride
        let done = xs.withUnsafeMutableBufferPointer { x in
            ys.withUnsafeMutableBufferPointer { y in
                proj_trans_generic(pointer, direction, x.baseAddress, stride, cs.count,
                                   y.baseAddress, stride, cs.count, nil, 0, 0, nil, 0, 0)
            }
        }
        let errno = proj_errno(pointer)
        guard done == cs.count, errno == 0 else {
            proj_errno_reset(pointer)
            throw context.error("cannot transform coordinates with \(name)")
        }
        var out = [Coordinate]()
        out.reserveCapacity(cs.count)
        for i in 0..<cs.count {
            guard xs[i].isFinite, ys[i].isFinite else {
                throw GeoError.proj("cannot transform \(cs[i]) with \(name): outside the projection's domain")
            }
            out.append(Coordinate(x: xs[i], y: ys[i]))
        }
        return out
    }
}

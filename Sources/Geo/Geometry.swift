import CGEOS

/// One GEOS geometry, owned by this object and destroyed exactly once, in `deinit`.
///
/// A `Geometry` is immutable: every operation returns a new one. That is what makes it safe to share
/// between threads: GEOS's read-only operations do not modify the geometry, and the few caches GEOS fills
/// lazily (envelopes, coordinate dimensions) are filled once here at creation, before any sharing.
/// Each thread uses its own GEOS context for the calls it makes (see `GEOSContext`).
public final class Geometry: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Takes ownership of a GEOS geometry.
    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
        Geometry.fillLazyCaches(pointer, GEOSContext.current.handle)
    }

    deinit {
        GEOSGeom_destroy_r(GEOSContext.current.handle, pointer)
    }

    /// Wraps the result of a GEOS call that returns a new geometry or NULL on error.
    static func make(_ operation: String, _ body: (GEOSContextHandle_t) -> OpaquePointer?) throws -> Geometry {
        let context = GEOSContext.current
        context.clearError()
        guard let result = body(context.handle) else { throw context.error("\(operation) failed") }
        return Geometry(owning: result)
    }

    /// Runs a GEOS predicate (1 true, 0 false, 2 exception).
    func predicate(_ operation: String, _ body: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        let context = GEOSContext.current
        context.clearError()
        switch body(context.handle) {
        case 1: return true
        case 0: return false
        default: throw context.error("\(operation) failed")
        }
    }

    /// Runs a GEOS call returning an int status (0 on error) with an out-parameter.
    func measure(_ operation: String, _ body: (GEOSContextHandle_t, UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        let context = GEOSContext.current
        context.clearError()
        var value = 0.0
        guard body(context.handle, &value) != 0 else { throw context.error("\(operation) failed") }
        return value
    }

    /// GEOS computes some cached values on first read from a const geometry; two threads reading at once
    /// would both write them. Computing them now, while only this thread sees the geometry, removes the race.
    private static func fillLazyCaches(_ g: OpaquePointer, _ handle: GEOSContextHandle_t) {
        var xmin = 0.0, ymin = 0.0, xmax = 0.0, ymax = 0.0
        _ = GEOSGeom_getExtent_r(handle, g, &xmin, &ymin, &xmax, &ymax)
        let type = GEOSGeomTypeId_r(handle, g)
        switch type {
        case Int32(GEOS_POINT.rawValue), Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            if let seq = GEOSGeom_getCoordSeq_r(handle, g) {
                var dims: UInt32 = 0
                _ = GEOSCoordSeq_getDimensions_r(handle, seq, &dims)
            }
        case Int32(GEOS_POLYGON.rawValue):
            if let shell = GEOSGetExteriorRing_r(handle, g) { fillLazyCaches(shell, handle) }
            let holes = GEOSGetNumInteriorRings_r(handle, g)
            if holes > 0 {
                for i in 0..<holes {
                    if let ring = GEOSGetInteriorRingN_r(handle, g, i) { fillLazyCaches(ring, handle) }
                }
            }
        default:
            let n = GEOSGetNumGeometries_r(handle, g)
            if n > 0 {
                for i in 0..<n {
                    if let part = GEOSGetGeometryN_r(handle, g, i) { fillLazyCaches(part, handle) }
                }
            }
        }
    }
}

// MARK: - Reading and writing WKT and WKB

extension Geometry {
    /// Parses Well-Known Text. See `GEOSWKTReader_read_r`.
    ///
    ///     let square = try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")
    public convenience init(wkt: String) throws {
        let context = GEOSContext.current
        context.clearError()
        guard let g = GEOSWKTReader_read_r(context.handle, context.wktReader, wkt) else {
            throw context.error("cannot parse WKT")
        }
        self.init(owning: g)
    }

    /// Parses Well-Known Binary bytes. See `GEOSWKBReader_read_r`.
    public convenience init(wkb: [UInt8]) throws {
        let context = GEOSContext.current
        context.clearError()
        let g = wkb.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_read_r(context.handle, context.wkbReader, buffer.baseAddress, buffer.count)
        }
        guard let g else { throw context.error("cannot parse WKB") }
        self.init(owning: g)
    }

    /// Parses hexadecimal Well-Known Binary, as PostGIS prints it. See `GEOSWKBReader_readHEX_r`.
    public convenience init(wkbHex: String) throws {
        let context = GEOSContext.current
        context.clearError()
        let bytes = Array(wkbHex.utf8)
        let g = bytes.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_readHEX_r(context.handle, context.wkbReader, buffer.baseAddress, buffer.count)
        }
        guard let g else { throw context.error("cannot parse hex WKB") }
        self.init(owning: g)
    }

    /// Well-Known Text, trimmed of trailing zeros, two dimensions. See `GEOSWKTWriter_write_r`.
    public var wkt: String {
        let context = GEOSContext.current
        guard let text = GEOSWKTWriter_write_r(context.handle, context.wktWriter, pointer) else { return "" }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// Little-endian Well-Known Binary, two dimensions. See `GEOSWKBWriter_write_r`.
    public var wkb: [UInt8] {
        let context = GEOSContext.current
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(context.handle, context.wkbWriter, pointer, &size) else { return [] }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Hexadecimal little-endian WKB, upper case. See `GEOSWKBWriter_writeHEX_r`.
    public var wkbHex: String {
        let context = GEOSContext.current
        var size = 0
        guard let text = GEOSWKBWriter_writeHEX_r(context.handle, context.wkbWriter, pointer, &size) else { return "" }
        defer { GEOSFree_r(context.handle, text) }
        return String(decoding: UnsafeBufferPointer(start: text, count: size), as: UTF8.self)
    }
}

extension Geometry: CustomStringConvertible {
    public var description: String { wkt }
}

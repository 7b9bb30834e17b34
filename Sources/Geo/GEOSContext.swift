import CGEOS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One GEOS context handle, owned by exactly one thread.
///
/// GEOS's reentrant API keeps error state, readers and writers in a context; sharing one handle between
/// threads would race on that state, and creating one per call costs an allocation and handler setup in hot
/// paths. So each thread gets its own, created on first use and finished when the thread exits.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last error GEOS reported on this context; read and cleared by `check`.
    private(set) var lastError: String?

    private var cachedWKTReader: OpaquePointer?
    private var cachedWKTWriter: OpaquePointer?
    private var cachedWKBReader: OpaquePointer?
    private var cachedWKBWriter: OpaquePointer?

    fileprivate init() {
        guard let handle = GEOS_init_r() else { fatalError("GEOS_init_r returned NULL: out of memory") }
        self.handle = handle
        let me = Unmanaged.passUnretained(self).toOpaque()
        // Messages are kept for the Swift error, never printed: a library must not write to stderr.
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let userData else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
            context.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
        }, me)
        // Notices (GEOS's warnings that are not errors) are dropped: no answer depends on them, and a
        // library must not print them.
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, me)
    }

    deinit {
        if let r = cachedWKTReader { GEOSWKTReader_destroy_r(handle, r) }
        if let w = cachedWKTWriter { GEOSWKTWriter_destroy_r(handle, w) }
        if let r = cachedWKBReader { GEOSWKBReader_destroy_r(handle, r) }
        if let w = cachedWKBWriter { GEOSWKBWriter_destroy_r(handle, w) }
        GEOS_finish_r(handle)
    }

    /// The calling thread's context.
    static var current: GEOSContext { geosContexts.value }

    func clearError() { lastError = nil }

    /// The error to throw after a GEOS call signalled failure.
    func error(_ fallback: @autoclosure () -> String) -> GeoError {
        defer { lastError = nil }
        return .geos(lastError ?? fallback())
    }

    var wktReader: OpaquePointer {
        if let r = cachedWKTReader { return r }
        let r = GEOSWKTReader_create_r(handle)!
        cachedWKTReader = r
        return r
    }

    var wktWriter: OpaquePointer {
        if let w = cachedWKTWriter { return w }
        let w = GEOSWKTWriter_create_r(handle)!
        GEOSWKTWriter_setTrim_r(handle, w, 1)
        GEOSWKTWriter_setOutputDimension_r(handle, w, 2)
        cachedWKTWriter = w
        return w
    }

    var wkbReader: OpaquePointer {
        if let r = cachedWKBReader { return r }
        let r = GEOSWKBReader_create_r(handle)!
        cachedWKBReader = r
        return r
    }

    var wkbWriter: OpaquePointer {
        if let w = cachedWKBWriter { return w }
        let w = GEOSWKBWriter_create_r(handle)!
        GEOSWKBWriter_setOutputDimension_r(handle, w, 2)
        GEOSWKBWriter_setByteOrder_r(handle, w, Int32(GEOS_WKB_NDR.rawValue))
        cachedWKBWriter = w
        return w
    }
}

private let geosContexts = PerThread { GEOSContext() }

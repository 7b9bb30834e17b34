import CPROJ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One PROJ context, owned by one thread.
///
/// A PROJ context holds the open `proj.db` connection, caches and error state; PROJ objects made in it
/// must be used from one thread at a time. Reusing one per thread keeps the database open across calls
/// (opening it costs milliseconds) without sharing it between threads.
final class PROJContext {
    let pointer: OpaquePointer
    /// The last message PROJ logged on this context, for the error we throw.
    private(set) var lastMessage: String?

    fileprivate init() {
        guard let ctx = proj_context_create() else { fatalError("proj_context_create returned NULL: out of memory") }
        pointer = ctx
        // PROJ logs errors to stderr by default; keep them for the Swift error instead.
        proj_log_func(ctx, Unmanaged.passUnretained(self).toOpaque()) { userData, _, message in
            guard let userData else { return }
            let context = Unmanaged<PROJContext>.fromOpaque(userData).takeUnretainedValue()
            context.lastMessage = message.map { String(cString: $0) }
        }
        proj_log_level(ctx, PJ_LOG_ERROR)
    }

    deinit {
        proj_context_destroy(pointer)
    }

    /// The calling thread's context.
    static var current: PROJContext { projContexts.value }

    func clearError() {
        lastMessage = nil
    }

    /// The error to throw after a PROJ call failed.
    func error(_ what: String) -> GeoError {
        let errno = proj_context_errno(pointer)
        var text = what
        if errno != 0, let s = proj_context_errno_string(pointer, errno) { text += ": " + String(cString: s) }
        if let lastMessage, !text.contains(lastMessage) { text += " (\(lastMessage))" }
        clearError()
        return .proj(text)
    }
}

private let projContexts = PerThread { PROJContext() }

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One object per thread: made on a thread's first use, kept in a thread-specific slot, released when
/// the thread exits. The GEOS and PROJ contexts live this way (`GEOSContext.current`,
/// `PROJContext.current`): their state must not be shared between threads, and making one per call
/// would cost an allocation and handler setup (for PROJ, opening `proj.db`) in hot paths.
final class PerThread<Value: AnyObject>: @unchecked Sendable {
    private let key: pthread_key_t
    private let make: @Sendable () -> Value

    /// - Parameter make: builds the calling thread's object; called once per thread that asks.
    init(_ make: @escaping @Sendable () -> Value) {
        var key = pthread_key_t()
        // The slot holds one retain of the object, released here at thread exit.
        let status = pthread_key_create(&key) { raw in
            #if canImport(Darwin)
            Unmanaged<AnyObject>.fromOpaque(raw).release()
            #else
            if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() }
            #endif
        }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        self.key = key
        self.make = make
    }

    /// The calling thread's object.
    var value: Value {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(raw).takeUnretainedValue()
        }
        let value = make()
        // The same object, retained once; the key's destructor (which cannot name `Value`) releases it
        // as `AnyObject`, the same retain count.
        pthread_setspecific(key, Unmanaged.passRetained(value).toOpaque())
        return value
    }
}

import Foundation

/// A value built on first use, once, by whichever thread asks first; every later read gets the same value.
///
/// Why: a catalog serves many kinds of question, and most runs of the `deposits` command ask one. Name
/// look-up tables and region rings cost time to build that a near-rail question never needs, so they are
/// built when first asked for. The lock keeps `Catalog` immutable and `Sendable` from the outside.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var built: Value?
    private var make: (@Sendable () -> Value)?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let v = make!()
        built = v
        make = nil  // drop what the builder captured
        return v
    }
}

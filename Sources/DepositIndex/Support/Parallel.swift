import Dispatch
import Foundation

/// Work spread over every core, in one place: the batch queries, the loader's files, the store's name
/// keys and the survey validator's features all go through `Parallel.map`.
///
/// Results come back in index order. Each slot of the result is initialised by exactly one worker and
/// read only after every worker has finished, so no slot is shared; what `body` reads must be safe to
/// read from many threads (the catalog and its records are immutable).
///
///     let squares = Parallel.map(4) { i in i * i }  // [0, 1, 4, 9]
package enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, on every core, in chunks of several per core so uneven
    /// work evens out.
    package static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let chunk = max(1, count / (cores * 8))
        return map(count, chunk: chunk, state: { () }, { _, i in body(i) })
    }

    /// `body(state, i)` for every `i` in `0..<count`. Each worker thread makes its own `state()` once
    /// (for what must not cross threads: GEOS prepared geometries, PROJ transformations) and takes
    /// chunks of `chunk` indices in turn until none are left.
    /// - Parameter workers: at most this many threads (every core by default).
    static func map<State, T>(_ count: Int, chunk: Int, workers: Int = cores, state: () -> State,
                              _ body: (inout State, Int) -> T) -> [T] {
        if count == 0 { return [] }
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: count)
        defer { buffer.deallocate() }
        let slots = UnsafeSendable(buffer)
        let chunks = (count + chunk - 1) / chunk
        let next = ChunkCounter()
        withoutActuallyEscaping(state) { state in
            withoutActuallyEscaping(body) { body in
                let work = UnsafeSendable((state, body))
                DispatchQueue.concurrentPerform(iterations: max(1, min(workers, chunks))) { _ in
                    var own = work.value.0()
                    while let c = next.take(below: chunks) {
                        for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                            (slots.value + i).initialize(to: work.value.1(&own, i))
                        }
                    }
                }
            }
        }
        let out = Array(UnsafeBufferPointer(start: buffer, count: count))
        buffer.deinitialize(count: count)
        return out
    }

    /// The cores this process may use.
    package static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// Passes non-Sendable closures and the result buffer to `concurrentPerform`: safe because what they
/// read is immutable and each call writes only its own slot (see `Parallel`).
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Hands out chunk numbers to worker threads, each exactly once.
private final class ChunkCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

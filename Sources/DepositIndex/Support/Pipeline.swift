import Foundation

/// Work handed from one thread to another, so that making the next item and using the last overlap: a
/// streamed answer reads its next chunk of deposits from the store while the last chunk is answered on
/// the other cores and written. At most `depth` items wait; `submit` blocks beyond that, so what is held
/// stays bounded. The first error `work` throws ends the pipeline: later items are dropped, and
/// `submit` or `finish` throws it.
///
///     let pipeline = Pipeline<[Int]>(depth: 1) { chunk in print(chunk.count) }
///     try pipeline.submit([1, 2, 3])
///     try pipeline.finish()   // "3" printed, on the pipeline's thread
package final class Pipeline<Item: Sendable>: @unchecked Sendable {
    // Everything below is read and written under `condition`'s lock; `work` is called outside it, by the
    // worker thread only, and let go by `finish` and `cancel`, so that what it holds (a caller's
    // non-escaping closure, through `withoutActuallyEscaping`) is released when they return.
    private let condition = NSCondition()
    private var waiting: [Item] = []
    private var busy = false
    private var closed = false
    private var failure: (any Error)?
    private let depth: Int
    private var work: ((Item) throws -> Void)?
    private var thread: Thread?

    /// Starts the worker thread.
    /// - Parameter work: called on the worker thread with each item in the order submitted.
    package init(depth: Int = 1, work: @escaping (Item) throws -> Void) {
        self.depth = max(1, depth)
        self.work = work
        let thread = Thread { [self] in run() }
        thread.stackSize = 8 << 20
        self.thread = thread
        thread.start()
    }

    /// Hands `item` over, waiting while `depth` items already wait. Throws the worker's error, if any.
    package func submit(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= depth && failure == nil { condition.wait() }
        if let failure { throw failure }
        waiting.append(item)
        condition.broadcast()
    }

    /// Waits until every item is done; throws the worker's error, if any.
    package func finish() throws {
        condition.lock()
        closed = true
        condition.broadcast()
        while (!waiting.isEmpty || busy) && failure == nil { condition.wait() }
        while busy { condition.wait() }
        work = nil
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
    }

    /// Drops what waits and returns once the item in hand (if any) is done, so that nothing `work`
    /// reaches is used after this returns (after an error on the submitting side).
    package func cancel() {
        condition.lock()
        closed = true
        waiting.removeAll()
        condition.broadcast()
        while busy { condition.wait() }
        work = nil
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            if waiting.isEmpty || failure != nil {
                condition.unlock()
                return
            }
            let item = waiting.removeFirst()
            busy = true
            condition.unlock()
            let error = perform(item)
            condition.lock()
            busy = false
            if let error, failure == nil { failure = error }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Calls `work` (unless let go) with `item`. Its reference to `work` ends when this returns, before
    /// `busy` is cleared, so `finish` and `cancel` let go of the last one.
    private func perform(_ item: Item) -> (any Error)? {
        condition.lock()
        let job = work
        condition.unlock()
        do { try job?(item) } catch { return error }
        return nil
    }
}

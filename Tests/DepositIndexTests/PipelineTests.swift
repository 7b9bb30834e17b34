@testable import DepositIndex
import Foundation
import XCTest

/// `Pipeline`: items done in order on one other thread, at most `depth` waiting, the worker's first error
/// ending it, and nothing of `work` in use once `finish` or `cancel` has returned.
final class PipelineTests: XCTestCase {
    /// A counter safe to touch from the worker and the test.
    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var items = [Int]()
        private var maxAhead = 0
        func add(_ i: Int) { lock.lock(); items.append(i); lock.unlock() }
        var all: [Int] { lock.lock(); defer { lock.unlock() }; return items }
        func note(submitted: Int) { lock.lock(); maxAhead = max(maxAhead, submitted - items.count); lock.unlock() }
        var ahead: Int { lock.lock(); defer { lock.unlock() }; return maxAhead }
    }

    func testItemsInOrderOnAnotherThreadWithBoundedWaiting() throws {
        let box = Box()
        let caller = Thread.current
        let pipeline = Pipeline<Int>(depth: 1) { i in
            XCTAssertFalse(Thread.current == caller)
            usleep(200)
            box.add(i)
        }
        for i in 0..<200 {
            try pipeline.submit(i)
            box.note(submitted: i + 1)
        }
        try pipeline.finish()
        XCTAssertEqual(box.all, Array(0..<200))
        // Submitted but not done: at most the one waiting and the one in hand.
        XCTAssertLessThanOrEqual(box.ahead, 2)
    }

    struct Stop: Error, Equatable { let at: Int }

    func testTheFirstErrorEndsIt() throws {
        let box = Box()
        let pipeline = Pipeline<Int>(depth: 2) { i in
            if i == 5 { throw Stop(at: i) }
            box.add(i)
        }
        var thrown: (any Error)?
        do {
            for i in 0..<1_000 { try pipeline.submit(i) }
            try pipeline.finish()
        } catch {
            thrown = error
        }
        XCTAssertEqual(thrown as? Stop, Stop(at: 5))
        XCTAssertEqual(Array(box.all.prefix(5)), [0, 1, 2, 3, 4])
        XCTAssertFalse(box.all.contains(5))
        XCTAssertLessThan(box.all.count, 1_000, "items after the error are dropped")
    }

    /// A caller's non-escaping closure reached through `withoutActuallyEscaping` is let go by `finish`
    /// and by `cancel` (the runtime traps if it escaped).
    func testWorkIsLetGo() throws {
        func run(cancelling: Bool, _ body: (Int) -> Void) throws {
            try withoutActuallyEscaping(body) { body in
                let pipeline = Pipeline<Int>(depth: 1) { body($0) }
                for i in 0..<20 { try pipeline.submit(i) }
                if cancelling { pipeline.cancel() } else { try pipeline.finish() }
            }
        }
        var sum = 0
        try run(cancelling: false) { sum += $0 }
        XCTAssertEqual(sum, 190)  // 0 + 1 + … + 19
        try run(cancelling: true) { _ in usleep(100) }
    }
}

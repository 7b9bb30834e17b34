/// A binary min-heap of (key, id) pairs in one flat array, as in flatbush's FlatQueue: no per-entry
/// allocation, which matters when every k-nearest search fills one. Each push and pop moves entries
/// through the array's buffer once, rather than through subscripts that check at every write that the
/// storage is not shared (callgrind: 168 such checks a nearest-rail search).
struct MinHeap {
    private var entries: [(key: Double, id: Int)] = []

    init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
    }

    var count: Int { entries.count }

    mutating func push(_ id: Int, _ key: Double) {
        entries.append((key, id))
        entries.withUnsafeMutableBufferPointer { e in
            var pos = e.count - 1
            while pos > 0 {
                let parent = (pos - 1) >> 1
                if e[parent].key <= key { break }
                e[pos] = e[parent]
                pos = parent
            }
            e[pos] = (key, id)
        }
    }

    @discardableResult
    mutating func pop() -> (id: Int, key: Double)? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        entries.withUnsafeMutableBufferPointer { e in
            let n = e.count
            guard n > 0 else { return }
            var pos = 0
            while true {
                var child = 2 * pos + 1
                if child >= n { break }
                if child + 1 < n, e[child + 1].key < e[child].key { child += 1 }
                if e[child].key >= last.key { break }
                e[pos] = e[child]
                pos = child
            }
            e[pos] = last
        }
        return (top.id, top.key)
    }
}

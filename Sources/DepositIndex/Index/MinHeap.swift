/// A binary min-heap of (key, id) pairs in two flat arrays, as in flatbush's FlatQueue: no per-entry
/// allocation, which matters when every k-nearest search fills one.
struct MinHeap {
    private(set) var keys: [Double] = []
    private(set) var ids: [Int] = []

    init(capacity: Int = 0) {
        keys.reserveCapacity(capacity)
        ids.reserveCapacity(capacity)
    }

    mutating func push(_ id: Int, _ key: Double) {
        var pos = keys.count
        keys.append(key)
        ids.append(id)
        while pos > 0 {
            let parent = (pos - 1) >> 1
            if keys[parent] <= key { break }
            keys[pos] = keys[parent]
            ids[pos] = ids[parent]
            pos = parent
        }
        keys[pos] = key
        ids[pos] = id
    }

    @discardableResult
    mutating func pop() -> (id: Int, key: Double)? {
        guard let top = ids.first, let topKey = keys.first else { return nil }
        let lastKey = keys.removeLast(), lastId = ids.removeLast()
        let n = keys.count
        if n > 0 {
            var pos = 0
            while true {
                var child = 2 * pos + 1
                if child >= n { break }
                if child + 1 < n, keys[child + 1] < keys[child] { child += 1 }
                if keys[child] >= lastKey { break }
                keys[pos] = keys[child]
                ids[pos] = ids[child]
                pos = child
            }
            keys[pos] = lastKey
            ids[pos] = lastId
        }
        return (top, topKey)
    }
}

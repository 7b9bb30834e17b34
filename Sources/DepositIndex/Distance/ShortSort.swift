extension UnsafeMutableBufferPointer {
    /// Sorts by `key`, ascending, keeping equal keys in their order: by insertion for a few elements (the
    /// edges of one chain, the candidates of one edge), where the standard library's stable sort spends
    /// more on its set-up than on the sorting; by that sort for more. Both are stable, so the order is the
    /// same either way.
    mutating func stableSort(byKey key: (Element) -> Double) {
        guard count > 1 else { return }
        guard count <= 16 else {
            sort { key($0) < key($1) }
            return
        }
        for i in 1..<count {
            let x = self[i], k = key(x)
            var j = i
            while j > 0, k < key(self[j - 1]) {
                self[j] = self[j - 1]
                j -= 1
            }
            self[j] = x
        }
    }
}

/// Numbers pairs of 64-bit keys 0, 1, 2, … in the order they are first met: an open-addressing hash table
/// (linear probing, a power-of-two table at most half full) for the noding's hot loops — a site per
/// distinct coordinate, a cell per occupied grid square — where `Dictionary` and its seeded `Hasher`
/// cost several times more. Equal keys are equal bit patterns; what makes two values one key (a
/// coordinate's −0 and +0) is the caller's to decide.
struct DenseKeys {
    private var slots: [Int32]
    private var first: [UInt64] = []
    private var second: [UInt64] = []
    private var mask: Int

    /// An empty table sized for about `expected` keys (it grows past that).
    init(expected: Int) {
        var size = 16
        while size < 2 * max(expected, 1) { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        first.reserveCapacity(expected)
        second.reserveCapacity(expected)
    }

    /// The number of distinct keys met so far.
    var count: Int { first.count }

    /// The number of key `(a, b)`, a new one (`count` before the call) if it was not met before.
    mutating func number(_ a: UInt64, _ b: UInt64) -> (number: Int, isNew: Bool) {
        var i = Self.hash(a, b) & mask
        while true {
            let n = Int(slots[i])
            if n < 0 { break }
            if first[n] == a && second[n] == b { return (n, false) }
            i = (i + 1) & mask
        }
        let n = first.count
        first.append(a)
        second.append(b)
        slots[i] = Int32(n)
        if 2 * first.count > slots.count { grow() }
        return (n, true)
    }

    /// The number of key `(a, b)`, or nil if it was never met.
    func find(_ a: UInt64, _ b: UInt64) -> Int? {
        var i = Self.hash(a, b) & mask
        while true {
            let n = Int(slots[i])
            if n < 0 { return nil }
            if first[n] == a && second[n] == b { return n }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for n in first.indices {
            var i = Self.hash(first[n], second[n]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(n)
        }
    }

    /// Both keys mixed with the 64-bit finaliser of MurmurHash3 (every input bit reaches every output bit).
    private static func hash(_ a: UInt64, _ b: UInt64) -> Int {
        var h = a &* 0x9E37_79B9_7F4A_7C15 ^ (b &+ 0x632B_E59B_D9B4_E019)
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h)
    }
}

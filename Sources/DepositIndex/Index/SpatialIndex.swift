import Geo

/// A packed, static R-tree over longitude/latitude boxes, in the spirit of flatbush: items sorted along a
/// Hilbert curve, packed `nodeSize` to a node, levels stored bottom-up in flat arrays. Built once, never
/// changed, so it is a plain `Sendable` value shared by every thread.
///
/// Boxes may reach past ±180° (see `EdgeEnvelope`); window search and the geodesic bounds account for it.
/// Each box is kept as a `TrigBox` (`Distance/TrigBox.swift`), its sides' sines and cosines ready for the
/// distance search's lower bound; what a distance is, and how it is bounded, the caller says (`Distance/`).
package struct SpatialIndex: Sendable {
    package static let nodeSize = 8
    /// Number of items indexed.
    package let count: Int
    /// Each position's box (items first, then the nodes level by level).
    private let boxes: [TrigBox]
    /// For a leaf entry, the item's number; for a node, the position of its first child.
    private let link: [Int32]
    /// End position of each level, leaves first.
    private let levelEnds: [Int]
    /// True when item `i` is at leaf position `i` (items given along the index's own Hilbert curve, as a
    /// `ChainLayer`'s chains are): only then does `box(ofItem:)` answer.
    private let itemsInPlace: Bool

    /// Indexes `boxes`; item `i` is `boxes[i]`.
    /// - Parameter alongHilbertCurve: the boxes are already in `hilbertOrder(boxes)`'s order (laid out by
    ///   it, as a `ChainLayer`'s chains are), so sorting them again would give the same order: it is kept,
    ///   and item `i` is at leaf position `i` (at 200,000 rail lines, a sort of 2.2 million keys saved).
    package init(boxes: [Envelope], alongHilbertCurve: Bool = false) {
        count = boxes.count
        let order = alongHilbertCurve ? Array(boxes.indices) : Self.hilbertOrder(boxes)
        var mx = [Double](), my = [Double](), Mx = [Double](), My = [Double](), link = [Int32]()
        let capacity = boxes.count * Self.nodeSize / (Self.nodeSize - 1) + 2
        mx.reserveCapacity(capacity); my.reserveCapacity(capacity); Mx.reserveCapacity(capacity); My.reserveCapacity(capacity)
        link.reserveCapacity(capacity)
        for i in order {
            let b = boxes[i]
            mx.append(b.minX); my.append(b.minY); Mx.append(b.maxX); My.append(b.maxY)
            link.append(Int32(i))
        }
        var ends = [mx.count]
        var levelStart = 0
        // Pack each level into parents until one root remains (an empty index keeps no root).
        while mx.count - levelStart > 1 {
            let levelEnd = mx.count
            var pos = levelStart
            while pos < levelEnd {
                let end = min(pos + Self.nodeSize, levelEnd)
                var a = mx[pos], b = my[pos], c = Mx[pos], d = My[pos]
                for j in (pos + 1)..<max(pos + 1, end) {
                    a = min(a, mx[j]); b = min(b, my[j]); c = max(c, Mx[j]); d = max(d, My[j])
                }
                mx.append(a); my.append(b); Mx.append(c); My.append(d)
                link.append(Int32(pos))
                pos = end
            }
            levelStart = levelEnd
            ends.append(mx.count)
        }
        // Eight sines and cosines a box: on every core for a large index.
        self.boxes = mx.count < 4096
            ? mx.indices.map { p in TrigBox(minX: mx[p], minY: my[p], maxX: Mx[p], maxY: My[p]) }
            : Parallel.map(mx.count) { p in TrigBox(minX: mx[p], minY: my[p], maxX: Mx[p], maxY: My[p]) }
        self.link = link
        levelEnds = ends
        itemsInPlace = alongHilbertCurve
    }

    /// Item `i`'s box, as the index keeps it (with its sides' sines and cosines), for an index built
    /// `alongHilbertCurve` (item `i` is then leaf `i`; any other index would need a table of positions
    /// that only this look-up reads).
    func box(ofItem i: Int) -> TrigBox {
        precondition(itemsInPlace, "box(ofItem:) needs an index built alongHilbertCurve")
        return boxes[i]
    }

    /// Item numbers in the order the index packs them: along a Hilbert curve over the boxes' extent, by
    /// their centres; ties in item order. Items laid out in memory in this order are near each other
    /// there when near each other on the map.
    package static func hilbertOrder(_ boxes: [Envelope]) -> [Int] {
        var extent = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for b in boxes { extent.expand(toInclude: b) }
        let w = extent.width > 0 ? extent.width : 1, h = extent.height > 0 ? extent.height : 1
        // Each item's Hilbert key (under 2³², from 16-bit cells) above its number, sorted as plain
        // integers, without a comparison closure reading two arrays.
        func key(_ i: Int) -> UInt64 {
            let b = boxes[i]
            let x = UInt32(max(0, min(65535, ((b.minX + b.maxX) / 2 - extent.minX) / w * 65535)))
            let y = UInt32(max(0, min(65535, ((b.minY + b.maxY) / 2 - extent.minY) / h * 65535)))
            return Hilbert.index(x: x, y: y) << 32 | UInt64(i)
        }
        // Sixteen steps a key: on every core for a large layer.
        var keyed = boxes.count < 65_536 ? boxes.indices.map(key) : Parallel.map(boxes.count, key)
        keyed.sort()
        return keyed.map { Int($0 & 0xFFFF_FFFF) }
    }

    private var rootPosition: Int? { boxes.isEmpty ? nil : boxes.count - 1 }

    private func isLeaf(_ pos: Int) -> Bool { pos < count }

    private func childEnd(of node: Int) -> Int {
        let first = Int(link[node])
        // The level holding the children ends at the first level end above `first`.
        let levelEnd = levelEnds.first { $0 > first } ?? count
        return min(first + Self.nodeSize, levelEnd)
    }

    /// The items whose boxes meet `window` (longitude/latitude degrees), in no particular order.
    package func search(_ window: Envelope) -> [Int] {
        var out = [Int]()
        guard let root = rootPosition else { return out }
        // A box stored past ±180° is met by the window shifted by a turn.
        let windows = [window, shifted(window, 360), shifted(window, -360)]
        if isLeaf(root) { return meets(root, windows) ? [Int(link[root])] : [] }
        var stack = [root]
        while let node = stack.popLast() {
            for pos in Int(link[node])..<childEnd(of: node) where meets(pos, windows) {
                if isLeaf(pos) { out.append(Int(link[pos])) } else { stack.append(pos) }
            }
        }
        return out
    }

    private func shifted(_ b: Envelope, _ dx: Double) -> Envelope {
        Envelope(minX: b.minX + dx, minY: b.minY, maxX: b.maxX + dx, maxY: b.maxY)
    }

    private func meets(_ pos: Int, _ windows: [Envelope]) -> Bool {
        windows.contains { boxes[pos].meets($0) }
    }

    /// Best-first search: visits items in increasing exact distance.
    ///
    /// - Parameters:
    ///   - lowerBound: a bound on the distance to anything inside a box; it must
    ///     never exceed the exact distance of any item inside, or the order is wrong.
    ///   - limit: the current distance beyond which nothing matters (may shrink as items are visited).
    ///   - exact: an item's exact distance, or nil when it is not below `limit`.
    ///   - visit: called in increasing distance; return false to stop.
    func nearest(
        lowerBound: (TrigBox) -> Double,
        limit: () -> Double,
        exact: (Int) -> Double?,
        visit: (Int, Double) -> Bool
    ) {
        search(lowerBound: lowerBound, limit: limit, stages: 0, refine: { _, _ in 0 }, exact: exact, visit: visit)
    }

    /// As above, with `stages` bounds for an item, each cheaper than the next and tighter than its box's
    /// (`refine(stage, item)`, never above its exact distance; nil when it is not below `limit`), taken in
    /// turn before the item is measured exactly: each is taken only when the one before comes up first in
    /// the order, so an item whose cheap bound is already too far never pays for the costly ones.
    func nearest(
        lowerBound: (TrigBox) -> Double,
        limit: () -> Double,
        stages: Int,
        refine: (Int, Int) -> Double?,
        exact: (Int) -> Double?,
        visit: (Int, Double) -> Bool
    ) {
        search(lowerBound: lowerBound, limit: limit, stages: stages, refine: refine, exact: exact, visit: visit)
    }

    private func search(
        lowerBound: (TrigBox) -> Double,
        limit: () -> Double,
        stages: Int,
        refine: (Int, Int) -> Double?,
        exact: (Int) -> Double?,
        visit: (Int, Double) -> Bool
    ) {
        guard let root = rootPosition else { return }
        // Heap ids: a tree position p as p; an item with the bound of refining stage s (from 1 to
        // `stages`) as -(s·count + item + 1); an item resolved to its exact distance as -(item + 1).
        // Room for a typical search, so the heap does not regrow entry by entry.
        var heap = MinHeap(capacity: 128)
        heap.push(root, lowerBound(boxes[root]))
        // An item with the bound of `stage` (0: its box's): refined further, or measured after the last.
        func advance(_ item: Int, from stage: Int, _ key: Double) {
            if stage < stages {
                if let b = refine(stage, item), b <= limit() { heap.push(-((stage + 1) * count + item + 1), max(b, key)) }
            } else if let d = exact(item) {
                heap.push(-item - 1, d)
            }
        }
        while let (id, key) = heap.pop() {
            if key > limit() { return }
            if id < 0 {
                let code = -id - 1
                let stage = code / count, item = code % count
                if stage == 0 {
                    if !visit(item, key) { return }
                } else {
                    advance(item, from: stage, key)
                }
                continue
            }
            if isLeaf(id) {
                advance(Int(link[id]), from: 0, key)
                continue
            }
            for pos in Int(link[id])..<childEnd(of: id) {
                let b = lowerBound(boxes[pos])
                if b <= limit() { heap.push(pos, b) }
            }
        }
    }
}

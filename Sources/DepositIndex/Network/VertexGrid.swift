import Foundation
import Geo

/// The network's vertices bucketed in a grid of longitude/latitude cells at least as large as every search
/// window it is asked about, so the vertices inside a window lie in a few cells: the candidates of
/// the noding's end-to-vertex search without building an R-tree over every vertex.
///
/// Cells are numbered by `DenseKeys`; the vertices of each cell are held in one array, cell after cell,
/// in increasing vertex order. A window the grid cannot answer cheaply (one reaching past ±180°, or wider
/// than the cells) is refused, and the caller searches another way.
struct VertexGrid {
    let cellWidth: Double
    let cellHeight: Double
    private let cells: DenseKeys
    private let cellStart: [Int]
    private let cellVertices: [Int32]
    private let vertices: [Coordinate]

    /// Buckets `vertices` in cells `cellWidth` by `cellHeight` degrees (both positive and finite).
    init(vertices: [Coordinate], cellWidth: Double, cellHeight: Double) {
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.vertices = vertices
        var cells = DenseKeys(expected: vertices.count / 2)
        var cellOf = [Int32](repeating: 0, count: vertices.count)
        var counts = [Int]()
        for (v, c) in vertices.enumerated() {
            let key = Self.key(c, cellWidth, cellHeight)
            let (n, isNew) = cells.number(key.0, key.1)
            if isNew { counts.append(0) }
            counts[n] += 1
            cellOf[v] = Int32(n)
        }
        var start = [Int](repeating: 0, count: counts.count + 1)
        for n in counts.indices { start[n + 1] = start[n] + counts[n] }
        var fill = start, members = [Int32](repeating: 0, count: vertices.count)
        for v in vertices.indices {
            let n = Int(cellOf[v])
            members[fill[n]] = Int32(v)
            fill[n] += 1
        }
        self.cells = cells
        cellStart = start
        cellVertices = members
    }

    /// Whether `forEach(in:)` answers `window`: not when it reaches past ±180° or spans more than 3 × 3 cells.
    func accepts(_ window: Envelope) -> Bool {
        guard window.minX >= -180, window.maxX <= 180 else { return false }
        return Self.index(window.maxX, cellWidth) - Self.index(window.minX, cellWidth) <= 2
            && Self.index(window.maxY, cellHeight) - Self.index(window.minY, cellHeight) <= 2
    }

    /// Calls `body` with every vertex inside `window` (edges included), in increasing order within each
    /// cell; a window the grid does not accept (`accepts`) is the caller's to search another way.
    func forEach(in window: Envelope, _ body: (Int) -> Void) {
        guard accepts(window) else { return }
        let x0 = Self.index(window.minX, cellWidth), x1 = Self.index(window.maxX, cellWidth)
        let y0 = Self.index(window.minY, cellHeight), y1 = Self.index(window.maxY, cellHeight)
        for ix in x0...x1 {
            for iy in y0...y1 {
                guard let n = cells.find(UInt64(bitPattern: ix), UInt64(bitPattern: iy)) else { continue }
                for k in cellStart[n]..<cellStart[n + 1] {
                    let v = Int(cellVertices[k]), c = vertices[v]
                    if c.x >= window.minX && c.x <= window.maxX && c.y >= window.minY && c.y <= window.maxY { body(v) }
                }
            }
        }
    }

    private static func index(_ value: Double, _ size: Double) -> Int64 {
        let i = (value / size).rounded(.down)
        // Coordinates are degrees and cells at least 1e-12° wide, so this never clamps for real data.
        return Int64(max(-9e18, min(9e18, i.isNaN ? 0 : i)))
    }

    private static func key(_ c: Coordinate, _ w: Double, _ h: Double) -> (UInt64, UInt64) {
        (UInt64(bitPattern: index(c.x, w)), UInt64(bitPattern: index(c.y, h)))
    }
}

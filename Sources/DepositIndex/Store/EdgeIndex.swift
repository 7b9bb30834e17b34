import Foundation
import Geo

/// One entry of a layer's edge index: a feature's row and the box holding it with its geodesic edges.
package struct EdgeEntry: Sendable {
    package var fid: Int64
    package var box: Envelope

    package init(fid: Int64, box: Envelope) {
        self.fid = fid
        self.box = box
    }
}

/// A layer's edge index read in two steps, so that a search decodes only the features it needs: the
/// entries in a window (boxes only, no geometry), then the features of the entries chosen.
package protocol EdgeIndexReader {
    /// The entries whose boxes meet `window` (which may reach past ±180°), each once.
    func entries(meeting window: Envelope) throws -> [EdgeEntry]
    /// The features of `entries`, in fid order.
    func features(_ entries: [EdgeEntry]) throws -> [StoredFeature]
}

/// The GeoPackage store's edge index of one layer (`GeoPackageSchema.edgeIndex`).
struct GeoPackageEdgeIndex: EdgeIndexReader {
    let store: CatalogStore
    let layer: StoreLayer

    func entries(meeting window: Envelope) throws -> [EdgeEntry] {
        let s = try store.db.prepare("""
            SELECT id, minx, maxx, miny, maxy FROM \(GeoPackageSchema.quoted(GeoPackageSchema.edgeIndexName(layer.table)))
            WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?
            """)
        var seen = Set<Int64>()
        var out = [EdgeEntry]()
        for w in Self.windows(window) {
            try s.bind([.real(w.maxX), .real(w.minX), .real(w.maxY), .real(w.minY)])
            while try s.step() {
                let fid = s.int64(0)
                if !seen.insert(fid).inserted { continue }
                out.append(EdgeEntry(fid: fid, box: Envelope(minX: s.double(1), minY: s.double(3), maxX: s.double(2), maxY: s.double(4))))
            }
        }
        return out
    }

    func features(_ entries: [EdgeEntry]) throws -> [StoredFeature] {
        let fids = entries.map(\.fid).sorted()
        var out = [StoredFeature]()
        // In parts within SQLite's oldest limit of 999 parameters per statement; each part in fid order.
        for start in stride(from: 0, to: fids.count, by: 500) {
            let part = fids[start..<min(fids.count, start + 500)]
            out += try store.features(layer, where: "t.fid IN (\(Array(repeating: "?", count: part.count).joined(separator: ",")))",
                                      part.map { .integer($0) })
        }
        return out
    }

    /// The windows to look for edge-index boxes in, so that a box (minx in [-180, 180), less than 360°
    /// wide or the whole band) meets one of them exactly when the feature's place on the globe meets
    /// `window`: the window with its minx brought into [-180, 180), and that shifted 360° either way.
    static func windows(_ window: Envelope) -> [Envelope] {
        if window.maxX - window.minX >= 360 { return [Envelope(minX: -.greatestFiniteMagnitude, minY: window.minY, maxX: .greatestFiniteMagnitude, maxY: window.maxY)] }
        let shift = 360 * ((window.minX + 180) / 360).rounded(.down)
        let w = Envelope(minX: window.minX - shift, minY: window.minY, maxX: window.maxX - shift, maxY: window.maxY)
        var out = [w, Envelope(minX: w.minX + 360, minY: w.minY, maxX: w.maxX + 360, maxY: w.maxY)]
        if w.maxX >= 180 { out.append(Envelope(minX: w.minX - 360, minY: w.minY, maxX: w.maxX - 360, maxY: w.maxY)) }
        return out
    }
}

extension CatalogStore {
    /// The feature's row in the edge index: `Catalog.box` (which holds every geodesic edge; near a pole
    /// with the edges' latitudes solved, so a polar line's box does not reach the pole), its minx
    /// brought into [-180, 180) (maxx then reaches past 180 for a feature across the antimeridian), and the
    /// whole band of longitudes for a feature going once round the globe or more.
    package static func edgeIndexBox(of shape: Shape) -> Envelope {
        var box = Catalog.box(of: shape, exactNearPoles: true)
        if box.maxX - box.minX >= 360 { return Envelope(minX: -180, minY: box.minY, maxX: 180, maxY: box.maxY) }
        let shift = 360 * ((box.minX + 180) / 360).rounded(.down)
        box.minX -= shift
        box.maxX -= shift
        return box
    }
}

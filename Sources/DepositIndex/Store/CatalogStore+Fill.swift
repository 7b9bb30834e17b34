import Foundation
import Geo

extension CatalogStore {
    /// Fills a layer `replace` has just created, empty and with columns inferred from these very features
    /// (so every value fits its column), with the same rows, keys and R-tree entries `insert` and the
    /// spec's filling statement would write, using both cores: the boxes and name keys are computed on
    /// every core first; then this thread writes the rows while two others build the layer's two R-trees
    /// (`RTreeBuild`), whose nodes are copied in at the end.
    func fill(_ features: [StoredFeature], into layer: StoreLayer, progress: ((Int) -> Void)? = nil) throws {
        guard let cols = columns[layer] else { throw StoreError.refused("the store has no \(layer.table) layer") }
        let table = layer.table
        // A table just created with AUTOINCREMENT numbers its rows on from its sqlite_sequence entry
        // (none after DROP TABLE, so from 1); each insert below checks that it got the fid planned here.
        let firstFid = (try db.integer("SELECT seq FROM sqlite_sequence WHERE name = ?", [.text(table)]) ?? 0) + 1
        let boxes = Parallel.map(features.count) { i -> FillBoxes in
            guard let g = features[i].geometry else { return FillBoxes() }
            var b = FillBoxes(vertices: GeoPackageBinary.envelope(of: g))
            if !g.coordinates.isEmpty { (b.edges, b.bow) = (Self.edgeIndexBox(of: g), Self.bow(of: g)) }
            return b
        }
        var vertexEntries = [RTreeBuild.Entry](), edgeEntries = [RTreeBuild.Entry]()
        var pad = 0.0
        for (i, b) in boxes.enumerated() {
            let fid = firstFid + Int64(i)
            if let v = b.vertices { vertexEntries.append(RTreeBuild.Entry(id: fid, box: v)) }
            if let e = b.edges { edgeEntries.append(RTreeBuild.Entry(id: fid, box: e)) }
            pad = max(pad, b.bow)
        }
        let keys = Self.nameKeys(layer, features)
        let pageSize = try db.integer("PRAGMA page_size") ?? 4096

        // Each R-tree on a thread of its own: with the rows' writer, three threads share the cores, so
        // no core idles while the slowest of the three finishes. When a row fails, `stop` ends both builds
        // within a batch, so that the error is reported at once.
        let built = [BuiltTree(), BuiltTree()]
        let stop = RTreeBuildStop(afterBatch: afterRTreeBatch)
        let builders = built.map { tree in
            Pipeline<[RTreeBuild.Entry]>(depth: 1) { entries in tree.value = try RTreeBuild(entries, pageSize: pageSize, stop: stop) }
        }
        do {
            try builders[0].submit(vertexEntries)
            try builders[1].submit(edgeEntries)
            var rows = try LayerRows(db, layer: layer, columns: cols)
            let step = max(1, features.count / 200)
            for (i, f) in features.enumerated() {
                let fid = try rows.write(f, keys: keys[i])
                guard fid == firstFid + Int64(i) else {
                    throw StoreError.refused("internal error: \(table) row \(i + 1) got fid \(fid), not \(firstFid + Int64(i))")
                }
                if i % step == step - 1 { progress?(i + 1) }
            }
            for b in builders { try b.finish() }
        } catch {
            stop.stop()
            for b in builders { b.cancel() }
            throw error
        }
        guard let vertexTree = built[0].value, let edgeTree = built[1].value else {
            throw StoreError.refused("internal error: the R-trees of \(table) were not built")
        }
        try edgeTree.copy(into: db, table: GeoPackageSchema.edgeIndexName(table))
        try db.execute(GeoPackageSchema.spatialIndex(table, filled: false))
        try vertexTree.copy(into: db, table: GeoPackageSchema.spatialIndexName(table))
        progress?(features.count)
        try finishLayer(layer, bowPad: pad)
    }
}

/// A feature's boxes as `fill` writes them: its vertices' (the spec's R-tree), its edges' (the edge
/// index) and its bow beyond its vertices.
private struct FillBoxes: Sendable {
    var vertices: Envelope?
    var edges: Envelope?
    var bow = 0.0
}

/// An R-tree a builder thread of `fill` hands back, read only after its `Pipeline.finish`.
private final class BuiltTree: @unchecked Sendable {
    var value: RTreeBuild?
}

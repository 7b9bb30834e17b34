import DepositIndex
import Foundation
import Geo

extension PostGISStore {
    /// Imports a data directory in the GeoData schema, or files named after their layers, as
    /// `CatalogStore.importData(from:)` does: every layer given replaces that layer, the others stay;
    /// the input is read and checked in full first, and written in one edit (all of it, or, on any
    /// failure or a killed client, nothing).
    @discardableResult
    public func importData(from inputs: [URL], progress: ((StoreProgress) -> Void)? = nil,
                           note: ((String) -> Void)? = nil) throws -> [(layer: StoreLayer, count: Int)] {
        try importData(try CatalogStore.ImportInput(inputs), progress: progress, note: note)
    }

    /// Writes an input read and checked by `CatalogStore.ImportInput`: each layer's table dropped and
    /// made again, its rows sent by `COPY ... FROM STDIN` (geometry as hex EWKB, exact), its GiST index
    /// built after the rows, in one edit.
    @discardableResult
    public func importData(_ input: CatalogStore.ImportInput, progress: ((StoreProgress) -> Void)? = nil,
                           note: ((String) -> Void)? = nil) throws -> [(layer: StoreLayer, count: Int)] {
        let chosen = input.rows(note: note)
        try replace(chosen, progress: progress)
        return input.written(chosen)
    }

    /// Replaces the given layers with these features, in one edit.
    func replace(_ layers: [StoreLayer: [StoredFeature]], progress: ((StoreProgress) -> Void)?) throws {
        let totalAll = layers.values.reduce(0) { $0 + $1.count }
        var doneAll = 0
        try edit {
            try lockForSchemaChange()
            for layer in StoreLayer.allCases {
                guard let features = layers[layer] else { continue }
                let cols = PropertyColumns(inferringFrom: features.map(\.properties))
                let problems = cols.problems(layer: layer.fileName)
                if !problems.isEmpty { throw StoreError.refused(problems.joined(separator: "\n")) }
                try createLayer(layer, columns: cols, geometryType: CatalogStore.geometryType(layer, features))
                let pad = try copy(features, into: layer, columns: cols) { done in
                    progress?(StoreProgress(layer: layer, done: done, total: features.count, doneAll: doneAll + done, totalAll: totalAll))
                }
                bowPad[layer] = pad
                try db.query("UPDATE depositindex_layers SET bow_pad_deg = $1::double precision WHERE table_name = $2", ["\(pad)", layer.table])
                try db.execute(PostGISSchema.spatialIndex(layer))
                try db.execute("ANALYZE \(PostGISSchema.quoted(layer.table))")
                doneAll += features.count
            }
            try db.execute("ANALYZE depositindex_names")
        }
    }

    /// Sends the rows and their look-up keys by COPY, fids 1...n; returns the layer's bow pad.
    private func copy(_ features: [StoredFeature], into layer: StoreLayer, columns cols: PropertyColumns,
                      progress: (Int) -> Void) throws -> Double {
        let t = PostGISSchema.quoted(layer.table)
        // The slow parts (WKB hex, name folding, bows) on every core; the lines are then only sent.
        let lines = try Parallel.map(features.count) { i -> Result<String, Error> in
            let f = features[i]
            do {
                var fields = ["\(i + 1)", PostGISValues.copyField(f.id), PostGISValues.copyField(f.geometry.map(PostGISValues.ewkbText))]
                for (name, kind) in cols.columns {
                    fields.append(PostGISValues.copyField(try PostGISValues.text(f.properties[name], kind, layer: layer, id: f.id, column: name)))
                }
                return .success(fields.joined(separator: "\t") + "\n")
            } catch {
                return .failure(error)
            }
        }.map { try $0.get() }
        let names = cols.columns.map { ", " + PostGISSchema.quoted($0.name) }.joined()
        let step = max(1, features.count / 200)
        try db.copy("COPY \(t) (fid, id, geom\(names)) FROM STDIN") { send in
            for (i, line) in lines.enumerated() {
                try send(line)
                if i % step == step - 1 { progress(i + 1) }
            }
        }
        progress(features.count)
        if !features.isEmpty {
            try db.execute("ALTER TABLE \(t) ALTER COLUMN fid RESTART WITH \(features.count + 1)")
        }
        let keys = CatalogStore.nameKeys(layer, features)
        let table = PostGISValues.copyField(layer.table)
        try db.copy("COPY depositindex_names (table_name, fid, key) FROM STDIN") { send in
            for (i, k) in keys.enumerated() {
                for key in k { try send("\(table)\t\(i + 1)\t\(PostGISValues.copyField(key))\n") }
            }
        }
        let bows = Parallel.map(features.count) { i in features[i].geometry.map(CatalogStore.bow(of:)) ?? 0 }
        return bows.max() ?? 0
    }
}

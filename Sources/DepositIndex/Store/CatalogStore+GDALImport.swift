import Foundation
import Geo

extension CatalogStore {
    /// A layer file in a format GDAL reads, for `deposits import`: written into the staging directory as
    /// the GeoJSON the loader reads, in WGS84 (transformed through PROJ from the file's CRS), each feature's
    /// id from its `id` attribute. A file named after a layer (`rail.shp`, `deposits.gpkg`) is that layer;
    /// any other file's layers must be named after the store's (`deposits`, `rail`, ...), as a GeoPackage
    /// exported from a store is. Anything GDAL or the reading reports as an error refuses the import, with
    /// the file, layer and FID; what the conversion leaves out (Z, M, arcs) is returned as notes.
    /// - Returns: the layers written, and the notes.
    static func stageThroughGDAL(_ url: URL, format: GDALFormat, into directory: URL) throws -> (layers: [StoreLayer], notes: [String]) {
        guard GDALTools.available else {
            throw StoreError.refused("\(url.path) is \(format.name), read through GDAL, which is not installed: \(GDALTools.installHint); nothing was imported")
        }
        let named = StoreLayer(rawValue: url.deletingPathExtension().lastPathComponent)
        let read = GDALSurveyReader.read(url, name: url.path, format: format, layer: nil, limit: 25, linesAsOutlines: false)
        var problems = read.problems
        var notes = [String]()
        var byLayer = [StoreLayer: [Feature]]()
        if named != nil, read.documents.count > 1 {
            throw StoreError.refused("\(url.path) holds \(read.documents.count) layers (\(read.documents.compactMap(\.source?.layer).joined(separator: ", "))); a file named after a store layer must hold one; nothing was imported")
        }
        for document in read.documents {
            let source = document.source?.layer ?? ""
            guard let layer = named ?? StoreLayer(rawValue: source) else {
                throw StoreError.refused("\(url.path): cannot tell the store layer of its layer '\(source)'; name the file after a layer (\(StoreLayer.allCases.map(\.rawValue).joined(separator: ", ")), e.g. rail.shp) or its layers so; nothing was imported")
            }
            problems += document.problems
            var projection: Projection?
            if let crs = document.statedCRS {
                do {
                    projection = try Projection(from: crs, to: "EPSG:4326")
                } catch {
                    throw StoreError.refused("\(url.path) layer \(source): PROJ cannot use its CRS \(document.statedCRSLabel ?? crs): \(error); nothing was imported")
                }
            }
            var features = [Feature]()
            for i in 0..<document.count {
                let f = document.feature(i)
                problems += f.problems
                var geometry = f.geometry
                if let projection, let g = geometry {
                    do {
                        geometry = try projection.forward(g)
                    } catch {
                        throw StoreError.refused("\(url.path) layer \(source) FID \(f.fid.map(String.init) ?? "?"): cannot transform from \(document.statedCRSLabel ?? "its CRS") to WGS84: \(error); nothing was imported")
                    }
                }
                features.append(Feature(id: f.id, properties: f.properties ?? JSONObject(), geometry: geometry))
            }
            guard byLayer[layer] == nil else {
                throw StoreError.refused("\(url.path) gives the \(layer.table) layer twice; nothing was imported")
            }
            byLayer[layer] = features
        }
        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw StoreError.refused((["\(url.path) cannot be imported as it is; nothing was imported:"]
                                      + errors.prefix(12).map { "  \($0)" } + (errors.count > 12 ? ["  ... \(errors.count - 12) more"] : []))
                                     .joined(separator: "\n"))
        }
        notes = problems.filter { $0.severity == .warning }.map(\.description)
        if byLayer.isEmpty {
            throw StoreError.refused("\(url.path) holds no layer of features; nothing was imported")
        }
        for (layer, features) in byLayer {
            let target = directory.appendingPathComponent(layer.fileName)
            if FileManager.default.fileExists(atPath: target.path) {
                throw StoreError.refused("two inputs for the \(layer.table) layer (\(url.path) is one); nothing was imported")
            }
            try Data(GeoJSON.text(of: features, decimals: nil).utf8).write(to: target)
        }
        return (StoreLayer.allCases.filter { byLayer[$0] != nil }, notes)
    }
}

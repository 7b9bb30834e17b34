import Foundation
import Geo

extension CatalogStore {
    /// One feature of a survey as the store would take it.
    struct SurveyedFeature {
        var file: String
        /// How the validator's report names it: its id, else its position.
        var label: String
        var id: String?
        var properties: JSONObject
        var geometry: Shape?
    }

    /// The features of survey files, read as the validator reads them. Refuses what cannot become
    /// catalog deposits whatever the validator says: formats without ids, another CRS, no features.
    /// A file that cannot be read or parsed gives no features here; the validator reports it.
    static func readSurveys(_ files: [URL], layer: String? = nil) throws -> [SurveyedFeature] {
        let reader = SurveyValidator(catalog: nil)
        var out = [SurveyedFeature]()
        for url in files {
            if let format = GDALFormat.of(path: url.path) {
                out += try readThroughGDAL(url, format: format, layer: layer, limit: reader.options.maximumProblemsPerCode)
                continue
            }
            guard case .bytes(let bytes) = reader.read(url) else { continue }
            let format = SurveyFormat.detect(path: url.path, bytes: bytes)
            if let format, format != .geojson {
                throw StoreError.refused("""
                    \(url.path) is a \(format == .wkt ? "WKT" : "CSV") survey, which carries no ids or properties, and every deposit in \
                    the store needs an id: write it as GeoJSON with an "id" on each feature to add it (deposits validate checks it as it is); \
                    nothing was added
                    """)
            }
            let document = reader.document(bytes, name: url.path, format: format)
            if let crs = document.statedCRS {
                throw StoreError.refused("\(url.path) states its coordinates are in \(crs); the store takes WGS84 longitude/latitude (EPSG:4326), so transform it first; nothing was added")
            }
            if document.count == 0, document.problems.isEmpty {
                throw StoreError.refused("\(url.path) holds no features; nothing was added")
            }
            for i in 0..<document.count {
                let f = document.feature(i)
                let properties = f.properties ?? JSONObject()
                out.append(SurveyedFeature(file: url.path, label: f.label, id: GeoJSON.featureID(top: f.id, properties: properties),
                                           properties: properties, geometry: f.geometry))
            }
        }
        return out
    }

    /// The features of a file GDAL reads, in WGS84: a file in another CRS (its `.prj`, its TAB header)
    /// is transformed through PROJ, since the store holds longitude/latitude. A feature that cannot be
    /// transformed keeps no geometry here; the validator reports why.
    private static func readThroughGDAL(_ url: URL, format: GDALFormat, layer: String?, limit: Int) throws -> [SurveyedFeature] {
        guard GDALTools.available else {
            throw StoreError.refused("\(url.path) is \(format.name), read through GDAL, which is not installed: \(GDALTools.installHint); nothing was added")
        }
        let read = GDALSurveyReader.read(url, name: url.path, format: format, layer: layer, limit: limit)
        var out = [SurveyedFeature]()
        for document in read.documents {
            var projection: Projection?
            if let crs = document.statedCRS {
                do {
                    projection = try Projection(from: crs, to: "EPSG:4326")
                } catch {
                    projection = nil  // the validator reports the unknown CRS and refuses the survey
                }
            }
            for i in 0..<document.count {
                let f = document.feature(i)
                var geometry = f.geometry
                if let projection, let g = geometry {
                    do {
                        geometry = try projection.forward(g)
                    } catch {
                        geometry = nil  // the validator reports crs-transform-failed for it
                    }
                }
                out.append(SurveyedFeature(file: url.path, label: f.label, id: f.id, properties: f.properties ?? JSONObject(), geometry: geometry))
            }
        }
        if out.isEmpty, read.problems.isEmpty, read.documents.allSatisfy({ $0.problems.isEmpty }) {
            throw StoreError.refused("\(url.path) holds no features; nothing was added")
        }
        return out
    }
}

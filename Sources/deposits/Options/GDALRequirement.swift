import DepositAnswers
import DepositIndex

/// GDAL is optional: a survey in a format only GDAL reads (Shapefile, GeoPackage, KML/KMZ, MapInfo, DXF,
/// GML, FlatGeobuf) is refused with one line naming the package to install when GDAL's tools are not
/// there (65), before anything is read. GeoJSON, WKT and CSV never ask for GDAL.
enum GDALRequirement {
    static func check(_ paths: [String]) throws {
        guard let (path, format) = paths.lazy.compactMap({ p in GDALFormat.of(path: p).map { (p, $0) } }).first else { return }
        if !GDALTools.available {
            throw AnswerError(.badData, "\(path) is \(format.name), which deposits reads through GDAL, and GDAL is not installed: \(GDALTools.installHint) (or convert the survey to GeoJSON)")
        }
    }
}

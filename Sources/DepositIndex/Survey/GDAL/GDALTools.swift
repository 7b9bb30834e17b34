import Foundation

/// Where GDAL's command-line tools are, if anywhere. GDAL is optional: GeoJSON, WKT and CSV surveys
/// never need it, and the formats only GDAL reads are refused, naming the package to install, when
/// `ogr2ogr` and `ogrinfo` cannot be found.
///
/// The tools are looked for in `DEPOSITS_GDAL_BIN` (a directory) when it is set, else on `PATH`.
public enum GDALTools {
    /// What to install to read Shapefile, GeoPackage, KML, MapInfo, DXF, GML and FlatGeobuf surveys.
    public static let installHint = "install GDAL's command-line tools (Debian and Ubuntu: apt-get install gdal-bin)"

    /// `ogr2ogr`, `ogrinfo`: the tool's path, or nil when it is not installed.
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let directories: [String]
        if let dir = environment["DEPOSITS_GDAL_BIN"] {
            directories = [dir]
        } else {
            directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        }
        for dir in directories where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: dir).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// True when both `ogr2ogr` and `ogrinfo` are there.
    public static var available: Bool {
        find("ogr2ogr") != nil && find("ogrinfo") != nil
    }
}

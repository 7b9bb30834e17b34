import Foundation
/// The vector formats read through GDAL, known by their file extension: what surveyors deliver
/// (Shapefile, MapInfo, DXF, KML/KMZ, GeoPackage, GML, FlatGeobuf).
public struct GDALFormat: Hashable, Sendable {
    /// The format as people call it, for messages: "ESRI Shapefile", "MapInfo TAB"...
    public var name: String
    /// Its extensions, lower case, without the dot.
    public var extensions: [String]

    /// Every format read through GDAL, in the order the README lists them.
    public static let all: [GDALFormat] = [
        GDALFormat(name: "ESRI Shapefile", extensions: ["shp"]),
        GDALFormat(name: "GeoPackage", extensions: ["gpkg"]),
        GDALFormat(name: "KML", extensions: ["kml"]),
        GDALFormat(name: "KMZ", extensions: ["kmz"]),
        GDALFormat(name: "MapInfo TAB", extensions: ["tab"]),
        GDALFormat(name: "MapInfo MIF/MID", extensions: ["mif"]),
        GDALFormat(name: "AutoCAD DXF", extensions: ["dxf"]),
        GDALFormat(name: "GML", extensions: ["gml"]),
        GDALFormat(name: "FlatGeobuf", extensions: ["fgb"]),
    ]

    /// The format a path's extension names, if it is one GDAL reads for us.
    public static func of(path: String) -> GDALFormat? {
        let ext = extensionOf(path)
        return all.first { $0.extensions.contains(ext) }
    }

    /// Why a file beside a format's main file, or an archive, is not read as it is; nil for anything else.
    /// A Shapefile is its `.shp` (GDAL finds the `.shx`, `.dbf`, `.prj` beside it); a MapInfo table is its
    /// `.tab` or `.mif`; a zip is refused rather than opened, so that problems name a file the user has.
    public static func refusal(path: String) -> String? {
        switch extensionOf(path) {
        case "shx", "dbf", "prj", "cpg", "sbn", "sbx":
            return "a part of a Shapefile; give its .shp (with the .shx, .dbf and .prj beside it)"
        case "mid", "map", "id", "dat":
            return "a part of a MapInfo table; give its .tab or .mif"
        case "zip", "shz":
            return "a zip archive; unzip it and give the survey inside (a Shapefile's .shp with its .shx, .dbf and .prj beside it)"
        default:
            return nil
        }
    }

    /// The files that go with `url` when it is a format of several files (a Shapefile's `.shx`, `.dbf`, `.prj` and
    /// kin; a MapInfo table's `.dat`, `.map`, `.id`, `.ind`; a MIF's `.mid`): every file beside it with the same
    /// name and another extension, in any case. They are inputs too, which an output must never replace.
    public static func parts(of url: URL) -> [URL] {
        guard ["shp", "tab", "mif"].contains(extensionOf(url.path)) else { return [] }
        let directory = url.deletingLastPathComponent(), base = url.deletingPathExtension().lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0 != url.lastPathComponent && ($0 as NSString).deletingPathExtension == base }
            .sorted().map { directory.appendingPathComponent($0) }
    }

    private static func extensionOf(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return last[last.index(after: dot)...].lowercased()
    }
}

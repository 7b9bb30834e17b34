import Foundation
import Geo

extension SurveyReport {
    /// The report as a table for people: one problem a line, errors first within each file, then the summary.
    ///
    ///     survey.geojson:3  error    self-intersection  kz-w-201  [73.258611, 48.683889]  GEOS: Self-intersection ...
    ///                       hint: two survey legs cross here; ...
    /// - Parameter notes: include notes (the regions each feature lies in).
    public func table(notes: Bool = false, hints: Bool = true) -> String {
        let shown = problems.enumerated()
            .filter { notes || $0.element.severity != .note }
            .sorted { ($0.element.file, $0.element.severity, $0.offset) < ($1.element.file, $1.element.severity, $1.offset) }
            .map(\.element)
        let rows = shown.map { p -> [String] in
            var place = p.file
            if let line = p.line { place += ":\(line)" + (p.column.map { ":\($0)" } ?? "") }
            // A file read through GDAL: the layer (a Shapefile's is its own name, so it is left out) and the FID.
            if let layer = p.layer, !Self.layerIsFileName(layer, p.file) { place += " layer \(ControlCharacters.escaped(layer, limit: 80))" }
            if let fid = p.fid { place += " FID \(fid)" }
            var location = p.location.map { CoordinateFormat.pair($0) } ?? "-"
            if let inFile = p.fileLocation { location += " = \(CoordinateFormat.pair(inFile, decimals: 3)) \(p.fileCRS ?? "in the file's CRS")" }
            // Ids come from the survey: escaped, so a control character cannot recolour the terminal or break the line.
            return [place, p.severity.rawValue, p.code.rawValue, p.feature.map { ControlCharacters.escaped($0, limit: 80) } ?? "-",
                    location, ControlCharacters.escaped(p.message, limit: 2000)]
        }
        let header = ["where", "severity", "code", "feature", "location", "message"]
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated().dropLast() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        var out = rows.isEmpty ? [] : [line(header)]
        let indent = String(repeating: " ", count: widths[0] + 2)
        for (row, p) in zip(rows, shown) {
            out.append(line(row))
            if hints && p.severity != .note { out.append(indent + "hint: " + p.hint) }
        }
        out.append(summary)
        if let gaps = catalogGapsLine { out.append(gaps) }
        return out.joined(separator: "\n") + "\n"
    }

    /// A layer named as its file is (a Shapefile, a DXF's one layer is not): not worth repeating.
    static func layerIsFileName(_ layer: String, _ file: String) -> Bool {
        let base = (file.split(separator: "/").last.map(String.init) ?? file)
        guard let dot = base.lastIndex(of: ".") else { return base == layer }
        return String(base[..<dot]) == layer
    }

    /// The report as JSON (the `Codable` form), keys sorted so that runs compare byte for byte. A NaN or
    /// an infinity (a location read from a broken survey) is written as the string "NaN", "Infinity" or
    /// "-Infinity", which JSON can hold; an encoding failure is thrown, never turned into an empty object.
    public func jsonText() throws -> String {
        let tree = try JSONValueEncoder(sortedKeys: true, nonFinite: .strings).encode(self)
        return JSONWriter(indent: 2).string(tree) + "\n"
    }

    /// The problems as an RFC 7946 FeatureCollection: each a Point at its location, so a map viewer
    /// shows where a survey is broken. Problems with no location (a syntax error, a missing property)
    /// are Features with a null geometry, so nothing is lost.
    public func geoJSONText(notes: Bool = true) -> String {
        let features = problems.filter { notes || $0.severity != .note }.map { p -> Feature in
            var properties: JSONObject = [
                "code": .string(p.code.rawValue),
                "severity": .string(p.severity.rawValue),
                "file": .string(p.file),
                "feature": p.feature.map(JSONValue.string) ?? .null,
                "line": p.line.map { .number(Double($0)) } ?? .null,
                "column": p.column.map { .number(Double($0)) } ?? .null,
                "message": .string(p.message),
                "hint": .string(p.hint),
            ]
            if let related = p.related { properties["related"] = .string(related) }
            if let layer = p.layer { properties["layer"] = .string(layer) }
            if let fid = p.fid { properties["fid"] = .number(Double(fid)) }
            if let inFile = p.fileLocation, inFile.isFinite {
                properties["file_location"] = .array([.number(inFile.x), .number(inFile.y)])
                properties["file_crs"] = p.fileCRS.map(JSONValue.string) ?? .null
            }
            if let km2 = p.overlapKm2 { properties["overlap_km2"] = .number(km2) }
            if let ring = p.ring {
                properties["part"] = .number(Double(ring.part))
                properties["ring"] = .number(Double(ring.ring))
            }
            let valid = p.location.flatMap { $0.isFinite && abs($0.x) <= 180 && abs($0.y) <= 90 ? $0 : nil }
            return Feature(id: nil, properties: properties, geometry: valid.map(Shape.point))
        }
        return GeoJSON.text(of: features, decimals: 7)
    }
}

import Foundation
import Geo

/// Reads a CSV of vertices: one row per vertex, rows in ring order.
///
///     # crs: EPSG:32643
///     feature,part,ring,easting,northing
///     P-7,0,0,512300.5,5393310.2
///
/// - A first line `# crs: EPSG:NNNN` (or `# crs=...`) states the CRS; `--crs` overrides it.
/// - Columns, by header name, in any order (case does not matter): the axes as `lon`/`longitude`
///   and `lat`/`latitude` (degrees; WGS84 unless a CRS is stated), or `x`/`easting` and `y`/`northing`
///   (projected: a CRS must be stated); optionally `feature` (or `id`), `part` (polygon of a
///   multipolygon, from 0) and `ring` (0 the exterior, 1... holes). Other columns are ignored.
/// - Comma, semicolon or tab separated (the header's first separator decides); fields may be quoted.
/// Each feature becomes a Polygon, or a MultiPolygon when it has several parts.
enum CSVSurveyReader {
    static func read(_ bytes: [UInt8], file: String, limit: Int) -> SurveyDocument {
        var document = SurveyDocument(file: file, format: .csv)
        document.maximumProblemsPerCode = limit
        guard let text = String(validating: bytes, as: UTF8.self) else {
            document.problems.append(SurveyProblem(.syntax, file: file, line: 1, message: "the CSV is not UTF-8 text"))
            return document
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var lineNumber = 0
        var header: [String]?
        var separator: Character = ","
        while header == nil, lineNumber < lines.count {
            let raw = lines[lineNumber]
            lineNumber += 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                let comment = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                if comment.lowercased().hasPrefix("crs") {
                    let value = comment.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: " :=\t"))
                    if !value.isEmpty { document.statedCRS = value }
                }
                continue
            }
            separator = raw.first { $0 == "," || $0 == ";" || $0 == "\t" } ?? ","
            header = fields(raw, separator).map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        }
        lines.removeFirst(min(lineNumber, lines.count))
        guard let header else {
            document.problems.append(SurveyProblem(.missingCoordinates, file: file, message: "the CSV has no header and no rows"))
            return document
        }
        func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
        let lon = column(["lon", "long", "lng", "longitude"]), lat = column(["lat", "latitude"])
        let east = column(["x", "easting", "east", "e"]), north = column(["y", "northing", "north", "n"])
        let xColumn: Int, yColumn: Int
        if let lon, let lat {
            (xColumn, yColumn) = (lon, lat)
        } else if let east, let north {
            (xColumn, yColumn) = (east, north)
            document.projectedAxes = true
        } else {
            document.problems.append(SurveyProblem(.missingCoordinates, file: file, line: lineNumber,
                message: "the header \(header.joined(separator: String(separator))) names no coordinate columns (lon/lat, longitude/latitude, x/y or easting/northing)",
                hint: "name the columns in the header, e.g. feature,ring,lon,lat"))
            return document
        }
        let featureColumn = column(["feature", "id", "feature_id", "polygon", "name"])
        let partColumn = column(["part"]), ringColumn = column(["ring"])

        struct Building {
            var id: String
            var line: Int
            var parts: [Int: [Int: [Coordinate]]] = [:]
            var broken = false
            var sink: ProblemSink
        }
        var order = [String]()
        var building = [String: Building]()
        for (offset, raw) in lines.enumerated() {
            let line = lineNumber + offset + 1
            if raw.trimmingCharacters(in: .whitespaces).isEmpty || raw.hasPrefix("#") { continue }
            let row = fields(raw, separator)
            let id = featureColumn.flatMap { $0 < row.count ? row[$0].text : nil } ?? "outline"
            if building[id] == nil {
                order.append(id)
                building[id] = Building(id: id, line: line, sink: ProblemSink(file: file, feature: featureColumn == nil ? "outline" : id, line: line, limit: limit))
            }
            guard row.count == header.count else {
                if row.count < header.count, let joined = row.first(where: { Self.runTogether($0.text) > 1 }) {
                    // Numbers run together in one field: a missing separator, which would lose a value.
                    building[id]!.sink.add(.mixedDimensions, line: line, column: joined.column,
                                           "'\(joined.text.prefix(60))' holds \(Self.runTogether(joined.text)) numbers in one field, and the row has \(row.count) fields where the header has \(header.count)")
                } else {
                    building[id]!.sink.add(.syntax, line: line, column: 1, "row has \(row.count) fields; the header has \(header.count)")
                }
                building[id]!.broken = true
                continue
            }
            func integer(_ c: Int?) -> Int? {
                guard let c else { return 0 }
                let t = row[c].text.trimmingCharacters(in: .whitespaces)
                guard let n = Int(t), n >= 0, n < 100_000 else {
                    building[id]!.sink.add(.syntax, line: line, column: row[c].column, "'\(t.prefix(20))' in column \(header[c]) is not a part or ring number (0, 1, 2...)")
                    building[id]!.broken = true
                    return nil
                }
                return n
            }
            func value(_ c: Int) -> Double? {
                let t = row[c].text.trimmingCharacters(in: .whitespaces)
                if t.isEmpty {
                    building[id]!.sink.add(.missingCoordinates, line: line, column: row[c].column, "the \(header[c]) field is empty")
                } else if let v = Double(t) {
                    return v
                } else if Self.runTogether(t) > 1 {
                    // Numbers run together in one field: a missing separator, which would lose a vertex.
                    building[id]!.sink.add(.mixedDimensions, line: line, column: row[c].column,
                                           "the \(header[c]) field holds \(Self.runTogether(t)) numbers ('\(t.prefix(60))') where a vertex has one")
                } else {
                    building[id]!.sink.add(.nonNumericCoordinate, line: line, column: row[c].column, "'\(t.prefix(20))' in column \(header[c]) is not a number")
                }
                building[id]!.broken = true
                return nil
            }
            guard let part = integer(partColumn), let ring = integer(ringColumn), let x = value(xColumn), let y = value(yColumn) else { continue }
            building[id]!.parts[part, default: [:]][ring, default: []].append(Coordinate(x: x, y: y))
        }
        var features = [SurveyFeature]()
        for id in order {
            let b = building[id]!
            let polygons = b.parts.keys.sorted().map { part in b.parts[part]!.keys.sorted().map { b.parts[part]![$0]! } }
            let shape: Shape? = b.broken || polygons.isEmpty ? nil : (polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons))
            features.append(SurveyFeature(index: features.count, id: featureColumn == nil ? nil : id, label: featureColumn == nil ? "outline" : id,
                                          properties: nil, geometry: shape, line: b.line, problems: b.sink.finished))
        }
        if features.isEmpty {
            document.problems.append(SurveyProblem(.missingCoordinates, file: file, message: "the CSV has a header but no vertex rows"))
        }
        document.setFeatures(features)
        return document
    }

    /// How many numbers a field holds when it is only numbers separated by spaces; 0 otherwise.
    static func runTogether(_ field: String) -> Int {
        let parts = field.split(whereSeparator: \.isWhitespace)
        return parts.allSatisfy({ Double($0) != nil }) ? parts.count : 0
    }

    /// Splits one row, honouring double quotes (`""` inside quotes is one quote); columns are 1-based bytes.
    static func fields(_ line: Substring, _ separator: Character) -> [(text: String, column: Int)] {
        var out = [(text: String, column: Int)]()
        var current = ""
        var quoted = false
        var column = 1, start = 1
        var previousQuote = false
        for ch in line {
            defer { column += ch.utf8.count }
            if quoted {
                if ch == "\"" { quoted = false; previousQuote = true; continue }
                current.append(ch)
                continue
            }
            if ch == "\"" {
                if previousQuote { current.append("\"") }
                quoted = true
                previousQuote = false
                continue
            }
            previousQuote = false
            if ch == separator {
                out.append((current, start))
                current = ""
                start = column + 1
            } else {
                current.append(ch)
            }
        }
        out.append((current, start))
        return out
    }
}

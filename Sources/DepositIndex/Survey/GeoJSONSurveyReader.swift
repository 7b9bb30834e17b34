import Geo

/// Reads a GeoJSON survey: a FeatureCollection, one Feature, or a bare geometry. Collections are cut
/// into one slice per feature (`FeatureSpans`) so that a broken feature is reported and the others
/// are still read; anything else is parsed whole by the strict `JSONParser`.
enum GeoJSONSurveyReader {
    static let geometryTypes: Set<String> = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]

    static func read(_ bytes: [UInt8], file: String, limit: Int) -> SurveyDocument {
        var document = SurveyDocument(file: file, format: .geojson)
        document.maximumProblemsPerCode = limit
        if let spans = FeatureSpans.scan(bytes) {
            // The collection without its features, blanked byte for byte so that lines and columns still match.
            var skeleton = bytes
            for i in (spans.open + 1)..<spans.close where skeleton[i] != UInt8(ascii: "\n") { skeleton[i] = 0x20 }
            do {
                let top = try JSONParser.parse(skeleton)
                if top["type"]?.stringValue != "FeatureCollection" {
                    document.problems.append(SurveyProblem(.geojsonStructure, file: file, line: 1,
                        message: "an object with a \"features\" array must have \"type\": \"FeatureCollection\", found \(describe(top["type"]))"))
                }
                document.statedCRS = statedCRS(top, file: file, problems: &document.problems)
                document.setSpans(spans.elements, of: bytes, lines: TextLines(bytes))
            } catch {
                document.problems.append(syntaxProblem(error, file: file, feature: nil, line: error.line, column: error.column, slice: skeleton))
            }
            return document
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            document.problems.append(syntaxProblem(error, file: file, feature: nil, line: error.line, column: error.column, slice: bytes))
            return document
        }
        guard let object = value.objectValue else {
            document.problems.append(SurveyProblem(.geojsonStructure, file: file, line: 1,
                message: "a GeoJSON survey must be an object (FeatureCollection, Feature or geometry), not \(value.typeName)"))
            return document
        }
        document.statedCRS = statedCRS(value, file: file, problems: &document.problems)
        switch object["type"]?.stringValue {
        case "FeatureCollection":
            guard let members = object["features"]?.arrayValue else {
                document.problems.append(SurveyProblem(.geojsonStructure, file: file, line: 1,
                    message: "a FeatureCollection needs a \"features\" array, found \(describe(object["features"]))"))
                return document
            }
            document.setFeatures(members.enumerated().map { feature($1, index: $0, file: file, line: nil, limit: limit) })
        case "Feature":
            document.setFeatures([feature(value, index: 0, file: file, line: 1, limit: limit)])
        case let type? where geometryTypes.contains(type):
            var sink = ProblemSink(file: file, feature: "geometry", line: 1, limit: limit)
            let shape = LenientGeometry.decode(value, path: "geometry", into: &sink)
            document.setFeatures([SurveyFeature(index: 0, id: nil, label: "geometry", properties: nil, geometry: shape, line: 1, problems: sink.finished)])
        default:
            document.problems.append(SurveyProblem(.geojsonStructure, file: file, line: 1,
                message: "\"type\" must be FeatureCollection, Feature or a geometry type, found \(describe(object["type"]))"))
        }
        return document
    }

    /// One member of a collection's `features` array.
    static func feature(_ value: JSONValue, index: Int, file: String, line: Int?, limit: Int) -> SurveyFeature {
        let position = "features[\(index)]"
        var id: String?
        switch value["id"] {
        case .string(let s)?: id = s
        case .number(let n)?: id = JSONWriter.format(n)
        default: id = nil
        }
        // No top-level id: `properties.id`, as the catalog reader takes it (`GeoJSON.featureID`).
        if value["id"]?.isNull ?? true, let p = value["properties"]?.objectValue { id = GeoJSON.featureID(top: nil, properties: p) }
        let label = id ?? position
        var sink = ProblemSink(file: file, feature: label, line: line, limit: limit)
        guard let object = value.objectValue, object["type"]?.stringValue == "Feature" else {
            let found = value.objectValue.map { "an object of type \(describe($0["type"]))" } ?? value.typeName
            sink.add(.geojsonStructure, "\(position) must be an object with \"type\": \"Feature\", found \(found)")
            return SurveyFeature(index: index, id: id, label: label, properties: nil, geometry: nil, line: line, problems: sink.finished)
        }
        if let raw = object["id"], id == nil, !raw.isNull {
            sink.add(.geojsonStructure, "\(position).id must be a string or a number, not \(raw.typeName)")
        }
        var properties = JSONObject()
        switch object["properties"] {
        case .object(let o)?: properties = o
        case nil, .null?: break
        case let other?: sink.add(.geojsonStructure, "\(position).properties must be an object or null, not \(other.typeName)")
        }
        var geometry: Shape?
        if let g = object["geometry"], !g.isNull {
            geometry = LenientGeometry.decode(g, path: "\(position).geometry", into: &sink)
        } else {
            sink.add(.missingGeometry, "\(position) has \(object["geometry"] == nil ? "no \"geometry\" member" : "a null geometry")")
        }
        return SurveyFeature(index: index, id: id, label: label, properties: properties, geometry: geometry, line: line, problems: sink.finished)
    }

    /// The old GeoJSON (2008) `crs` member QGIS and ArcGIS still write: `{"type":"name","properties":{"name":"EPSG:32643"}}`.
    /// CRS84 and EPSG:4326 mean what RFC 7946 assumes anyway and give nil.
    static func statedCRS(_ top: JSONValue, file: String, problems: inout [SurveyProblem]) -> String? {
        guard let crs = top["crs"], !crs.isNull else { return nil }
        guard let name = crs["properties"]?["name"]?.stringValue, !name.isEmpty else {
            problems.append(SurveyProblem(.geojsonStructure, file: file, line: 1,
                message: "the \"crs\" member must be {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:NNNN\"}}"))
            return nil
        }
        let upper = name.uppercased()
        if upper.hasSuffix("CRS84") || upper == "EPSG:4326" || upper.hasSuffix("EPSG::4326") { return nil }
        // urn:ogc:def:crs:EPSG::32643 -> EPSG:32643, the form PROJ and people both read.
        if upper.hasPrefix("URN:OGC:DEF:CRS:EPSG:"), let code = upper.split(separator: ":").last { return "EPSG:\(code)" }
        return name
    }

    /// A JSON syntax error as a problem. NaN, Infinity and numbers beyond ±1.8e308 are reported as
    /// non-finite coordinates, which is what a person looking at the file needs to hear.
    static func syntaxProblem(_ error: JSONSyntaxError, file: String, feature: String?, line: Int, column: Int, slice: [UInt8]) -> SurveyProblem {
        let word = token(in: slice, line: error.line, column: error.column).lowercased()
        let nonFinite = error.message.hasPrefix("number out of range")
            || ["nan", "-nan", "infinity", "-infinity", "inf", "-inf"].contains(word)
        if nonFinite {
            return SurveyProblem(.nonFiniteCoordinate, file: file, feature: feature, line: line, column: column,
                                 message: "\(word.isEmpty ? "a number" : "'\(word)'") is not a finite number JSON can hold (\(error.message))")
        }
        return SurveyProblem(.syntax, file: file, feature: feature, line: line, column: column, message: error.message)
    }

    /// The letters, digits and signs at a line and column of `bytes`.
    private static func token(in bytes: [UInt8], line: Int, column: Int) -> String {
        var l = 1, i = 0
        while l < line, i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { l += 1 }
            i += 1
        }
        i += column - 1
        guard i >= 0, i < bytes.count else { return "" }
        var end = i
        while end < bytes.count, end - i < 12 {
            let b = bytes[end]
            let isWordByte = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            guard isWordByte else { break }
            end += 1
        }
        return String(decoding: bytes[i..<end], as: UTF8.self)
    }

    static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        if let s = value.stringValue { return "\"\(s.prefix(40))\"" }
        return value.typeName
    }
}

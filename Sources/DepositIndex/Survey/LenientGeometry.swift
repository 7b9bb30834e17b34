import Geo

/// Reads a GeoJSON geometry object the way a survey checker needs: instead of stopping at the first
/// broken position (as `GeoJSONGeometry.decode` rightly does for data files), it reports every one,
/// with its path, and gives no shape when any was broken.
enum LenientGeometry {
    static func decode(_ value: JSONValue, path: String, into sink: inout ProblemSink) -> Shape? {
        guard let object = value.objectValue else {
            sink.add(.geojsonStructure, "\(path) must be a geometry object, not \(value.typeName)")
            return nil
        }
        guard let type = object["type"]?.stringValue else {
            sink.add(.geojsonStructure, "\(path) needs a string \"type\", found \(GeoJSONSurveyReader.describe(object["type"]))")
            return nil
        }
        guard GeoJSONSurveyReader.geometryTypes.contains(type) else {
            sink.add(.geojsonStructure, "\(path).type \"\(type.prefix(40))\" is not a GeoJSON geometry type")
            return nil
        }
        if type == "GeometryCollection" {
            sink.add(.notAPolygon, "\(path) is a GeometryCollection where a deposit outline (Polygon or MultiPolygon) is expected")
            return nil
        }
        guard let coordinates = object["coordinates"], !coordinates.isNull else {
            sink.add(.missingCoordinates, "\(path) (\(type)) has no \"coordinates\"")
            return nil
        }
        // Nesting depth of positions, for messages: Point 0, LineString 1, Polygon 2, MultiPolygon 3.
        let depth: Int
        switch type {
        case "Point": depth = 0
        case "MultiPoint", "LineString": depth = 1
        case "MultiLineString", "Polygon": depth = 2
        default: depth = 3
        }
        var broken = false
        let at = "\(path).coordinates"
        func position(_ v: JSONValue, _ p: @autoclosure () -> String) -> Coordinate? {
            // The common case first: an array of two or three plain numbers.
            if case .array(let items) = v, items.count == 2 || items.count == 3,
               case .number(let x) = items[0], case .number(let y) = items[1],
               items.count == 2 || items[2].doubleValue != nil {
                return Coordinate(x: x, y: y)
            }
            if v.doubleValue != nil || v.arrayValue?.first?.arrayValue != nil {
                let how = v.doubleValue != nil ? "too few" : "too many"
                sink.add(.geojsonStructure, "\(p()) is not a position: \(how) levels of brackets for a \(type) (its coordinates nest \(depth + 1) deep)")
                broken = true
                return nil
            }
            guard case .array(let items) = v else {
                sink.add(.nonNumericCoordinate, "\(p()) must be a position [longitude, latitude], found \(v.typeName)")
                broken = true
                return nil
            }
            guard items.count >= 2 else {
                sink.add(items.isEmpty ? .missingCoordinates : .nonNumericCoordinate, "\(p()) has \(items.count) number\(items.count == 1 ? "" : "s"); a position needs longitude and latitude")
                broken = true
                return nil
            }
            guard let x = items[0].doubleValue, let y = items[1].doubleValue else {
                let bad = items.prefix(2).first { $0.doubleValue == nil }!
                let shown = bad.stringValue.map { "the string \"\($0.prefix(20))\"" } ?? bad.typeName
                sink.add(.nonNumericCoordinate, "\(p()) holds \(shown) where a number is expected")
                broken = true
                return nil
            }
            sink.add(.nonNumericCoordinate, "\(p()) has \(items.count) members; a position is [longitude, latitude] or [longitude, latitude, height]")
            broken = true
            return Coordinate(x: x, y: y)
        }
        /// The members of an array one level above positions (or above rings, polygons), reporting anything else.
        func list(_ v: JSONValue, _ p: @autoclosure () -> String) -> [JSONValue] {
            guard case .array(let items) = v else {
                if v.doubleValue != nil {
                    sink.add(.geojsonStructure, "\(p()) is a number where an array is expected: a \(type)'s coordinates nest \(depth + 1) levels of brackets deep")
                } else {
                    sink.add(.nonNumericCoordinate, "\(p()) is \(v.typeName) where an array of positions is expected")
                }
                broken = true
                return []
            }
            return items
        }
        func sequence(_ v: JSONValue, _ p: @autoclosure () -> String) -> [Coordinate] {
            let items = list(v, p())
            var out = [Coordinate]()
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if let c = position(item, "\(p())[\(i)]") { out.append(c) }
            }
            return out
        }
        func rings(_ v: JSONValue, _ p: @autoclosure () -> String) -> [[Coordinate]] {
            list(v, p()).enumerated().map { sequence($1, "\(p())[\($0)]") }
        }

        let shape: Shape
        switch type {
        case "Point":
            guard let c = position(coordinates, at) else { return nil }
            shape = .point(c)
        case "MultiPoint": shape = .multiPoint(sequence(coordinates, at))
        case "LineString": shape = .lineString(sequence(coordinates, at))
        case "MultiLineString": shape = .multiLineString(rings(coordinates, at))
        case "Polygon": shape = .polygon(rings(coordinates, at))
        default: shape = .multiPolygon(list(coordinates, at).enumerated().map { rings($1, "\(at)[\($0)]") })
        }
        if broken { return nil }
        if shape.coordinates.isEmpty {
            sink.add(.emptyGeometry, "\(path) (\(type)) has no positions")
            return nil
        }
        return shape
    }
}

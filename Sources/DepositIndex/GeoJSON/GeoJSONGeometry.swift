import Geo

/// Conversion between GeoJSON geometry objects (RFC 7946 §3.1) and `Shape`.
public enum GeoJSONGeometry {
    /// Reads a geometry object; `null` gives nil. Errors name the path below `path`.
    public static func decode(_ value: JSONValue, path: String = "geometry") throws -> Shape? {
        if value.isNull { return nil }
        guard let object = value.objectValue else {
            throw GeoJSONError(path: path, message: "a geometry must be an object or null, not \(value.typeName)")
        }
        guard let type = object["type"]?.stringValue else {
            throw GeoJSONError(path: path, message: "a geometry needs a string \"type\"")
        }
        if type == "GeometryCollection" {
            guard let members = object["geometries"]?.arrayValue else {
                throw GeoJSONError(path: path, message: "a GeometryCollection needs a \"geometries\" array")
            }
            return .geometryCollection(try members.enumerated().map { i, member in
                guard let shape = try decode(member, path: "\(path).geometries[\(i)]") else {
                    throw GeoJSONError(path: "\(path).geometries[\(i)]", message: "a member of a GeometryCollection cannot be null")
                }
                return shape
            })
        }
        guard let coordinates = object["coordinates"] else {
            throw GeoJSONError(path: path, message: "a \(type) needs \"coordinates\"")
        }
        let at = "\(path).coordinates"
        switch type {
        case "Point": return .point(try position(coordinates, at))
        case "MultiPoint": return .multiPoint(try positions(coordinates, at))
        case "LineString": return .lineString(try positions(coordinates, at))
        case "MultiLineString": return .multiLineString(try list(coordinates, at, positions))
        case "Polygon": return .polygon(try list(coordinates, at, positions))
        case "MultiPolygon": return .multiPolygon(try list(coordinates, at) { try list($0, $1, positions) })
        default:
            throw GeoJSONError(path: "\(path).type", message: "unknown geometry type \"\(type)\"")
        }
    }

    /// The geometry object for a shape, with coordinates rounded to `decimals` places.
    public static func encode(_ shape: Shape) -> JSONValue {
        func pos(_ c: Coordinate) -> JSONValue { .array([.number(c.x), .number(c.y)]) }
        func seq(_ cs: [Coordinate]) -> JSONValue { .array(cs.map(pos)) }
        func rings(_ rs: [[Coordinate]]) -> JSONValue { .array(rs.map(seq)) }
        switch shape {
        case .point(let c): return .object(["type": "Point", "coordinates": pos(c)])
        case .multiPoint(let cs): return .object(["type": "MultiPoint", "coordinates": seq(cs)])
        case .lineString(let cs): return .object(["type": "LineString", "coordinates": seq(cs)])
        case .multiLineString(let ls): return .object(["type": "MultiLineString", "coordinates": rings(ls)])
        case .polygon(let rs): return .object(["type": "Polygon", "coordinates": rings(rs)])
        case .multiPolygon(let ps): return .object(["type": "MultiPolygon", "coordinates": .array(ps.map(rings))])
        case .geometryCollection(let parts): return .object(["type": "GeometryCollection", "geometries": .array(parts.map(encode))])
        }
    }

    private static func list<T>(_ value: JSONValue, _ path: String, _ element: (JSONValue, String) throws -> T) throws -> [T] {
        guard let array = value.arrayValue else {
            throw GeoJSONError(path: path, message: "expected an array, found \(value.typeName)")
        }
        return try array.enumerated().map { try element($1, "\(path)[\($0)]") }
    }

    private static func positions(_ value: JSONValue, _ path: String) throws -> [Coordinate] {
        try list(value, path, position)
    }

    static func position(_ value: JSONValue, _ path: String) throws -> Coordinate {
        guard let array = value.arrayValue else {
            throw GeoJSONError(path: path, message: "a position must be an array [longitude, latitude], found \(value.typeName)")
        }
        guard array.count >= 2 else {
            throw GeoJSONError(path: path, message: "a position needs at least two numbers, found \(array.count)")
        }
        guard let x = array[0].doubleValue, let y = array[1].doubleValue else {
            throw GeoJSONError(path: path, message: "a position must hold numbers")
        }
        return Coordinate(x: x, y: y)
    }
}

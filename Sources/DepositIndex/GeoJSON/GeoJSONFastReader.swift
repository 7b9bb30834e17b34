import Geo

/// The common case of `GeoJSON.features(parsing:)` in one pass: a FeatureCollection whose geometries
/// name their `type` before their `coordinates` (as every writer we know does) is read straight into
/// features, each position into a `Coordinate`, with no `JSONValue` tree for the geometry.
///
/// Why a second reader: building a tree allocates an array per position, and that was a quarter of
/// loading the bundled data. Why it cannot disagree with the strict reader: it uses the same `JSONParser`
/// reader for every token, and anything it does not expect (a syntax error, a duplicate member, a
/// GeometryCollection, an odd type) makes it give up and return nil, and the caller then reads the same
/// bytes with the strict path, which gives the same features or the located error.
enum GeoJSONFastReader {
    typealias Reader = JSONParser.Reader

    /// The document's features, or nil to have the strict path decide.
    static func features(_ bytes: [UInt8]) -> [Feature]? {
        var bytes = bytes
        bytes.append(0)  // the terminator the reader's number conversion relies on
        return bytes.withUnsafeBufferPointer { buffer -> [Feature]? in
            var reader = Reader(buffer: buffer, end: buffer.count - 1)
            reader.skipByteOrderMark()
            // nil means "not the common case": the strict path reads the same bytes and gives the features or the error.
            return try? collection(&reader)
        }
    }

    /// Any way out that the strict path must judge.
    private struct GiveUp: Error {}

    private static func collection(_ r: inout Reader) throws -> [Feature] {
        r.skipWhitespace()
        var type: String?
        var features: [Feature]?
        try members(&r) { r, key in
            switch key {
            case "type":
                guard type == nil, r.peek == UInt8(ascii: "\"") else { throw GiveUp() }
                type = try r.string()
            case "features":
                guard features == nil, r.peek == UInt8(ascii: "[") else { throw GiveUp() }
                var out = [Feature]()
                try elements(&r) { r in out.append(try feature(&r)) }
                features = out
            default:
                _ = try r.value(depth: 1)
            }
        }
        r.skipWhitespace()
        guard r.position == r.end, type == "FeatureCollection", let features else { throw GiveUp() }
        return features
    }

    private static func feature(_ r: inout Reader) throws -> Feature {
        var type: String?
        var id: String??
        var properties: JSONObject?
        var geometry: Shape??
        try members(&r) { r, key in
            switch key {
            case "type":
                guard type == nil, r.peek == UInt8(ascii: "\"") else { throw GiveUp() }
                type = try r.string()
            case "id":
                guard id == nil else { throw GiveUp() }
                switch try r.value(depth: 3) {
                case .string(let s): id = .some(s)
                case .number(let n): id = .some(JSONWriter.format(n))
                case .null: id = .some(nil)
                default: throw GiveUp()
                }
            case "properties":
                guard properties == nil else { throw GiveUp() }
                switch try r.value(depth: 3) {
                case .object(let o): properties = o
                case .null: properties = JSONObject()
                default: throw GiveUp()
                }
            case "geometry":
                guard geometry == nil else { throw GiveUp() }
                if r.peek == UInt8(ascii: "n") {
                    try r.literal("null")
                    geometry = .some(nil)
                } else {
                    geometry = .some(try shape(&r))
                }
            default:
                _ = try r.value(depth: 3)
            }
        }
        guard type == "Feature", let geometry else { throw GiveUp() }
        let members = properties ?? JSONObject()
        return Feature(id: GeoJSON.featureID(top: id ?? nil, properties: members), properties: members, geometry: geometry)
    }

    private static func shape(_ r: inout Reader) throws -> Shape {
        guard r.peek == UInt8(ascii: "{") else { throw GiveUp() }
        var type: String?
        var shape: Shape?
        try members(&r) { r, key in
            switch key {
            case "type":
                guard type == nil, shape == nil, r.peek == UInt8(ascii: "\"") else { throw GiveUp() }
                type = try r.string()
            case "coordinates":
                guard let type, shape == nil else { throw GiveUp() }
                switch type {
                case "Point": shape = .point(try position(&r))
                case "MultiPoint": shape = .multiPoint(try positions(&r))
                case "LineString": shape = .lineString(try positions(&r))
                case "MultiLineString": shape = .multiLineString(try list(&r, positions))
                case "Polygon": shape = .polygon(try list(&r, positions))
                case "MultiPolygon": shape = .multiPolygon(try list(&r) { try list(&$0, positions) })
                default: throw GiveUp()
                }
            case "geometries":
                throw GiveUp()
            default:
                _ = try r.value(depth: 4)
            }
        }
        guard let shape else { throw GiveUp() }
        return shape
    }

    private static func list<T>(_ r: inout Reader, _ element: (inout Reader) throws -> T) throws -> [T] {
        var out = [T]()
        try elements(&r) { r in out.append(try element(&r)) }
        return out
    }

    private static func positions(_ r: inout Reader) throws -> [Coordinate] {
        var out = [Coordinate]()
        try elements(&r) { r in out.append(try position(&r)) }
        return out
    }

    /// `[x, y, ...]`: two numbers, then more numbers (an altitude, say). The strict path allows anything
    /// after the two; anything but a number is left to it, nesting limits and all.
    private static func position(_ r: inout Reader) throws -> Coordinate {
        guard r.peek == UInt8(ascii: "[") else { throw GiveUp() }
        r.position += 1
        r.skipWhitespace()
        let x = try number(&r)
        r.skipWhitespace()
        guard r.peek == UInt8(ascii: ",") else { throw GiveUp() }
        r.position += 1
        r.skipWhitespace()
        let y = try number(&r)
        r.skipWhitespace()
        while r.peek == UInt8(ascii: ",") {
            r.position += 1
            r.skipWhitespace()
            _ = try number(&r)
            r.skipWhitespace()
        }
        guard r.peek == UInt8(ascii: "]") else { throw GiveUp() }
        r.position += 1
        return Coordinate(x: x, y: y)
    }

    private static func number(_ r: inout Reader) throws -> Double {
        guard let b = r.peek, b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) else { throw GiveUp() }
        return try r.number()
    }

    /// `[a, b, ...]`, each element read by `element`.
    private static func elements(_ r: inout Reader, _ element: (inout Reader) throws -> Void) throws {
        guard r.peek == UInt8(ascii: "[") else { throw GiveUp() }
        r.position += 1
        r.skipWhitespace()
        if r.peek == UInt8(ascii: "]") { r.position += 1; return }
        while true {
            r.skipWhitespace()
            try element(&r)
            r.skipWhitespace()
            switch r.peek {
            case UInt8(ascii: ","): r.position += 1
            case UInt8(ascii: "]"): r.position += 1; return
            default: throw GiveUp()
            }
        }
    }

    /// `{"key": value, ...}`, each value read by `member` given its key.
    private static func members(_ r: inout Reader, _ member: (inout Reader, String) throws -> Void) throws {
        guard r.peek == UInt8(ascii: "{") else { throw GiveUp() }
        r.position += 1
        r.skipWhitespace()
        if r.peek == UInt8(ascii: "}") { r.position += 1; return }
        while true {
            r.skipWhitespace()
            guard r.peek == UInt8(ascii: "\"") else { throw GiveUp() }
            let key = try r.string()
            r.skipWhitespace()
            guard r.peek == UInt8(ascii: ":") else { throw GiveUp() }
            r.position += 1
            r.skipWhitespace()
            try member(&r, key)
            r.skipWhitespace()
            switch r.peek {
            case UInt8(ascii: ","): r.position += 1
            case UInt8(ascii: "}"): r.position += 1; return
            default: throw GiveUp()
            }
        }
    }
}

extension JSONParser.Reader {
    /// The byte at the reading position, nil at the end.
    var peek: UInt8? { position < end ? buffer[position] : nil }
}

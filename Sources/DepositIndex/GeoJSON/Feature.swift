import Geo

/// A GeoJSON Feature: an id, ordered properties and an optional geometry (RFC 7946 §3.2).
public struct Feature: Hashable, Sendable {
    /// The top-level `id`, else `properties.id` (see `GeoJSON.featureID`).
    public var id: String?
    public var properties: JSONObject
    public var geometry: Shape?

    public init(id: String?, properties: JSONObject, geometry: Shape?) {
        self.id = id
        self.properties = properties
        self.geometry = geometry
    }
}

extension Feature {
    /// `properties.id` when it names another id than the feature's own (the top-level id, which wins).
    public var conflictingPropertiesID: String? {
        guard let stated = properties["id"], !stated.isNull else { return nil }
        let text = GeoJSON.idText(stated)
        return text == id ? nil : (text ?? JSONWriter().string(stated))
    }
}

/// Reading and writing GeoJSON FeatureCollections.
public enum GeoJSON {
    /// Reads a FeatureCollection's features. A Feature's `id` may be a string or a number (numbers are
    /// kept as their decimal text); a Feature without one takes `properties.id` (see `featureID`).
    public static func features(in document: JSONValue) throws -> [Feature] {
        guard let object = document.objectValue else {
            throw GeoJSONError(path: "", message: "a GeoJSON document must be an object, not \(document.typeName)")
        }
        guard object["type"]?.stringValue == "FeatureCollection" else {
            throw GeoJSONError(path: "type", message: "expected \"FeatureCollection\", found \(object["type"].map { JSONWriter().string($0) } ?? "nothing")")
        }
        guard let members = object["features"]?.arrayValue else {
            throw GeoJSONError(path: "features", message: "a FeatureCollection needs a \"features\" array")
        }
        return try members.enumerated().map { try feature($1, path: "features[\($0)]") }
    }

    /// Reads one Feature object.
    public static func feature(_ value: JSONValue, path: String) throws -> Feature {
        guard let object = value.objectValue, object["type"]?.stringValue == "Feature" else {
            throw GeoJSONError(path: path, message: "expected an object of type \"Feature\"")
        }
        var id: String?
        switch object["id"] {
        case .string(let s)?: id = s
        case .number(let n)?: id = JSONWriter.format(n)
        case nil, .null?: id = nil
        case let other?: throw GeoJSONError(path: "\(path).id", message: "an id must be a string or a number, not \(other.typeName)")
        }
        let properties: JSONObject
        switch object["properties"] {
        case .object(let o)?: properties = o
        case nil, .null?: properties = JSONObject()
        case let other?:
            throw GeoJSONError(path: "\(id.map { "\(path) (id \"\($0)\")" } ?? path).properties", message: "properties must be an object or null, not \(other.typeName)")
        }
        id = featureID(top: id, properties: properties)
        let located = id.map { "\(path) (id \"\($0)\")" } ?? path
        guard let geometryValue = object["geometry"] else {
            throw GeoJSONError(path: located, message: "a Feature needs a \"geometry\" member (null is allowed)")
        }
        let geometry = try GeoJSONGeometry.decode(geometryValue, path: "\(located).geometry")
        return Feature(id: id, properties: properties, geometry: geometry)
    }

    /// A feature's id as DepositIndex reads it, the same for data layers, imports and surveys: the
    /// top-level `id` (RFC 7946 §3.2) when there is one, else `properties.id` as many tools write it
    /// (a string, or a number kept as its decimal text). When both are there the top-level id wins;
    /// `Feature.conflictingPropertiesID` tells when `properties.id` says otherwise.
    public static func featureID(top: String?, properties: JSONObject) -> String? {
        top ?? idText(properties["id"])
    }

    /// A string, or a number as its decimal text; nil for anything else.
    static func idText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?: return s
        case .number(let n)?: return JSONWriter.format(n)
        default: return nil
        }
    }

    /// Parses GeoJSON text (bytes) into features, with syntax errors located by line and column.
    public static func features(parsing bytes: [UInt8]) throws -> [Feature] {
        // The fast reader gives the same features for the documents it accepts; anything else, errors
        // included, is read by the strict path.
        if let fast = GeoJSONFastReader.features(bytes) { return fast }
        return try features(in: try JSONParser.parse(bytes))
    }

    /// A FeatureCollection as text, one feature per line so that diffs of data files stay readable.
    /// Members are written in a fixed order (type, id, properties, geometry) and numbers rounded to
    /// `decimals` places, so the same features always give the same bytes.
    public static func text(of features: [Feature], decimals: Int? = 7, foreignMembers: JSONObject = JSONObject()) -> String {
        let writer = JSONWriter(decimals: decimals)
        let plain = JSONWriter()
        var out = "{\"type\":\"FeatureCollection\""
        for member in foreignMembers.members {
            out += ","
            JSONWriter.writeString(member.key, into: &out)
            out += ":"
            plain.write(member.value, into: &out)
        }
        out += ",\"features\":[\n"
        for (i, feature) in features.enumerated() {
            write(feature, into: &out, geometry: writer, properties: plain)
            out += i == features.count - 1 ? "\n" : ",\n"
        }
        out += "]}\n"
        return out
    }

    /// One feature as one line of text without an ending (as in `text(of:)`): the record of a GeoJSON
    /// text sequence (RFC 8142) or of a collection.
    public static func text(of feature: Feature, decimals: Int? = 7) -> String {
        var out = ""
        write(feature, into: &out, geometry: JSONWriter(decimals: decimals), properties: JSONWriter())
        return out
    }

    private static func write(_ feature: Feature, into out: inout String, geometry writer: JSONWriter, properties plain: JSONWriter) {
        out += "{\"type\":\"Feature\""
        if let id = feature.id {
            out += ",\"id\":"
            JSONWriter.writeString(id, into: &out)
        }
        out += ",\"properties\":"
        plain.write(.object(feature.properties), into: &out)
        out += ",\"geometry\":"
        writer.write(feature.geometry.map(GeoJSONGeometry.encode) ?? .null, into: &out)
        out += "}"
    }
}

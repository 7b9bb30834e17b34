import DepositIndex

/// The one encoder of answers: JSON for scripts and GeoJSON for map viewers, byte for byte the same
/// from the CLI and the server.
public enum AnswerText {
    /// A Codable answer as JSON: snake_case keys in a stable (sorted) order, SI units, [lon, lat] points,
    /// indented by two spaces; no final newline.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        if let large = value as? any PiecewiseJSON { return try large.jsonText() }
        // The library's answers name fields in Swift's camelCase (`distanceM`); the CLI's own answers are
        // already snake_case, which the conversion leaves as they are. The package's one JSON writer.
        let tree = try JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true).encode(value)
        return JSONWriter(indent: 2).string(tree)
    }

    /// Features as an RFC 7946 FeatureCollection: geodesic edges densified, cut at the antimeridian,
    /// counter-clockwise shells, coordinates rounded to `precision` places (7 ≈ 1 cm); no final newline.
    public static func geojson(_ features: [Feature], precision: Int = 7) throws -> String {
        try GeoJSON.text(of: prepared(features), decimals: precision)
    }

    /// The features as RFC 7946 wants them (densified, cut, wound), for a writer of its own (a map page).
    public static func prepared(_ features: [Feature]) throws -> [Feature] {
        try features.map { f in
            Feature(id: f.id, properties: f.properties, geometry: try f.geometry?.preparedForRFC7946())
        }
    }

    /// The answer's table with the attribution the bundled data's licences ask for under it (`bundled`:
    /// answering from the bundled GeoData).
    public static func table(_ answer: some CommandAnswer, catalog: Catalog, bundled: Bool) throws -> String {
        try answer.table(catalog: catalog) + Attribution.footer(for: answer.attributedLayers, bundled: bundled)
    }
}

/// An answer whose JSON is written a piece at a time, each piece through the one encoder (so the bytes are
/// `AnswerText.json`'s), rather than as one tree of values: the `--all` answers, whose whole tree cost
/// more than the answering (callgrind, README's issue 16 figures).
protocol PiecewiseJSON {
    func jsonText() throws -> String
}

extension AnswerText {
    /// An object `{"query": query, key: [elements]}` as `json` writes it with two-space indents, each
    /// element encoded on its own, on every core.
    static func document<Q: Encodable, E: Encodable & Sendable>(query: Q, key: String, elements: [E]) throws -> String {
        try document(members: ["query": JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true).encode(query)], key: key, elements: elements)
    }

    /// An object of `members` and `key: [elements]`, in the encoder's key order (sorted by UTF-8 bytes), as
    /// `json` writes it with two-space indents, each element encoded on its own, on every core.
    static func document<E: Encodable & Sendable>(members: [String: JSONValue], key: String, elements: [E]) throws -> String {
        let encoder = JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true)
        let writer = JSONWriter(indent: 2)
        precondition(members[key] == nil, "the elements' key is not also a member")
        var out = "{"
        for (n, name) in (Array(members.keys) + [key]).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            out += n == 0 ? "\n  " : ",\n  "
            JSONWriter.writeString(name, into: &out)
            out += " : "
            if let value = members[name] {
                writer.write(value, level: 1, into: &out)
            } else {
                try elementArray(elements, encoder: encoder, writer: writer, into: &out)
            }
        }
        out += "\n}"
        return out
    }

    /// `[elements]` at the document's first level, as `JSONWriter` writes an array there.
    private static func elementArray<E: Encodable & Sendable>(_ elements: [E], encoder: JSONValueEncoder, writer: JSONWriter,
                                                               into out: inout String) throws {
        out += "["
        if elements.isEmpty {
            out += "\n\n  ]"
            return
        }
        let pieces = Parallel.map(elements.count) { i in
            Result { () throws -> String in
                var piece = ""
                writer.write(try encoder.encode(elements[i]), level: 2, into: &piece)
                return piece
            }
        }
        for (i, piece) in pieces.enumerated() {
            out += i == 0 ? "\n    " : ",\n    "
            out += try piece.get()
        }
        out += "\n  ]"
    }
}

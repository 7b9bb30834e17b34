/// The property columns of one feature table: one column per property name, typed by the values the
/// layer holds. Arrays, objects and properties of mixed type are stored as JSON text and declared
/// `application/json` in `gpkg_data_columns`, which GDAL reads as its JSON field subtype.
package struct PropertyColumns: Equatable {
    package enum Kind: String, Equatable {
        case text = "TEXT", integer = "INTEGER", real = "REAL", boolean = "BOOLEAN", json = "JSON"

        /// The SQL type declared for the column (JSON is TEXT with a MIME type).
        package var sqlType: String { self == .json ? "TEXT" : rawValue }
    }

    /// Names the feature table uses itself; a property by one of these names cannot be a column.
    package static let reserved: Set<String> = ["fid", "geom", "id"]

    package private(set) var columns: [(name: String, kind: Kind)] = []

    package static func == (a: PropertyColumns, b: PropertyColumns) -> Bool {
        a.columns.map(\.name) == b.columns.map(\.name) && a.columns.map(\.kind) == b.columns.map(\.kind)
    }

    package init(columns: [(name: String, kind: Kind)] = []) {
        self.columns = columns
    }

    /// Columns for these properties, in order of first appearance.
    package init(inferringFrom properties: [JSONObject]) {
        var order = [String]()
        var kinds = [String: Kind]()
        for p in properties {
            for (key, value) in p.members {
                guard let kind = Self.kind(of: value) else { continue }
                if kinds[key] == nil, !order.contains(key) { order.append(key) }
                kinds[key] = kinds[key].map { Self.merge($0, kind) } ?? kind
            }
            for (key, value) in p.members where value.isNull && !order.contains(key) { order.append(key) }
        }
        columns = order.map { ($0, kinds[$0] ?? .text) }
    }

    /// Problems with the property names (reserved, or differing only by case, which SQLite treats as one).
    package func problems(layer: String) -> [String] {
        var seen = [String: String]()
        var out = [String]()
        for (name, _) in columns {
            if Self.reserved.contains(name.lowercased()) { out.append("\(layer): property \"\(name)\" is a name the store uses itself (fid, geom, id)") }
            if let other = seen[name.lowercased()] { out.append("\(layer): properties \"\(other)\" and \"\(name)\" differ only by case") }
            seen[name.lowercased()] = name
        }
        return out
    }

    /// The kind a value needs; nil for null, which fits any column.
    package static func kind(of value: JSONValue) -> Kind? {
        switch value {
        case .null: return nil
        case .bool: return .boolean
        case .string: return .text
        case .number(let d): return d == d.rounded() && abs(d) < 9.0e15 ? .integer : .real
        case .array, .object: return .json
        }
    }

    package static func merge(_ a: Kind, _ b: Kind) -> Kind {
        if a == b { return a }
        if Set([a, b]) == [.integer, .real] { return .real }
        return .json
    }

    /// True when `value` can go in a column of `kind` without changing the column.
    package static func fits(_ value: JSONValue, _ kind: Kind) -> Bool {
        guard let k = Self.kind(of: value) else { return true }
        return k == kind || (k == .integer && kind == .real) || kind == .json
    }

    static func sqlValue(_ value: JSONValue?, _ kind: Kind) -> SQLiteValue {
        guard let value, !value.isNull else { return kind == .json && value != nil ? .text("null") : .null }
        switch (kind, value) {
        case (.text, .string(let s)): return .text(s)
        case (.integer, .number(let d)): return .integer(Int64(d))
        case (.real, .number(let d)): return .real(d)
        case (.boolean, .bool(let b)): return .integer(b ? 1 : 0)
        default: return .text(JSONWriter().string(value))
        }
    }

    static func jsonValue(_ value: SQLiteValue, _ kind: Kind) throws -> JSONValue? {
        switch (kind, value) {
        case (_, .null): return nil
        case (.boolean, .integer(let i)): return .bool(i != 0)
        case (.json, .text(let s)): return try JSONParser.parse(s)
        case (_, .integer(let i)): return .number(Double(i))
        case (_, .real(let d)): return .number(d)
        case (_, .text(let s)): return .string(s)
        case (_, .blob): return nil
        }
    }

    /// These columns with columns added for properties of `features` they have none for (a survey with a
    /// new field); nil when none is needed. A value that does not fit its column's type is refused
    /// rather than the column silently changed.
    package func widened(_ layer: StoreLayer, for features: [StoredFeature])
        throws -> (all: PropertyColumns, added: [(name: String, kind: Kind)])? {
        let known = Dictionary(columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let incoming = PropertyColumns(inferringFrom: features.map(\.properties))
        var added = [(name: String, kind: Kind)]()
        for (name, kind) in incoming.columns {
            if let have = known[name] {
                for f in features {
                    if let v = f.properties[name], !Self.fits(v, have) {
                        throw StoreError.refused("\(layer.fileName): feature \"\(f.id)\": property \"\(name)\" is a \(v.typeName), but the store's column holds \(have.rawValue.lowercased()) values")
                    }
                }
            } else {
                added.append((name, kind))
            }
        }
        if added.isEmpty { return nil }
        let all = PropertyColumns(columns: columns + added)
        let problems = all.problems(layer: layer.fileName)
        if !problems.isEmpty { throw StoreError.refused(problems.joined(separator: "\n")) }
        return (all, added)
    }
}

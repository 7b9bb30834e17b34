import DepositIndex
import Geo

/// Values as PostgreSQL takes them in text form: parameters and COPY's fields.
enum PostGISValues {
    /// A geometry as PostGIS's text input: `SRID=4326;` and the hex of its WKB (exact: no decimal text).
    static func ewkbText(_ shape: Shape) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        let wkb = WKB.encode(shape)
        var out = [UInt8]()
        out.reserveCapacity(10 + wkb.count * 2)
        out.append(contentsOf: "SRID=4326;".utf8)
        for b in wkb {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A property value in its column's text form; nil for SQL NULL. Text holding a NUL character,
    /// which PostgreSQL's text cannot hold, is refused naming the feature.
    static func text(_ value: JSONValue?, _ kind: PropertyColumns.Kind, layer: StoreLayer, id: String, column: String) throws -> String? {
        guard let value, !value.isNull else { return kind == .json && value != nil ? "null" : nil }
        let out: String
        switch (kind, value) {
        case (.text, .string(let s)): out = s
        case (.integer, .number(let d)): out = String(Int64(d))
        case (.real, .number(let d)): out = "\(d)"
        case (.boolean, .bool(let b)): out = b ? "t" : "f"
        default: out = JSONWriter().string(value)
        }
        if out.utf8.contains(0) {
            throw StoreError.refused("\(layer.fileName): feature \"\(id)\": property \"\(column)\" holds a NUL character, which PostgreSQL text cannot hold; nothing was written")
        }
        return out
    }

    /// A field of COPY's text format: backslash, tab, newline and carriage return escaped; NULL is `\N`.
    static func copyField(_ text: String?) -> String {
        guard let text else { return "\\N" }
        guard text.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// Control characters in a feature's id and property values (and property names): C0 controls other
/// than tab, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069). Printed raw they recolour a terminal (ESC), break a one-line report or error (a line
/// feed), or show text in another order than it is stored (a right-to-left override). Each is a warning
/// naming where it is, with the text shown escaped.
enum ControlCharacters {
    /// True for a scalar that must not reach a terminal or a report line as it is.
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every control character written as `\u{XX}`, at most `limit` characters of it.
    static func escaped(_ text: String, limit: Int = 60) -> String {
        var out = ""
        for u in text.unicodeScalars.prefix(limit) {
            if isControl(u) { out += "\\u{\(String(u.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(u) }
        }
        return text.unicodeScalars.count > limit ? out + "…" : out
    }

    static func check(_ feature: SurveyFeature, into sink: inout ProblemSink) {
        if let id = feature.id { look(id, at: "the id", into: &sink) }
        guard let properties = feature.properties else { return }
        look(.object(properties), path: "properties", into: &sink)
    }

    private static func look(_ value: JSONValue, path: String, into sink: inout ProblemSink) {
        switch value {
        case .string(let s): look(s, at: path, into: &sink)
        case .array(let items):
            for (i, item) in items.enumerated() { look(item, path: "\(path)[\(i)]", into: &sink) }
        case .object(let object):
            for (key, member) in object.members {
                let memberPath = "\(path).\(escaped(key, limit: 40))"
                look(key, at: "the name of \(memberPath)", into: &sink)
                look(member, path: memberPath, into: &sink)
            }
        case .null, .bool, .number:
            break
        }
    }

    private static func look(_ text: String, at place: String, into sink: inout ProblemSink) {
        guard let (offset, u) = text.unicodeScalars.enumerated().first(where: { isControl($0.element) }) else { return }
        let name = String(u.value, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: max(0, 4 - name.count)) + name
        sink.add(.controlCharacter, "\(place) holds the control character U+\(code) at character \(offset + 1): \"\(escaped(text))\"")
    }
}

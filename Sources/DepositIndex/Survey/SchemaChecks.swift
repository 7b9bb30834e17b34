/// The properties a deposit needs (GeoData/README.md, `deposits.geojson`), checked on GeoJSON features.
/// WKT and CSV carry no properties and are not checked.
enum SchemaChecks {
    static let statuses = ["producing", "development", "exploration", "historic"]
    static let footprints = ["subsoil_blocks", "not_located"]
    /// Every property the checks below ask for.
    static let properties = ["name", "aliases", "commodities", "status", "footprint", "location_precision_m", "source"]

    /// Calls `report` with each finding's code, the property it is about (`id` for the feature's id) and
    /// the message; the caller decides whether findings are problems or only a count of what is missing.
    static func check(_ feature: SurveyFeature, report: (ProblemCode, String, String) -> Void) {
        guard let properties = feature.properties else { return }
        check(id: feature.id, properties: properties, report: report)
    }

    /// The same checks on a feature's id and properties, for `deposits import` (which enforces them on
    /// the deposits layer) as for surveys.
    static func check(id: String?, properties: JSONObject, report: (ProblemCode, String, String) -> Void) {
        if id?.allSatisfy(\.isWhitespace) ?? true {
            report(.missingID, "id", "the feature has no \"id\"; deposits are named kz-<commodity>-<nnn>")
        }
        func missing(_ key: String, _ what: String) {
            report(.missingProperty, key, "properties.\(key) is missing: \(what)")
        }
        func invalid(_ key: String, _ message: String) {
            report(.invalidProperty, key, "properties.\(key) \(message)")
        }
        func string(_ key: String, _ what: String) {
            switch properties[key] {
            case nil, .null?: missing(key, what)
            case .string(let s)?: if s.allSatisfy(\.isWhitespace) { invalid(key, "is empty; it must be \(what)") }
            case let other?: invalid(key, "is \(other.typeName); it must be \(what)")
            }
        }
        func strings(_ key: String, _ what: String, nonEmpty: Bool) {
            switch properties[key] {
            case nil, .null?: missing(key, what)
            case .array(let items)?:
                if let bad = items.first(where: { $0.stringValue == nil }) { invalid(key, "holds \(bad.typeName); it must be \(what)") }
                else if nonEmpty && items.isEmpty { invalid(key, "is empty; it must be \(what)") }
            case let other?: invalid(key, "is \(other.typeName); it must be \(what)")
            }
        }
        string("name", "the deposit's English name")
        strings("aliases", "an array of other spellings (may be empty)", nonEmpty: false)
        strings("commodities", "an array of element symbols, main first, e.g. [\"W\", \"Mo\"]", nonEmpty: true)
        string("status", "one of \(statuses.joined(separator: ", "))")
        if let s = properties["status"]?.stringValue, !s.isEmpty, !statuses.contains(s) {
            invalid("status", "is \"\(s.prefix(40))\"; it must be one of \(statuses.joined(separator: ", "))")
        }
        string("footprint", "how the outline was made: \(footprints.joined(separator: " or "))")
        if let f = properties["footprint"]?.stringValue, !f.isEmpty, !footprints.contains(f) {
            invalid("footprint", "is \"\(f.prefix(40))\"; it must be \(footprints.joined(separator: " or "))")
        }
        switch properties["location_precision_m"] {
        case nil: missing("location_precision_m", "how far the workings may lie from the outline, in metres (null when unknown)")
        case .null?: break
        case .number(let m)?: if !(m >= 0) { invalid("location_precision_m", "is \(m); it must be a distance in metres, 0 or more") }
        case let other?: invalid("location_precision_m", "is \(other.typeName); it must be a number of metres or null")
        }
        string("source", "where the outline comes from (a report, a licence, a survey)")
    }
}

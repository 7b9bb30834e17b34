import Geo

/// Rail lines and stations made from their properties, the same way from a data directory and from a store,
/// with the checks the loader reports (a store's rows were checked when they were imported).
extension RailLine {
    /// A rail line read from a feature's properties: `name`, `status`, `geometry_source`, `source`,
    /// `opened_or_due`, `name_latin`, `countries`, `gauge_mm`.
    static func from(id: String, properties p: JSONObject, geometry: Shape) -> RailLine {
        let opened: String? = p["opened_or_due"]?.stringValue ?? p["opened_or_due"]?.doubleValue.flatMap(wholeNumber).map(String.init)
        return RailLine(id: id, name: p["name"]?.stringValue ?? id, status: p["status"]?.stringValue,
                        geometrySource: p["geometry_source"]?.stringValue, source: p["source"]?.stringValue,
                        openedOrDue: opened, nameLatin: p["name_latin"]?.stringValue,
                        countries: p["countries"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                        gaugeMM: p["gauge_mm"]?.doubleValue.flatMap(wholeNumber), geometry: geometry, properties: p)
    }

    /// What is wrong with a rail feature's routing properties, one message each (empty when nothing).
    static func problems(in p: JSONObject) -> [String] {
        var out = [String]()
        if let v = p["status"], !v.isNull {
            if v.stringValue.flatMap(LineStatus.parse) == nil {
                out.append("\"status\" must be operating (or operational), under_construction or planned, not \(v.typeName == "string" ? "\"\(TerminalText.escaped(v.stringValue!))\"" : "a \(v.typeName)")")
            }
        }
        if let v = p["countries"], !v.isNull, !(v.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false) {
            out.append("\"countries\" must be an array of ISO 3166-1 alpha-2 codes")
        }
        if let v = p["gauge_mm"], !v.isNull {
            if !(v.doubleValue.map { $0 > 0 && $0 < 3000 && $0 == $0.rounded() } ?? false) {
                out.append("\"gauge_mm\" must be a whole number of millimetres (1520, 1435), not \(v.typeName == "number" ? "\(v.doubleValue!)" : "a \(v.typeName)")")
            }
        }
        return out
    }
}

/// A JSON number as a whole number of reasonable size (gauges, years), or nil: never a trap on 1e300 or a fraction.
func wholeNumber(_ x: Double) -> Int? {
    guard x.isFinite, abs(x) < 1e9, x == x.rounded() else { return nil }
    return Int(x)
}

extension Station {
    /// A station read from a feature's properties: `name`, `kind`, and the gateway facts (`Gateway`).
    static func from(id: String, properties p: JSONObject, location: Coordinate) -> Station {
        let kind = p["kind"]?.stringValue
        return Station(id: id, name: p["name"]?.stringValue ?? id, kind: kind, location: location, properties: p,
                       gateway: Gateway.of(kind: kind, properties: p))
    }
}

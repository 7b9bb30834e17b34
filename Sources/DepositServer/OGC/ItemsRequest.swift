import Foundation

/// The parameters of `/collections/{id}/items`, read and checked: `bbox`, `limit` (default 10, at
/// most 10,000), `offset` (where the page starts; `next` links carry it), `datetime` (checked; no
/// layer has a time, so it selects every feature), `f`, and one filter per queryable property.
/// Anything else is refused with 400 naming it (OGC API – Features, /req/core/query-param-unknown).
struct ItemsRequest: Sendable {
    static let defaultLimit = 10
    static let maximumLimit = 10_000

    var bbox: BoundingBox?
    var limit = defaultLimit
    var offset = 0
    var f: String?
    var filters: [(name: String, value: String)] = []
    /// The parameters as given, less `offset` (the paging links set their own).
    var kept: [(name: String, value: String)] = []

    init(_ query: [(name: String, value: String)], layer: FeatureLayer) throws {
        var seen = Set<String>()
        for (name, value) in query {
            guard seen.insert(name).inserted else { throw Problem.badParameter(name, "given more than once") }
            if name != "offset" { kept.append((name, value)) }
            switch name {
            case "bbox":
                do { bbox = try BoundingBox(parsing: value) } catch let e as BoundingBox.Invalid { throw Problem.badParameter("bbox", e.reason) }
            case "limit": limit = try Self.integer(name, value, 1...Self.maximumLimit)
            case "offset": offset = try Self.integer(name, value, 0...Int(Int32.max))
            case "f": f = value
            case "bbox-crs":
                guard value == "http://www.opengis.net/def/crs/OGC/1.3/CRS84" else {
                    throw Problem.badParameter(name, "only http://www.opengis.net/def/crs/OGC/1.3/CRS84 (longitude, latitude in WGS84) is served")
                }
            case "datetime": try Self.checkDatetime(value)
            default:
                guard let queryable = layer.queryables[name] else {
                    let known = (["bbox", "limit", "offset", "datetime", "f"] + layer.queryables.keys.sorted()).joined(separator: ", ")
                    throw Problem.badParameter(name, "not a parameter of the \(layer.id) items (known: \(known))")
                }
                switch queryable.kind {
                case .number:
                    // Compared as numbers: `5.0` and `5` are one value; `abc` or `1e999` is no number at all.
                    guard let d = DecimalText.double(value) else {
                        throw Problem.badParameter(name, "'\(value)' is not a finite decimal number (\(name) is a number)")
                    }
                    filters.append((name, FeatureLayer.filterText(.number(d))!))
                case .boolean:
                    guard value == "true" || value == "false" else { throw Problem.badParameter(name, "'\(value)' is not true or false") }
                    filters.append((name, value))
                case .string, .stringArray:
                    filters.append((name, value))
                }
            }
        }
    }

    private static func integer(_ name: String, _ value: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(value) else { throw Problem.badParameter(name, "'\(value)' is not a whole number") }
        guard range.contains(n) else { throw Problem.badParameter(name, "\(n) is outside \(range.lowerBound)...\(range.upperBound)") }
        return n
    }

    /// An RFC 3339 date-time, or an interval of two (either end may be `..` or empty).
    private static func checkDatetime(_ value: String) throws {
        let ends = value.split(separator: "/", omittingEmptySubsequences: false)
        guard ends.count <= 2, !(ends.count == 1 && ends[0] == "..") else {
            throw Problem.badParameter("datetime", "expected an RFC 3339 date-time or an interval start/end")
        }
        for end in ends where !(ends.count == 2 && (end.isEmpty || end == "..")) {
            let text = String(end)
            let plain = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let dateOnly = ISO8601DateFormatter()
            dateOnly.formatOptions = [.withFullDate]
            guard plain.date(from: text) != nil || fractional.date(from: text) != nil || dateOnly.date(from: text) != nil else {
                throw Problem.badParameter("datetime", "'\(text)' is not an RFC 3339 date-time (e.g. 2026-01-01T00:00:00Z)")
            }
        }
    }
}

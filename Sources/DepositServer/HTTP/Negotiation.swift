/// Which representation a request asks for: `f=json` / `f=html` first (OGC API – Features 7.8), else
/// the `Accept` header (HTML when `text/html` is preferred over any JSON type, as a browser's is),
/// else JSON.
enum Representation: String, Sendable {
    case json, html

    static func of(_ request: ServerRequest, _ f: String?) throws -> Representation {
        if let f {
            switch f.lowercased() {
            case "json", "geojson", "application/json", "application/geo+json": return .json
            case "html", "text/html": return .html
            default: throw Problem.badParameter("f", "'\(f)' is not a format here; use json or html")
            }
        }
        guard let accept = request.accept else { return .json }
        var html = -1.0, json = -1.0
        for item in accept.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingSpaces.lowercased() }
            guard let type = parts.first else { continue }
            var q = 1.0
            for p in parts.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            switch type {
            case "text/html", "application/xhtml+xml": html = max(html, q)
            case "application/json", "application/geo+json", "application/problem+json", "application/vnd.oai.openapi+json": json = max(json, q)
            case "*/*": json = max(json, q * 0.999)  // a wildcard prefers nothing; JSON is the default
            default: break
            }
        }
        return html > json ? .html : .json
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}

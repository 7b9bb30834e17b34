import DepositIndex

/// The HTML representations of the OGC API resources (conformance class `html`): what a browser sees
/// at the same URLs, with the links of the JSON documents as links.
enum OGCPages {
    private static func e(_ s: String) -> String { HTMLText.escaped(s) }

    static func landing(title: String) -> String {
        HTMLText.page(title: title, body: """
            <p>Mineral deposits, rail lines, corridors and regions served as OGC API – Features collections, and the \
            <code>deposits</code> questions as endpoints. Distances are geodesic on WGS84.</p>
            <ul>
            <li><a href="/">The web map</a></li>
            <li><a href="/collections?f=html">The collections</a> (<a href="/collections?f=json">JSON</a>)</li>
            <li><a href="/api?f=html">The API documentation</a> and <a href="/api">its OpenAPI 3.0 definition</a></li>
            <li><a href="/conformance?f=html">Conformance classes</a></li>
            </ul>
            <p>In QGIS: Layer ▸ Add Layer ▸ Add WFS / OGC API – Features Layer, a new connection with this server's address.</p>
            """)
    }

    static func conformance() -> String {
        HTMLText.page(title: "Conformance", body: "<ul>" + OGCDocuments.conformance.map { "<li><code>\(e($0))</code></li>" }.joined() + "</ul>")
    }

    static func collections(_ collections: ServedCollections) -> String {
        var rows = ""
        for l in collections.layers {
            rows += "<tr><td><a href=\"/collections/\(e(Link.encode(l.id)))?f=html\">\(e(l.id))</a></td><td>\(e(l.title))</td><td>\(l.features.count)</td><td>\(e(l.description))</td></tr>"
        }
        return HTMLText.page(title: "Collections", body: "<table><tr><th>id</th><th>title</th><th>features</th><th>description</th></tr>\(rows)</table>")
    }

    static func collection(_ l: FeatureLayer) -> String {
        let id = e(Link.encode(l.id))
        var body = "<p>\(e(l.description))</p><p>\(l.features.count) features; geometry: \(e(l.geometryTypes.joined(separator: ", ")))</p>"
        if let x = l.extent { body += "<p>Extent (lon, lat): \(x.minX), \(x.minY) to \(x.maxX), \(x.maxY)</p>" }
        body += "<p><a href=\"/collections/\(id)/items?f=html\">The features</a> (<a href=\"/collections/\(id)/items?f=json\">GeoJSON</a>)</p>"
        body += "<p>Filters: " + l.queryables.keys.sorted().map { "<code>\(e($0))</code>" }.joined(separator: ", ") + "</p>"
        return HTMLText.page(title: l.title, body: body)
    }

    static func items(_ p: ItemsPage) -> String {
        var rows = ""
        for i in p.page {
            let f = p.layer.features[i]
            let name = f.properties["name"]?.stringValue ?? ""
            rows += "<tr><td><a href=\"/collections/\(e(Link.encode(p.layer.id)))/items/\(e(Link.encode(f.id)))?f=html\">\(e(f.id))</a></td><td>\(e(name))</td></tr>"
        }
        var nav = ""
        if let prev = p.previousOffset { nav += "<a href=\"\(e(p.itemsURL(base: "", offset: prev, f: "html")))\">previous</a> " }
        if let next = p.nextOffset { nav += "<a href=\"\(e(p.itemsURL(base: "", offset: next, f: "html")))\">next</a>" }
        let first = p.page.isEmpty ? 0 : p.request.offset + 1
        return HTMLText.page(title: p.layer.title, body: """
            <p>\(p.matched.count) matched; \(first)–\(p.request.offset + p.page.count) shown. \
            <a href="\(e(p.itemsURL(base: "", offset: p.request.offset, f: "json")))">GeoJSON</a></p>
            <table><tr><th>id</th><th>name</th></tr>\(rows)</table><p>\(nav)</p>
            """)
    }

    static func item(_ f: ServedFeature, layer: FeatureLayer) -> String {
        var rows = ""
        for (k, v) in f.properties.members {
            let text = v.stringValue ?? JSONWriter().string(v)
            rows += "<tr><th>\(e(k))</th><td>\(e(text))</td></tr>"
        }
        return HTMLText.page(title: f.properties["name"]?.stringValue ?? f.id, body: """
            <p>\(e(layer.title)): <code>\(e(f.id))</code> \
            (<a href="/collections/\(e(Link.encode(layer.id)))/items/\(e(Link.encode(f.id)))?f=json">GeoJSON</a>)</p>
            <table>\(rows)</table>
            """)
    }
}

import DepositIndex

/// `/collections/{id}/items/{featureId}`: the feature's GeoJSON with its `self`, `alternate` and
/// `collection` links.
enum ItemDocument {
    static func text(_ f: ServedFeature, layer: FeatureLayer, base: String) -> String {
        let collection = base + "/collections/" + Link.encode(layer.id)
        let me = collection + "/items/" + Link.encode(f.id)
        let links: [Link] = [
            Link(href: me + "?f=json", rel: "self", type: HTTPAnswer.geoJSON, title: "This feature"),
            Link(href: me + "?f=html", rel: "alternate", type: "text/html", title: "This feature as HTML"),
            Link(href: collection + "?f=json", rel: "collection", type: HTTPAnswer.json, title: layer.title),
        ]
        var out = String(f.json.dropLast())  // the feature's text without its closing brace
        out += ",\"links\":"
        JSONWriter().write(.array(links.map(\.json)), into: &out)
        out += "}\n"
        return out
    }
}

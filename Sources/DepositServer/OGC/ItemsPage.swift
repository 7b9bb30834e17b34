import DepositIndex
import Foundation

/// One page of `/collections/{id}/items`: the matching features from `offset`, at most `limit`, with
/// `numberMatched`, `numberReturned`, `timeStamp` and the `self`, `alternate`, `prev` and `next` links.
struct ItemsPage: Sendable {
    let layer: FeatureLayer
    let request: ItemsRequest
    let matched: [Int]

    init(layer: FeatureLayer, request: ItemsRequest) {
        self.layer = layer
        self.request = request
        matched = layer.matching(bbox: request.bbox, filters: request.filters)
    }

    /// The positions of the features on this page.
    var page: ArraySlice<Int> {
        let start = min(request.offset, matched.count)
        return matched[start..<min(matched.count, start + request.limit)]
    }

    func itemsURL(base: String, offset: Int?, f: String) -> String {
        var p = request.kept.filter { $0.name != "f" }
        if let offset, offset > 0 { p.append(("offset", String(offset))) }
        p.append(("f", f))
        return base + "/collections/" + Link.encode(layer.id) + "/items" + Link.query(p)
    }

    var nextOffset: Int? { request.offset + request.limit < matched.count ? request.offset + request.limit : nil }
    var previousOffset: Int? { request.offset > 0 ? max(0, request.offset - request.limit) : nil }

    /// The GeoJSON FeatureCollection, joined from each feature's text written when the server started.
    func geoJSON(base: String) -> String {
        var links = [
            Link(href: itemsURL(base: base, offset: request.offset, f: "json"), rel: "self", type: HTTPAnswer.geoJSON, title: "This page"),
            Link(href: itemsURL(base: base, offset: request.offset, f: "html"), rel: "alternate", type: "text/html", title: "This page as HTML"),
            Link(href: base + "/collections/" + Link.encode(layer.id) + "?f=json", rel: "collection", type: HTTPAnswer.json, title: layer.title),
        ]
        if let n = nextOffset { links.append(Link(href: itemsURL(base: base, offset: n, f: "json"), rel: "next", type: HTTPAnswer.geoJSON, title: "Next page")) }
        if let p = previousOffset { links.append(Link(href: itemsURL(base: base, offset: p, f: "json"), rel: "prev", type: HTTPAnswer.geoJSON, title: "Previous page")) }
        let page = self.page
        var out = "{\"type\":\"FeatureCollection\",\"numberMatched\":\(matched.count),\"numberReturned\":\(page.count),\"timeStamp\":"
        JSONWriter().write(.string(Self.timeStamp()), into: &out)
        out += ",\"links\":"
        JSONWriter().write(.array(links.map(\.json)), into: &out)
        out += ",\"features\":["
        var first = true
        for i in page {
            if !first { out += "," }
            first = false
            out += layer.features[i].json
        }
        out += "]}\n"
        return out
    }

    static func timeStamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}

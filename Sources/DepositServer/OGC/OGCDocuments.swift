import DepositIndex
import Geo

/// The JSON documents of OGC API – Features Part 1: the landing page, the conformance declaration,
/// the collections and one collection.
enum OGCDocuments {
    static let conformance = [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    ]

    static let crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"

    static func landing(base: String, title: String) -> JSONValue {
        .object([
            "title": .string(title),
            "description": "Mineral deposits, rail lines, corridors and regions as OGC API – Features collections, and the deposits CLI's questions as endpoints (near-rail, at, corridor, region, route, gateways, validate). Distances are geodesic on WGS84.",
            "links": .array([
                Link(href: base + "/?f=json", rel: "self", type: HTTPAnswer.json, title: "This document"),
                Link(href: base + "/?f=html", rel: "alternate", type: "text/html", title: "This document as HTML"),
                Link(href: base + "/api", rel: "service-desc", type: HTTPAnswer.openAPI, title: "The API definition (OpenAPI 3.0)"),
                Link(href: base + "/api?f=html", rel: "service-doc", type: "text/html", title: "The API documentation"),
                Link(href: base + "/conformance", rel: "conformance", type: HTTPAnswer.json, title: "Conformance classes"),
                Link(href: base + "/collections", rel: "data", type: HTTPAnswer.json, title: "The collections"),
            ].map(\.json)),
        ])
    }

    static func conformanceDocument() -> JSONValue {
        .object(["conformsTo": .array(conformance.map { .string($0) })])
    }

    static func collection(_ layer: FeatureLayer, base: String) -> JSONValue {
        let items = base + "/collections/" + Link.encode(layer.id) + "/items"
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(layer.id)), ("title", .string(layer.title)), ("description", .string(layer.description)),
            ("itemType", "feature"), ("crs", .array([.string(crs84)])),
        ]
        if let e = layer.extent {
            members.append(("extent", .object(["spatial": .object([
                "bbox": .array([.array([.number(e.minX), .number(e.minY), .number(e.maxX), .number(e.maxY)])]),
                "crs": .string(crs84),
            ])])))
        }
        members.append(("links", .array([
            Link(href: base + "/collections/" + Link.encode(layer.id) + "?f=json", rel: "self", type: HTTPAnswer.json, title: "This collection"),
            Link(href: base + "/collections/" + Link.encode(layer.id) + "?f=html", rel: "alternate", type: "text/html", title: "This collection as HTML"),
            Link(href: items + "?f=json", rel: "items", type: HTTPAnswer.geoJSON, title: "The features as GeoJSON"),
            Link(href: items + "?f=html", rel: "items", type: "text/html", title: "The features as HTML"),
        ].map(\.json))))
        return .object(JSONObject(members))
    }

    static func collections(_ collections: ServedCollections, base: String) -> JSONValue {
        .object([
            "links": .array([
                Link(href: base + "/collections?f=json", rel: "self", type: HTTPAnswer.json, title: "The collections"),
                Link(href: base + "/collections?f=html", rel: "alternate", type: "text/html", title: "The collections as HTML"),
            ].map(\.json)),
            "collections": .array(collections.layers.map { collection($0, base: base) }),
        ])
    }
}

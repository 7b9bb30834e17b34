import DepositIndex

/// The OpenAPI 3.0 definition of everything the server answers (conformance class `oas30`): the OGC
/// API – Features resources, one path per collection with its own filter parameters (so a client such
/// as GDAL reads each collection's `limit` maximum, and schemathesis generates requests per layer), and
/// the query API. Every response it documents is one the server gives, with its media type and schema.
enum OpenAPIDocument {
    static func document(collections: ServedCollections, queries: [QueryEndpoint], title: String) -> JSONValue {
        var paths = JSONObject()
        paths["/"] = get("The landing page (JSON), or the web map for a browser (HTML)", id: "getLandingPage",
                         parameters: [ref("f")], ok: jsonOrHTML(ref: "#/components/schemas/landingPage"))
        paths["/conformance"] = get("The conformance classes", id: "getConformance", parameters: [ref("f")],
                                    ok: jsonOrHTML(ref: "#/components/schemas/conformance"))
        paths["/api"] = get("This API definition", id: "getAPI", parameters: [ref("f")],
                            ok: .object(["description": "The OpenAPI document", "content": .object([
                                HTTPAnswer.openAPI: .object(["schema": .object(["type": "object"])]),
                                "text/html": .object(["schema": .object(["type": "string"])]),
                            ])]))
        paths["/collections"] = get("The collections", id: "getCollections", parameters: [ref("f")],
                                    ok: jsonOrHTML(ref: "#/components/schemas/collections"))
        for layer in collections.layers {
            let base = "/collections/" + layer.id
            paths[base] = get("The \(layer.id) collection", id: "describe_\(opID(layer.id))", parameters: [ref("f")],
                              ok: jsonOrHTML(ref: "#/components/schemas/collection"))
            var parameters = [ref("bbox"), ref("limit"), ref("offset"), ref("datetime"), ref("f")]
            for name in layer.queryables.keys.sorted() {
                let kind = layer.queryables[name]!.kind
                let description = kind == .stringArray ? "Features whose \(name) list holds this value" : "Features whose \(name) is this value"
                parameters.append(.object(["name": .string(name), "in": "query", "required": false, "description": .string(description),
                                           "style": "form", "explode": false, "schema": .object(["type": "string"])]))
            }
            paths[base + "/items"] = get("The \(layer.id) features", id: "getFeatures_\(opID(layer.id))", parameters: parameters,
                                         ok: geoJSONOrHTML(ref: "#/components/schemas/featureCollectionGeoJSON"))
            paths[base + "/items/{featureId}"] = get("One feature of \(layer.id)", id: "getFeature_\(opID(layer.id))",
                                                     parameters: [featureID(example: layer.features.first?.id), ref("f")],
                                                     ok: geoJSONOrHTML(ref: "#/components/schemas/featureGeoJSON"))
        }
        for q in queries { paths[q.path] = q.operation }
        return .object([
            "openapi": "3.0.3",
            "info": .object(["title": .string(title), "version": .string(depositIndexVersion),
                             "description": "OGC API – Features Part 1 over the catalog, and the deposits CLI's questions. Read-only."]),
            "paths": .object(paths),
            "components": .object(["parameters": parametersComponent, "schemas": schemas, "responses": responses]),
        ])
    }

    private static func opID(_ s: String) -> String { String(s.map { $0.isLetter || $0.isNumber ? $0 : "_" }) }

    /// The `featureId` path parameter, with an id of the collection as its example (schemathesis and a
    /// reader of the document then try a feature that exists).
    private static func featureID(example: String?) -> JSONValue {
        var p: JSONObject = ["name": "featureId", "in": "path", "required": true, "description": "The feature's id",
                             "schema": .object(["type": "string"])]
        if let example { p["example"] = .string(example) }
        return .object(p)
    }

    static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/parameters/" + name)]) }

    /// A GET operation with the common failure responses.
    static func get(_ summary: String, id: String, parameters: [JSONValue], ok: JSONValue) -> JSONValue {
        .object(["get": operation(summary, id: id, parameters: parameters, ok: ok)])
    }

    static func operation(_ summary: String, id: String, parameters: [JSONValue], ok: JSONValue, extra: JSONObject = [:]) -> JSONValue {
        var responses: JSONObject = [
            "200": ok,
            "400": .object(["$ref": "#/components/responses/problem"]),
            "404": .object(["$ref": "#/components/responses/problem"]),
            "406": .object(["$ref": "#/components/responses/problem"]),
            "408": .object(["$ref": "#/components/responses/problem"]),
        ]
        for (k, v) in extra.members { responses[k] = v }
        return .object(["summary": .string(summary), "operationId": .string(id), "parameters": .array(parameters),
                        "responses": .object(responses)])
    }

    static func jsonOrHTML(ref: String) -> JSONValue {
        .object(["description": "The resource", "content": .object([
            HTTPAnswer.json: .object(["schema": .object(["$ref": .string(ref)])]),
            "text/html": .object(["schema": .object(["type": "string"])]),
        ])])
    }

    static func geoJSONOrHTML(ref: String) -> JSONValue {
        .object(["description": "GeoJSON, or HTML for a browser", "content": .object([
            HTTPAnswer.geoJSON: .object(["schema": .object(["$ref": .string(ref)])]),
            "text/html": .object(["schema": .object(["type": "string"])]),
        ])])
    }

    private static var parametersComponent: JSONValue {
        .object([
            "f": .object(["name": "f", "in": "query", "required": false, "description": "json or html (else the Accept header decides; JSON by default)",
                          "schema": .object(["type": "string", "enum": ["json", "html"]])]),
            "bbox": .object(["name": "bbox", "in": "query", "required": false, "style": "form", "explode": false,
                             "description": "west,south,east,north in degrees (CRS84); west > east crosses the antimeridian",
                             "schema": .object(["type": "array", "minItems": 4, "maxItems": 4,
                                                "items": .object(["type": "number", "minimum": -180, "maximum": 180])])]),
            "limit": .object(["name": "limit", "in": "query", "required": false, "style": "form", "explode": false,
                              "description": "How many features a page holds",
                              "schema": .object(["type": "integer", "minimum": 1, "maximum": .number(Double(ItemsRequest.maximumLimit)),
                                                 "default": .number(Double(ItemsRequest.defaultLimit))])]),
            "offset": .object(["name": "offset", "in": "query", "required": false, "description": "Where the page starts (the next links set it)",
                               "schema": .object(["type": "integer", "minimum": 0, "maximum": 2147483647, "default": 0])]),
            "datetime": .object(["name": "datetime", "in": "query", "required": false, "style": "form", "explode": false,
                                 "description": "An RFC 3339 date-time or interval; no layer has a time, so every feature matches",
                                 "schema": .object(["type": "string"])]),
        ])
    }

    private static var responses: JSONValue {
        .object(["problem": .object(["description": "RFC 9457 problem details", "content": .object([
            HTTPAnswer.problem: .object(["schema": .object(["$ref": "#/components/schemas/problem"])]),
        ])])])
    }

    private static var schemas: JSONValue {
        let link: JSONValue = .object(["type": "object", "required": ["href", "rel"], "properties": .object([
            "href": .object(["type": "string"]), "rel": .object(["type": "string"]), "type": .object(["type": "string"]),
            "title": .object(["type": "string"]),
        ])])
        let links: JSONValue = .object(["type": "array", "items": .object(["$ref": "#/components/schemas/link"])])
        let geometry: JSONValue = .object(["nullable": true, "type": "object", "required": ["type"], "properties": .object([
            "type": .object(["type": "string", "enum": ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"]]),
        ])])
        return .object([
            "link": link,
            "problem": .object(["type": "object", "required": ["type", "title", "status", "detail"], "properties": .object([
                "type": .object(["type": "string"]), "title": .object(["type": "string"]), "status": .object(["type": "integer"]),
                "detail": .object(["type": "string"]),
                "invalid-params": .object(["type": "array", "items": .object(["type": "object", "required": ["name", "reason"], "properties": .object([
                    "name": .object(["type": "string"]), "reason": .object(["type": "string"]),
                ])])]),
            ])]),
            "landingPage": .object(["type": "object", "required": ["links"], "properties": .object([
                "title": .object(["type": "string"]), "description": .object(["type": "string"]), "links": links,
            ])]),
            "conformance": .object(["type": "object", "required": ["conformsTo"], "properties": .object([
                "conformsTo": .object(["type": "array", "items": .object(["type": "string"])]),
            ])]),
            "collection": .object(["type": "object", "required": ["id", "links"], "properties": .object([
                "id": .object(["type": "string"]), "title": .object(["type": "string"]), "description": .object(["type": "string"]),
                "links": links, "itemType": .object(["type": "string"]), "crs": .object(["type": "array", "items": .object(["type": "string"])]),
                "extent": .object(["type": "object"]),
            ])]),
            "collections": .object(["type": "object", "required": ["links", "collections"], "properties": .object([
                "links": links, "collections": .object(["type": "array", "items": .object(["$ref": "#/components/schemas/collection"])]),
            ])]),
            "featureGeoJSON": .object(["type": "object", "required": ["type", "geometry", "properties"], "properties": .object([
                "type": .object(["type": "string", "enum": ["Feature"]]), "id": .object(["type": "string"]),
                "geometry": geometry, "properties": .object(["type": "object", "nullable": true]), "links": links,
            ])]),
            "featureCollectionGeoJSON": .object(["type": "object", "required": ["type", "features"], "properties": .object([
                "type": .object(["type": "string", "enum": ["FeatureCollection"]]),
                "features": .object(["type": "array", "items": .object(["$ref": "#/components/schemas/featureGeoJSON"])]),
                "links": links, "timeStamp": .object(["type": "string", "format": "date-time"]),
                "numberMatched": .object(["type": "integer", "minimum": 0]), "numberReturned": .object(["type": "integer", "minimum": 0]),
            ])]),
            // An object for most questions, an array for the lists (`corridor` without a corridor, `list`).
            "answer": .object(["description": "The JSON the deposits CLI prints for the same question (--format json)"]),
            "validationReport": .object(["type": "object", "description": "The survey validation report, as deposits validate --format json prints it"]),
        ])
    }
}

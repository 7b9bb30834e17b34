import DepositAnswers
import DepositIndex

/// One question of the query API: its path (the CLI subcommand's name), its parameters (the CLI's
/// argument and options, by the CLI's names), its OpenAPI operation, and how a request becomes the
/// answer the CLI prints for the same question (`AnswerText`, the one encoder both use).
struct QueryEndpoint: Sendable {
    /// A parameter as the OpenAPI document describes it.
    struct Parameter: Sendable {
        enum Kind: String, Sendable { case string, integer, number, boolean }
        var name: String
        var kind: Kind
        var description: String
        var required = false
        var repeatable = false
        var example: String?
        var enumeration: [String]?
    }

    let path: String
    let method: String
    let summary: String
    let parameters: [Parameter]
    /// The parameter a usage failure names when its message names none (the CLI's argument).
    let primary: String
    let run: @Sendable (_ request: ServerRequest, _ values: QueryParameters, _ context: QueryContext) throws -> HTTPAnswer

    func answer(_ request: ServerRequest, _ context: QueryContext) throws -> HTTPAnswer {
        let values = try QueryParameters(request, single: Set(parameters.filter { !$0.repeatable }.map(\.name)),
                                         repeatable: Set(parameters.filter(\.repeatable).map(\.name)))
        do {
            return try run(request, values, context)
        } catch {
            throw context.problems.problem(for: error, parameters: parameters.map(\.name), primary: primary)
        }
    }

    /// The answer in the CLI's `--format json` or `--format geojson`, with the CLI's final newline.
    static func write(_ answer: some CommandAnswer, _ format: AnswerFormat, _ catalog: Catalog) throws -> HTTPAnswer {
        switch format {
        case .json: return HTTPAnswer(contentType: HTTPAnswer.json, text: try AnswerText.json(answer).withFinalNewline)
        case .geojson: return HTTPAnswer(contentType: HTTPAnswer.geoJSON, text: try AnswerText.geojson(answer.features(catalog: catalog)).withFinalNewline)
        }
    }

    /// The OpenAPI path item.
    var operation: JSONValue {
        var params = [JSONValue]()
        for p in parameters {
            var schema: JSONObject = ["type": .string(p.kind.rawValue)]
            if let e = p.enumeration { schema["enum"] = .array(e.map { .string($0) }) }
            var o: JSONObject = ["name": .string(p.name), "in": "query", "required": .bool(p.required),
                                 "description": .string(p.description)]
            if p.repeatable {
                o["schema"] = .object(["type": "array", "items": .object(schema)])
                o["style"] = "form"
                o["explode"] = true
            } else {
                o["schema"] = .object(schema)
            }
            if let example = p.example { o["example"] = p.repeatable ? .array([.string(example)]) : .string(example) }
            params.append(.object(o))
        }
        let ok: JSONValue = .object(["description": "The answer, as the CLI prints it with --format json (or geojson)", "content": .object([
            HTTPAnswer.json: .object(["schema": .object(["$ref": "#/components/schemas/answer"])]),
            HTTPAnswer.geoJSON: .object(["schema": .object(["type": "object"])]),
        ])])
        var extra: JSONObject = ["422": .object(["$ref": "#/components/responses/problem"])]
        var operation = OpenAPIDocument.operation(summary, id: "query_" + path.dropFirst().replacingOccurrences(of: "-", with: "_"),
                                                  parameters: params, ok: ok, extra: extra)
        if method == "POST" {
            extra["413"] = .object(["$ref": "#/components/responses/problem"])
            operation = OpenAPIDocument.operation(summary, id: "query_" + path.dropFirst().replacingOccurrences(of: "-", with: "_"),
                                                  parameters: params, ok: ok, extra: extra)
            guard case .object(var o) = operation else { return operation }
            o["requestBody"] = .object(["required": true, "description": "The survey: GeoJSON, WKT or CSV of vertices", "content": .object([
                HTTPAnswer.geoJSON: .object(["schema": .object(["type": "object"])]),
                "text/plain": .object(["schema": .object(["type": "string"])]),
            ])])
            return .object(["post": .object(o)])
        }
        return .object(["get": operation])
    }
}

/// What every query reads: the catalog, the rail network at the default settings (built on first use
/// and kept; nil when the data has no rail or stations), and the rules for failures.
struct QueryContext: Sendable {
    let catalog: Catalog
    let networks: NetworkCache
    let problems: AnswerProblem

    var network: RailNetwork? { networks.network }
}

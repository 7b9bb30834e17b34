import DepositAnswers
import DepositIndex
import Geo

/// `POST /validate`: the request body is the survey (GeoJSON, WKT or CSV of vertices; read from
/// memory, at most the server's body limit), validated against the served catalog as `deposits
/// validate` does; the answer is its report, as `--format json` (or `geojson`) prints it.
enum ValidateEndpoint {
    @Sendable static func run(_ request: ServerRequest, _ v: QueryParameters, _ c: QueryContext) throws -> HTTPAnswer {
        guard !request.body.isEmpty else { throw Problem(status: 400, title: "Bad Request", detail: "the request body is empty: send the survey as the body") }
        let crs = v.string("crs")
        if let crs {
            do { _ = try Projection(from: crs, to: "EPSG:4326") } catch {
                throw Problem.badParameter("crs", "'\(crs)' is not a CRS PROJ knows; give one such as EPSG:32643 (UTM zone 43N)")
            }
        }
        if !c.catalog.presentLayers.contains(.country), try !v.flag("without-country") {
            throw Problem(status: 422, title: "Unprocessable Content",
                          detail: "the served data has no country layer, so whether a survey lies in the country cannot be checked; give without-country=true to validate without it")
        }
        var options = SurveyValidator.Options()
        options.checkDepositProperties = try v.flag("schema")
        let report = SurveyValidator(catalog: c.catalog, options: options).validate(bytes: request.body, name: "survey", crs: crs)
        switch try v.format() {
        case .json: return HTTPAnswer(contentType: HTTPAnswer.json, text: try report.jsonText().withFinalNewline)
        case .geojson: return HTTPAnswer(contentType: HTTPAnswer.geoJSON, text: report.geoJSONText().withFinalNewline)
        }
    }
}

extension String {
    /// The text as the CLI writes it: ending in one newline.
    var withFinalNewline: String { hasSuffix("\n") ? self : self + "\n" }
}

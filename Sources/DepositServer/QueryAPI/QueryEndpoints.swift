import DepositAnswers
import DepositIndex
import Foundation

/// The query API: the CLI's questions as endpoints named as its subcommands, their argument and
/// options as parameters named as the CLI names them, answering what `deposits SUBCOMMAND … --format
/// json` prints (or `geojson`, with `format=geojson`).
enum QueryEndpoints {
    typealias P = QueryEndpoint.Parameter

    static let format = P(name: "format", kind: .string, description: "json (the default) or geojson, as the CLI's --format", enumeration: ["json", "geojson"])
    static let without = P(name: "without", kind: .string, description: "Answer without this layer (rail, stations, corridors or regions), as --without; repeatable",
                           repeatable: true, enumeration: ["rail", "stations", "corridors", "regions"])
    static let include = P(name: "include", kind: .string, description: "Also route over lines under_construction or planned, as --include; repeatable", repeatable: true)
    static let tolerance = P(name: "tolerance-m", kind: .number, description: "Join line ends within this many metres (default 100), as --tolerance-m")
    static let transit = P(name: "transit", kind: .string, description: "Countries a route may pass through and come back (ISO codes), as --transit; repeatable", repeatable: true)

    static var all: [QueryEndpoint] {
        [
            QueryEndpoint(path: "/near-rail", method: "GET", summary: "Distance from a deposit or a point to the nearest rail line(s) (deposits near-rail)",
                          parameters: [P(name: "place", kind: .string, description: "A deposit (id, name or alias) or coordinates, latitude first", required: true, example: "Upper Kairakty"),
                                       P(name: "k", kind: .integer, description: "How many rail lines, nearest first (default 1)", example: "1"),
                                       P(name: "max-km", kind: .number, description: "Leave out lines farther than this many km"), format],
                          primary: "place") { _, v, c in
                let q = NearRailQuestion(place: try v.required("place", "a deposit or coordinates"), k: try v.integer("k", default: 1, 1...10_000),
                                         maxKm: try v.number("max-km"))
                try q.check()
                return try QueryEndpoint.write(q.answer(catalog: c.catalog), v.format(), c.catalog)
            },
            QueryEndpoint(path: "/at", method: "GET", summary: "Everything about a point: region, nearest rail and station, corridors, deposits near (deposits at)",
                          parameters: [P(name: "place", kind: .string, description: "Coordinates, latitude first", required: true, example: "48.683,73.283"),
                                       P(name: "radius-km", kind: .number, description: "List the deposits within this many km (default 50)"), without, format],
                          primary: "place") { _, v, c in
                let q = AtQuestion(place: try v.required("place", "coordinates, latitude first"), radiusKm: try v.number("radius-km") ?? 50,
                                   omissions: try omissions(v))
                try q.check()
                let network = q.omissions.omits(.rail) || q.omissions.omits(.stations) ? nil : c.network
                return try QueryEndpoint.write(q.answer(catalog: c.catalog, network: network), v.format(), c.catalog)
            },
            QueryEndpoint(path: "/show", method: "GET", summary: "One deposit's record with its region, nearest rail, corridors and gateways (deposits show)",
                          parameters: [P(name: "deposit", kind: .string, description: "A deposit by id, name or alias", required: true, example: "kz-w-001"), without, format],
                          primary: "deposit") { _, v, c in
                let q = ShowQuestion(deposit: try v.required("deposit", "a deposit by id, name or alias"), omissions: try omissions(v))
                let network = q.omissions.omits(.rail) || q.omissions.omits(.stations) ? nil : c.network
                return try QueryEndpoint.write(q.answer(catalog: c.catalog, network: network), v.format(), c.catalog)
            },
            QueryEndpoint(path: "/corridor", method: "GET", summary: "The deposits within a corridor, or the corridors (deposits corridor)",
                          parameters: [P(name: "corridor", kind: .string, description: "A corridor by id, name or alias; absent lists the corridors", example: "Trans-Caspian"),
                                       P(name: "width-km", kind: .number, description: "The full width in km (default: the corridor's own)"), format],
                          primary: "corridor") { _, v, c in
                let q = CorridorQuestion(corridor: v.string("corridor"), widthKm: try v.number("width-km"))
                try q.check()
                return try QueryEndpoint.write(q.answer(catalog: c.catalog), v.format(), c.catalog)
            },
            QueryEndpoint(path: "/region", method: "GET", summary: "The regions holding a deposit or a point, or a region's deposits (deposits region)",
                          parameters: [P(name: "place", kind: .string, description: "A deposit, coordinates, or a region (ISO code or name)", required: true, example: "KZ-ULT"), format],
                          primary: "place") { _, v, c in
                let q = RegionQuestion(subject: try v.required("place", "a deposit, coordinates or a region"))
                return try QueryEndpoint.write(q.answer(catalog: c.catalog), v.format(), c.catalog)
            },
            QueryEndpoint(path: "/list", method: "GET", summary: "The deposits, filtered (deposits list)",
                          parameters: [P(name: "commodity", kind: .string, description: "An element symbol, as --commodity", example: "W"),
                                       P(name: "region", kind: .string, description: "A region (ISO code or name), as --region"),
                                       P(name: "status", kind: .string, description: "A status, as --status"), format],
                          primary: "commodity") { _, v, c in
                let filter = DepositFilter(commodity: v.string("commodity"), region: v.string("region"), status: v.string("status"))
                try filter.check(c.catalog)
                return try QueryEndpoint.write(ListQuestion(filter: filter).answer(catalog: c.catalog), v.format(), c.catalog)
            },
            QueryEndpoint(path: "/route", method: "GET", summary: "The shortest route along the rail network between two places (deposits route)",
                          parameters: [P(name: "from", kind: .string, description: "A deposit, a station or coordinates", required: true, example: "Upper Kairakty"),
                                       P(name: "to", kind: .string, description: "A deposit, a station or coordinates", required: true, example: "Kuryk"),
                                       include, tolerance, transit, format],
                          primary: "from") { _, v, c in
                let q = RouteQuestion(from: try v.required("from", "a deposit, a station or coordinates"), to: try v.required("to", "a deposit, a station or coordinates"),
                                      network: try settings(v), transit: v.all("transit"))
                try q.check()
                return try QueryEndpoint.write(q.answer(catalog: c.catalog, built: network(for: q.network, c)), v.format(), c.catalog)
            },
            QueryEndpoint(path: "/gateways", method: "GET", summary: "Every port and border crossing ranked by rail distance from a place (deposits gateways)",
                          parameters: [P(name: "place", kind: .string, description: "A deposit, a station or coordinates", required: true, example: "Upper Kairakty"),
                                       include, tolerance, transit, format],
                          primary: "place") { _, v, c in
                let q = GatewaysQuestion(place: try v.required("place", "a deposit, a station or coordinates"), network: try settings(v), transit: v.all("transit"))
                try q.check()
                return try QueryEndpoint.write(q.answer(catalog: c.catalog, built: network(for: q.network, c)), v.format(), c.catalog)
            },
            QueryEndpoint(path: "/validate", method: "POST", summary: "Validate a survey (the request body) against the catalog (deposits validate)",
                          parameters: [P(name: "crs", kind: .string, description: "The CRS the coordinates are in, as --crs (e.g. EPSG:32643)"),
                                       P(name: "schema", kind: .boolean, description: "Also check a catalog deposit's properties, as --schema"),
                                       P(name: "without-country", kind: .boolean, description: "Validate without the country outline, as --without-country"),
                                       format],
                          primary: "crs", run: ValidateEndpoint.run),
        ]
    }

    static func omissions(_ v: QueryParameters) throws -> LayerOmissions {
        var layers = [LayerOmissions.Layer]()
        for value in v.all("without") {
            for part in value.split(separator: ",") {
                guard let layer = LayerOmissions.Layer(rawValue: String(part)) else {
                    throw Problem.badParameter("without", "'\(part)' is not rail, stations, corridors or regions")
                }
                layers.append(layer)
            }
        }
        return LayerOmissions(layers)
    }

    /// The network settings; a status `include` does not know is refused naming `include`.
    static func settings(_ v: QueryParameters) throws -> NetworkSettings {
        let settings = NetworkSettings(toleranceM: try v.number("tolerance-m") ?? NetworkSettings.defaultToleranceM, include: v.all("include"))
        do {
            _ = try settings.statuses()
        } catch let e as AnswerError {
            throw Problem.badParameter("include", e.message)
        }
        return settings
    }

    /// The network the server keeps when the settings are the defaults; else nil (the question builds its own).
    static func network(for settings: NetworkSettings, _ c: QueryContext) -> RailNetwork? {
        settings.include.isEmpty && settings.toleranceM == NetworkSettings.defaultToleranceM ? c.network : nil
    }
}

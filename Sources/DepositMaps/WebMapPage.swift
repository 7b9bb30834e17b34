import DepositIndex

/// The web map a server shows at `/`: the catalog's country, regions and rail lines inlined (drawn at
/// first paint, no request needed), the deposits loaded from the OGC API – Features items (following
/// `next` links) and coloured by their distance to rail (`near-rail --all`, measured when the page is
/// made and inlined), stations and corridors as toggles; a search box finding
/// deposits by id, name or alias in any script, which shows the nearest rail with the connector drawn;
/// a click anywhere shows the `at` answer (region, nearest rail with the connector, station, corridors,
/// gateways, deposits near) in a side panel. Every request goes to the page's own origin.
public enum WebMapPage {
    /// Where the page asks (paths on the same origin). A query endpoint's URL ends where the place goes.
    public struct Endpoints: Sendable {
        /// The deposits collection's items (GeoJSON; `next` links followed).
        public var deposits = "/collections/deposits/items?limit=10000&f=json"
        /// The stations collection's items.
        public var stations = "/collections/stations/items?limit=10000&f=json"
        /// The corridors collection's items.
        public var corridors = "/collections/corridors/items?limit=10000&f=json"
        /// `near-rail PLACE`: the place (a deposit id) is appended, URL-encoded.
        public var nearRail = "/near-rail?place="
        /// `at PLACE`: `lat,lon` is appended, URL-encoded.
        public var at = "/at?place="

        /// The server's own paths (OGC API – Features collections and the query API).
        public init() {}
    }

    /// The page, made once by a server: `title` heads it (the catalog's name, say). Measures every
    /// deposit's distance to rail (`near-rail --all`, on every core: 2.7 s for 100,000 deposits) unless
    /// the catalog has no rail layer, then the deposits are drawn in one colour.
    public static func html(catalog: Catalog, title: String, leaflet: Leaflet, endpoints: Endpoints = Endpoints()) throws -> String {
        let base = try MapBase(catalog: catalog)
        var distances = JSONObject()
        if catalog.presentLayers.contains(.rail), catalog.presentLayers.contains(.deposits) {
            for d in try catalog.nearestRail(forDeposits: nil, k: 1, maxDistanceM: .infinity) {
                guard let r = d.rail.first else { continue }
                distances[d.depositId] = .array([.number((r.distanceM * 10).rounded() / 10), .string(r.railName)])
            }
        }
        let options: JSONObject = [
            "deposits": .string(endpoints.deposits), "stations": .string(endpoints.stations), "corridors": .string(endpoints.corridors),
            "nearRail": .string(endpoints.nearRail), "at": .string(endpoints.at),
        ]
        let body = """
            <div id="dm-map"></div>
            <div id="dm-panel">
            <h1>\(PageText.html(title))</h1>
            <input id="dm-search" type="search" placeholder="Find a deposit: Upper Kairakty, Верхнее Кайракты, kz-w-001" autocomplete="off" aria-label="Find a deposit by name">
            <ul id="dm-results"></ul>
            <div id="dm-status">Loading the deposits…</div>
            <div id="dm-panel-body"><p>Click anywhere on the map for its region, nearest rail, corridors and the deposits near it.</p></div>
            </div>
            """
        return AnswerMapPage.page(title: title, bodyClass: "dm-web", body: body, leaflet: leaflet, data: [
            ("dm-base", base.geojson), ("dm-options", JSONWriter().string(.object(options))),
            ("dm-distances", JSONWriter().string(.object(distances))),
        ], start: "DepositMap.web(JSON.parse(document.getElementById('dm-options').textContent));")
    }
}

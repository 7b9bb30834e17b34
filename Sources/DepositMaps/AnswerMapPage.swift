import DepositAnswers
import DepositIndex

/// One answer as a self-contained HTML page (`--format html`): Leaflet and the data inlined, the answer
/// drawn over the catalog's own country, regions and rail lines (`MapBase`), with a legend, a scale
/// bar, layer toggles, distances as labels and a popup per feature. No tiles and no network: the page
/// opens offline, from a file.
public enum AnswerMapPage {
    /// The page. `features` are the answer's GeoJSON features as `CommandAnswer.features(catalog:)` gives
    /// them (densified along the geodesic and cut at the antimeridian here, as in the GeoJSON export),
    /// written to `precision` decimals; `title` heads the page; `attribution` credits the data's sources.
    public static func html(features: [Feature], catalog: Catalog, title: String, base: MapBase, leaflet: Leaflet,
                            precision: Int = 7, attribution: String? = nil) throws -> String {
        let answer = try AnswerText.geojson(labelled(features, catalog: catalog), precision: precision)
        var meta: JSONObject = ["title": .string(title), "answerName": "Answer"]
        if let attribution { meta["attribution"] = .string(attribution) }
        return page(title: title, bodyClass: "dm-answer", body: #"<div id="dm-map"></div>"#, leaflet: leaflet, data: [
            ("dm-base", base.geojson), ("dm-answer", answer), ("dm-meta", JSONWriter().string(.object(meta))),
        ], start: "DepositMap.answer();")
    }

    /// The features with a `label` for the map where a reader of Latin script needs one: a station's
    /// or gateway's name as the tables write it ("Сәкен Сейфуллин (Zharyk)"), a rail line's Latin name.
    static func labelled(_ features: [Feature], catalog: Catalog) -> [Feature] {
        let rail = catalog.railLabels()
        return features.map { f in
            var p = f.properties
            let kind = p["kind"]?.stringValue
            if kind == "station" || kind == "gateway" || p["gateway"] != nil, let id = f.id ?? p["id"]?.stringValue,
               let name = p["name"]?.stringValue {
                p["label"] = .string(catalog.stationLabel(id: id, name: name))
            } else if kind == "rail", let id = f.id, let latin = rail[id] {
                p["label"] = .string(latin)
            } else {
                return f
            }
            return Feature(id: f.id, properties: p, geometry: f.geometry)
        }
    }

    /// A page of the map pages' shape: Leaflet's style and ours, the body, the data as JSON script
    /// elements, Leaflet's script and ours, then `start`.
    static func page(title: String, bodyClass: String, body: String, leaflet: Leaflet, data: [(id: String, json: String)], start: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // No icon to fetch: a page that opens offline asks for nothing.
        out += "<link rel=\"icon\" href=\"data:,\">\n"
        out += "<title>\(PageText.html(title))</title>\n"
        out += "<style>\n\(PageText.code(leaflet.styleSheet))\n</style>\n<style>\n\(MapStyle.source)\n</style>\n</head>\n"
        out += "<body class=\"\(bodyClass)\">\n\(body)\n"
        for (id, json) in data {
            out += "<script type=\"application/json\" id=\"\(id)\">\(PageText.json(json))</script>\n"
        }
        out += "<script>\n\(PageText.code(leaflet.script))\n</script>\n<script>\n\(MapScript.source)\n</script>\n"
        out += "<script>\n\(start)\n</script>\n</body>\n</html>\n"
        return out
    }
}

import DepositAnswers
import DepositIndex
import DepositMaps
import Foundation

/// `--format html`: an answer's features as a self-contained map page (`AnswerMapPage`), over the
/// catalog's own base layers, with Leaflet read from Debian's libjs-leaflet.
enum MapPageOutput {
    /// The page; `title` is the answer's table, whose first line heads the page.
    static func page(features: [Feature], title: String, catalog: Catalog, precision: Int, bundled: Bool,
                     layers: Set<Attribution.Layer>) throws -> String {
        let leaflet = try Leaflet.load()
        let heading = title.split(separator: "\n").first.map(String.init) ?? "deposits"
        let credits = Attribution.footer(for: layers.union([.rail, .regions]), bundled: bundled)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return try AnswerMapPage.html(features: features, catalog: catalog, title: heading, base: MapBase(catalog: catalog), leaflet: leaflet,
                                      precision: precision, attribution: credits.isEmpty ? nil : credits)
    }
}

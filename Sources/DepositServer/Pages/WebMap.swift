import DepositIndex
import DepositMaps
import Foundation

/// The page at `/` for a browser: the web map (`WebMapPage`), made once (`MapPageCache`). Without Debian's
/// libjs-leaflet there is no map to draw: the landing page then says so.
enum WebMap {
    static func page(catalog: Catalog, collections: ServedCollections, title: String) -> String {
        do {
            return try WebMapPage.html(catalog: catalog, title: title, leaflet: Leaflet.load())
        } catch {
            let note = "<p>The web map needs Leaflet from Debian's libjs-leaflet package, which is not installed here.</p>"
            return OGCPages.landing(title: title).replacingOccurrences(of: "</body>", with: note + "</body>")
        }
    }
}

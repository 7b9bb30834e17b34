import DepositIndex

/// The page at `/` for a browser.
enum WebMap {
    static func page(catalog: Catalog, collections: ServedCollections, title: String) -> String {
        OGCPages.landing(title: title)
    }
}

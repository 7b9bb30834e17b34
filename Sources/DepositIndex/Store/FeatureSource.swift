import Foundation
import Geo

/// Where a store's features come from: what the request logic (`FeatureSource+Request`,
/// `NearestCandidates`) and the survey intake (`FeatureSource+Survey`) need of a store, so that the
/// GeoPackage store (`CatalogStore`) and the PostGIS store (`DepositPostGIS.PostGISStore`) share one
/// copy of that logic and differ only in how they fetch rows.
///
/// Every method is called inside the store's own read or write transaction; a conformer reads what
/// that transaction sees.
package protocol FeatureSource: AnyObject {
    /// How errors name the store: a path, or a connection text without its password.
    var storeName: String { get }
    /// True when the store holds the layer (perhaps empty).
    func hasLayer(_ layer: StoreLayer) -> Bool
    /// How far (degrees of latitude) a geodesic edge of the layer may bow beyond what the store's window
    /// search (`features(_:edgesMeeting:)`) covers: beyond the vertices' box, or 0 where the store indexes
    /// boxes of the edges themselves. 180 or more when an edge may also leave its vertices' longitudes
    /// (one across the antimeridian): no window then excludes anything, and the layer is read whole.
    func layerBowPad(_ layer: StoreLayer) -> Double
    /// Features whose vertices' box meets `window`, which may reach past ±180°; each once.
    func features(_ layer: StoreLayer, meeting window: Envelope) throws -> [StoredFeature]
    /// Features whose geodesic edges may reach into `window` (every one that does, perhaps others), which
    /// may reach past ±180°; each once. By default `features(_:meetingPadded:)`.
    func features(_ layer: StoreLayer, edgesMeeting window: Envelope) throws -> [StoredFeature]
    /// The layer's edge index, read boxes first (`EdgeIndexReader`), or nil (the default) when the store
    /// has none for it; `nearestCandidates` then searches in windows alone.
    func edgeIndex(_ layer: StoreLayer) -> (any EdgeIndexReader)?
    /// Features by id, in the order of `ids`.
    func features(_ layer: StoreLayer, ids: [String]) throws -> [StoredFeature]
    /// Features whose look-up key (`NameIndex.key` of an id, name or alias) is `key`, or contains it.
    func features(_ layer: StoreLayer, nameKey key: String, containing: Bool) throws -> [StoredFeature]
    /// Every feature of a layer.
    func allFeatures(_ layer: StoreLayer) throws -> [StoredFeature]
    /// The store as the `directory` of the catalogs read from it.
    var catalogDirectory: URL { get }
    /// The layers the store holds.
    var layers: [StoreLayer] { get }
}

extension FeatureSource {
    package func edgeIndex(_ layer: StoreLayer) -> (any EdgeIndexReader)? { nil }

    package func features(_ layer: StoreLayer, edgesMeeting window: Envelope) throws -> [StoredFeature] {
        try features(layer, meetingPadded: window)
    }

    /// Features whose vertices' box meets `window` grown in latitude by the layer's bow pad: every feature
    /// whose edges reach into `window`. The whole layer when the pad is 180° or more.
    package func features(_ layer: StoreLayer, meetingPadded window: Envelope) throws -> [StoredFeature] {
        let pad = layerBowPad(layer)
        if pad >= 180 { return try allFeatures(layer) }
        return try features(layer, meeting: Envelope(minX: window.minX, minY: max(-90, window.minY - pad),
                                                     maxX: window.maxX, maxY: min(90, window.maxY + pad)))
    }

    /// Features whose id, name or alias matches `text` as `Catalog.deposits(matching:)` does: the exact
    /// id first, else the exact key, else every spelling that contains it.
    package func features(_ layer: StoreLayer, matching text: String) throws -> [StoredFeature] {
        let exactID = try features(layer, ids: [text])
        if !exactID.isEmpty { return exactID }
        let key = NameIndex.key(text)
        if key.isEmpty { return [] }
        let exact = try features(layer, nameKey: key, containing: false)
        if !exact.isEmpty { return exact }
        return try features(layer, nameKey: key, containing: true)
    }

    /// Builds the records of some features of each layer into one catalog (indexes and all).
    package func catalog(_ features: [StoreLayer: [StoredFeature]]) throws -> Catalog {
        var layers = CatalogLayers()
        layers.deposits = (features[.deposits] ?? []).map(StoredRecords.deposit)
        layers.rail = try (features[.rail] ?? []).map(StoredRecords.railLine)
        layers.stations = try (features[.stations] ?? []).map(StoredRecords.station)
        layers.corridors = try (features[.corridors] ?? []).map(StoredRecords.corridor)
        layers.regions = try (features[.regions] ?? []).map(StoredRecords.region)
        layers.country = try (features[.country] ?? []).first.map(StoredRecords.country)
        layers.present = Catalog.Layers(self.layers.map(\.catalogLayer))
        return Catalog(directory: catalogDirectory, layers: layers)
    }

    /// Refuses, naming the layer and what needs it, a request needing a layer the store does not hold.
    package func checkLayers(for request: StoreRequest) throws {
        for need in request.neededLayers where !hasLayer(need.layer) {
            throw StoreError.missingLayer(path: storeName, layer: need.layer, neededFor: need.neededFor)
        }
    }

    /// Every feature of every layer the store holds.
    package func allLayers() throws -> [StoreLayer: [StoredFeature]] {
        var all = [StoreLayer: [StoredFeature]]()
        for layer in layers { all[layer] = try allFeatures(layer) }
        return all
    }
}

import DepositIndex
import Synchronization

/// The web map page, made on the first request for it and kept: making it measures every deposit's
/// distance to rail and simplifies the base layers, which a server answering only OGC API or query
/// requests (GDAL, QGIS, scripts, the tests) need not wait for at start. Requests arriving while it is
/// made wait for that one making.
final class MapPageCache: Sendable {
    private let page = Mutex<String?>(nil)
    private let make: @Sendable () -> String

    init(_ make: @escaping @Sendable () -> String) { self.make = make }

    var html: String {
        page.withLock { cached in
            if let cached { return cached }
            let made = make()
            cached = made
            return made
        }
    }
}

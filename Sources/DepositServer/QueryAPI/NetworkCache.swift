import DepositAnswers
import DepositIndex
import Synchronization

/// The rail network at the default settings (operating lines, ends joined within 100 m), built on the
/// first question that needs it (`at`, `show`, `route`, `gateways`) and kept for every later one, so
/// a server answering only OGC API requests does not build it at all. Questions arriving while it is
/// built wait for that one build. When it cannot be built there is none to keep: each question then
/// builds its own and reports why.
final class NetworkCache: Sendable {
    private enum State { case unbuilt, built(RailNetwork?) }
    private let state = Mutex<State>(.unbuilt)
    private let catalog: Catalog

    init(catalog: Catalog) { self.catalog = catalog }

    var network: RailNetwork? {
        state.withLock { state in
            if case .built(let network) = state { return network }
            let network = catalog.presentLayers.isSuperset(of: [.rail, .stations]) ? try? NetworkSettings().network(of: catalog) : nil
            state = .built(network)
            return network
        }
    }
}

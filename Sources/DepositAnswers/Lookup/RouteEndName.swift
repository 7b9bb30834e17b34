import DepositIndex
import Foundation
import Geo

extension Lookup {
    /// A named end of a route: what the library routes from, and how a reader knows it.
    struct RouteEndName {
        var end: RouteEnd
        var kind: String
        var id: String?
        var name: String
    }

    /// Coordinates, or a deposit or station by id or name; a name matching several (deposits and stations
    /// together) lists them all.
    func routeEnd(_ text: String) throws -> RouteEndName {
        if CoordinateText.looksLikeCoordinates(text) {
            let c = try CoordinateText.parse(text)
            return RouteEndName(end: .point(c), kind: "point", id: nil, name: Units.point([c.longitude, c.latitude]))
        }
        let deposits = catalog.presentLayers.contains(.deposits) ? catalog.deposits(matching: text) : []
        let stations = catalog.presentLayers.contains(.stations) ? catalog.stations(matching: text) : []
        if deposits.count == 1 && stations.isEmpty {
            return RouteEndName(end: .deposit(deposits[0].id), kind: "deposit", id: deposits[0].id, name: deposits[0].name)
        }
        if stations.count == 1 && deposits.isEmpty {
            let s = stations[0]
            return RouteEndName(end: .station(s.id), kind: "station", id: s.id, name: catalog.stationLabel(id: s.id, name: s.name))
        }
        let typed = TerminalText.escaped(text)
        if deposits.isEmpty && stations.isEmpty {
            // The deposit lookup's refusal, with its suggestions, naming stations too.
            // Not a deposit, and the data has no stations to look among: say so, not "not found".
            try catalog.requireLayers(.stations)
            do { _ = try deposit(text) } catch let e as AnswerError where e.status == .notFound {
                throw AnswerError(.notFound, e.message.replacingOccurrences(of: "no deposit named", with: "no deposit or station named"))
            }
            throw AnswerError(.notFound, "no deposit or station named '\(typed)'")
        }
        let labels = deposits.map { "deposit \($0.id)  \($0.name)" }
            + stations.map { "station \($0.id)  \($0.name) at \(Units.point([$0.location.longitude, $0.location.latitude]))" }
        let list = labels.prefix(12).map { "  " + TerminalText.escaped($0) }.joined(separator: "\n")
        throw AnswerError(.usage, "'\(typed)' matches \(labels.count) places; name one of them by id:\n\(list)")
    }
}

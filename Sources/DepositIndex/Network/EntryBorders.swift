import Geo

/// The border rule on the partial edges at a route's two ends.
///
/// A deposit or point enters the network inside a track edge, at its rail point, and runs along part of that
/// edge to one of the edge's nodes (`RailNetwork.exits`). `RuledSearch` starts at those nodes, so without
/// these tests a partial edge that dips abroad between an inside rail point and an inside node would be
/// leaving the country and coming back unnoticed (and so would the piece of one edge between two places on
/// it). The phases are `RuledSearch`'s: 0 not yet inside, 1 inside, 2 left after being inside. As for whole
/// edges, the partial edge's inner vertices are tested, not the geodesics between them, and a vertex abroad
/// on a line into a transit country counts as inside.
extension BorderRules {
    /// Whether `c`, a point of line `railId`, counts as inside: within the outline, or on a line into a transit
    /// country. True without a country layer.
    func countsInside(_ c: Coordinate, railId: String?, of network: RailNetwork) -> Bool {
        guard let bands, !bands.contains(c) else { return true }
        return intoTransit(railId, of: network)
    }

    /// Whether one of `vertices` lies abroad on a line that does not run into a transit country.
    func dipsAbroad<C: Collection>(_ vertices: C, railId: String?, of network: RailNetwork) -> Bool where C.Element == Coordinate {
        guard let bands, vertices.contains(where: { !bands.contains($0) }) else { return false }
        return !intoTransit(railId, of: network)
    }

    private func intoTransit(_ railId: String?, of network: RailNetwork) -> Bool {
        guard let railId, let home else { return false }
        let across = network.line(railId)?.countries.first { $0.uppercased() != home }?.uppercased()
        return across.map(transit.contains) ?? false
    }

    /// The phase after running from a point in `phase` along `inner` vertices (of line `railId`) to `end`,
    /// or nil when that comes back inside after leaving.
    func phase(from phase: Int, along inner: ArraySlice<Coordinate>, to end: Coordinate, endInside: Bool? = nil,
               railId: String?, of network: RailNetwork) -> Int? {
        let passed = phase == 1 && dipsAbroad(inner, railId: railId, of: network) ? 2 : phase
        if endInside ?? countsInside(end, railId: railId, of: network) { return passed == 2 ? nil : 1 }
        return passed == 1 ? 2 : passed
    }
}

extension RailNetwork {
    /// The phase a route from entry `e` has on reaching the exit node along `exit.path` (the rail point first),
    /// or nil when the partial edge leaves the country and that node is back inside.
    func startPhase(_ e: Entry, _ exit: (node: Int, m: Double, path: [Coordinate]), _ rules: BorderRules) -> Int? {
        guard e.node == nil else { return rules.inside[exit.node] ? 1 : 0 }
        let railId = edges[e.edge].railId
        let start = rules.countsInside(e.access.railPoint, railId: railId, of: self) ? 1 : 0
        return rules.phase(from: start, along: exit.path.dropFirst().dropLast(), to: nodes[exit.node].location,
                           endInside: rules.inside[exit.node], railId: railId, of: self)
    }

    /// Whether a route reaching the exit node of entry `e` in `phase` may run on along the partial edge to the
    /// entry's rail point (`exit.path` runs from the rail point to the node).
    func endAccepts(_ e: Entry, _ exit: (node: Int, m: Double, path: [Coordinate]), _ rules: BorderRules, phase: Int) -> Bool {
        guard e.node == nil else { return true }
        let railId = edges[e.edge].railId
        return rules.phase(from: phase, along: exit.path.dropFirst().dropLast(), to: e.access.railPoint, railId: railId, of: self) != nil
    }

    /// Whether the piece `path` of one edge, between the rail points of two places on it, keeps the border rule.
    func pieceKeepsBorders(_ path: [Coordinate], railId: String, _ rules: BorderRules) -> Bool {
        guard let first = path.first, let last = path.last else { return true }
        let start = rules.countsInside(first, railId: railId, of: self) ? 1 : 0
        return rules.phase(from: start, along: path.dropFirst().dropLast(), to: last, railId: railId, of: self) != nil
    }
}

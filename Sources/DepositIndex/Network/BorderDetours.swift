import Geo

/// Pairs of places inside the country that the rail joins only through abroad: where the data forces a
/// route out and back in because a line inside is broken (`RouteError.leavesCountry`).
///
/// The nodes inside the country (`BorderRules`, no transit) joined by edges that stay inside (both ends
/// inside, no inner vertex abroad) fall into pieces. A network component holding more than one such piece
/// holds places that connect only through abroad; each piece other than the one with the most track is
/// listed with the nearest pair of its frontier nodes (dead ends, and nodes where an edge leaves the
/// country) to the largest piece's, a straight geodesic: where to look for the missing line.
public struct BorderDetour: Hashable, Sendable, Codable {
    /// The network component both pieces lie in.
    public var component: Int
    /// The smaller piece: its nodes and track inside, metres.
    public var nodes: Int
    public var trackM: Double
    /// Its frontier node nearest to the largest piece's, and that node.
    public var from: Coordinate
    public var to: Coordinate
    /// Geodesic distance between them, metres.
    public var gapM: Double
    /// A line at `from` and one at `to`.
    public var fromRailId: String
    public var toRailId: String

    /// Every detour of `network` under `rules`, the largest piece first; none when borders are not checked.
    public static func find(network: RailNetwork, rules: BorderRules) -> [BorderDetour] {
        guard rules.bordersChecked else { return [] }
        let inside = rules.inside
        var sets = DisjointSets(count: network.nodes.count)
        var frontier = [Bool](repeating: false, count: network.nodes.count)
        for (i, e) in network.edges.enumerated() {
            let stays = inside[e.from] && inside[e.to] && !rules.edgeDips[i]
            if stays { sets.union(e.from, e.to) } else {
                if inside[e.from] { frontier[e.from] = true }
                if inside[e.to] { frontier[e.to] = true }
            }
        }
        var pieceTrack = [Int: Double](), pieceNodes = [Int: [Int]]()
        for n in network.nodes.indices where inside[n] {
            pieceNodes[sets.find(n), default: []].append(n)
            if network.degree(of: n) == 1 { frontier[n] = true }
        }
        for e in network.edges where e.kind == .track && inside[e.from] && inside[e.to] {
            pieceTrack[sets.find(e.from), default: 0] += e.lengthM
        }
        var byComponent = [Int: [Int]]()
        for root in pieceNodes.keys { byComponent[network.nodes[root].component, default: []].append(root) }
        func railId(at n: Int) -> String { network.edges(at: n).first.map { network.edges[$0].railId } ?? "-" }
        var out = [BorderDetour]()
        for (component, roots) in byComponent.sorted(by: { $0.key < $1.key }) where roots.count > 1 {
            let ranked = roots.sorted { (pieceTrack[$0] ?? 0, pieceNodes[$1]!.count, $1) > (pieceTrack[$1] ?? 0, pieceNodes[$0]!.count, $0) }
            let mainFrontier = pieceNodes[ranked[0]]!.filter { frontier[$0] }
            for root in ranked.dropFirst() {
                var best: (a: Int, b: Int, d: Double)?
                for a in pieceNodes[root]! where frontier[a] {
                    for b in mainFrontier {
                        let d = Geodesic.wgs84.distance(network.nodes[a].location, network.nodes[b].location)
                        if best == nil || d < best!.d { best = (a, b, d) }
                    }
                }
                guard let pair = best else { continue }
                out.append(BorderDetour(component: component, nodes: pieceNodes[root]!.count, trackM: pieceTrack[root] ?? 0,
                                        from: network.nodes[pair.a].location, to: network.nodes[pair.b].location, gapM: pair.d,
                                        fromRailId: railId(at: pair.a), toRailId: railId(at: pair.b)))
            }
        }
        return out
    }
}

import DepositIndex
import Foundation
import Geo

/// `gateways --all`. JSON: `query` (`all_deposits`), `lines` (statuses routed over), `transit`, `borders_checked`, and `results`:
/// for every deposit, `deposit_id`, `deposit_name`, `gateways` (`id`, `name`, `access_m`, `rail_m`,
/// `total_m`; nearest first, unreachable last without distances) and, for a deposit that cannot enter the
/// network at all, `unreachable` (why: no published location).
public struct GatewaysForEveryDeposit: CommandAnswer, PiecewiseJSON {
    public var attributedLayers: Set<Attribution.Layer> { [.rail, .stations, .deposits] }

    var results: [DepositGatewayDistances]
    let gateways: [Station]
    let include: [String]
    let transit: [String]
    let bordersChecked: Bool

    enum CodingKeys: String, CodingKey { case query, lines, transit, bordersChecked = "borders_checked", results }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(["all_deposits": true], forKey: .query)
        try c.encode(include, forKey: .lines)
        try c.encode(transit, forKey: .transit)
        try c.encode(bordersChecked, forKey: .bordersChecked)
        try c.encode(results, forKey: .results)
    }

    /// `encode(to:)`'s bytes, each result encoded on its own on every core.
    func jsonText() throws -> String {
        let encoder = JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true)
        return try AnswerText.document(members: [
            "query": encoder.encode(["all_deposits": true]), "lines": encoder.encode(include),
            "transit": encoder.encode(transit), "borders_checked": .bool(bordersChecked),
        ], key: "results", elements: results)
    }

    public func table(catalog: Catalog) -> String {
        var out = ["Total distance (access + rail) from every deposit to every gateway (lines: \(include.joined(separator: ", ")))"]
        var columns: [(String, TextTable.Alignment)] = [("deposit", .left), ("id", .left), ("nearest", .left)]
        columns += gateways.map { (TerminalText.escaped(catalog.stationLabel(id: $0.id, name: $0.name)), .right) }
        var t = TextTable(columns)
        for d in results {
            let byId = Dictionary(d.gateways.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var row = [TerminalText.escaped(d.depositName), d.depositId, d.gateways.first.flatMap { $0.totalM == nil ? nil : TerminalText.escaped(catalog.stationLabel(id: $0.id, name: $0.name)) } ?? "-"]
            row += gateways.map { g in byId[g.id]?.totalM.map(Units.distance) ?? "-" }
            t.add(row)
        }
        out.append(t.text)
        out.append("- : not reachable by rail under the rules, or the deposit has no location.")
        // Deposits with no distance at all, grouped by why, in result order.
        var reasons = [String](), ids = [String: [String]]()
        for d in results { if let why = d.unreachable { if ids[why] == nil { reasons.append(why) }; ids[why, default: []].append(d.depositId) } }
        for why in reasons {
            out.append("No distances for \(ids[why]!.count) deposit\(ids[why]!.count == 1 ? "" : "s") (\(TerminalText.escaped(why))): "
                       + ids[why]!.joined(separator: ", ") + ".")
        }
        if !bordersChecked { out.append("Borders: not checked (the data has no country layer).") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Every located deposit with its nearest gateway in its properties, and the gateways as points.
    public func features(catalog: Catalog) -> [Feature] {
        var out = [Feature]()
        for d in results {
            guard let deposit = catalog.deposit(id: d.depositId), let f = Self.feature(of: d, deposit: deposit) else { continue }
            out.append(f)
        }
        for g in gateways { out.append(FeatureBuilder.station(g)) }
        return out
    }

    /// One deposit's feature (none without a location): the deposit with its nearest reachable gateway's
    /// id, name and total distance in its properties (none when it reaches no gateway).
    static func feature(of d: DepositGatewayDistances, deposit: Deposit) -> Feature? {
        guard deposit.geometry != nil else { return nil }
        var extra: JSONObject = [:]
        if let g = d.gateways.first, let total = g.totalM {
            extra = ["nearest_gateway_id": .string(g.id), "nearest_gateway_name": .string(g.name), "gateway_total_m": Units.metres(total)]
        }
        return FeatureBuilder.deposit(deposit, extra: extra)
    }
}

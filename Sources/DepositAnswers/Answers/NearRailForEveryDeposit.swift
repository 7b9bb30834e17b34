import DepositIndex
import Foundation
import Geo

/// `near-rail --all`: the nearest rail line(s) of every deposit, from the engine's batch form (every
/// core). Deposits are listed nearest to rail first; those without a location, or with no line within
/// `--max-km`, come last in catalog order with an empty list.
public struct NearRailForEveryDeposit: CommandAnswer, PiecewiseJSON {
    public var attributedLayers: Set<Attribution.Layer> { [.rail, .stations] }

    var results: [DepositRail]

    /// Every deposit's answer, measured a part at a time (at most about a million lines a part, each on
    /// every core); `tooMany(deposits measured)` is thrown as soon as the lines found pass `lineLimit`.
    init(catalog: Catalog, k: Int, maxDistance: Double, lineLimit: Int = .max,
         tooMany: (Int) -> Error = { AnswerError(.usage, "more lines than one document holds after \($0) deposits") }) throws {
        try catalog.requireLayers([.deposits, .rail])
        var all = [DepositRail](), lines = 0
        all.reserveCapacity(catalog.deposits.count)
        try Self.inParts(catalog.deposits[...], catalog: catalog, k: k, maxDistance: maxDistance) { part, answers in
            lines += answers.reduce(0) { $0 + $1.rail.count }
            if lines > lineLimit { throw tooMany(part.endIndex) }
            all += answers
        }
        let measured = all.filter { !$0.rail.isEmpty }.sorted { a, b in
            (a.rail[0].distanceM, a.depositId) < (b.rail[0].distanceM, b.depositId)
        }
        results = measured + all.filter { $0.rail.isEmpty }
    }

    /// `deposits`' answers a part at a time, each part of at most about `linesHeld` lines (its deposits ×
    /// `min(k, lines)`, one deposit at least) and measured on every core: `body` takes each part, in order,
    /// with its answers, so that a large `k` never holds every deposit's lines at once.
    static func inParts(_ deposits: ArraySlice<Deposit>, catalog: Catalog, k: Int, maxDistance: Double, linesHeld: Int = 1 << 20,
                        _ body: (ArraySlice<Deposit>, [DepositRail]) throws -> Void) throws {
        let size = max(1, linesHeld / max(1, min(k, catalog.rail.count)))
        for start in stride(from: deposits.startIndex, to: deposits.endIndex, by: size) {
            let part = deposits[start..<min(start + size, deposits.endIndex)]
            try body(part, catalog.nearestRail(for: part, k: k, maxDistanceM: maxDistance))
        }
    }

    enum CodingKeys: String, CodingKey { case query, results }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(["all_deposits": true], forKey: .query)
        try c.encode(results, forKey: .results)
    }

    /// `encode(to:)`'s bytes, each result encoded on its own on every core.
    func jsonText() throws -> String {
        try AnswerText.document(query: ["all_deposits": true], key: "results", elements: results)
    }

    public func table(catalog: Catalog) -> String {
        let measured = results.filter { !$0.rail.isEmpty }
        var lines = ["Nearest rail to every deposit: \(measured.count) measured, \(results.count - measured.count) without a location or a line within the limit"]
        let ranked = results.contains { $0.rail.count > 1 }
        var columns: [(String, TextTable.Alignment)] = [("deposit", .left), ("id", .left)]
        if ranked { columns.append(("rank", .right)) }
        columns += [("distance", .right), ("rail line", .left), ("nearest station", .left), ("station from rail point", .right)]
        var t = TextTable(columns)
        let labels = catalog.railLabels()
        for d in measured {
            for (i, r) in d.rail.enumerated() {
                var row = [d.depositName, d.depositId]
                if ranked { row.append(String(i + 1)) }
                row += [Units.distance(r.distanceM), labels[r.railId] ?? r.railName,
                        r.station.map { catalog.stationLabel(id: $0.id, name: $0.name) } ?? "-", r.station.map { Units.distance($0.distanceM) } ?? "-"]
                t.add(row)
            }
        }
        lines.append(t.text)
        if !catalog.presentLayers.contains(.stations) { lines.append(NearRailAnswer.noStations) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each measured deposit with its nearest line's distance in its properties (for a map coloured by
    /// distance), and a `distance` line from the deposit's point to the rail point for every result.
    public func features(catalog: Catalog) -> [Feature] {
        var features = [Feature]()
        for d in results where !d.rail.isEmpty {
            guard let deposit = catalog.deposit(id: d.depositId) else { continue }
            features += Self.features(of: d, deposit: deposit)
        }
        return features
    }

    /// One deposit's features (none when nothing was measured): the deposit with its nearest line's
    /// distance, then a `distance` line per result.
    static func features(of d: DepositRail, deposit: Deposit) -> [Feature] {
        guard let nearest = d.rail.first else { return [] }
        var features = [FeatureBuilder.deposit(deposit, extra: [
            "rail_distance_m": .number((nearest.distanceM * 10).rounded() / 10), "rail_id": .string(nearest.railId),
            "rail_name": .string(nearest.railName), "station_id": nearest.station.map { .string($0.id) } ?? .null,
            "station_name": nearest.station.map { .string($0.name) } ?? .null,
        ])]
        for (i, r) in d.rail.enumerated() {
            features.append(Feature(id: "distance-\(d.depositId)-\(i + 1)", properties: [
                "kind": "distance", "deposit_id": .string(d.depositId), "rank": .number(Double(i + 1)),
                "rail_id": .string(r.railId), "rail_name": .string(r.railName), "distance_m": .number((r.distanceM * 10).rounded() / 10),
            ], geometry: .lineString([r.fromPoint, r.railPoint])))
        }
        return features
    }
}

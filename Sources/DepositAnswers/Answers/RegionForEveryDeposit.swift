import DepositIndex
import Foundation
import Geo

/// `region --all`: every located deposit's region shares, in the data's order, each record the answer
/// `region DEPOSIT` gives (`RegionAnswer`, from the same `Catalog.regionShares(of:)`). A deposit without a
/// location has no record (`region DEPOSIT` refuses it); the table counts them.
public struct RegionForEveryDeposit: CommandAnswer, PiecewiseJSON {
    public var attributedLayers: Set<Attribution.Layer> { [.regions] }

    /// Each located deposit with its answer, in the data's order.
    var results: [(deposit: Deposit, answer: RegionAnswer, shares: RegionShares)]
    /// Deposits without a location.
    var unlocated: Int

    init(catalog: Catalog) throws {
        try catalog.requireLayers([.deposits, .regions])
        let shares = try catalog.regionShares(for: catalog.deposits)
        results = zip(catalog.deposits, shares).compactMap { d, s in s.map { (d, RegionAnswer(deposit: d, shares: $0), $0) } }
        unlocated = catalog.deposits.count - results.count
    }

    enum CodingKeys: String, CodingKey { case query, results }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(["all_deposits": true], forKey: .query)
        try c.encode(results.map { $0.answer }, forKey: .results)
    }

    /// `encode(to:)`'s bytes, each result encoded on its own on every core.
    func jsonText() throws -> String {
        try AnswerText.document(query: ["all_deposits": true], key: "results", elements: results.map { $0.answer })
    }

    public func table(catalog: Catalog) -> String {
        var lines = ["Region shares of every deposit: \(results.count) located, \(unlocated) without a location"]
        var t = TextTable([("deposit", .left), ("id", .left), ("region", .left), ("region id", .left), ("share", .right), ("on border", .left)])
        for (d, _, s) in results {
            for r in s.regions { t.add([d.name, d.id, r.name, r.id, Units.share(r.share), r.onBoundary ? "yes" : "no"]) }
            if s.regions.isEmpty || s.outsideShare > 0.0005 { t.add([d.name, d.id, "(outside every region)", "-", Units.share(s.outsideShare), "-"]) }
        }
        lines.append(t.text)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each located deposit with its shares in its properties (`Self.feature(of:shares:)`).
    public func features(catalog: Catalog) -> [Feature] {
        results.map { Self.feature(of: $0.deposit, shares: $0.shares) }
    }

    /// One deposit as a feature for a map coloured by region: its largest share's region (`region_id`,
    /// `region_name`, `region_share`; null when it lies in none), every share (`regions`, as the JSON
    /// answer lists them) and `outside_share`; shares rounded to 6 places as `region DEPOSIT --format
    /// geojson` rounds them.
    static func feature(of deposit: Deposit, shares: RegionShares) -> Feature {
        func rounded(_ x: Double) -> JSONValue { .number((x * 1e6).rounded() / 1e6) }
        let first = shares.regions.first
        return FeatureBuilder.deposit(deposit, extra: [
            "region_id": first.map { .string($0.id) } ?? .null, "region_name": first.map { .string($0.name) } ?? .null,
            "region_share": first.map { rounded($0.share) } ?? .null,
            "regions": .array(shares.regions.map { r in
                let share: JSONObject = ["id": .string(r.id), "name": .string(r.name), "share": rounded(r.share), "on_boundary": .bool(r.onBoundary)]
                return .object(share)
            }),
            "outside_share": rounded(shares.outsideShare),
        ])
    }
}

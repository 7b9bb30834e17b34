import DepositIndex
import Foundation
import Geo

/// The region answer in the CLI's JSON schema: `regions` (id, name, share, on_boundary) for a deposit or a
/// point, or `region` and its `deposits` for a region.
public struct RegionAnswer: CommandAnswer, Sendable {
    public var attributedLayers: Set<Attribution.Layer> { [.regions] }

    var query: QueryTarget?
    var regions: [RegionShare]?
    var outside_share: Double?
    var region: RegionInfo?
    var deposits: [DepositShare]?

    struct RegionInfo: Encodable {
        var id: String
        var name: String
        var name_kk: String?
        var name_ru: String?
    }

    init(catalog: Catalog, subject: String) throws {
        // Every form of this question is about regions: without them it is refused, not answered "none".
        try catalog.requireLayers(.regions)
        let lookup = Lookup(catalog: catalog)
        // A region's own name or code wins over a deposit of the same spelling: "Karaganda" is the region.
        if !CoordinateText.looksLikeCoordinates(subject), catalog.regions(matching: subject).count == 1 {
            let r = try lookup.region(subject)
            region = RegionInfo(id: r.id, name: r.name, name_kk: r.nameKk, name_ru: r.nameRu)
            deposits = try catalog.deposits(in: r.id)
            return
        }
        let place = try lookup.place(subject)
        query = QueryTarget(place)
        switch place {
        case .deposit(let d):
            self = Self(deposit: d, shares: try catalog.regionShares(of: d.id))
        case .point(let c):
            regions = try catalog.regions(containing: c)
        }
    }

    /// A deposit's answer from its shares (`Catalog.regionShares(of:)`): what `region DEPOSIT` answers,
    /// and each record of `region --all`.
    init(deposit: Deposit, shares: RegionShares) {
        query = QueryTarget(.deposit(deposit))
        regions = shares.regions
        outside_share = shares.outsideShare
    }

    public func table(catalog: Catalog) -> String {
        if let region, let deposits {
            var out = "Deposits in \(TerminalText.escaped("\(region.name) (\(region.id))")): \(deposits.count)\n"
            guard !deposits.isEmpty else { return out }
            var t = TextTable([("deposit", .left), ("id", .left), ("share in region", .right)])
            for d in deposits { t.add([d.name, d.id, Units.share(d.share) + (d.onBoundary ? " (crosses border)" : "")]) }
            out += t.text + "\n"
            return out
        }
        guard let query, let regions else { return "" }
        if regions.isEmpty { return "\(query.label) lies in no region (outside the data's regions)\n" }
        var t = TextTable([("region", .left), ("id", .left), ("share", .right), ("on border", .left)])
        for r in regions { t.add([r.name, r.id, Units.share(r.share), r.onBoundary ? "yes" : "no"]) }
        var out = "Regions holding \(query.label)\n" + t.text + "\n"
        if let outside_share, outside_share > 0.0005 { out += "Outside every region: \(Units.share(outside_share))\n" }
        return out
    }

    public func features(catalog: Catalog) -> [Feature] {
        var features = [Feature]()
        if let region, let deposits, let r = catalog.regions.first(where: { $0.id == region.id }) {
            features.append(FeatureBuilder.region(r))
            for d in deposits {
                if let deposit = catalog.deposit(id: d.id), deposit.geometry != nil {
                    features.append(FeatureBuilder.deposit(deposit, extra: ["share": .number((d.share * 1e6).rounded() / 1e6)]))
                }
            }
            return features
        }
        for share in regions ?? [] {
            if let r = catalog.regions.first(where: { $0.id == share.id }) {
                features.append(FeatureBuilder.region(r, extra: ["share": .number((share.share * 1e6).rounded() / 1e6), "on_boundary": .bool(share.onBoundary)]))
            }
        }
        switch query?.kind {
        case .deposit(let id)?: if let d = catalog.deposit(id: id) { features.append(FeatureBuilder.deposit(d)) }
        case .point(let c)?: features.append(Feature(id: "query", properties: ["kind": "query"], geometry: .point(c)))
        case nil: break
        }
        return features
    }
}

import DepositIndex
import Foundation
import Geo

/// `deposits list`: the deposits chosen (JSON: a list of catalog records).
public struct DepositList: CommandAnswer {
    let deposits: [Deposit]
    public var attributedLayers: Set<Attribution.Layer> { [.deposits] }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(deposits.map(DepositRecord.init))
    }

    public func table(catalog: Catalog) -> String {
        var t = TextTable([("id", .left), ("name", .left), ("commodities", .left), ("status", .left), ("located", .left)])
        for d in deposits {
            t.add([d.id, d.name, d.commodities.joined(separator: ","), d.status ?? "-", d.geometry == nil ? "no" : "yes"])
        }
        return "\(deposits.count) deposits\n" + t.text + "\n"
    }

    public func features(catalog: Catalog) -> [Feature] { deposits.map { FeatureBuilder.deposit($0) } }
}

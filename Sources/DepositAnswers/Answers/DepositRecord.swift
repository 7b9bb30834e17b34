import DepositIndex
import Foundation
import Geo

/// A deposit's catalog record in the CLI's JSON schema.
public struct DepositRecord: Encodable {
    var id: String
    var name: String
    var aliases: [String]
    var commodities: [String]
    var status: String?
    var footprint: String?
    var location_precision_m: Double?
    var source: String?
    var area_km2: Double?
    var located: Bool

    init(_ d: Deposit) {
        id = d.id
        name = d.name
        aliases = d.aliases
        commodities = d.commodities
        status = d.status
        footprint = d.footprint
        location_precision_m = d.locationPrecisionM
        source = d.source
        area_km2 = d.geometry.map { Geodesic.wgs84.area(of: $0) / 1e6 }
        located = d.geometry != nil
    }
}

import DepositIndex
import Foundation
import Geo

/// One gateway in an answer: what it is, and the route summary to it (or why there is none).
public struct GatewaySummary: Encodable {
    var id: String
    var name: String
    var kind: String
    var countryAcross: String?
    var countryAcrossName: String?
    var sea: String?
    var gaugeAcrossMM: Int?
    var location: Coordinate
    var reachable: Bool
    var accessM: Double?
    var railM: Double?
    var totalM: Double?
    var lineStatusesUsed: [String]?
    var viaCount: Int?
    var corridors: [Route.CorridorRun]?
    var gaugeBreak: Bool?
    var gaugeUnknownM: Double?
    var unreachable: String?

    init(_ g: GatewayRoute) {
        id = g.stationId; name = g.name; kind = g.gateway.kind.rawValue; countryAcross = g.gateway.countryAcross
        countryAcrossName = g.gateway.countryAcrossName; sea = g.gateway.sea; gaugeAcrossMM = g.gateway.gaugeAcrossMM
        location = g.location; reachable = g.route != nil; unreachable = g.unreachable
        if let r = g.route {
            accessM = r.from.accessM + r.to.accessM; railM = r.railM; totalM = r.totalM; lineStatusesUsed = r.lineStatuses
            viaCount = r.via.count; corridors = r.corridorsChecked ? r.corridors : nil; gaugeBreak = r.gateway?.gaugeBreak ?? false
            gaugeUnknownM = r.gaugeUnknownM
        }
    }

    /// Its properties on a map: everything but the location, which is the point.
    var properties: JSONObject {
        var p: JSONObject = ["kind": "gateway", "id": .string(id), "name": .string(name), "gateway": .string(kind),
                             "reachable": .bool(reachable)]
        if let countryAcross { p["country_across"] = .string(countryAcross) }
        if let gaugeAcrossMM { p["gauge_across_mm"] = .number(Double(gaugeAcrossMM)) }
        if let accessM { p["access_m"] = Units.metres(accessM) }
        if let railM { p["rail_m"] = Units.metres(railM) }
        if let totalM { p["total_m"] = Units.metres(totalM) }
        if let gaugeBreak { p["gauge_break"] = .bool(gaugeBreak) }
        if let unreachable { p["unreachable"] = .string(unreachable) }
        return p
    }
}

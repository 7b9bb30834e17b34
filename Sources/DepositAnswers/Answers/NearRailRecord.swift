import DepositIndex
import Geo

/// One deposit's nearest rail as JSON text written straight from the values, byte for byte what
/// `AnswerText`'s encoder makes of a `DepositRail` on one line (snake_case keys in sorted order, numbers
/// in their shortest round-trip form, [longitude, latitude] points, an absent station or kind left out):
/// the JSON Lines record of `near-rail --all`, made without the encoder's tree of values, which took
/// two thirds of the time of a streamed answer (callgrind, README's issue 16 figures).
enum NearRailRecord {
    /// The record and its LF. Throws `JSONValueEncoder.NonFiniteNumber`, as the encoder does, for a
    /// distance or coordinate that is NaN or infinite.
    static func jsonLine(_ d: DepositRail) throws -> [UInt8] {
        var out = RecordBytes(capacity: 320 * max(1, d.rail.count))
        try write(d, into: &out)
        return out.bytes
    }

    /// The record and its LF appended to `out`, after the records before it.
    static func write(_ d: DepositRail, into out: inout RecordBytes) throws {
        out.raw(#"{"deposit_id":"#)
        out.string(d.depositId)
        out.raw(#","deposit_name":"#)
        out.string(d.depositName)
        out.raw(#","rail":["#)
        for (i, r) in d.rail.enumerated() {
            func path(_ key: String) -> String { "rail.\(i).\(key)" }  // made only for an error
            out.raw(i > 0 ? #",{"distance_m":"# : #"{"distance_m":"#)
            try out.number(r.distanceM, at: path("distance_m"))
            out.raw(#","from_point":"#)
            try out.point(r.fromPoint, at: path("from_point"))
            out.raw(#","rail_id":"#)
            out.string(r.railId)
            out.raw(#","rail_name":"#)
            out.string(r.railName)
            out.raw(#","rail_point":"#)
            try out.point(r.railPoint, at: path("rail_point"))
            if let s = r.station {
                out.raw(#","station":{"distance_m":"#)
                try out.number(s.distanceM, at: path("station.distance_m"))
                out.raw(#","id":"#)
                out.string(s.id)
                if let kind = s.kind {
                    out.raw(#","kind":"#)
                    out.string(kind)
                }
                out.raw(#","location":"#)
                try out.point(s.location, at: path("station.location"))
                out.raw(#","name":"#)
                out.string(s.name)
                out.raw("}")
            }
            out.raw("}")
        }
        out.raw("]}")
        out.endLine()
    }
}

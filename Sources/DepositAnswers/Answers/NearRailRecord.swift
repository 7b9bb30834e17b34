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
        var out = "{\"deposit_id\":"
        JSONWriter.writeString(d.depositId, into: &out)
        out += ",\"deposit_name\":"
        JSONWriter.writeString(d.depositName, into: &out)
        out += ",\"rail\":["
        for (i, r) in d.rail.enumerated() {
            func path(_ key: String) -> String { "rail.\(i).\(key)" }  // made only for an error
            if i > 0 { out += "," }
            out += "{\"distance_m\":"
            try number(r.distanceM, at: path("distance_m"), into: &out)
            out += ",\"from_point\":"
            try point(r.fromPoint, at: path("from_point"), into: &out)
            out += ",\"rail_id\":"
            JSONWriter.writeString(r.railId, into: &out)
            out += ",\"rail_name\":"
            JSONWriter.writeString(r.railName, into: &out)
            out += ",\"rail_point\":"
            try point(r.railPoint, at: path("rail_point"), into: &out)
            if let s = r.station {
                out += ",\"station\":{\"distance_m\":"
                try number(s.distanceM, at: path("station.distance_m"), into: &out)
                out += ",\"id\":"
                JSONWriter.writeString(s.id, into: &out)
                if let kind = s.kind {
                    out += ",\"kind\":"
                    JSONWriter.writeString(kind, into: &out)
                }
                out += ",\"location\":"
                try point(s.location, at: path("station.location"), into: &out)
                out += ",\"name\":"
                JSONWriter.writeString(s.name, into: &out)
                out += "}"
            }
            out += "}"
        }
        out += "]}\n"
        return Array(out.utf8)
    }

    /// `d` in the encoder's form, or the encoder's refusal of a NaN or infinity at `path` (also `GatewayRecord`'s).
    static func number(_ d: Double, at path: @autoclosure () -> String, into out: inout String) throws {
        guard d.isFinite else { throw JSONValueEncoder.NonFiniteNumber(path: path(), value: d) }
        out += JSONWriter.format(d)
    }

    private static func point(_ c: Coordinate, at path: @autoclosure () -> String, into out: inout String) throws {
        out += "["
        try number(c.x, at: path() + ".0", into: &out)
        out += ","
        try number(c.y, at: path() + ".1", into: &out)
        out += "]"
    }
}

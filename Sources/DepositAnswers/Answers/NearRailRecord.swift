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
        // Bytes appended straight into the record, not a String converted at the end.
        var out = [UInt8]()
        out.reserveCapacity(320 * max(1, d.rail.count))
        out += #"{"deposit_id":"#.utf8
        JSONWriter.writeString(d.depositId, into: &out)
        out += #","deposit_name":"#.utf8
        JSONWriter.writeString(d.depositName, into: &out)
        out += #","rail":["#.utf8
        for (i, r) in d.rail.enumerated() {
            func path(_ key: String) -> String { "rail.\(i).\(key)" }  // made only for an error
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"distance_m":"#.utf8
            try number(r.distanceM, at: path("distance_m"), into: &out)
            out += #","from_point":"#.utf8
            try point(r.fromPoint, at: path("from_point"), into: &out)
            out += #","rail_id":"#.utf8
            JSONWriter.writeString(r.railId, into: &out)
            out += #","rail_name":"#.utf8
            JSONWriter.writeString(r.railName, into: &out)
            out += #","rail_point":"#.utf8
            try point(r.railPoint, at: path("rail_point"), into: &out)
            if let s = r.station {
                out += #","station":{"distance_m":"#.utf8
                try number(s.distanceM, at: path("station.distance_m"), into: &out)
                out += #","id":"#.utf8
                JSONWriter.writeString(s.id, into: &out)
                if let kind = s.kind {
                    out += #","kind":"#.utf8
                    JSONWriter.writeString(kind, into: &out)
                }
                out += #","location":"#.utf8
                try point(s.location, at: path("station.location"), into: &out)
                out += #","name":"#.utf8
                JSONWriter.writeString(s.name, into: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "}"))
        }
        out += "]}\n".utf8
        return out
    }

    private static func number(_ d: Double, at path: @autoclosure () -> String, into out: inout [UInt8]) throws {
        guard d.isFinite else { throw JSONValueEncoder.NonFiniteNumber(path: path(), value: d) }
        out += JSONWriter.format(d).utf8
    }

    private static func point(_ c: Coordinate, at path: @autoclosure () -> String, into out: inout [UInt8]) throws {
        out.append(UInt8(ascii: "["))
        try number(c.x, at: path() + ".0", into: &out)
        out.append(UInt8(ascii: ","))
        try number(c.y, at: path() + ".1", into: &out)
        out.append(UInt8(ascii: "]"))
    }
}

import DepositIndex

/// One deposit's distances to every gateway as JSON text written straight from the values, byte for byte
/// what `AnswerText`'s encoder makes of a `DepositGatewayDistances` on one line (snake_case keys in sorted
/// order, numbers in their shortest round-trip form, a gateway's absent distances and an absent
/// `unreachable` left out): the JSON Lines record of `gateways --all`, made without the encoder's tree of
/// values, which took two thirds of the streamed answer's CPU time (perf, 100,000 synthetic deposits).
enum GatewayRecord {
    /// The record and its LF. Throws `JSONValueEncoder.NonFiniteNumber`, as the encoder does, for a
    /// distance that is NaN or infinite.
    static func jsonLine(_ d: DepositGatewayDistances) throws -> [UInt8] {
        var out = "{\"deposit_id\":"
        JSONWriter.writeString(d.depositId, into: &out)
        out += ",\"deposit_name\":"
        JSONWriter.writeString(d.depositName, into: &out)
        out += ",\"gateways\":["
        for (i, g) in d.gateways.enumerated() {
            if i > 0 { out += "," }
            out += "{"
            if let m = g.accessM {
                out += "\"access_m\":"
                try NearRailRecord.number(m, at: "gateways.\(i).access_m", into: &out)
                out += ","
            }
            out += "\"id\":"
            JSONWriter.writeString(g.id, into: &out)
            out += ",\"name\":"
            JSONWriter.writeString(g.name, into: &out)
            if let m = g.railM {
                out += ",\"rail_m\":"
                try NearRailRecord.number(m, at: "gateways.\(i).rail_m", into: &out)
            }
            if let m = g.totalM {
                out += ",\"total_m\":"
                try NearRailRecord.number(m, at: "gateways.\(i).total_m", into: &out)
            }
            out += "}"
        }
        out += "]"
        if let why = d.unreachable {
            out += ",\"unreachable\":"
            JSONWriter.writeString(why, into: &out)
        }
        out += "}\n"
        return Array(out.utf8)
    }
}

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
        var out = RecordBytes(capacity: 128 + 160 * d.gateways.count)
        try write(d, into: &out)
        return out.bytes
    }

    /// The record and its LF appended to `out`, after the records before it.
    static func write(_ d: DepositGatewayDistances, into out: inout RecordBytes) throws {
        out.raw(#"{"deposit_id":"#)
        out.string(d.depositId)
        out.raw(#","deposit_name":"#)
        out.string(d.depositName)
        out.raw(#","gateways":["#)
        for (i, g) in d.gateways.enumerated() {
            out.raw(i > 0 ? ",{" : "{")
            if let m = g.accessM {
                out.raw(#""access_m":"#)
                try out.number(m, at: "gateways.\(i).access_m")
                out.raw(",")
            }
            out.raw(#""id":"#)
            out.string(g.id)
            out.raw(#","name":"#)
            out.string(g.name)
            if let m = g.railM {
                out.raw(#","rail_m":"#)
                try out.number(m, at: "gateways.\(i).rail_m")
            }
            if let m = g.totalM {
                out.raw(#","total_m":"#)
                try out.number(m, at: "gateways.\(i).total_m")
            }
            out.raw("}")
        }
        out.raw("]")
        if let why = d.unreachable {
            out.raw(#","unreachable":"#)
            out.string(why)
        }
        out.raw("}")
        out.endLine()
    }
}
